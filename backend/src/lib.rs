//! The Construbot server: a poem-openapi REST API over PostgreSQL, hosting the SPA.

pub mod api;
pub mod app;
pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod documents;
pub mod error;
pub mod http;
pub mod photos;
pub mod redis;
pub mod sheets;
pub mod storage;
pub mod telemetry;

pub use app::{AppState, build_app, openapi_service};
pub use config::Config;
pub use error::ApiError;
