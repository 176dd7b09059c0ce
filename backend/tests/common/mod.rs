//! Test harness: the real app on a free port, over a fresh database (`sqlx::test`) and the
//! real Redis under a key prefix of its own, spoken to over HTTP.

#![allow(dead_code)]

pub mod example;
pub mod images;

use std::path::PathBuf;

use backend::{
    AppState, Config, build_app,
    cli::{CreateUser, create_user},
    config::{Environment, LogFormat, LoginLimits},
    redis::Redis,
};
use poem::{
    Server,
    listener::{Acceptor, Listener, TcpListener},
};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};
use shared::{AccessLevel, dto::TokenPair};
use sqlx::PgPool;

pub const PASSWORD: &str = "correct-horse-battery";
pub const JWT_SECRET: &str = "test-secret-that-is-long-enough-for-hs256";

pub struct TestApp {
    pub base: String,
    pub http: reqwest::Client,
    pub pool: PgPool,
}

pub fn test_config(spa_dir: PathBuf) -> Config {
    Config {
        environment: Environment::Development,
        database_url: String::new(),
        redis_url: std::env::var("REDIS_URL").unwrap_or("redis://127.0.0.1:6379".into()),
        redis_prefix: format!("test:{}:", uuid::Uuid::new_v4()),
        listen: "127.0.0.1:0".parse().unwrap(),
        jwt_secret: JWT_SECRET.to_owned(),
        storage_url: format!(
            "file://{}",
            std::env::temp_dir()
                .join(format!("construbot-test-{}", uuid::Uuid::new_v4()))
                .display()
        ),
        spa_dir,
        log_format: LogFormat::Text,
        login_limits: LoginLimits {
            per_email: 5,
            per_ip: 1_000,
            window_secs: 60,
        },
    }
}

pub async fn spawn_app(pool: PgPool) -> TestApp {
    spawn_app_with(pool, test_config(PathBuf::from("/nonexistent-spa"))).await
}

pub async fn spawn_app_with(pool: PgPool, config: Config) -> TestApp {
    let redis = Redis::connect(&config.redis_url, &config.redis_prefix)
        .await
        .unwrap();
    let app = build_app(AppState::new(pool.clone(), redis, config).unwrap());

    let acceptor = TcpListener::bind("127.0.0.1:0")
        .into_acceptor()
        .await
        .unwrap();
    let port = acceptor.local_addr()[0].as_socket_addr().unwrap().port();
    tokio::spawn(Server::new_with_acceptor(acceptor).run(app));

    TestApp {
        base: format!("http://127.0.0.1:{port}"),
        http: reqwest::Client::new(),
        pool,
    }
}

impl TestApp {
    /// Creates a user with [`PASSWORD`] in `customer`/`company` (both created when missing).
    pub async fn user(
        &self,
        email: &str,
        level: AccessLevel,
        customer: &str,
        company: &str,
    ) -> i64 {
        let args = CreateUser {
            email: email.to_owned(),
            password: PASSWORD.to_owned(),
            level,
            customer: customer.to_owned(),
            company: company.to_owned(),
            name: None,
            position: String::new(),
        };
        create_user(&self.pool, &args).await.unwrap()
    }

    pub async fn company_id(&self, name: &str) -> i64 {
        sqlx::query_scalar("SELECT id FROM companies WHERE name = $1")
            .bind(name)
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }

    pub async fn post(&self, path: &str, body: &Value) -> Response {
        self.http
            .post(format!("{}{path}", self.base))
            .json(body)
            .send()
            .await
            .unwrap()
    }

    /// A GET without credentials.
    pub async fn get_anonymous(&self, path: &str) -> Response {
        self.http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }

    pub async fn get(&self, path: &str, token: &str) -> Response {
        self.http
            .get(format!("{}{path}", self.base))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
    }

    pub async fn put(&self, path: &str, token: &str, body: &Value) -> Response {
        let url = format!("{}{path}", self.base);
        self.http
            .put(url)
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn login(&self, email: &str, password: &str) -> Response {
        self.post(
            "/api/v1/auth/login",
            &json!({ "email": email, "password": password }),
        )
        .await
    }

    /// Logs in with [`PASSWORD`], which must work.
    pub async fn session(&self, email: &str) -> TokenPair {
        let response = self.login(email, PASSWORD).await;
        assert_eq!(response.status(), StatusCode::OK, "login as {email}");
        response.json().await.unwrap()
    }

    pub async fn refresh(&self, refresh_token: &str) -> Response {
        self.post(
            "/api/v1/auth/refresh",
            &json!({ "refresh_token": refresh_token }),
        )
        .await
    }
}

/// Checks that a response is a problem document with `status`, and returns it.
pub async fn problem(response: Response, status: StatusCode) -> Value {
    assert_eq!(response.status(), status);
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(content_type, "application/problem+json");
    assert!(response.headers().contains_key("x-request-id"));
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], status.as_u16());
    assert!(body["request_id"].is_string(), "{body}");
    body
}

