//! Estimates over HTTP: DOMAIN.md's worked example to the cent, numbering under
//! concurrency, locking, the audit trail and take-offs.

mod common;

use std::collections::BTreeSet;

use common::{
    TestApp,
    example::{new_estimate, period, set_lines, statement, worked_example},
    images::{encoded, sideways_jpeg},
    problem, spawn_app,
};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use shared::AccessLevel;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn the_statement_reproduces_the_worked_example_to_the_cent(pool: PgPool) {
    let app = spawn_app(pool).await;
    let example = worked_example(&app).await;
    let first = new_estimate(&app, &example, "2026-05-01", "2026-05-15").await;
    set_lines(&app, &example, first, &["60.25", "20.333", "0"]).await;
    let second = new_estimate(&app, &example, "2026-05-16", "2026-05-31").await;
    set_lines(&app, &example, second, &["65.00", "30.1", "4500.5"]).await;

    let one = statement(&app, &example, first).await;
    let two = statement(&app, &example, second).await;

    let totals = &one["totals"];
    assert_eq!(totals["gross"], "61007.48");
    assert_eq!(totals["amortization"], "18302.24");
    assert_eq!(totals["subtotal"], "42705.24");
    assert_eq!(totals["retentions"][0]["amount"], "305.04");
    assert_eq!(totals["retentions_total"], "1305.04");
    assert_eq!(totals["net"], "41400.2");
    assert_eq!(totals["advance"], "149948.74");

    let totals = &two["totals"];
    assert_eq!(totals["gross"], "208913.76");
    assert_eq!(totals["amortization"], "62674.13");
    assert_eq!(totals["subtotal"], "146239.63");
    assert_eq!(totals["retentions_total"], "2044.57");
    assert_eq!(totals["net"], "144195.06");
    let c1 = &two["lines"][0];
    assert_eq!(c1["previous_amount"], "11176.38");
    assert_eq!(c1["to_date_amount"], "23233.88");
    assert_eq!(c1["pending_amount"], "-973.88");
    assert_eq!(c1["percent"], "104.38");
    assert_eq!(c1["over_contract"], true);
    assert_eq!(two["lines"][1]["to_date_amount"], "123598.68");
    assert_eq!(two["tie_out"]["lines_foot"], true);
    assert_eq!(two["tie_out"]["previous_matches_prior"], true);
    assert_eq!(two["totals"]["previous"], one["totals"]["to_date"]);
}

#[sqlx::test(migrations = "../migrations")]
async fn fifty_concurrent_creations_get_numbers_one_to_fifty(pool: PgPool) {
    let app = spawn_app(pool).await;
    let example = worked_example(&app).await;
    let path = format!("/api/v1/contracts/{}/estimates", example.contract_id);

    let creations = (0..50).map(|_| {
        let (app, path, token) = (&app, &path, &example.token);
        async move {
            app.create(path, token, &period("2026-05-01", "2026-05-15"))
                .await["number"]
                .as_i64()
                .unwrap()
        }
    });
    let numbers: Vec<i64> = futures::future::join_all(creations).await;

    let distinct: BTreeSet<i64> = numbers.iter().copied().collect();
    assert_eq!(numbers.len(), 50);
    assert_eq!(distinct, (1..=50).collect::<BTreeSet<i64>>());
}

