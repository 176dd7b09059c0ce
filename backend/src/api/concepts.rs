//! `/contracts/{id}/concepts`: a contract's catalog of concepts.

use std::collections::HashMap;

use poem::web::Data;
use poem_openapi::{
    OpenApi,
    param::{Path, Query},
    payload::Json,
};
use shared::{
    Action,
    dto::{Concept, ConceptBatch, ConceptInput, ConceptPage},
    validate::{Checks, MONEY, QUANTITY, limits},
};

use super::{
    ApiTags, Created, NoContent,
    contracts::contract_for,
    listing::{SortKeys, listing_up_to},
};
use crate::{
    app::AppState,
    auth::{Session, Tenant},
    db::{self, concepts::Fields},
    error::{ApiError, ApiResult},
};

const SORT_KEYS: SortKeys = &[
    ("position", "t.position"),
    ("code", "lower(t.code)"),
    ("amount", "round(t.quantity * t.unit_price, 2)"),
];

/// A catalog is read whole by editors and documents; 1,000 rows a page keeps that to one
/// or two requests.
const MAX_PAGE: i64 = 1_000;

/// Most concepts one request may add; real catalogs run to a few thousand.
const MAX_BATCH: usize = 5_000;

pub struct ConceptsApi;

#[OpenApi(prefix_path = "/contracts", tag = "ApiTags::Catalog")]
impl ConceptsApi {
    /// List a contract's concepts
    ///
    /// In catalog order by default. `catalog_amount` is the total of the whole catalog.
    #[oai(path = "/:id/concepts", method = "get", operation_id = "list_concepts")]
    async fn list(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        /// Text to find in the code or description.
        q: Query<Option<String>>,
        /// Page size, 1 to 1000 (default 50).
        limit: Query<Option<i64>>,
        /// How many to skip (default 0).
        offset: Query<Option<i64>>,
        /// `position` (default), `code` or `amount`; a leading `-` reverses.
        sort: Query<Option<String>>,
    ) -> ApiResult<Json<ConceptPage>> {
        let tenant = session.0;
        contract_for(&state, &tenant, id.0, Action::ReadContract).await?;
        let listing = listing_up_to(q.0, limit.0, offset.0, sort.0, SORT_KEYS, MAX_PAGE)?;

        let (items, total, catalog_amount) =
            db::concepts::list(&state.pool, &tenant, id.0, &listing).await?;
        Ok(Json(ConceptPage {
            items,
            total,
            limit: listing.limit,
            offset: listing.offset,
            catalog_amount,
        }))
    }

    /// Add concepts to a contract's catalog
    ///
    /// All or none: one fault in any row writes nothing, and every fault is named, as
    /// `concepts[3].unit_price`. Codes are unique in the contract regardless of case.
    #[oai(
        path = "/:id/concepts",
        method = "post",
        operation_id = "create_concepts"
    )]
    async fn create(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        body: Json<ConceptBatch>,
    ) -> ApiResult<Created<ConceptPage>> {
        let tenant = session.0;
        contract_for(&state, &tenant, id.0, Action::EditContract).await?;
        let concepts = checked_batch(&state, &tenant, id.0, &body.0.concepts).await?;

        let mut tx = db::begin(&state.pool, &tenant).await?;
        let ids = db::concepts::insert_many(&mut tx, &tenant, id.0, &concepts)
            .await
            .map_err(|error| code_taken(error, "concepts"))?;
        tx.commit().await?;
        tracing::info!(contract.id = id.0, concepts = ids.len(), "concepts added");

        let items = db::concepts::find_many(&state.pool, &tenant, id.0, &ids).await?;
        let catalog_amount = db::concepts::catalog_amount(&state.pool, &tenant, id.0).await?;
        Ok(Created::Created(Json(ConceptPage {
            total: items.len() as i64,
            limit: items.len() as i64,
            offset: 0,
            items,
            catalog_amount,
        })))
    }

    /// Read a concept
    #[oai(
        path = "/:id/concepts/:concept_id",
        method = "get",
        operation_id = "get_concept"
    )]
    async fn get(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        concept_id: Path<i64>,
    ) -> ApiResult<Json<Concept>> {
        let tenant = session.0;
        contract_for(&state, &tenant, id.0, Action::ReadContract).await?;
        let found = db::concepts::find(&state.pool, &tenant, id.0, concept_id.0).await?;
        Ok(Json(found.ok_or_else(not_found)?))
    }

    /// Replace a concept
    #[oai(
        path = "/:id/concepts/:concept_id",
        method = "put",
        operation_id = "update_concept"
    )]
    async fn update(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        concept_id: Path<i64>,
        body: Json<ConceptInput>,
    ) -> ApiResult<Json<Concept>> {
        let tenant = session.0;
        contract_for(&state, &tenant, id.0, Action::EditContract).await?;
        db::concepts::find(&state.pool, &tenant, id.0, concept_id.0)
            .await?
            .ok_or_else(not_found)?;

        let units = db::units::ids(&state.pool, &tenant).await?;
        let mut checks = Checks::new();
        let fields = checked_concept(&mut checks, "", &body.0, &units);
        checks.finish()?;
        let fields = fields.ok_or_else(|| anyhow::anyhow!("a checked concept has no fields"))?;

        let mut tx = db::begin(&state.pool, &tenant).await?;
        db::concepts::update(&mut *tx, &tenant, id.0, concept_id.0, &fields)
            .await
            .map_err(|error| code_taken(error, ""))?;
        tx.commit().await?;
        let updated = db::concepts::find(&state.pool, &tenant, id.0, concept_id.0).await?;
        Ok(Json(updated.ok_or_else(not_found)?))
    }

    /// Delete a concept
    ///
    /// Only when no estimate bills it (else 409).
    #[oai(
        path = "/:id/concepts/:concept_id",
        method = "delete",
        operation_id = "delete_concept"
    )]
    async fn delete(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        concept_id: Path<i64>,
    ) -> ApiResult<NoContent> {
        let tenant = session.0;
        contract_for(&state, &tenant, id.0, Action::EditContract).await?;
        db::concepts::find(&state.pool, &tenant, id.0, concept_id.0)
            .await?
            .ok_or_else(not_found)?;
        let lines = db::concepts::line_count(&state.pool, concept_id.0).await?;
        if lines > 0 {
            return Err(ApiError::Conflict(format!(
                "{lines} estimate line(s) bill this concept; set their quantities to zero first"
            )));
        }

        let mut tx = db::begin(&state.pool, &tenant).await?;
        db::concepts::delete(&mut *tx, &tenant, id.0, concept_id.0).await?;
        tx.commit().await?;
        Ok(NoContent::Done)
    }
}

