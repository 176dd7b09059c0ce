//! `/api/v1/auth`: logging in, renewing and ending a session.

use gloo_net::http::Request;
use shared::dto::{LoginRequest, RefreshRequest, TokenPair};

use super::ApiError;
use super::http::{receive_json, receive_nothing, with_json};

/// `POST /api/v1/auth/login`.
pub async fn login(credentials: &LoginRequest) -> Result<TokenPair, ApiError> {
    let request = with_json(Request::post("/api/v1/auth/login"), credentials)?;
    receive_json(request).await
}

/// `POST /api/v1/auth/refresh`. The token presented is used up; keep the new one.
pub async fn refresh(refresh_token: &str) -> Result<TokenPair, ApiError> {
    let body = RefreshRequest {
        refresh_token: refresh_token.to_string(),
    };
    let request = with_json(Request::post("/api/v1/auth/refresh"), &body)?;
    receive_json(request).await
}

/// `POST /api/v1/auth/logout`.
pub async fn logout(refresh_token: &str) -> Result<(), ApiError> {
    let body = RefreshRequest {
        refresh_token: refresh_token.to_string(),
    };
    let request = with_json(Request::post("/api/v1/auth/logout"), &body)?;
    receive_nothing(request).await
}