#[sqlx::test(migrations = "../migrations")]
async fn an_invoiced_estimate_is_locked_and_keeps_its_prices(pool: PgPool) {
    let app = spawn_app(pool).await;
    let example = worked_example(&app).await;
    let first = new_estimate(&app, &example, "2026-05-01", "2026-05-15").await;
    set_lines(&app, &example, first, &["60.25", "20.333", "0"]).await;
    let invoice = format!("/api/v1/estimates/{first}/invoice");
    let invoiced = app
        .send(
            Method::POST,
            &invoice,
            &example.token,
            Some(&json!({ "date": "2026-05-20" })),
        )
        .await;
    assert_eq!(invoiced.status(), StatusCode::OK);
    let before = statement(&app, &example, first).await;

    let change = app
        .send(
            Method::PUT,
            &format!("/api/v1/estimates/{first}/lines"),
            &example.token,
            Some(&json!({ "lines": [{ "concept_id": example.concepts[0], "quantity": "1" }] })),
        )
        .await;
    let mut repriced = json!({ "code": "C1", "description": "Concepto C1",
        "quantity": "120.00", "unit_price": "999.99" });
    repriced["unit_id"] =
        sqlx::query_scalar::<_, i64>("SELECT unit_id FROM concepts WHERE id = $1")
            .bind(example.concepts[0])
            .fetch_one(&app.pool)
            .await
            .unwrap()
            .into();
    let price_change = app
        .send(
            Method::PUT,
            &format!(
                "/api/v1/contracts/{}/concepts/{}",
                example.contract_id, example.concepts[0]
            ),
            &example.token,
            Some(&repriced),
        )
        .await;
    assert_eq!(price_change.status(), StatusCode::OK);
    let second = new_estimate(&app, &example, "2026-05-16", "2026-05-31").await;
    let after = statement(&app, &example, first).await;
    let next = statement(&app, &example, second).await;
    let delete = app
        .send(
            Method::DELETE,
            &format!("/api/v1/estimates/{first}"),
            &example.token,
            None,
        )
        .await;

    problem(change, StatusCode::CONFLICT).await;
    assert_eq!(after, before, "a price change rewrote an invoiced estimate");
    assert_eq!(next["totals"]["previous"], "61007.48");
    problem(delete, StatusCode::CONFLICT).await;
}

#[sqlx::test(migrations = "../migrations")]
async fn unlocking_takes_a_director_and_a_reason(pool: PgPool) {
    let app = spawn_app(pool).await;
    let example = worked_example(&app).await;
    let coordinator = app
        .token_for("coord@acme.mx", AccessLevel::Coordinador, "Acme Obras")
        .await;
    let first = new_estimate(&app, &example, "2026-05-01", "2026-05-15").await;
    app.send(
        Method::POST,
        &format!("/api/v1/estimates/{first}/invoice"),
        &example.token,
        Some(&json!({ "date": "2026-05-20" })),
    )
    .await;
    let unlock = format!("/api/v1/estimates/{first}/unlock");

    let not_seen = app
        .send(
            Method::POST,
            &unlock,
            &coordinator,
            Some(&json!({ "reason": "x" })),
        )
        .await;
    let no_reason = app
        .send(
            Method::POST,
            &unlock,
            &example.token,
            Some(&json!({ "reason": " " })),
        )
        .await;
    let unlocked = app
        .send(
            Method::POST,
            &unlock,
            &example.token,
            Some(&json!({ "reason": "El cliente pidió corregir el periodo" })),
        )
        .await;

    problem(not_seen, StatusCode::NOT_FOUND).await;
    problem(no_reason, StatusCode::UNPROCESSABLE_ENTITY).await;
    let body: Value = unlocked.json().await.unwrap();
    assert_eq!(body["invoiced_on"], Value::Null);
    let reason: String = sqlx::query_scalar("SELECT reason FROM estimate_unlocks")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(reason, "El cliente pidió corregir el periodo");
}

