//! `/api/v1/dashboard`: what is pending in the active company.

use shared::dto::Dashboard;

use super::ApiError;
use super::http::get_json;

/// `GET /api/v1/dashboard`.
pub async fn dashboard(access_token: String) -> Result<Dashboard, ApiError> {
    get_json(&access_token, "/api/v1/dashboard", Vec::new()).await
}
