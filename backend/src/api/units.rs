//! `/units`: the active company's units of measure.

use poem::web::Data;
use poem_openapi::{
    OpenApi,
    param::{Path, Query},
    payload::Json,
};
use shared::{
    Action,
    dto::{Unit, UnitInput, UnitPage},
    validate::{Checks, limits},
};

use super::{ApiTags, Created, NoContent, listing::listing};
use crate::{
    app::AppState,
    auth::Session,
    db,
    error::{ApiError, ApiResult},
};

const SORT_KEYS: super::listing::SortKeys =
    &[("name", "lower(t.name)"), ("created", "t.created_at")];

pub struct UnitsApi;

#[OpenApi(prefix_path = "/units", tag = "ApiTags::Directory")]
impl UnitsApi {
    /// List units
    #[oai(path = "/", method = "get", operation_id = "list_units")]
    async fn list(
        &self,
        state: Data<&AppState>,
        session: Session,
        /// Text to find in the name or description.
        q: Query<Option<String>>,
        /// Page size, 1 to 200 (default 50).
        limit: Query<Option<i64>>,
        /// How many to skip (default 0).
        offset: Query<Option<i64>>,
        /// `name` (default) or `created`; a leading `-` reverses.
        sort: Query<Option<String>>,
    ) -> ApiResult<Json<UnitPage>> {
        let listing = listing(q.0, limit.0, offset.0, sort.0, SORT_KEYS)?;
        let (items, total) = db::units::list(&state.pool, &session.0, &listing).await?;
        Ok(Json(UnitPage {
            items,
            total,
            limit: listing.limit,
            offset: listing.offset,
        }))
    }

    /// Create a unit
    ///
    /// Names are unique in the company regardless of case: "M3" and "m3" are one unit.
    #[oai(path = "/", method = "post", operation_id = "create_unit")]
    async fn create(
        &self,
        state: Data<&AppState>,
        session: Session,
        body: Json<UnitInput>,
    ) -> ApiResult<Created<Unit>> {
        let tenant = session.0;
        tenant.require(Action::EditDirectory, false)?;
        let (name, description) = checked(&body.0)?;

        let id = db::units::insert(&state.pool, &tenant, &name, &description)
            .await
            .map_err(name_taken)?;
        let created = db::units::find(&state.pool, &tenant, id).await?;
        Ok(Created::Created(Json(created.ok_or_else(not_found)?)))
    }

    /// Read a unit
    #[oai(path = "/:id", method = "get", operation_id = "get_unit")]
    async fn get(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<Json<Unit>> {
        let found = db::units::find(&state.pool, &session.0, id.0).await?;
        Ok(Json(found.ok_or_else(not_found)?))
    }

    /// Replace a unit
    #[oai(path = "/:id", method = "put", operation_id = "update_unit")]
    async fn update(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        body: Json<UnitInput>,
    ) -> ApiResult<Json<Unit>> {
        let tenant = session.0;
        db::units::find(&state.pool, &tenant, id.0)
            .await?
            .ok_or_else(not_found)?;
        tenant.require(Action::EditDirectory, false)?;
        let (name, description) = checked(&body.0)?;

        db::units::update(&state.pool, &tenant, id.0, &name, &description)
            .await
            .map_err(name_taken)?;
        let updated = db::units::find(&state.pool, &tenant, id.0).await?;
        Ok(Json(updated.ok_or_else(not_found)?))
    }

    /// Delete a unit
    ///
    /// Only when no concept is measured in it (else 409).
    #[oai(path = "/:id", method = "delete", operation_id = "delete_unit")]
    async fn delete(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<NoContent> {
        let tenant = session.0;
        db::units::find(&state.pool, &tenant, id.0)
            .await?
            .ok_or_else(not_found)?;
        tenant.require(Action::EditDirectory, false)?;

        let concepts = db::units::concept_count(&state.pool, id.0).await?;
        if concepts > 0 {
            return Err(ApiError::Conflict(format!(
                "{concepts} concept(s) are measured in this unit; change their unit first"
            )));
        }
        db::units::delete(&state.pool, &tenant, id.0).await?;
        Ok(NoContent::Done)
    }
}

fn checked(input: &UnitInput) -> ApiResult<(String, String)> {
    let mut checks = Checks::new();
    let name = checks.required("name", &input.name, limits::UNIT_NAME);
    let description = checks.optional("description", &input.description, limits::UNIT_DESCRIPTION);
    checks.finish()?;
    Ok((name, description))
}

fn name_taken(error: sqlx::Error) -> ApiError {
    if db::violates(&error, db::units::NAME_KEY) {
        ApiError::invalid("name", "the company already has this unit")
    } else {
        error.into()
    }
}

fn not_found() -> ApiError {
    ApiError::NotFound("no such unit in the active company".to_owned())
}