impl TestApp {
    /// Any request with a bearer token and, when given, a JSON body.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: Option<&Value>,
    ) -> Response {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(token);
        if let Some(body) = body {
            request = request.json(body);
        }
        request.send().await.unwrap()
    }

    /// A POST that must answer 201; returns the created record.
    pub async fn create(&self, path: &str, token: &str, body: &Value) -> Value {
        let response = self
            .send(reqwest::Method::POST, path, token, Some(body))
            .await;
        let status = response.status();
        let text = response.text().await.unwrap();
        assert_eq!(status, StatusCode::CREATED, "POST {path}: {text}");
        serde_json::from_str(&text).unwrap()
    }

    /// A session for a new user of `level` in the company (customer "Acme" unless given).
    pub async fn token_for(&self, email: &str, level: AccessLevel, company: &str) -> String {
        self.user(email, level, "Acme", company).await;
        self.session(email).await.access_token
    }
}

/// A small directory and a contract with a catalog, made through the API by `token`.
pub struct Fixture {
    pub client_id: i64,
    pub subcontractor_id: i64,
    pub site_id: i64,
    pub contact_id: i64,
    pub unit_id: i64,
    pub contract_id: i64,
    pub concept_id: i64,
    pub retention_id: i64,
    /// A draft estimate with a line, and the draft after it (the latest).
    pub estimate_id: i64,
    pub latest_estimate_id: i64,
}

pub async fn fixture(app: &TestApp, token: &str, tag: &str) -> Fixture {
    let client = app
        .create(
            "/api/v1/counterparties",
            token,
            &json!({ "kind": "client", "name": format!("Municipio {tag}") }),
        )
        .await;
    let client_id = client["id"].as_i64().unwrap();
    let subcontractor = app
        .create(
            "/api/v1/counterparties",
            token,
            &json!({ "kind": "subcontractor", "name": format!("Aceros {tag}") }),
        )
        .await;
    let site = app
        .create(
            "/api/v1/sites",
            token,
            &json!({ "counterparty_id": client_id, "name": format!("Obra {tag}") }),
        )
        .await;
    let contact = app
        .create(
            "/api/v1/contacts",
            token,
            &json!({ "counterparty_id": client_id, "name": format!("Ing. {tag}") }),
        )
        .await;
    let unit = app
        .create(
            "/api/v1/units",
            token,
            &json!({ "name": format!("m3-{tag}") }),
        )
        .await;
    let unit_id = unit["id"].as_i64().unwrap();

    let contract = app
        .create(
            "/api/v1/contracts",
            token,
            &contract_body(client_id, Some(site["id"].as_i64().unwrap()), tag),
        )
        .await;
    let contract_id = contract["id"].as_i64().unwrap();
    let concepts = app
        .create(
            &format!("/api/v1/contracts/{contract_id}/concepts"),
            token,
            &json!({ "concepts": [concept_body(&format!("C-{tag}"), unit_id)] }),
        )
        .await;
    let retention = app
        .create(
            &format!("/api/v1/contracts/{contract_id}/retentions"),
            token,
            &json!({ "name": "5 al millar", "kind": "percentage", "value": "0.5" }),
        )
        .await;

    let estimates = format!("/api/v1/contracts/{contract_id}/estimates");
    let period = json!({ "period_start": "2026-05-01", "period_end": "2026-05-15" });
    let estimate_id = app.create(&estimates, token, &period).await["id"]
        .as_i64()
        .unwrap();
    let latest_estimate_id = app.create(&estimates, token, &period).await["id"]
        .as_i64()
        .unwrap();

    Fixture {
        estimate_id,
        latest_estimate_id,
        client_id,
        subcontractor_id: subcontractor["id"].as_i64().unwrap(),
        site_id: site["id"].as_i64().unwrap(),
        contact_id: contact["id"].as_i64().unwrap(),
        unit_id,
        contract_id,
        concept_id: concepts["items"][0]["id"].as_i64().unwrap(),
        retention_id: retention["id"].as_i64().unwrap(),
    }
}

pub fn contract_body(counterparty_id: i64, site_id: Option<i64>, name: &str) -> Value {
    json!({
        "code": "LO-009-2026",
        "name": format!("Rehabilitación {name}"),
        "date": "2026-03-02",
        "counterparty_id": counterparty_id,
        "site_id": site_id,
        "amount": "499829.13",
        "advance_percent": "30",
    })
}

pub fn concept_body(code: &str, unit_id: i64) -> Value {
    json!({
        "code": code,
        "description": "Excavación a máquina en material tipo II",
        "unit_id": unit_id,
        "quantity": "120.00",
        "unit_price": "185.50",
    })
}

/// A fingerprint of every business table, to show that a request changed nothing.
pub async fn snapshot(pool: &PgPool) -> Vec<String> {
    let mut prints = Vec::new();
    for table in [
        "counterparties",
        "sites",
        "contacts",
        "units",
        "contracts",
        "contract_users",
        "concepts",
        "retentions",
        "estimates",
        "estimate_lines",
        "measurements",
        "audit_log",
        "companies",
    ] {
        let print: Option<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM {table} t"
        )))
        .fetch_one(pool)
        .await
        .unwrap();
        prints.push(format!("{table}: {}", print.unwrap_or_default()));
    }
    prints
}
