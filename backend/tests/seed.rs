//! `construbot seed-demo`: what a newcomer finds after `make run`.

mod common;

use backend::cli::seed_demo;
use common::spawn_app;
use serde_json::Value;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn the_demo_company_has_contracts_with_catalogs_and_loads_once(pool: PgPool) {
    // SAFETY of the test's assumptions: DEMO_PASSWORD is not set in CI.
    let app = spawn_app(pool.clone()).await;
    seed_demo(&pool).await.unwrap();
    seed_demo(&pool).await.unwrap();

    let login = app
        .login("director@demo.construbot.mx", "construbot-demo")
        .await;
    let token = login.json::<Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let contracts: Value = app
        .get("/api/v1/contracts?top_level=true", &token)
        .await
        .json()
        .await
        .unwrap();
    let street = contracts["items"][0]["id"].as_i64().unwrap();
    let tree: Value = app
        .get(&format!("/api/v1/contracts/{street}/tree"), &token)
        .await
        .json()
        .await
        .unwrap();
    let catalog: Value = app
        .get(
            &format!("/api/v1/contracts/{street}/concepts?limit=100"),
            &token,
        )
        .await
        .json()
        .await
        .unwrap();
    let aux_login = app
        .login("auxiliar@demo.construbot.mx", "construbot-demo")
        .await;
    let aux_token = aux_login.json::<Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let aux_sees: Value = app
        .get("/api/v1/contracts", &aux_token)
        .await
        .json()
        .await
        .unwrap();

    let water = contracts["items"][1]["id"].as_i64().unwrap();
    let water_estimates: Value = app
        .get(&format!("/api/v1/contracts/{water}/estimates"), &token)
        .await
        .json()
        .await
        .unwrap();
    let second = water_estimates["items"][1]["id"].as_i64().unwrap();
    let statement: Value = app
        .get(&format!("/api/v1/estimates/{second}/statement"), &token)
        .await
        .json()
        .await
        .unwrap();
    let dashboard: Value = app
        .get("/api/v1/dashboard", &token)
        .await
        .json()
        .await
        .unwrap();

    assert_eq!(contracts["total"], 2, "{contracts}");
    assert_eq!(
        statement["totals"]["net"], "144195.06",
        "the worked example's estimate 2"
    );
    assert_eq!(dashboard["pending_payment"].as_array().unwrap().len(), 3);
    assert_eq!(dashboard["pending_invoice"].as_array().unwrap().len(), 3);
    assert_eq!(tree["items"].as_array().unwrap().len(), 3, "{tree}");
    assert_eq!(catalog["total"], 30);
    assert_eq!(catalog["catalog_amount"], contracts["items"][0]["amount"]);
    assert_eq!(
        aux_sees["total"], 2,
        "the auxiliar works on the street and its paving"
    );
}
