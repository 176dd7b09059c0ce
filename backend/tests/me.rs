//! The signed-in user: switching company, changing password.

mod common;

use common::{PASSWORD, problem, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};
use shared::{AccessLevel, dto::TokenPair};
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn switching_company_gives_tokens_for_it(pool: PgPool) {
    let app = spawn_app(pool).await;
    app.user(
        "coord@acme.mx",
        AccessLevel::Coordinador,
        "Acme",
        "Acme Obras",
    )
    .await;
    app.user(
        "coord@acme.mx",
        AccessLevel::Coordinador,
        "Acme",
        "Acme Vivienda",
    )
    .await;
    let vivienda = app.company_id("Acme Vivienda").await;
    let session = app.session("coord@acme.mx").await;

    let response = app
        .put(
            "/api/v1/me/active-company",
            &session.access_token,
            &json!({ "company_id": vivienda }),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let switched: TokenPair = response.json().await.unwrap();
    let me: Value = app
        .get("/api/v1/me", &switched.access_token)
        .await
        .json()
        .await
        .unwrap();

    assert_eq!(me["active_company"]["id"], vivienda);
    assert_eq!(me["companies"].as_array().unwrap().len(), 2);
    // The choice sticks for the next login.
    let next = app.session("coord@acme.mx").await;
    let me: Value = app
        .get("/api/v1/me", &next.access_token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["active_company"]["id"], vivienda);
}

#[sqlx::test(migrations = "../migrations")]
async fn switching_to_a_company_not_ones_own_is_404_and_changes_nothing(pool: PgPool) {
    let app = spawn_app(pool).await;
    app.user("dir@acme.mx", AccessLevel::Director, "Acme", "Acme Obras")
        .await;
    app.user(
        "aux@acme.mx",
        AccessLevel::Auxiliar,
        "Acme",
        "Acme Vivienda",
    )
    .await;
    app.user("dir@otra.mx", AccessLevel::Director, "Otra", "Otra Obras")
        .await;
    let same_customer = app.company_id("Acme Vivienda").await;
    let other_customer = app.company_id("Otra Obras").await;
    let session = app.session("dir@acme.mx").await;

    for company_id in [same_customer, other_customer, 999_999] {
        let body = json!({ "company_id": company_id });
        let response = app
            .put("/api/v1/me/active-company", &session.access_token, &body)
            .await;
        problem(response, StatusCode::NOT_FOUND).await;
    }

    let me: Value = app
        .get("/api/v1/me", &session.access_token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["active_company"]["name"], "Acme Obras");
    let stored: String = sqlx::query_scalar(
        "SELECT c.name FROM users u JOIN companies c ON c.id = u.active_company_id
         WHERE u.email = 'dir@acme.mx'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(stored, "Acme Obras");
}

#[sqlx::test(migrations = "../migrations")]
async fn changing_password_ends_other_sessions(pool: PgPool) {
    let app = spawn_app(pool).await;
    app.user("dir@acme.mx", AccessLevel::Director, "Acme", "Acme Obras")
        .await;
    let other_device = app.session("dir@acme.mx").await;
    let this_device = app.session("dir@acme.mx").await;

    let body = json!({ "current_password": PASSWORD, "new_password": "una-clave-nueva-larga" });
    let response = app
        .put("/api/v1/me/password", &this_device.access_token, &body)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let renewed: TokenPair = response.json().await.unwrap();

    problem(
        app.refresh(&other_device.refresh_token).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    problem(
        app.refresh(&this_device.refresh_token).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert_eq!(
        app.get("/api/v1/me", &renewed.access_token).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        app.login("dir@acme.mx", PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.login("dir@acme.mx", "una-clave-nueva-larga")
            .await
            .status(),
        StatusCode::OK
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn changing_password_needs_the_current_one_and_a_long_new_one(pool: PgPool) {
    let app = spawn_app(pool).await;
    app.user("dir@acme.mx", AccessLevel::Director, "Acme", "Acme Obras")
        .await;
    let session = app.session("dir@acme.mx").await;

    let wrong_current =
        json!({ "current_password": "nope-nope-nope", "new_password": "larga-y-nueva-1" });
    let too_short = json!({ "current_password": PASSWORD, "new_password": "corta" });
    let wrong = app
        .put("/api/v1/me/password", &session.access_token, &wrong_current)
        .await;
    let short = app
        .put("/api/v1/me/password", &session.access_token, &too_short)
        .await;

    let wrong = problem(wrong, StatusCode::UNPROCESSABLE_ENTITY).await;
    let short = problem(short, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(wrong["errors"][0]["field"], "current_password");
    assert_eq!(short["errors"][0]["field"], "new_password");
    assert_eq!(
        app.login("dir@acme.mx", PASSWORD).await.status(),
        StatusCode::OK
    );
}
