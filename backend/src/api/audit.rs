//! `/audit`: who changed what in contracts, concepts, retentions, estimates and lines.

use poem::web::Data;
use poem_openapi::{OpenApi, param::Query, payload::Json};
use shared::{
    Action,
    dto::{AuditEntry, AuditPage},
};

use super::ApiTags;
use crate::{
    app::AppState,
    auth::Session,
    db,
    error::{ApiError, ApiResult},
};

/// The tables the audit log follows, as `entity` names them.
const ENTITIES: [&str; 5] = [
    "contracts",
    "concepts",
    "retentions",
    "estimates",
    "estimate_lines",
];

pub struct AuditApi;

#[OpenApi(tag = "ApiTags::Estimates")]
impl AuditApi {
    /// The changes to one record, newest first
    ///
    /// Level 3 and up. `entity` is one of contracts, concepts, retentions, estimates,
    /// estimate_lines; a record of another company has no changes to show.
    #[oai(path = "/audit", method = "get", operation_id = "list_audit")]
    async fn list(
        &self,
        state: Data<&AppState>,
        session: Session,
        /// The kind of record.
        entity: Query<String>,
        /// The record's id.
        id: Query<i64>,
    ) -> ApiResult<Json<AuditPage>> {
        let tenant = session.0;
        tenant.require(Action::SeeAllContracts, false)?;
        if !ENTITIES.contains(&entity.0.as_str()) {
            return Err(ApiError::invalid(
                "entity",
                format!("use one of {}", ENTITIES.join(", ")),
            ));
        }

        let items: Vec<AuditEntry> =
            db::audit::for_record(&state.pool, &tenant, &entity.0, id.0).await?;
        Ok(Json(AuditPage { items }))
    }
}
