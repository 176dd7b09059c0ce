//! Logging in, sessions and their abuse.

mod common;

use chrono::Utc;
use common::{JWT_SECRET, PASSWORD, TestApp, problem, spawn_app};
use jsonwebtoken::{EncodingKey, Header};
use reqwest::StatusCode;
use serde_json::{Value, json};
use shared::{AccessLevel, dto::TokenPair};
use sqlx::PgPool;

const ACME: &str = "Constructora Acme";

async fn app_with_director(pool: PgPool) -> TestApp {
    let app = spawn_app(pool).await;
    app.user(
        "director@acme.mx",
        AccessLevel::Director,
        ACME,
        "Acme Obras",
    )
    .await;
    app
}

#[sqlx::test(migrations = "../migrations")]
async fn login_gives_a_session_that_reads_me(pool: PgPool) {
    let app = app_with_director(pool).await;

    let session = app.session("Director@ACME.mx").await;
    let me: Value = app
        .get("/api/v1/me", &session.access_token)
        .await
        .json()
        .await
        .unwrap();

    assert_eq!(session.token_type, "Bearer");
    assert_eq!(session.expires_in, 15 * 60);
    assert_eq!(me["user"]["email"], "director@acme.mx");
    assert_eq!(me["level"], "director");
    assert_eq!(me["customer"]["name"], ACME);
    assert_eq!(me["active_company"]["name"], "Acme Obras");
    assert_eq!(me["companies"].as_array().unwrap().len(), 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn wrong_password_and_unknown_email_answer_alike(pool: PgPool) {
    let app = app_with_director(pool).await;

    let wrong = problem(
        app.login("director@acme.mx", "not-the-password").await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    let unknown = problem(
        app.login("nobody@acme.mx", PASSWORD).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;

    assert_eq!(wrong["detail"], unknown["detail"]);
    assert_eq!(wrong["type"], unknown["type"]);
}

#[sqlx::test(migrations = "../migrations")]
async fn inactive_user_cannot_log_in_or_use_a_token(pool: PgPool) {
    let app = app_with_director(pool).await;
    let session = app.session("director@acme.mx").await;

    sqlx::query("UPDATE users SET active = false")
        .execute(&app.pool)
        .await
        .unwrap();

    let login = app.login("director@acme.mx", PASSWORD).await;
    let unknown = app.login("nobody@acme.mx", PASSWORD).await;
    let me = app.get("/api/v1/me", &session.access_token).await;
    let refresh = app.refresh(&session.refresh_token).await;
    let login_body = problem(login, StatusCode::UNAUTHORIZED).await;
    assert_eq!(
        login_body["detail"],
        problem(unknown, StatusCode::UNAUTHORIZED).await["detail"]
    );
    problem(me, StatusCode::UNAUTHORIZED).await;
    problem(refresh, StatusCode::UNAUTHORIZED).await;
}

fn signed_token(secret: &str, exp_offset_secs: i64, company_id: i64, user_id: i64) -> String {
    let now = Utc::now().timestamp();
    let claims = json!({
        "sub": user_id.to_string(), "cus": 1, "cmp": company_id, "lvl": 3, "typ": "access",
        "iat": now - 3600, "exp": now + exp_offset_secs,
    });
    jsonwebtoken::encode(
        &Header::default(),
        &claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn expired_and_tampered_access_tokens_are_refused(pool: PgPool) {
    let app = app_with_director(pool).await;
    let session = app.session("director@acme.mx").await;
    let company = app.company_id("Acme Obras").await;
    let user: i64 = sqlx::query_scalar("SELECT id FROM users")
        .fetch_one(&app.pool)
        .await
        .unwrap();

    let expired = signed_token(JWT_SECRET, -5, company, user);
    let foreign_key = signed_token("another-secret-another-secret-another", 600, company, user);
    let mut parts: Vec<String> = session.access_token.split('.').map(String::from).collect();
    parts[1] = parts[1].chars().rev().collect();
    let tampered = parts.join(".");

    assert_eq!(
        app.get("/api/v1/me", &session.access_token).await.status(),
        StatusCode::OK
    );
    for token in [expired, foreign_key, tampered, String::from("garbage")] {
        problem(
            app.get("/api/v1/me", &token).await,
            StatusCode::UNAUTHORIZED,
        )
        .await;
    }
    let no_token = app
        .http
        .get(format!("{}/api/v1/me", app.base))
        .send()
        .await
        .unwrap();
    problem(no_token, StatusCode::UNAUTHORIZED).await;
}

#[sqlx::test(migrations = "../migrations")]
async fn refresh_rotates_and_a_replayed_token_revokes_the_family(pool: PgPool) {
    let app = app_with_director(pool).await;
    let first = app.session("director@acme.mx").await;

    let second: TokenPair = app
        .refresh(&first.refresh_token)
        .await
        .json()
        .await
        .unwrap();
    let replay = app.refresh(&first.refresh_token).await;
    let after_replay = app.refresh(&second.refresh_token).await;

    assert_ne!(second.refresh_token, first.refresh_token);
    assert_eq!(
        app.get("/api/v1/me", &second.access_token).await.status(),
        StatusCode::OK
    );
    problem(replay, StatusCode::UNAUTHORIZED).await;
    problem(after_replay, StatusCode::UNAUTHORIZED).await;
}

#[sqlx::test(migrations = "../migrations")]
async fn a_replay_leaves_other_logins_alone(pool: PgPool) {
    let app = app_with_director(pool).await;
    let phone = app.session("director@acme.mx").await;
    let laptop = app.session("director@acme.mx").await;

    app.refresh(&phone.refresh_token).await;
    app.refresh(&phone.refresh_token).await;

    assert_eq!(
        app.refresh(&laptop.refresh_token).await.status(),
        StatusCode::OK
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn refresh_and_access_tokens_are_not_interchangeable(pool: PgPool) {
    let app = app_with_director(pool).await;
    let session = app.session("director@acme.mx").await;

    let refresh_as_bearer = app.get("/api/v1/me", &session.refresh_token).await;
    let access_as_refresh = app.refresh(&session.access_token).await;

    problem(refresh_as_bearer, StatusCode::UNAUTHORIZED).await;
    problem(access_as_refresh, StatusCode::UNAUTHORIZED).await;
}

#[sqlx::test(migrations = "../migrations")]
async fn logout_ends_the_session(pool: PgPool) {
    let app = app_with_director(pool).await;
    let session = app.session("director@acme.mx").await;

    let body = json!({ "refresh_token": session.refresh_token });
    let logout = app.post("/api/v1/auth/logout", &body).await;

    assert_eq!(logout.status(), StatusCode::NO_CONTENT);
    problem(
        app.refresh(&session.refresh_token).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
}

#[sqlx::test(migrations = "../migrations")]
async fn too_many_attempts_get_429_with_retry_after(pool: PgPool) {
    let app = app_with_director(pool).await;

    for _ in 0..5 {
        let response = app.login("director@acme.mx", "wrong-password-x").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let limited = app.login("director@acme.mx", PASSWORD).await;

    let retry_after: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after), "Retry-After {retry_after}");
    let body = problem(limited, StatusCode::TOO_MANY_REQUESTS).await;
    assert_eq!(body["type"], "/problems/rate-limited");
    // Another email from the same address is still let through.
    app.user("otro@acme.mx", AccessLevel::Auxiliar, ACME, "Acme Obras")
        .await;
    assert_eq!(
        app.login("otro@acme.mx", PASSWORD).await.status(),
        StatusCode::OK
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn malformed_bodies_are_400_problems_never_500(pool: PgPool) {
    let app = app_with_director(pool).await;
    let url = format!("{}/api/v1/auth/login", app.base);
    let bodies = [
        "{not json",
        "[]",
        r#"{"email": {"at": 1}, "password": "x"}"#,
        r#"{"email": "director@acme.mx"}"#,
        "",
    ];

    for body in bodies {
        let response = app
            .http
            .post(&url)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        let problem = problem(response, StatusCode::BAD_REQUEST).await;
        assert!(
            problem["detail"].as_str().is_some_and(|d| !d.is_empty()),
            "{body}"
        );
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn empty_credentials_name_the_field(pool: PgPool) {
    let app = app_with_director(pool).await;

    let response = app.login("  ", "whatever").await;

    let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(body["errors"][0]["field"], "email");
}
