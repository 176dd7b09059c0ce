//! The contract list: visibility by level and assignment, and tenancy.

mod common;

use common::{TestApp, problem, spawn_app};
use reqwest::StatusCode;
use serde_json::Value;
use shared::AccessLevel;
use sqlx::PgPool;

async fn add_contract(app: &TestApp, company: &str, folio: i64, name: &str) -> i64 {
    let company_id = app.company_id(company).await;
    let client_id: i64 = sqlx::query_scalar(
        "INSERT INTO counterparties (company_id, kind, name) VALUES ($1, 'client', $2)
         ON CONFLICT (company_id, lower(name)) DO UPDATE SET kind = 'client'
         RETURNING id",
    )
    .bind(company_id)
    .bind(format!("Cliente de {company}"))
    .fetch_one(&app.pool)
    .await
    .unwrap();
    sqlx::query_scalar(
        "INSERT INTO contracts (company_id, folio, code, name, short_name, date, amount,
                                counterparty_id)
         VALUES ($1, $2, $3, $4, $4, '2026-01-15', 1000.00, $5) RETURNING id",
    )
    .bind(company_id)
    .bind(folio)
    .bind(format!("OP-{folio:03}"))
    .bind(name)
    .bind(client_id)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

async fn assign(app: &TestApp, contract_id: i64, user_id: i64) {
    sqlx::query("INSERT INTO contract_users (contract_id, user_id) VALUES ($1, $2)")
        .bind(contract_id)
        .bind(user_id)
        .execute(&app.pool)
        .await
        .unwrap();
}

async fn names(app: &TestApp, email: &str, query: &str) -> (Vec<String>, i64) {
    let session = app.session(email).await;
    let page: Value = app
        .get(&format!("/api/v1/contracts{query}"), &session.access_token)
        .await
        .json()
        .await
        .unwrap();
    let names = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect();
    (names, page["total"].as_i64().unwrap())
}

#[sqlx::test(migrations = "../migrations")]
async fn directors_see_every_contract_and_auxiliares_only_theirs(pool: PgPool) {
    let app = spawn_app(pool).await;
    app.user("dir@acme.mx", AccessLevel::Director, "Acme", "Acme Obras")
        .await;
    let aux = app
        .user("aux@acme.mx", AccessLevel::Auxiliar, "Acme", "Acme Obras")
        .await;
    app.user("dir@otra.mx", AccessLevel::Director, "Otra", "Otra Obras")
        .await;
    let puente = add_contract(&app, "Acme Obras", 1, "Puente vehicular").await;
    add_contract(&app, "Acme Obras", 2, "Calle Hidalgo").await;
    add_contract(&app, "Otra Obras", 1, "Escuela primaria").await;
    assign(&app, puente, aux).await;

    let (director_sees, director_total) = names(&app, "dir@acme.mx", "").await;
    let (aux_sees, aux_total) = names(&app, "aux@acme.mx", "").await;
    let (other_sees, _) = names(&app, "dir@otra.mx", "").await;

    assert_eq!(director_sees, ["Puente vehicular", "Calle Hidalgo"]);
    assert_eq!(director_total, 2);
    assert_eq!(aux_sees, ["Puente vehicular"]);
    assert_eq!(aux_total, 1);
    assert_eq!(other_sees, ["Escuela primaria"]);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_list_pages_and_searches(pool: PgPool) {
    let app = spawn_app(pool).await;
    app.user("dir@acme.mx", AccessLevel::Director, "Acme", "Acme Obras")
        .await;
    for folio in 1..=5 {
        add_contract(&app, "Acme Obras", folio, &format!("Obra {folio}")).await;
    }
    add_contract(&app, "Acme Obras", 6, "Pavimento 100%_real").await;

    let (page, total) = names(&app, "dir@acme.mx", "?limit=2&offset=2").await;
    let (found, found_total) = names(&app, "dir@acme.mx", "?q=%25_").await;
    let (none, none_total) = names(&app, "dir@acme.mx", "?q=zzz").await;

    assert_eq!(page, ["Obra 3", "Obra 4"]);
    assert_eq!(total, 6);
    assert_eq!(found, ["Pavimento 100%_real"]);
    assert_eq!(found_total, 1);
    assert!(none.is_empty());
    assert_eq!(none_total, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn out_of_range_paging_names_the_field(pool: PgPool) {
    let app = spawn_app(pool).await;
    app.user("dir@acme.mx", AccessLevel::Director, "Acme", "Acme Obras")
        .await;
    let session = app.session("dir@acme.mx").await;

    let too_big = app
        .get("/api/v1/contracts?limit=5000", &session.access_token)
        .await;
    let negative = app
        .get("/api/v1/contracts?offset=-1", &session.access_token)
        .await;

    assert_eq!(
        problem(too_big, StatusCode::UNPROCESSABLE_ENTITY).await["errors"][0]["field"],
        "limit"
    );
    assert_eq!(
        problem(negative, StatusCode::UNPROCESSABLE_ENTITY).await["errors"][0]["field"],
        "offset"
    );
}
