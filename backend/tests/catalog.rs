//! The directory, contracts and their catalogs: numbering, validation, references, the tree.

mod common;

use std::collections::BTreeSet;

use common::{TestApp, concept_body, contract_body, fixture, problem, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use shared::AccessLevel;
use sqlx::PgPool;

async fn director(app: &TestApp) -> String {
    app.token_for("dir@acme.mx", AccessLevel::Director, "Acme Obras")
        .await
}

/// The fields a 422 names, in order.
async fn fields_at_fault(response: reqwest::Response) -> Vec<String> {
    let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
    body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["field"].as_str().unwrap().to_owned())
        .collect()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_hundred_concurrent_creations_get_folios_one_to_a_hundred(pool: PgPool) {
    let app = spawn_app(pool).await;
    let token = director(&app).await;
    let setup = fixture(&app, &token, "base").await;
    let before: i64 = sqlx::query_scalar("SELECT max(folio) FROM contracts")
        .fetch_one(&app.pool)
        .await
        .unwrap();

    let creations = (0..100).map(|n| {
        let app = &app;
        let token = &token;
        async move {
            let body = contract_body(setup.client_id, None, &format!("tramo {n}"));
            app.create("/api/v1/contracts", token, &body).await["folio"]
                .as_i64()
                .unwrap()
        }
    });
    let folios: Vec<i64> = futures::future::join_all(creations).await;

    let distinct: BTreeSet<i64> = folios.iter().copied().collect();
    assert_eq!(before, 1);
    assert_eq!(folios.len(), 100);
    assert_eq!(distinct, (2..=101).collect::<BTreeSet<i64>>());
}

#[sqlx::test(migrations = "../migrations")]
async fn bad_numbers_and_texts_name_their_fields(pool: PgPool) {
    let app = spawn_app(pool).await;
    let token = director(&app).await;
    let setup = fixture(&app, &token, "a").await;
    let path = format!("/api/v1/contracts/{}/concepts", setup.contract_id);
    let mut long = concept_body("C-LARGO", setup.unit_id);
    long["description"] = json!("x".repeat(4001));

    let batch = json!({ "concepts": [
        { "code": "C-1", "description": "Relleno", "unit_id": setup.unit_id,
          "quantity": "-5", "unit_price": "10.00" },
        { "code": "C-2", "description": "Relleno", "unit_id": setup.unit_id,
          "quantity": "doce", "unit_price": "1,200.00" },
        { "code": "C-3", "description": "Relleno", "unit_id": setup.unit_id,
          "quantity": "1.23456", "unit_price": "10.001" },
        { "code": "  ", "description": "", "unit_id": setup.unit_id,
          "quantity": "1", "unit_price": "1" },
        long,
    ]});
    let response = app.send(Method::POST, &path, &token, Some(&batch)).await;

    assert_eq!(
        fields_at_fault(response).await,
        [
            "concepts[0].quantity",
            "concepts[1].quantity",
            "concepts[1].unit_price",
            "concepts[2].quantity",
            "concepts[2].unit_price",
            "concepts[3].code",
            "concepts[3].description",
            "concepts[4].description",
        ]
    );
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM concepts")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(count, 1, "a batch with faults writes nothing");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_repeated_code_or_a_foreign_unit_is_refused_and_nothing_is_written(pool: PgPool) {
    let app = spawn_app(pool).await;
    let token = director(&app).await;
    let other = app
        .token_for("dir@otra.mx", AccessLevel::Director, "Otra Obras")
        .await;
    let setup = fixture(&app, &token, "a").await;
    let foreign = fixture(&app, &other, "b").await;
    let path = format!("/api/v1/contracts/{}/concepts", setup.contract_id);

    let batch = json!({ "concepts": [
        concept_body("NUEVO-1", setup.unit_id),
        concept_body("c-a", setup.unit_id),
        concept_body("nuevo-1", setup.unit_id),
        concept_body("NUEVO-2", foreign.unit_id),
    ]});
    let response = app.send(Method::POST, &path, &token, Some(&batch)).await;

    assert_eq!(
        fields_at_fault(response).await,
        [
            "concepts[1].code",
            "concepts[2].code",
            "concepts[3].unit_id"
        ]
    );
    let codes: Vec<String> = sqlx::query_scalar("SELECT code FROM concepts WHERE contract_id = $1")
        .bind(setup.contract_id)
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(codes, ["C-a"]);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_batch_of_concepts_is_added_in_order_with_its_totals(pool: PgPool) {
    let app = spawn_app(pool).await;
    let token = director(&app).await;
    let setup = fixture(&app, &token, "a").await;
    let path = format!("/api/v1/contracts/{}/concepts", setup.contract_id);
    let mut concreto = concept_body("C2", setup.unit_id);
    concreto["quantity"] = json!("85.50");
    concreto["unit_price"] = json!("2450.75");
    let mut acero = concept_body("C3", setup.unit_id);
    acero["quantity"] = json!("9800");
    acero["unit_price"] = json!("27.35");

    let created = app
        .create(&path, &token, &json!({ "concepts": [concreto, acero] }))
        .await;
    let page: Value = app.get(&path, &token).await.json().await.unwrap();

    let amounts: Vec<&str> = created["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["amount"].as_str().unwrap())
        .collect();
    // The API prints decimals normalized: no trailing zeros.
    assert_eq!(amounts, ["209539.13", "268030"]);
    let codes: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["C-a", "C2", "C3"]);
    // DOMAIN.md's worked example: 22,260.00 + 209,539.13 + 268,030.00.
    assert_eq!(page["catalog_amount"], "499829.13");
}

#[sqlx::test(migrations = "../migrations")]
async fn contract_fields_are_checked_against_the_directory(pool: PgPool) {
    let app = spawn_app(pool).await;
    let token = director(&app).await;
    let setup = fixture(&app, &token, "a").await;
    let other_client = app
        .create(
            "/api/v1/counterparties",
            &token,
            &json!({ "kind": "client", "name": "Gobierno del Estado" }),
        )
        .await;

    let mut with_subcontractor = contract_body(setup.subcontractor_id, None, "x");
    with_subcontractor["amount"] = json!("12.345");
    with_subcontractor["advance_percent"] = json!("101");
    with_subcontractor["name"] = json!(" ");
    let mut foreign_site = contract_body(other_client["id"].as_i64().unwrap(), None, "y");
    foreign_site["site_id"] = json!(setup.site_id);
    foreign_site["code"] = json!("X".repeat(61));

    let first = app
        .send(
            Method::POST,
            "/api/v1/contracts",
            &token,
            Some(&with_subcontractor),
        )
        .await;
    let second = app
        .send(
            Method::POST,
            "/api/v1/contracts",
            &token,
            Some(&foreign_site),
        )
        .await;

    assert_eq!(
        fields_at_fault(first).await,
        ["name", "amount", "advance_percent", "counterparty_id"]
    );
    assert_eq!(fields_at_fault(second).await, ["code", "site_id"]);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_site_belongs_to_a_client_and_names_are_unique(pool: PgPool) {
    let app = spawn_app(pool).await;
    let token = director(&app).await;
    let setup = fixture(&app, &token, "a").await;

    let on_subcontractor = app
        .send(
            Method::POST,
            "/api/v1/sites",
            &token,
            Some(&json!({ "counterparty_id": setup.subcontractor_id, "name": "Patio" })),
        )
        .await;
    let same_name = app
        .send(
            Method::POST,
            "/api/v1/counterparties",
            &token,
            Some(&json!({ "kind": "client", "name": "MUNICIPIO A" })),
        )
        .await;
    let same_unit = app
        .send(
            Method::POST,
            "/api/v1/units",
            &token,
            Some(&json!({ "name": "M3-A" })),
        )
        .await;

    assert_eq!(fields_at_fault(on_subcontractor).await, ["counterparty_id"]);
    assert_eq!(fields_at_fault(same_name).await, ["name"]);
    assert_eq!(fields_at_fault(same_unit).await, ["name"]);
}

#[sqlx::test(migrations = "../migrations")]
async fn deleting_what_is_referred_to_is_409_and_says_what(pool: PgPool) {
    let app = spawn_app(pool).await;
    let token = director(&app).await;
    let setup = fixture(&app, &token, "a").await;

    let client = app
        .send(
            Method::DELETE,
            &format!("/api/v1/counterparties/{}", setup.client_id),
            &token,
            None,
        )
        .await;
    let site = app
        .send(
            Method::DELETE,
            &format!("/api/v1/sites/{}", setup.site_id),
            &token,
            None,
        )
        .await;
    let unit = app
        .send(
            Method::DELETE,
            &format!("/api/v1/units/{}", setup.unit_id),
            &token,
            None,
        )
        .await;
    let contact = app
        .send(
            Method::DELETE,
            &format!("/api/v1/contacts/{}", setup.contact_id),
            &token,
            None,
        )
        .await;

    let detail = problem(client, StatusCode::CONFLICT).await["detail"].clone();
    assert!(
        detail
            .as_str()
            .unwrap()
            .contains("1 site(s), 1 contact(s) and 1 contract(s)"),
        "{detail}"
    );
    assert!(
        problem(site, StatusCode::CONFLICT).await["detail"]
            .as_str()
            .unwrap()
            .contains("1 contract(s)")
    );
    problem(unit, StatusCode::CONFLICT).await;
    assert_eq!(contact.status(), StatusCode::NO_CONTENT);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_tree_holds_subcontracts_at_any_depth_and_no_look_alike(pool: PgPool) {
    let app = spawn_app(pool).await;
    let token = director(&app).await;
    let setup = fixture(&app, &token, "a").await;
    let root = setup.contract_id;
    let sub = |parent: i64, name: &str| {
        let mut body = contract_body(setup.subcontractor_id, Some(setup.site_id), name);
        body["parent_id"] = json!(parent);
        body
    };

    // Folios 2..=11 so that 1 and 11, 10 and 1… share digits.
    let mut others = Vec::new();
    for n in 0..9 {
        let body = contract_body(setup.client_id, None, &format!("otra {n}"));
        others.push(app.create("/api/v1/contracts", &token, &body).await["id"].clone());
    }
    let child = app
        .create("/api/v1/contracts", &token, &sub(root, "hijo"))
        .await;
    let child_id = child["id"].as_i64().unwrap();
    let grandchild = app
        .create("/api/v1/contracts", &token, &sub(child_id, "nieto"))
        .await;
    let other_root = others[0].as_i64().unwrap();
    app.create("/api/v1/contracts", &token, &sub(other_root, "ajeno"))
        .await;

    let tree: Value = app
        .get(&format!("/api/v1/contracts/{root}/tree"), &token)
        .await
        .json()
        .await
        .unwrap();
    let children: Value = app
        .get(&format!("/api/v1/contracts/{root}/children"), &token)
        .await
        .json()
        .await
        .unwrap();
    let ancestors: Value = app
        .get(
            &format!("/api/v1/contracts/{}/ancestors", grandchild["id"]),
            &token,
        )
        .await
        .json()
        .await
        .unwrap();

    let pairs = |list: &Value| -> Vec<(i64, i64)> {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|node| {
                (
                    node["id"].as_i64().unwrap(),
                    node["depth"].as_i64().unwrap(),
                )
            })
            .collect()
    };
    let grandchild_id = grandchild["id"].as_i64().unwrap();
    assert_eq!(child["folio"], 11);
    assert_eq!(pairs(&tree), [(root, 0), (child_id, 1), (grandchild_id, 2)]);
    assert_eq!(pairs(&children), [(child_id, 1)]);
    assert_eq!(
        pairs(&ancestors),
        [(root, -2), (child_id, -1), (grandchild_id, 0)]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn subcontracts_are_signed_with_subcontractors_and_block_deletion(pool: PgPool) {
    let app = spawn_app(pool).await;
    let token = director(&app).await;
    let setup = fixture(&app, &token, "a").await;
    let mut with_client = contract_body(setup.client_id, None, "sub");
    with_client["parent_id"] = json!(setup.contract_id);
    let mut proper = contract_body(setup.subcontractor_id, None, "sub");
    proper["parent_id"] = json!(setup.contract_id);

    let refused = app
        .send(
            Method::POST,
            "/api/v1/contracts",
            &token,
            Some(&with_client),
        )
        .await;
    app.create("/api/v1/contracts", &token, &proper).await;
    let delete_parent = app
        .send(
            Method::DELETE,
            &format!("/api/v1/contracts/{}", setup.contract_id),
            &token,
            None,
        )
        .await;

    assert_eq!(fields_at_fault(refused).await, ["counterparty_id"]);
    problem(delete_parent, StatusCode::CONFLICT).await;
}

#[sqlx::test(migrations = "../migrations")]
async fn assigned_users_must_work_in_the_company(pool: PgPool) {
    let app = spawn_app(pool).await;
    let token = director(&app).await;
    let aux = app
        .user("aux@acme.mx", AccessLevel::Auxiliar, "Acme", "Acme Obras")
        .await;
    let stranger = app
        .user("dir@otra.mx", AccessLevel::Director, "Otra", "Otra Obras")
        .await;
    let setup = fixture(&app, &token, "a").await;
    let path = format!("/api/v1/contracts/{}/users", setup.contract_id);

    let refused = app
        .send(
            Method::PUT,
            &path,
            &token,
            Some(&json!({ "user_ids": [aux, stranger] })),
        )
        .await;
    let accepted = app
        .send(
            Method::PUT,
            &path,
            &token,
            Some(&json!({ "user_ids": [aux] })),
        )
        .await;

    assert_eq!(fields_at_fault(refused).await, ["user_ids[1]"]);
    let body: Value = accepted.json().await.unwrap();
    let emails: Vec<&str> = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|user| user["email"].as_str().unwrap())
        .collect();
    assert_eq!(emails, ["aux@acme.mx"]);
}

#[sqlx::test(migrations = "../migrations")]
async fn retentions_take_percentages_or_amounts(pool: PgPool) {
    let app = spawn_app(pool).await;
    let token = director(&app).await;
    let setup = fixture(&app, &token, "a").await;
    let path = format!("/api/v1/contracts/{}/retentions", setup.contract_id);

    let fixed = app
        .create(
            &path,
            &token,
            &json!({ "name": "Cuota sindical", "kind": "fixed", "value": "1000" }),
        )
        .await;
    let too_much = app
        .send(
            Method::POST,
            &path,
            &token,
            Some(&json!({ "name": "Fondo", "kind": "percentage", "value": "150" })),
        )
        .await;
    let presets: Value = app
        .get("/api/v1/retention-presets", &token)
        .await
        .json()
        .await
        .unwrap();

    assert_eq!(fixed["value"], "1000");
    assert_eq!(fixed["base"], "gross");
    assert_eq!(fields_at_fault(too_much).await, ["value"]);
    assert_eq!(presets[0]["retention"]["value"], "0.5");
}

#[sqlx::test(migrations = "../migrations")]
async fn the_signed_contract_is_kept_as_sent_and_only_if_it_is_a_pdf(pool: PgPool) {
    let app = spawn_app(pool).await;
    let token = director(&app).await;
    let other = app
        .token_for("dir@acme2.mx", AccessLevel::Director, "Acme Servicios")
        .await;
    let setup = fixture(&app, &token, "a").await;
    let url = format!(
        "{}/api/v1/contracts/{}/signed-pdf",
        app.base, setup.contract_id
    );
    let pdf = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".to_vec();
    let upload = |bytes: Vec<u8>, token: &str| {
        app.http
            .put(&url)
            .bearer_auth(token)
            .header("content-type", "application/pdf")
            .body(bytes)
            .send()
    };

    let html = upload(b"<html>%PDF-</html>".to_vec(), &token)
        .await
        .unwrap();
    let missing = app.get(&url[app.base.len()..], &token).await;
    let stored = upload(pdf.clone(), &token).await.unwrap();
    let foreign = upload(pdf.clone(), &other).await.unwrap();
    let download = app.get(&url[app.base.len()..], &token).await;
    let contract: Value = app
        .get(&format!("/api/v1/contracts/{}", setup.contract_id), &token)
        .await
        .json()
        .await
        .unwrap();

    assert_eq!(fields_at_fault(html).await, ["body"]);
    problem(missing, StatusCode::NOT_FOUND).await;
    assert_eq!(stored.status(), StatusCode::NO_CONTENT);
    problem(foreign, StatusCode::NOT_FOUND).await;
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert!(
        download.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("contrato-1-firmado.pdf")
    );
    assert_eq!(download.bytes().await.unwrap().to_vec(), pdf);
    assert_eq!(contract["has_signed_pdf"], true);
    let key: String = sqlx::query_scalar("SELECT signed_pdf_key FROM contracts WHERE id = $1")
        .bind(setup.contract_id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(key.starts_with("companies/"), "{key}");
}

#[sqlx::test(migrations = "../migrations")]
async fn control_characters_are_field_errors_not_server_errors(pool: PgPool) {
    let app = spawn_app(pool).await;
    let token = director(&app).await;

    let nul_name = app
        .send(
            Method::POST,
            "/api/v1/units",
            &token,
            Some(&json!({ "name": "m\u{0}3" })),
        )
        .await;
    let nul_search = app.get("/api/v1/counterparties?q=a%00b", &token).await;
    let nul_login = app.login("dir@acme.mx\u{0}", "x").await;

    assert_eq!(fields_at_fault(nul_name).await, ["name"]);
    assert_eq!(fields_at_fault(nul_search).await, ["q"]);
    assert_eq!(fields_at_fault(nul_login).await, ["email"]);
}
