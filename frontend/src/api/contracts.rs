//! `/api/v1/contracts`: the contracts of the active company.

use gloo_net::http::Request;
use shared::dto::ContractPage;

use super::ApiError;
use super::http::{authorized, receive_json, without_body};

/// Which page of contracts to ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractQuery {
    /// Free text matched against folio, code and name; empty for all.
    pub q: String,
    pub limit: i64,
    pub offset: i64,
}

/// `GET /api/v1/contracts?limit=&offset=&q=`.
pub async fn list_contracts(
    access_token: String,
    query: ContractQuery,
) -> Result<ContractPage, ApiError> {
    let limit = query.limit.to_string();
    let offset = query.offset.to_string();
    let mut params = vec![("limit", limit.as_str()), ("offset", offset.as_str())];
    if !query.q.is_empty() {
        params.push(("q", query.q.as_str()));
    }

    let builder = Request::get("/api/v1/contracts").query(params);
    let request = without_body(authorized(builder, &access_token))?;
    receive_json(request).await
}
