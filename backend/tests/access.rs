//! Who may do what, driven by the shared permission table, and what another company or
//! customer sees of a record: nothing.

mod common;

use common::{Fixture, TestApp, concept_body, contract_body, fixture, snapshot, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use shared::{AccessLevel, Action, access::permits};
use sqlx::PgPool;

/// One call to the API and the row of the permission table that governs it.
struct Operation {
    method: Method,
    path: String,
    body: Option<Value>,
    action: Action,
    /// Whether the call is about one contract, so that assignment and visibility count.
    on_contract: bool,
    success: StatusCode,
}

fn op(method: Method, path: String, body: Option<Value>, action: Action) -> Operation {
    let changes_state = ["/invoice", "/pay", "/unlock"]
        .iter()
        .any(|action| path.ends_with(action));
    let success = match method {
        Method::POST if changes_state => StatusCode::OK,
        Method::POST => StatusCode::CREATED,
        Method::DELETE => StatusCode::NO_CONTENT,
        _ => StatusCode::OK,
    };
    Operation {
        method,
        path,
        body,
        action,
        on_contract: false,
        success,
    }
}

fn on_contract(mut operation: Operation) -> Operation {
    operation.on_contract = true;
    operation
}

/// Records a call may delete without anything referring to them.
struct Spares {
    counterparty_id: i64,
    site_id: i64,
    unit_id: i64,
    contract_id: i64,
    /// A concept of the fixture's contract that no estimate bills.
    concept_id: i64,
}

async fn spares(app: &TestApp, token: &str, setup: &Fixture, tag: &str) -> Spares {
    let counterparty = app
        .create(
            "/api/v1/counterparties",
            token,
            &json!({ "kind": "piece_worker", "name": format!("Destajista {tag}") }),
        )
        .await;
    let site = app
        .create(
            "/api/v1/sites",
            token,
            &json!({ "counterparty_id": setup.client_id, "name": format!("Bodega {tag}") }),
        )
        .await;
    let unit = app
        .create(
            "/api/v1/units",
            token,
            &json!({ "name": format!("kg-{tag}") }),
        )
        .await;
    let contract = app
        .create(
            "/api/v1/contracts",
            token,
            &contract_body(setup.client_id, None, &format!("{tag} repuesto")),
        )
        .await;
    let concept = app
        .create(
            &format!("/api/v1/contracts/{}/concepts", setup.contract_id),
            token,
            &json!({ "concepts": [concept_body(&format!("S-{tag}"), setup.unit_id)] }),
        )
        .await;
    Spares {
        concept_id: concept["items"][0]["id"].as_i64().unwrap(),
        counterparty_id: counterparty["id"].as_i64().unwrap(),
        site_id: site["id"].as_i64().unwrap(),
        unit_id: unit["id"].as_i64().unwrap(),
        contract_id: contract["id"].as_i64().unwrap(),
    }
}

/// Every endpoint of the directory and the catalogs, reads and writes before deletions.
fn operations(setup: &Fixture, spares: &Spares, assignees: &[i64], tag: &str) -> Vec<Operation> {
    use Action::*;
    let contract = format!("/api/v1/contracts/{}", setup.contract_id);
    let estimate = format!("/api/v1/estimates/{}", setup.estimate_id);
    let takeoff = format!("{estimate}/lines/{}/measurements", setup.concept_id);
    let period = json!({ "period_start": "2026-05-01", "period_end": "2026-05-15" });
    let counterparty = json!({ "kind": "client", "name": format!("Cliente {tag}") });
    let site = json!({ "counterparty_id": setup.client_id, "name": format!("Sitio {tag}") });
    let contact = json!({ "counterparty_id": setup.client_id, "name": format!("Lic. {tag}") });
    let unit = json!({ "name": format!("pza-{tag}") });
    let mut subcontract = contract_body(setup.subcontractor_id, None, tag);
    subcontract["parent_id"] = json!(setup.contract_id);
    let retention = json!({ "name": "Fondo de garantía", "kind": "percentage", "value": "5" });
    let concept = concept_body(&format!("N-{tag}"), setup.unit_id);
    let mut renamed = concept_body(&format!("R-{tag}"), setup.unit_id);
    renamed["quantity"] = json!("130");

    vec![
        op(
            Method::GET,
            "/api/v1/counterparties".into(),
            None,
            ReadDashboard,
        ),
        op(
            Method::POST,
            "/api/v1/counterparties".into(),
            Some(counterparty.clone()),
            EditDirectory,
        ),
        op(
            Method::GET,
            format!("/api/v1/counterparties/{}", setup.client_id),
            None,
            ReadDashboard,
        ),
        op(
            Method::PUT,
            format!("/api/v1/counterparties/{}", setup.subcontractor_id),
            Some(json!({ "kind": "subcontractor", "name": format!("Aceros {tag} SA") })),
            EditDirectory,
        ),
        op(Method::GET, "/api/v1/sites".into(), None, ReadDashboard),
        op(
            Method::POST,
            "/api/v1/sites".into(),
            Some(site.clone()),
            EditDirectory,
        ),
        op(
            Method::GET,
            format!("/api/v1/sites/{}", setup.site_id),
            None,
            ReadDashboard,
        ),
        op(
            Method::PUT,
            format!("/api/v1/sites/{}", setup.site_id),
            Some(site),
            EditDirectory,
        ),
        op(Method::GET, "/api/v1/contacts".into(), None, ReadDashboard),
        op(
            Method::POST,
            "/api/v1/contacts".into(),
            Some(contact.clone()),
            EditDirectory,
        ),
        op(
            Method::GET,
            format!("/api/v1/contacts/{}", setup.contact_id),
            None,
            ReadDashboard,
        ),
        op(
            Method::PUT,
            format!("/api/v1/contacts/{}", setup.contact_id),
            Some(contact),
            EditDirectory,
        ),
        op(Method::GET, "/api/v1/units".into(), None, ReadDashboard),
        op(
            Method::POST,
            "/api/v1/units".into(),
            Some(unit),
            EditDirectory,
        ),
        op(
            Method::GET,
            format!("/api/v1/units/{}", setup.unit_id),
            None,
            ReadDashboard,
        ),
        op(
            Method::PUT,
            format!("/api/v1/units/{}", spares.unit_id),
            Some(json!({ "name": format!("ton-{tag}") })),
            EditDirectory,
        ),
        op(
            Method::GET,
            "/api/v1/retention-presets".into(),
            None,
            ReadDashboard,
        ),
        op(Method::GET, "/api/v1/members".into(), None, ReadDashboard),
        op(
            Method::POST,
            "/api/v1/contracts".into(),
            Some(contract_body(setup.client_id, None, tag)),
            CreateContract,
        ),
        on_contract(op(Method::GET, contract.clone(), None, ReadContract)),
        on_contract(op(
            Method::PUT,
            contract.clone(),
            Some(contract_body(setup.client_id, Some(setup.site_id), tag)),
            EditContract,
        )),
        on_contract(op(
            Method::POST,
            "/api/v1/contracts".into(),
            Some(subcontract),
            CreateContract,
        )),
        on_contract(op(
            Method::GET,
            format!("{contract}/children"),
            None,
            ReadContract,
        )),
        on_contract(op(
            Method::GET,
            format!("{contract}/ancestors"),
            None,
            ReadContract,
        )),
        on_contract(op(
            Method::GET,
            format!("{contract}/tree"),
            None,
            ReadContract,
        )),
        on_contract(op(
            Method::GET,
            format!("{contract}/users"),
            None,
            ReadContract,
        )),
        on_contract(op(
            Method::PUT,
            format!("{contract}/users"),
            Some(json!({ "user_ids": assignees })),
            EditContract,
        )),
        on_contract(op(
            Method::GET,
            format!("{contract}/concepts"),
            None,
            ReadContract,
        )),
        on_contract(op(
            Method::POST,
            format!("{contract}/concepts"),
            Some(json!({ "concepts": [concept] })),
            EditContract,
        )),
        on_contract(op(
            Method::GET,
            format!("{contract}/concepts/{}", setup.concept_id),
            None,
            ReadContract,
        )),
        on_contract(op(
            Method::PUT,
            format!("{contract}/concepts/{}", setup.concept_id),
            Some(renamed),
            EditContract,
        )),
        on_contract(op(
            Method::GET,
            format!("{contract}/retentions"),
            None,
            ReadContract,
        )),
        on_contract(op(
            Method::POST,
            format!("{contract}/retentions"),
            Some(retention.clone()),
            EditContract,
        )),
        on_contract(op(
            Method::PUT,
            format!("{contract}/retentions/{}", setup.retention_id),
            Some(retention),
            EditContract,
        )),
        op(Method::GET, "/api/v1/dashboard".into(), None, ReadDashboard),
        op(
            Method::GET,
            "/api/v1/storage-usage".into(),
            None,
            ReadDashboard,
        ),
        op(
            Method::GET,
            format!("/api/v1/audit?entity=contracts&id={}", setup.contract_id),
            None,
            SeeAllContracts,
        ),
        on_contract(op(
            Method::GET,
            format!("{contract}/estimates"),
            None,
            ReadContract,
        )),
        on_contract(op(Method::GET, estimate.clone(), None, ReadContract)),
        on_contract(op(
            Method::GET,
            format!("{estimate}/lines"),
            None,
            ReadContract,
        )),
        on_contract(op(
            Method::GET,
            format!("{estimate}/statement"),
            None,
            ReadContract,
        )),
        on_contract(op(Method::GET, takeoff.clone(), None, ReadContract)),
        on_contract(op(
            Method::GET,
            format!("{estimate}/subcontract-report"),
            None,
            ReadContract,
        )),
        on_contract(op(
            Method::GET,
            format!("{estimate}/pdf"),
            None,
            ReadContract,
        )),
        on_contract(op(
            Method::GET,
            format!("{estimate}/takeoff.pdf"),
            None,
            ReadContract,
        )),
        on_contract(op(
            Method::GET,
            format!("{estimate}/subcontract-report.pdf"),
            None,
            ReadContract,
        )),
        on_contract(op(
            Method::GET,
            format!("{estimate}/statement.xlsx"),
            None,
            ReadContract,
        )),
        on_contract(op(
            Method::GET,
            format!("{contract}/concepts.xlsx"),
            None,
            ReadContract,
        )),
        op(
            Method::DELETE,
            "/api/v1/company/logo".into(),
            None,
            ManageCompanies,
        ),
        on_contract(op(
            Method::PUT,
            estimate.clone(),
            Some(period.clone()),
            EditEstimate,
        )),
        on_contract(op(
            Method::PUT,
            format!("{estimate}/lines"),
            Some(json!({ "lines": [{ "concept_id": setup.concept_id, "quantity": "3" }] })),
            EditEstimate,
        )),
        on_contract(op(
            Method::PUT,
            takeoff,
            Some(json!({ "rows": [{ "label": "Eje 1", "length": "2", "width": "3" }] })),
            EditEstimate,
        )),
        on_contract(op(
            Method::DELETE,
            format!("/api/v1/estimates/{}", setup.latest_estimate_id),
            None,
            BillEstimate,
        )),
        on_contract(op(
            Method::POST,
            format!("{contract}/estimates"),
            Some(period),
            EditEstimate,
        )),
        on_contract(op(
            Method::POST,
            format!("{estimate}/invoice"),
            Some(json!({ "date": "2026-05-20" })),
            BillEstimate,
        )),
        on_contract(op(
            Method::POST,
            format!("{estimate}/pay"),
            Some(json!({ "date": "2026-06-20" })),
            BillEstimate,
        )),
        on_contract(op(
            Method::POST,
            format!("{estimate}/unlock"),
            Some(json!({ "reason": "Corrección de periodo" })),
            UnlockEstimate,
        )),
        on_contract(op(
            Method::DELETE,
            format!("{contract}/signed-pdf"),
            None,
            EditContract,
        )),
        on_contract(op(
            Method::DELETE,
            format!("{contract}/retentions/{}", setup.retention_id),
            None,
            EditContract,
        )),
        on_contract(op(
            Method::DELETE,
            format!("{contract}/concepts/{}", spares.concept_id),
            None,
            EditContract,
        )),
        on_contract(op(
            Method::DELETE,
            format!("/api/v1/contracts/{}", spares.contract_id),
            None,
            DeleteContract,
        )),
        op(
            Method::DELETE,
            format!("/api/v1/contacts/{}", setup.contact_id),
            None,
            DeleteSiteOrContact,
        ),
        op(
            Method::DELETE,
            format!("/api/v1/sites/{}", spares.site_id),
            None,
            DeleteSiteOrContact,
        ),
        op(
            Method::DELETE,
            format!("/api/v1/units/{}", spares.unit_id),
            None,
            EditDirectory,
        ),
        op(
            Method::DELETE,
            format!("/api/v1/counterparties/{}", spares.counterparty_id),
            None,
            DeleteCounterparty,
        ),
    ]
}

/// What DOMAIN.md's table says the call answers: a contract the user may not see does not
/// exist for them; one they see but may not change is forbidden.
fn expected(operation: &Operation, level: AccessLevel, assigned: bool) -> StatusCode {
    let assigned = assigned && operation.on_contract;
    if operation.on_contract && !permits(level, assigned, Action::ReadContract) {
        return StatusCode::NOT_FOUND;
    }
    if permits(level, assigned, operation.action) {
        operation.success
    } else {
        StatusCode::FORBIDDEN
    }
}

async fn assign(app: &TestApp, contract_id: i64, user_id: i64) {
    sqlx::query("INSERT INTO contract_users (contract_id, user_id) VALUES ($1, $2)")
        .bind(contract_id)
        .bind(user_id)
        .execute(&app.pool)
        .await
        .unwrap();
}

#[sqlx::test(migrations = "../migrations")]
async fn every_level_assigned_or_not_gets_what_the_permission_table_says(pool: PgPool) {
    let app = spawn_app(pool).await;
    let director_id = app
        .user("dir@acme.mx", AccessLevel::Director, "Acme", "Acme Obras")
        .await;
    let director = app.session("dir@acme.mx").await.access_token;
    let mut mismatches = Vec::new();
    let mut calls = 0;

    for level in AccessLevel::ALL {
        for assigned in [false, true] {
            let tag = format!("{}{}", level.key(), u8::from(assigned));
            let email = format!("{tag}@acme.mx");
            let user_id = app.user(&email, level, "Acme", "Acme Obras").await;
            let token = app.session(&email).await.access_token;
            let setup = fixture(&app, &director, &tag).await;
            let spares = spares(&app, &director, &setup, &tag).await;
            let mut assignees = vec![director_id];
            if assigned {
                assign(&app, setup.contract_id, user_id).await;
                assign(&app, spares.contract_id, user_id).await;
                assignees.push(user_id);
            }

            for operation in operations(&setup, &spares, &assignees, &tag) {
                let response = app
                    .send(
                        operation.method.clone(),
                        &operation.path,
                        &token,
                        operation.body.as_ref(),
                    )
                    .await;
                let want = expected(&operation, level, assigned);
                let got = response.status();
                calls += 1;
                if got != want {
                    let body = response.text().await.unwrap_or_default();
                    mismatches.push(format!(
                        "{level:?} assigned={assigned} {} {}: got {got}, want {want}: {body}",
                        operation.method, operation.path,
                    ));
                }
            }
        }
    }

    assert!(calls > 400, "the matrix made only {calls} calls");
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[sqlx::test(migrations = "../migrations")]
async fn records_of_another_company_or_customer_do_not_exist_for_them(pool: PgPool) {
    let app = spawn_app(pool).await;
    let owner = app
        .token_for("dir@acme.mx", AccessLevel::Director, "Acme Obras")
        .await;
    let setup = fixture(&app, &owner, "own").await;
    let spares = spares(&app, &owner, &setup, "own").await;
    let sister = app
        .token_for("super@acme.mx", AccessLevel::Superusuario, "Acme Servicios")
        .await;
    app.user(
        "super@otra.mx",
        AccessLevel::Superusuario,
        "Otra",
        "Otra Obras",
    )
    .await;
    let stranger = app.session("super@otra.mx").await.access_token;
    let before = snapshot(&app.pool).await;

    let mut leaks = Vec::new();
    for (who, token) in [
        ("another company", &sister),
        ("another customer", &stranger),
    ] {
        for operation in operations(&setup, &spares, &[], who) {
            if !names_a_record(&operation) {
                continue;
            }
            let response = app
                .send(
                    operation.method.clone(),
                    &operation.path,
                    token,
                    operation.body.as_ref(),
                )
                .await;
            if response.status() != StatusCode::NOT_FOUND {
                leaks.push(format!(
                    "{who}: {} {} answered {}",
                    operation.method,
                    operation.path,
                    response.status()
                ));
            }
        }
    }

    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
    assert_eq!(
        snapshot(&app.pool).await,
        before,
        "a foreign call changed the database"
    );
}

/// Whether the path holds a record's id (lists and creations name none).
fn names_a_record(operation: &Operation) -> bool {
    operation
        .path
        .trim_start_matches("/api/v1/")
        .split('/')
        .any(|part| part.parse::<i64>().is_ok())
        || operation
            .body
            .as_ref()
            .is_some_and(|body| body.get("parent_id").is_some())
}

#[sqlx::test(migrations = "../migrations")]
async fn a_foreign_id_in_a_body_answers_as_a_missing_one(pool: PgPool) {
    let app = spawn_app(pool).await;
    let owner = app
        .token_for("dir@acme.mx", AccessLevel::Director, "Acme Obras")
        .await;
    let foreign = fixture(&app, &owner, "own").await;
    let intruder = app
        .token_for("dir@otra.mx", AccessLevel::Director, "Otra Obras")
        .await;
    let mine = fixture(&app, &intruder, "mine").await;
    let before = snapshot(&app.pool).await;

    let bodies = |id: i64| {
        vec![
            (
                "/api/v1/sites",
                json!({ "counterparty_id": id, "name": "Patio" }),
            ),
            (
                "/api/v1/contacts",
                json!({ "counterparty_id": id, "name": "Ana" }),
            ),
            ("/api/v1/contracts", contract_body(id, None, "x")),
            (
                "/api/v1/contracts",
                contract_body(mine.client_id, Some(id), "x"),
            ),
        ]
    };
    let concept_path = format!("/api/v1/contracts/{}/concepts", mine.contract_id);
    let mut answers = Vec::new();
    for id in [foreign.client_id, i64::MAX] {
        let mut these = Vec::new();
        let site_id = if id == i64::MAX { id } else { foreign.site_id };
        let unit_id = if id == i64::MAX { id } else { foreign.unit_id };
        let mut requests = bodies(id);
        requests[3].1["site_id"] = json!(site_id);
        requests.push((
            concept_path.as_str(),
            json!({ "concepts": [concept_body("Z-1", unit_id)] }),
        ));
        for (path, body) in requests {
            let response = app.send(Method::POST, path, &intruder, Some(&body)).await;
            let status = response.status();
            let problem: Value = response.json().await.unwrap();
            these.push((status, problem["errors"].clone()));
        }
        let listed: Value = app
            .get(&format!("/api/v1/sites?counterparty_id={id}"), &intruder)
            .await
            .json()
            .await
            .unwrap();
        these.push((StatusCode::OK, listed["total"].clone()));
        answers.push(these);
    }

    assert_eq!(answers[0], answers[1]);
    assert!(
        answers[0][..5]
            .iter()
            .all(|(status, _)| *status == StatusCode::UNPROCESSABLE_ENTITY)
    );
    assert_eq!(snapshot(&app.pool).await, before);
}