#[sqlx::test(migrations = "../migrations")]
async fn lines_name_only_concepts_of_their_contract_and_foreign_estimates_are_404(pool: PgPool) {
    let app = spawn_app(pool).await;
    let example = worked_example(&app).await;
    let other = app
        .create(
            "/api/v1/contracts",
            &example.token,
            &json!({ "name": "Otra obra", "date": "2026-04-06", "amount": "10",
                     "counterparty_id": sqlx::query_scalar::<_, i64>(
                         "SELECT id FROM counterparties").fetch_one(&app.pool).await.unwrap() }),
        )
        .await;
    let unit: i64 = sqlx::query_scalar("SELECT id FROM units LIMIT 1")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let foreign_concept = app
        .create(
            &format!("/api/v1/contracts/{}/concepts", other["id"]),
            &example.token,
            &json!({ "concepts": [{ "code": "X", "description": "X", "unit_id": unit,
                                    "quantity": "1", "unit_price": "1" }] }),
        )
        .await["items"][0]["id"]
        .clone();
    let estimate = new_estimate(&app, &example, "2026-05-01", "2026-05-15").await;
    let stranger = app
        .token_for("dir@otra.mx", AccessLevel::Director, "Otra Obras")
        .await;

    let wrong_concept = app
        .send(
            Method::PUT,
            &format!("/api/v1/estimates/{estimate}/lines"),
            &example.token,
            Some(&json!({ "lines": [
                { "concept_id": example.concepts[0], "quantity": "-1" },
                { "concept_id": foreign_concept, "quantity": "1" },
            ]})),
        )
        .await;
    let foreign = app
        .get(
            &format!("/api/v1/estimates/{estimate}/statement"),
            &stranger,
        )
        .await;
    let bad_period = app
        .send(
            Method::POST,
            &format!("/api/v1/contracts/{}/estimates", example.contract_id),
            &example.token,
            Some(&period("2026-05-15", "2026-05-01")),
        )
        .await;

    let body = problem(wrong_concept, StatusCode::UNPROCESSABLE_ENTITY).await;
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["lines[0].quantity", "lines[1].concept_id"]);
    problem(foreign, StatusCode::NOT_FOUND).await;
    problem(bad_period, StatusCode::UNPROCESSABLE_ENTITY).await;
    let lines: i64 = sqlx::query_scalar("SELECT count(*) FROM estimate_lines")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(lines, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_take_off_sets_the_line_quantity(pool: PgPool) {
    let app = spawn_app(pool).await;
    let example = worked_example(&app).await;
    let estimate = new_estimate(&app, &example, "2026-05-01", "2026-05-15").await;
    let path = format!(
        "/api/v1/estimates/{estimate}/lines/{}/measurements",
        example.concepts[0]
    );

    let response = app
        .send(
            Method::PUT,
            &path,
            &example.token,
            Some(&json!({ "rows": [
                { "label": "Eje A", "length": "10", "width": "2", "height": "0.5" },
                { "label": "Registros", "length": "3", "width": "1", "height": "",
                  "pieces": "2" },
                { "label": "Sin medidas" },
            ]})),
        )
        .await;
    let takeoff: Value = response.json().await.unwrap();
    let typed_over = set_lines(&app, &example, estimate, &["99"]).await;

    assert_eq!(takeoff["quantity"], "17");
    assert_eq!(takeoff["rows"][1]["quantity"], "6");
    assert_eq!(
        typed_over["lines"][0]["this_quantity"], "17",
        "a typed quantity does not override the take-off"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn zero_amounts_never_divide_by_zero_nor_print_minus_zero(pool: PgPool) {
    let app = spawn_app(pool).await;
    let example = worked_example(&app).await;
    sqlx::query("UPDATE concepts SET unit_price = 0 WHERE id = $1")
        .bind(example.concepts[2])
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE contracts SET amount = 0")
        .execute(&app.pool)
        .await
        .unwrap();
    let estimate = new_estimate(&app, &example, "2026-05-01", "2026-05-15").await;
    set_lines(&app, &example, estimate, &["0", "0", "10"]).await;

    let body = statement(&app, &example, estimate).await;

    assert_eq!(body["lines"][2]["percent"], Value::Null);
    assert_eq!(body["lines"][2]["this_amount"], "0");
    assert_eq!(body["totals"]["amortization"], "0");
    assert!(!body.to_string().contains("\"-0"), "{body}");
}

#[sqlx::test(migrations = "../migrations")]
async fn every_change_is_in_the_audit_log_with_who_made_it(pool: PgPool) {
    let app = spawn_app(pool).await;
    let example = worked_example(&app).await;
    let estimate = new_estimate(&app, &example, "2026-05-01", "2026-05-15").await;
    app.send(
        Method::POST,
        &format!("/api/v1/estimates/{estimate}/invoice"),
        &example.token,
        Some(&json!({ "date": "2026-05-20" })),
    )
    .await;
    let aux = app
        .token_for("aux@acme.mx", AccessLevel::Auxiliar, "Acme Obras")
        .await;

    let log: Value = app
        .get(
            &format!("/api/v1/audit?entity=estimates&id={estimate}"),
            &example.token,
        )
        .await
        .json()
        .await
        .unwrap();
    let refused = app
        .get(
            &format!("/api/v1/audit?entity=estimates&id={estimate}"),
            &aux,
        )
        .await;

    let actions: Vec<&str> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["update", "create"]);
    assert_eq!(log["items"][0]["before"]["invoiced_on"], Value::Null);
    assert_eq!(log["items"][0]["after"]["invoiced_on"], "2026-05-20");
    assert!(log["items"][0]["user_id"].is_i64());
    problem(refused, StatusCode::FORBIDDEN).await;
}

async fn dashboard(app: &TestApp, token: &str) -> Value {
    app.get("/api/v1/dashboard", token)
        .await
        .json()
        .await
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn the_dashboard_follows_invoicing_and_payment(pool: PgPool) {
    let app = spawn_app(pool).await;
    let example = worked_example(&app).await;
    let first = new_estimate(&app, &example, "2026-05-01", "2026-05-15").await;
    set_lines(&app, &example, first, &["60.25", "20.333", "0"]).await;
    let second = new_estimate(&app, &example, "2026-05-16", "2026-05-31").await;
    set_lines(&app, &example, second, &["65.00", "30.1", "4500.5"]).await;
    let before = dashboard(&app, &example.token).await;
    app.send(
        Method::POST,
        &format!("/api/v1/estimates/{first}/invoice"),
        &example.token,
        Some(&json!({ "date": "2026-05-20" })),
    )
    .await;
    let after = dashboard(&app, &example.token).await;

    assert_eq!(before["pending_invoice_total"], "269921.24");
    assert_eq!(before["pending_payment"].as_array().unwrap().len(), 0);
    assert_eq!(after["pending_invoice"][0]["id"], second);
    assert_eq!(after["pending_invoice_total"], "208913.76");
    assert_eq!(after["pending_payment"][0]["id"], first);
    assert_eq!(after["pending_payment_total"], "61007.48");
    // 269,921.24 billed of 499,829.13 contracted.
    assert_eq!(after["contracts"][0]["percent"], "54");
}

#[sqlx::test(migrations = "../migrations")]
async fn the_subcontract_report_takes_the_estimates_ending_in_the_period(pool: PgPool) {
    let app = spawn_app(pool).await;
    let example = worked_example(&app).await;
    let paver = app
        .create(
            "/api/v1/counterparties",
            &example.token,
            &json!({ "kind": "subcontractor", "name": "Pavimentos del Bajío" }),
        )
        .await;
    let sub = app
        .create(
            "/api/v1/contracts",
            &example.token,
            &json!({ "name": "Excavaciones", "date": "2026-04-10", "amount": "22260",
                     "counterparty_id": paver["id"], "parent_id": example.contract_id }),
        )
        .await;
    let unit: i64 = sqlx::query_scalar("SELECT id FROM units WHERE name = 'm3'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let sub_concept = app
        .create(
            &format!("/api/v1/contracts/{}/concepts", sub["id"]),
            &example.token,
            &json!({ "concepts": [{ "code": "E1", "description": "Excavación", "unit_id": unit,
                                    "quantity": "120", "unit_price": "150.00" }] }),
        )
        .await["items"][0]["id"]
        .clone();
    let parent_estimate = new_estimate(&app, &example, "2026-05-01", "2026-05-31").await;
    let sub_estimates = format!("/api/v1/contracts/{}/estimates", sub["id"]);
    let mut ids = Vec::new();
    for (start, end, quantity) in [
        ("2026-04-15", "2026-04-30", "10"),
        ("2026-05-01", "2026-05-15", "20"),
        ("2026-05-16", "2026-05-31", "5"),
        ("2026-06-01", "2026-06-15", "7"),
    ] {
        let estimate = app
            .create(&sub_estimates, &example.token, &period(start, end))
            .await["id"]
            .as_i64()
            .unwrap();
        app.send(
            Method::PUT,
            &format!("/api/v1/estimates/{estimate}/lines"),
            &example.token,
            Some(&json!({ "lines": [{ "concept_id": sub_concept, "quantity": quantity }] })),
        )
        .await;
        ids.push(estimate);
    }

    let report: Value = app
        .get(
            &format!("/api/v1/estimates/{parent_estimate}/subcontract-report"),
            &example.token,
        )
        .await
        .json()
        .await
        .unwrap();

    let rows: Vec<(i64, &str, &str)> = report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["estimate_id"].as_i64().unwrap(),
                row["previous"].as_str().unwrap(),
                row["this"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(rows, [(ids[1], "1500", "3000"), (ids[2], "4500", "750")]);
    assert_eq!(report["totals"]["this"], "3750");
    assert_eq!(report["totals"]["to_date"], "9750");
    assert_eq!(report["totals"]["contracted"], "36000");
}

#[sqlx::test(migrations = "../migrations")]
async fn photos_are_checked_turned_upright_scaled_and_counted(pool: PgPool) {
    let app = spawn_app(pool).await;
    let example = worked_example(&app).await;
    let estimate = new_estimate(&app, &example, "2026-05-01", "2026-05-15").await;
    let stranger = app
        .token_for("dir@otra.mx", AccessLevel::Director, "Otra Obras")
        .await;
    let url = format!(
        "{}/api/v1/estimates/{estimate}/lines/{}/photos",
        app.base, example.concepts[0]
    );
    let upload = |bytes: Vec<u8>, content_type: &'static str, token: String| {
        app.http
            .post(&url)
            .bearer_auth(token)
            .header("content-type", content_type)
            .body(bytes)
            .send()
    };

    let large = upload(
        encoded(3000, 1500, image::ImageFormat::Png),
        "image/png",
        example.token.clone(),
    )
    .await
    .unwrap();
    let sideways = upload(sideways_jpeg(40, 20), "image/jpeg", example.token.clone())
        .await
        .unwrap();
    let lying = upload(
        b"%PDF-1.4 pretending".to_vec(),
        "image/jpeg",
        example.token.clone(),
    )
    .await
    .unwrap();
    let foreign = upload(sideways_jpeg(40, 20), "image/jpeg", stranger)
        .await
        .unwrap();

    let large: Value = large.json().await.unwrap();
    let sideways: Value = sideways.json().await.unwrap();
    assert_eq!(
        (large["width"].clone(), large["height"].clone()),
        (json!(2048), json!(1024))
    );
    assert_eq!(
        (sideways["width"].clone(), sideways["height"].clone()),
        (json!(20), json!(40))
    );
    assert_eq!(
        problem(lying, StatusCode::UNPROCESSABLE_ENTITY).await["errors"][0]["field"],
        "body"
    );
    problem(foreign, StatusCode::NOT_FOUND).await;

    let download = app
        .get(&format!("/api/v1/photos/{}", large["id"]), &example.token)
        .await;
    assert_eq!(download.headers()["content-type"], "image/jpeg");
    let stored = download.bytes().await.unwrap();
    assert_eq!(stored.len() as i64, large["bytes"].as_i64().unwrap());
    let usage: Value = app
        .get("/api/v1/storage-usage", &example.token)
        .await
        .json()
        .await
        .unwrap();
    let expected = large["bytes"].as_i64().unwrap() + sideways["bytes"].as_i64().unwrap();
    assert_eq!(usage["photo_bytes"], expected);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_concept_twice_in_one_request_or_a_foreign_take_off_is_refused(pool: PgPool) {
    let app = spawn_app(pool).await;
    let example = worked_example(&app).await;
    let estimate = new_estimate(&app, &example, "2026-05-01", "2026-05-15").await;
    let concept = example.concepts[0];

    let twice = app
        .send(
            Method::PUT,
            &format!("/api/v1/estimates/{estimate}/lines"),
            &example.token,
            Some(&json!({ "lines": [
                { "concept_id": concept, "quantity": "1" },
                { "concept_id": concept, "quantity": "2" },
            ]})),
        )
        .await;
    let missing_takeoff = app
        .get(
            &format!("/api/v1/estimates/{estimate}/lines/999999/measurements"),
            &example.token,
        )
        .await;

    let body = problem(twice, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(body["errors"][0]["field"], "lines[1].concept_id");
    problem(missing_takeoff, StatusCode::NOT_FOUND).await;
}
