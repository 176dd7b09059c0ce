//! Test harness: the real app on a free port, over a fresh database (`sqlx::test`) and the
//! real Redis under a key prefix of its own, spoken to over HTTP.

#![allow(dead_code)]

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
        storage_url: String::new(),
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
    let app = build_app(AppState::new(pool.clone(), redis, config));

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
