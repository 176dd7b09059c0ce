//! DOMAIN.md's worked example, built through the API: three concepts, a 30 % advance, no
//! tax and two retentions. Estimates and documents tests both bill it.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use shared::AccessLevel;

use super::TestApp;

/// The worked example's contract: three concepts, 30 % advance, no tax, two retentions.
pub struct Example {
    pub token: String,
    pub contract_id: i64,
    pub concepts: Vec<i64>,
}

pub async fn worked_example(app: &TestApp) -> Example {
    let token = app
        .token_for("dir@acme.mx", AccessLevel::Director, "Acme Obras")
        .await;
    let client = app
        .create(
            "/api/v1/counterparties",
            &token,
            &json!({ "kind": "client", "name": "Municipio de Querétaro" }),
        )
        .await;
    let m3 = app
        .create("/api/v1/units", &token, &json!({ "name": "m3" }))
        .await;
    let kg = app
        .create("/api/v1/units", &token, &json!({ "name": "kg" }))
        .await;
    let contract = app
        .create(
            "/api/v1/contracts",
            &token,
            &json!({
                "name": "Caja rompedora de presión",
                "date": "2026-04-06",
                "counterparty_id": client["id"],
                "amount": "499829.13",
                "advance_percent": "30",
            }),
        )
        .await;
    let contract_id = contract["id"].as_i64().unwrap();
    let concept = |code: &str, unit: &Value, quantity: &str, price: &str| {
        json!({ "code": code, "description": format!("Concepto {code}"), "unit_id": unit["id"],
                "quantity": quantity, "unit_price": price })
    };
    let created = app
        .create(
            &format!("/api/v1/contracts/{contract_id}/concepts"),
            &token,
            &json!({ "concepts": [
                concept("C1", &m3, "120.00", "185.50"),
                concept("C2", &m3, "85.50", "2450.75"),
                concept("C3", &kg, "9800.00", "27.35"),
            ]}),
        )
        .await;
    for retention in [
        json!({ "name": "5 al millar", "kind": "percentage", "value": "0.5" }),
        json!({ "name": "Cuota fija", "kind": "fixed", "value": "1000.00" }),
    ] {
        app.create(
            &format!("/api/v1/contracts/{contract_id}/retentions"),
            &token,
            &retention,
        )
        .await;
    }
    let concepts = created["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    Example {
        token,
        contract_id,
        concepts,
    }
}

pub fn period(start: &str, end: &str) -> Value {
    json!({ "period_start": start, "period_end": end })
}

pub async fn new_estimate(app: &TestApp, example: &Example, start: &str, end: &str) -> i64 {
    let path = format!("/api/v1/contracts/{}/estimates", example.contract_id);
    app.create(&path, &example.token, &period(start, end)).await["id"]
        .as_i64()
        .unwrap()
}

pub async fn set_lines(
    app: &TestApp,
    example: &Example,
    estimate: i64,
    quantities: &[&str],
) -> Value {
    let lines: Vec<Value> = example
        .concepts
        .iter()
        .zip(quantities)
        .map(|(concept, quantity)| json!({ "concept_id": concept, "quantity": quantity }))
        .collect();
    let response = app
        .send(
            Method::PUT,
            &format!("/api/v1/estimates/{estimate}/lines"),
            &example.token,
            Some(&json!({ "lines": lines })),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

pub async fn statement(app: &TestApp, example: &Example, estimate: i64) -> Value {
    app.get(
        &format!("/api/v1/estimates/{estimate}/statement"),
        &example.token,
    )
    .await
    .json()
    .await
    .unwrap()
}
