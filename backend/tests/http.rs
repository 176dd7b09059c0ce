//! What surrounds the API: health, request ids, unknown paths, the SPA host.

mod common;

use common::{spawn_app, spawn_app_with, test_config};
use reqwest::StatusCode;
use serde_json::Value;
use sqlx::PgPool;

/// What `/ready` says of (PostgreSQL, Redis).
async fn dependencies(response: reqwest::Response) -> (String, String) {
    let body: Value = response.json().await.unwrap();
    let state = |name: &str| body[name].as_str().unwrap_or_default().to_owned();
    (state("postgres"), state("redis"))
}

#[sqlx::test(migrations = "../migrations")]
async fn health_and_ready_answer(pool: PgPool) {
    let app = spawn_app(pool).await;

    let health = app.get_anonymous("/health").await;
    let ready = app.get_anonymous("/ready").await;

    assert_eq!(health.status(), StatusCode::OK);
    assert_eq!(ready.status(), StatusCode::OK);
    assert_eq!(dependencies(ready).await, ("ok".into(), "ok".into()));
}

#[sqlx::test(migrations = "../migrations")]
async fn ready_says_when_redis_is_away(pool: PgPool) {
    let mut config = test_config("/nonexistent".into());
    config.redis_url = "redis://127.0.0.1:1".to_owned();
    let app = spawn_app_with(pool, config).await;

    let ready = app.get_anonymous("/ready").await;

    assert_eq!(ready.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        dependencies(ready).await,
        ("ok".into(), "unavailable".into())
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn request_ids_are_kept_or_made(pool: PgPool) {
    let app = spawn_app(pool).await;
    let url = format!("{}/health", app.base);

    let given = app
        .http
        .get(&url)
        .header("x-request-id", "abc-123")
        .send()
        .await
        .unwrap();
    let made = app.http.get(&url).send().await.unwrap();
    let hostile = app
        .http
        .get(&url)
        .header("x-request-id", "a b\u{7f}")
        .send()
        .await;

    assert_eq!(given.headers()["x-request-id"], "abc-123");
    assert_eq!(made.headers()["x-request-id"].len(), 36);
    if let Ok(response) = hostile {
        assert_ne!(response.headers()["x-request-id"], "a b\u{7f}");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn unknown_api_paths_are_problem_404s(pool: PgPool) {
    let app = spawn_app(pool).await;

    for path in ["/api/v1/nothing-here", "/api/v2/contracts", "/api/nope"] {
        let response = app
            .http
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        common::problem(response, StatusCode::NOT_FOUND).await;
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn the_spa_serves_deep_links_and_404s_missing_assets(pool: PgPool) {
    let dir = std::env::temp_dir().join(format!("spa-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<html>construbot spa</html>").unwrap();
    std::fs::write(dir.join("frontend-0123456789abcdef.js"), "console.log(1)").unwrap();
    let app = spawn_app_with(pool, test_config(dir)).await;
    let get = |path: &str| app.http.get(format!("{}{path}", app.base)).send();

    let deep = get("/contratos/12/estimaciones").await.unwrap();
    let asset = get("/frontend-0123456789abcdef.js").await.unwrap();
    let missing = get("/frontend-ffffffffffffffff.wasm").await.unwrap();

    assert_eq!(deep.status(), StatusCode::OK);
    assert_eq!(deep.headers()["cache-control"], "no-cache");
    assert!(deep.text().await.unwrap().contains("construbot spa"));
    assert_eq!(asset.status(), StatusCode::OK);
    assert!(
        asset.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_spec_and_docs_are_served(pool: PgPool) {
    let app = spawn_app(pool).await;

    let spec: Value = app
        .get_anonymous("/api/openapi.json")
        .await
        .json()
        .await
        .unwrap();
    let docs = app.get_anonymous("/api/docs").await;

    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    assert!(spec["paths"]["/api/v1/auth/login"]["post"].is_object());
    assert_eq!(docs.status(), StatusCode::OK);
}
