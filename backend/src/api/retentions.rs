//! `/contracts/{id}/retentions`: what every estimate of a contract withholds.

use poem::web::Data;
use poem_openapi::{OpenApi, param::Path, payload::Json};
use shared::{
    Action,
    dto::{
        Retention, RetentionInput, RetentionKind, RetentionList, RetentionPreset, retention_presets,
    },
    validate::{Checks, MONEY, PERCENT, limits},
};

use super::{ApiTags, Created, NoContent, contracts::contract_for};
use crate::{
    app::AppState,
    auth::Session,
    db::{self, retentions::Fields},
    error::{ApiError, ApiResult},
};

pub struct RetentionsApi;

#[OpenApi(tag = "ApiTags::Catalog")]
impl RetentionsApi {
    /// The usual retentions, ready to add to a contract
    #[oai(
        path = "/retention-presets",
        method = "get",
        operation_id = "list_retention_presets"
    )]
    async fn presets(&self, _session: Session) -> ApiResult<Json<Vec<RetentionPreset>>> {
        Ok(Json(retention_presets()))
    }

    /// List a contract's retentions
    #[oai(
        path = "/contracts/:id/retentions",
        method = "get",
        operation_id = "list_retentions"
    )]
    async fn list(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<Json<RetentionList>> {
        contract_for(&state, &session.0, id.0, Action::ReadContract).await?;
        let items = db::retentions::list(&state.pool, id.0).await?;
        Ok(Json(RetentionList { items }))
    }

    /// Add a retention to a contract
    #[oai(
        path = "/contracts/:id/retentions",
        method = "post",
        operation_id = "create_retention"
    )]
    async fn create(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        body: Json<RetentionInput>,
    ) -> ApiResult<Created<Retention>> {
        let tenant = session.0;
        contract_for(&state, &tenant, id.0, Action::EditContract).await?;
        let fields = checked(&body.0)?;

        let mut tx = db::begin(&state.pool, &tenant).await?;
        let retention_id = db::retentions::insert(&mut *tx, &tenant, id.0, &fields).await?;
        tx.commit().await?;
        let created = db::retentions::find(&state.pool, id.0, retention_id).await?;
        Ok(Created::Created(Json(created.ok_or_else(not_found)?)))
    }

    /// Replace a retention
    #[oai(
        path = "/contracts/:id/retentions/:retention_id",
        method = "put",
        operation_id = "update_retention"
    )]
    async fn update(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        retention_id: Path<i64>,
        body: Json<RetentionInput>,
    ) -> ApiResult<Json<Retention>> {
        let tenant = session.0;
        contract_for(&state, &tenant, id.0, Action::EditContract).await?;
        db::retentions::find(&state.pool, id.0, retention_id.0)
            .await?
            .ok_or_else(not_found)?;
        let fields = checked(&body.0)?;

        let mut tx = db::begin(&state.pool, &tenant).await?;
        db::retentions::update(&mut *tx, id.0, retention_id.0, &fields).await?;
        tx.commit().await?;
        let updated = db::retentions::find(&state.pool, id.0, retention_id.0).await?;
        Ok(Json(updated.ok_or_else(not_found)?))
    }

    /// Delete a retention
    #[oai(
        path = "/contracts/:id/retentions/:retention_id",
        method = "delete",
        operation_id = "delete_retention"
    )]
    async fn delete(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        retention_id: Path<i64>,
    ) -> ApiResult<NoContent> {
        let tenant = session.0;
        contract_for(&state, &tenant, id.0, Action::EditContract).await?;
        db::retentions::find(&state.pool, id.0, retention_id.0)
            .await?
            .ok_or_else(not_found)?;

        let mut tx = db::begin(&state.pool, &tenant).await?;
        db::retentions::delete(&mut *tx, id.0, retention_id.0).await?;
        tx.commit().await?;
        Ok(NoContent::Done)
    }
}

/// A percentage takes 0 to 100 with four decimals; a fixed amount, cents.
fn checked(input: &RetentionInput) -> ApiResult<Fields> {
    let mut checks = Checks::new();
    let name = checks.required("name", &input.name, limits::NAME);
    let shape = match input.kind {
        RetentionKind::Percentage => PERCENT,
        RetentionKind::Fixed => MONEY,
    };
    let value = checks.decimal("value", &input.value, shape);
    checks.finish()?;

    Ok(Fields {
        name,
        kind: input.kind,
        base: input.base,
        value: value.unwrap_or_default(),
    })
}

fn not_found() -> ApiError {
    ApiError::NotFound("no such retention in this contract".to_owned())
}
