//! `/contracts`: contracts and subcontracts of the active company.

use poem::web::Data;
use poem_openapi::{OpenApi, param::Query, payload::Json};
use shared::dto::ContractPage;

use super::ApiTags;
use crate::{
    app::AppState,
    auth::Session,
    db::{self, contracts::ContractFilter},
    error::{ApiError, ApiResult},
};

const DEFAULT_LIMIT: i64 = 50;
const MAX_LIMIT: i64 = 200;

pub struct ContractsApi;

#[OpenApi(prefix_path = "/contracts", tag = "ApiTags::Contracts")]
impl ContractsApi {
    /// List contracts
    ///
    /// Levels 1–2 see the contracts they are assigned to; levels 3 and up every contract of
    /// the active company. Ordered by folio.
    #[oai(path = "/", method = "get", operation_id = "list_contracts")]
    async fn list_contracts(
        &self,
        state: Data<&AppState>,
        session: Session,
        /// Text to find in the code, name or short name.
        q: Query<Option<String>>,
        /// Page size, 1 to 200 (default 50).
        limit: Query<Option<i64>>,
        /// How many contracts to skip (default 0).
        offset: Query<Option<i64>>,
    ) -> ApiResult<Json<ContractPage>> {
        let limit = limit.0.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::invalid("limit", format!("use 1 to {MAX_LIMIT}")));
        }
        let offset = offset.0.unwrap_or(0);
        if offset < 0 {
            return Err(ApiError::invalid("offset", "use 0 or more"));
        }
        let search =
            q.0.map(|text| text.trim().to_owned())
                .filter(|text| !text.is_empty());

        let filter = ContractFilter {
            search,
            limit,
            offset,
        };
        let (items, total) = db::contracts::list(&state.pool, &session.0, &filter).await?;
        Ok(Json(ContractPage {
            items,
            total,
            limit,
            offset,
        }))
    }
}
