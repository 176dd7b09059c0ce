//! `/api/v1/me`: the signed-in user, their active company and their password.

use gloo_net::http::Request;
use shared::dto::{ChangePasswordRequest, Me, SwitchCompanyRequest, TokenPair};

use super::ApiError;
use super::http::{authorized, receive_json, with_json, without_body};

/// `GET /api/v1/me`.
pub async fn fetch_me(access_token: String) -> Result<Me, ApiError> {
    let request = without_body(authorized(Request::get("/api/v1/me"), &access_token))?;
    receive_json(request).await
}

/// `PUT /api/v1/me/active-company`: a fresh token pair that works in that company.
pub async fn switch_company(access_token: String, company_id: i64) -> Result<TokenPair, ApiError> {
    let builder = authorized(Request::put("/api/v1/me/active-company"), &access_token);
    let request = with_json(builder, &SwitchCompanyRequest { company_id })?;
    receive_json(request).await
}

/// `PUT /api/v1/me/password`: a fresh token pair; every other session ends.
pub async fn change_password(
    access_token: String,
    change: ChangePasswordRequest,
) -> Result<TokenPair, ApiError> {
    let builder = authorized(Request::put("/api/v1/me/password"), &access_token);
    let request = with_json(builder, &change)?;
    receive_json(request).await
}