/// Checks every row of a batch, and every code against the others and the catalog.
async fn checked_batch(
    state: &AppState,
    tenant: &Tenant,
    contract_id: i64,
    inputs: &[ConceptInput],
) -> ApiResult<Vec<Fields>> {
    if inputs.is_empty() || inputs.len() > MAX_BATCH {
        return Err(ApiError::invalid(
            "concepts",
            format!("send 1 to {MAX_BATCH} concepts"),
        ));
    }
    let units = db::units::ids(&state.pool, tenant).await?;
    let mut taken: HashMap<String, String> = db::concepts::codes(&state.pool, contract_id)
        .await?
        .into_iter()
        .map(|(code, _)| (code, "the catalog".to_owned()))
        .collect();

    let mut checks = Checks::new();
    let mut concepts = Vec::with_capacity(inputs.len());
    for (index, input) in inputs.iter().enumerate() {
        let prefix = format!("concepts[{index}].");
        let key = input.code.trim().to_lowercase();
        if let Some(holder) = taken.get(&key) {
            checks.fail(
                format!("{prefix}code"),
                format!("«{}» is already in {holder}", input.code.trim()),
            );
        } else if !key.is_empty() {
            taken.insert(key, format!("concepts[{index}]"));
        }
        concepts.extend(checked_concept(&mut checks, &prefix, input, &units));
    }

    checks.finish()?;
    Ok(concepts)
}

/// Checks one concept; its fields are named with `prefix` (`concepts[3].`).
fn checked_concept(
    checks: &mut Checks,
    prefix: &str,
    input: &ConceptInput,
    units: &[i64],
) -> Option<Fields> {
    let field = |name: &str| format!("{prefix}{name}");
    let code = checks.required(&field("code"), &input.code, limits::CONCEPT_CODE);
    let description = checks.required(
        &field("description"),
        &input.description,
        limits::CONCEPT_DESCRIPTION,
    );
    if !units.contains(&input.unit_id) {
        checks.fail(field("unit_id"), "no such unit in the active company");
    }
    let quantity = checks.decimal(&field("quantity"), &input.quantity, QUANTITY);
    let unit_price = checks.decimal(&field("unit_price"), &input.unit_price, MONEY);

    Some(Fields {
        code,
        description,
        unit_id: input.unit_id,
        quantity: quantity?,
        unit_price: unit_price?,
    })
}

/// Two requests adding one code at once: the unique index catches the later one.
pub(super) fn code_taken(error: sqlx::Error, field: &str) -> ApiError {
    if db::violates(&error, db::concepts::CODE_KEY) {
        let field = if field.is_empty() { "code" } else { field };
        ApiError::invalid(field, "a concept of the contract already has this code")
    } else {
        error.into()
    }
}

fn not_found() -> ApiError {
    ApiError::NotFound("no such concept in this contract".to_owned())
}
