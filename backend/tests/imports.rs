//! Catalog import and export over HTTP: the fixture workbooks, previews that write nothing,
//! all-or-none imports, files that cannot be read, and a catalog that goes out and comes back.

mod common;

use std::{path::PathBuf, str::FromStr};

use common::{TestApp, fixture, problem, snapshot, spawn_app};
use reqwest::{StatusCode, multipart};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use shared::AccessLevel;
use sqlx::PgPool;

fn fixture_file(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

async fn upload(
    app: &TestApp,
    path: &str,
    token: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let part = multipart::Part::bytes(bytes).file_name(name.to_owned());
    app.http
        .post(format!("{}{path}", app.base))
        .bearer_auth(token)
        .multipart(multipart::Form::new().part("file", part))
        .send()
        .await
        .unwrap()
}

/// An empty contract of the fixture's company, and a director's token.
async fn empty_contract(app: &TestApp) -> (String, i64) {
    let token = app
        .token_for("dir@acme.mx", AccessLevel::Director, "Acme Obras")
        .await;
    let client = app
        .create(
            "/api/v1/counterparties",
            &token,
            &json!({ "kind": "client", "name": "Municipio de Celaya" }),
        )
        .await;
    let contract = app
        .create(
            "/api/v1/contracts",
            &token,
            &json!({ "name": "Rehabilitación de la calle Hidalgo", "date": "2026-03-02",
                     "counterparty_id": client["id"], "amount": "1000000" }),
        )
        .await;
    (token, contract["id"].as_i64().unwrap())
}

async fn import(app: &TestApp, token: &str, contract: i64, name: &str, dry_run: bool) -> Value {
    let path = format!("/api/v1/contracts/{contract}/concepts/import?dry_run={dry_run}");
    let response = upload(app, &path, token, name, fixture_file(name)).await;
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

/// The catalog as (code, description, lower-cased unit, quantity, price, amount).
async fn catalog(app: &TestApp, token: &str, contract: i64) -> Vec<[String; 6]> {
    let page: Value = app
        .get(
            &format!("/api/v1/contracts/{contract}/concepts?limit=1000"),
            token,
        )
        .await
        .json()
        .await
        .unwrap();
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(concept_tuple)
        .collect()
}

fn concept_tuple(concept: &Value) -> [String; 6] {
    let decimal = |key: &str| {
        let text = concept[key]
            .as_str()
            .unwrap_or_else(|| panic!("{key}: {concept}"));
        Decimal::from_str(text).unwrap().normalize().to_string()
    };
    [
        concept["code"].as_str().unwrap().to_owned(),
        concept["description"].as_str().unwrap().to_owned(),
        concept["unit"].as_str().unwrap().to_lowercase(),
        decimal("quantity"),
        decimal("unit_price"),
        decimal("amount"),
    ]
}

fn expected(name: &str) -> Vec<[String; 6]> {
    let rows: Vec<Value> = serde_json::from_slice(&fixture_file(name)).unwrap();
    rows.iter().map(concept_tuple).collect()
}

#[sqlx::test(migrations = "../migrations")]
async fn the_fixture_catalogs_import_with_their_expected_values(pool: PgPool) {
    let app = spawn_app(pool).await;
    let (token, contract) = empty_contract(&app).await;

    let report = import(&app, &token, contract, "catalogo-calle-hidalgo.xlsx", false).await;
    assert_eq!(
        (report["ok_count"].clone(), report["imported"].clone()),
        (json!(30), json!(30))
    );
    assert_eq!(report["header_row"], 1);
    assert_eq!(
        catalog(&app, &token, contract).await,
        expected("catalogo-calle-hidalgo.expected.json")
    );

    let (_, office) = {
        let client = app
            .create(
                "/api/v1/counterparties",
                &token,
                &json!({ "kind": "client", "name": "SOP" }),
            )
            .await;
        let contract = app
            .create(
                "/api/v1/contracts",
                &token,
                &json!({ "name": "Oficina", "date": "2026-03-02",
                         "counterparty_id": client["id"], "amount": "1" }),
            )
            .await;
        ((), contract["id"].as_i64().unwrap())
    };
    let name = "catalogo-calle-hidalgo-formato-oficina.xlsx";
    let report = import(&app, &token, office, name, false).await;
    assert_eq!(report["imported"], 20, "{report}");
    assert!(
        report["header_row"].as_i64().unwrap() > 1,
        "the title block is skipped"
    );
    assert_eq!(
        report["new_units"],
        json!([]),
        "M2, M3… match the units made by the first"
    );
    assert_eq!(
        catalog(&app, &token, office).await,
        expected("catalogo-calle-hidalgo-formato-oficina.expected.json")
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_preview_reports_every_row_and_writes_nothing(pool: PgPool) {
    let app = spawn_app(pool).await;
    let (token, contract) = empty_contract(&app).await;
    let before = snapshot(&app.pool).await;

    let report = import(&app, &token, contract, "catalogo-calle-hidalgo.xlsx", true).await;
    assert_eq!(report["dry_run"], true);
    assert_eq!(report["imported"], 0);
    assert_eq!(report["rows"].as_array().unwrap().len(), 30);
    assert_eq!(report["rows"][0]["row"], 2);
    assert_eq!(report["rows"][0]["code"], "PRE-01");
    assert_eq!(report["rows"][0]["status"], "ok");
    assert!(!report["new_units"].as_array().unwrap().is_empty());
    assert_eq!(
        snapshot(&app.pool).await,
        before,
        "a preview writes nothing"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn one_row_at_fault_writes_nothing_and_is_named(pool: PgPool) {
    let app = spawn_app(pool).await;
    let (token, contract) = empty_contract(&app).await;
    let book = workbook(&[
        &["Clave", "Descripción", "Unidad", "Cantidad", "P.U."],
        &["A-1", "Excavación", "m3", "10", "100"],
        &["A-2", "Relleno", "m3", "diez", "80"],
        &["A-3", "Plantilla", "m2", "5", "-3"],
    ]);
    let before = snapshot(&app.pool).await;

    let path = format!("/api/v1/contracts/{contract}/concepts/import");
    let body = problem(
        upload(&app, &path, &token, "malo.xlsx", book.clone()).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["rows.3.quantity", "rows.4.unit_price"], "{body}");
    assert_eq!(
        snapshot(&app.pool).await,
        before,
        "nothing written, not even units"
    );

    let preview = upload(
        &app,
        &format!("{path}?dry_run=true"),
        &token,
        "malo.xlsx",
        book,
    )
    .await;
    let preview: Value = preview.json().await.unwrap();
    assert_eq!(preview["error_count"], 2);
    assert_eq!(preview["rows"][1]["errors"][0]["code"], "not_a_number");
    assert_eq!(
        preview["rows"][1]["code"], "A-2",
        "a row at fault still shows its texts"
    );
    assert_eq!(preview["rows"][2]["errors"][0]["code"], "negative");
}

#[sqlx::test(migrations = "../migrations")]
async fn codes_already_in_the_catalog_are_row_errors(pool: PgPool) {
    let app = spawn_app(pool).await;
    let (token, contract) = empty_contract(&app).await;
    import(&app, &token, contract, "catalogo-calle-hidalgo.xlsx", false).await;

    let again = import(&app, &token, contract, "catalogo-calle-hidalgo.xlsx", true).await;
    assert_eq!(again["error_count"], 30);
    assert_eq!(again["rows"][0]["errors"][0]["code"], "code_in_catalog");
}

#[sqlx::test(migrations = "../migrations")]
async fn files_that_cannot_be_read_say_why(pool: PgPool) {
    let app = spawn_app(pool).await;
    let (token, contract) = empty_contract(&app).await;
    let path = format!("/api/v1/contracts/{contract}/concepts/import?dry_run=true");
    let cases = [
        (
            "real/calamine/pass_protected.xlsx",
            "catalogo.xlsx",
            "password",
        ),
        (
            "real/calamine/too_small.xls",
            "catalogo.xls",
            "not an Excel",
        ),
        ("real/calamine/issue343.xls", "catalogo.xlsx", "named .xlsx"),
        ("real/calamine/no-header.xlsx", "catalogo.xlsx", "header"),
        ("README.md", "catalogo.ods", "not an Excel"),
    ];

    for (fixture_name, sent_as, says) in cases {
        let response = upload(&app, &path, &token, sent_as, fixture_file(fixture_name)).await;
        let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        let detail = body["detail"].as_str().unwrap();
        assert!(detail.contains(says), "{fixture_name}: {detail}");
        assert_eq!(body["errors"][0]["field"], "file");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn retentions_import_from_their_fixture(pool: PgPool) {
    let app = spawn_app(pool).await;
    let (token, contract) = empty_contract(&app).await;
    let path = format!("/api/v1/contracts/{contract}/retentions/import");

    let response = upload(
        &app,
        &path,
        &token,
        "retenciones.xlsx",
        fixture_file("retenciones.xlsx"),
    )
    .await;
    let report: Value = response.json().await.unwrap();
    assert_eq!(report["imported"], 3, "{report}");
    let list: Value = app
        .get(&format!("/api/v1/contracts/{contract}/retentions"), &token)
        .await
        .json()
        .await
        .unwrap();
    let kinds: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds.iter().filter(|kind| **kind == "percentage").count(),
        2
    );
    assert_eq!(kinds.iter().filter(|kind| **kind == "fixed").count(), 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn an_exported_catalog_imports_back_the_same(pool: PgPool) {
    let app = spawn_app(pool).await;
    let (token, contract) = empty_contract(&app).await;
    import(&app, &token, contract, "catalogo-calle-hidalgo.xlsx", false).await;
    let original = catalog(&app, &token, contract).await;

    let response = app
        .get(
            &format!("/api/v1/contracts/{contract}/concepts.xlsx"),
            &token,
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let exported = response.bytes().await.unwrap().to_vec();
    let fixture = fixture(&app, &token, "copia").await;

    let path = format!("/api/v1/contracts/{}/concepts/import", fixture.contract_id);
    let report: Value = upload(&app, &path, &token, "catalogo.xlsx", exported)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(report["imported"], 30, "{report}");
    let copied: Vec<[String; 6]> = catalog(&app, &token, fixture.contract_id)
        .await
        .into_iter()
        .filter(|concept| original.iter().any(|o| o[0] == concept[0]))
        .collect();
    assert_eq!(copied, original);
}

#[sqlx::test(migrations = "../migrations")]
async fn only_editors_of_the_contract_import(pool: PgPool) {
    let app = spawn_app(pool).await;
    let (_, contract) = empty_contract(&app).await;
    let reader = app
        .token_for("aux@acme.mx", AccessLevel::Auxiliar, "Acme Obras")
        .await;
    let stranger = app
        .token_for("otro@acme.mx", AccessLevel::Director, "Otra Constructora")
        .await;
    let path = format!("/api/v1/contracts/{contract}/concepts/import");
    let file = fixture_file("catalogo-calle-hidalgo.xlsx");

    let hidden = upload(&app, &path, &reader, "c.xlsx", file.clone()).await;
    problem(hidden, StatusCode::NOT_FOUND).await;
    let foreign = upload(&app, &path, &stranger, "c.xlsx", file).await;
    problem(foreign, StatusCode::NOT_FOUND).await;
}

/// A one-sheet workbook of text cells, numbers where they parse.
fn workbook(rows: &[&[&str]]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            match cell.parse::<f64>() {
                Ok(number) if r > 0 && c > 2 => sheet.write_number(r as u32, c as u16, number),
                _ => sheet.write_string(r as u32, c as u16, *cell),
            }
            .unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}
