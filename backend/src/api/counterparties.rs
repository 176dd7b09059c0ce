//! `/counterparties`: clients, piece-workers and subcontractors of the active company.

use poem::web::Data;
use poem_openapi::{
    OpenApi,
    param::{Path, Query},
    payload::Json,
};
use shared::{
    Action,
    dto::{Counterparty, CounterpartyInput, CounterpartyKind, CounterpartyPage},
    validate::{Checks, limits},
};

use super::{ApiTags, Created, NoContent, listing::listing};
use crate::{
    app::AppState,
    auth::Session,
    db::{self, counterparties::Fields},
    error::{ApiError, ApiResult},
};

const SORT_KEYS: super::listing::SortKeys = &[
    ("name", "lower(t.name)"),
    ("kind", "t.kind"),
    ("created", "t.created_at"),
];

pub struct CounterpartiesApi;

#[OpenApi(prefix_path = "/counterparties", tag = "ApiTags::Directory")]
impl CounterpartiesApi {
    /// List counterparties
    #[oai(path = "/", method = "get", operation_id = "list_counterparties")]
    async fn list(
        &self,
        state: Data<&AppState>,
        session: Session,
        /// Only this kind.
        kind: Query<Option<CounterpartyKind>>,
        /// Text to find in the name, legal name or tax id.
        q: Query<Option<String>>,
        /// Page size, 1 to 200 (default 50).
        limit: Query<Option<i64>>,
        /// How many to skip (default 0).
        offset: Query<Option<i64>>,
        /// `name` (default), `kind` or `created`; a leading `-` reverses.
        sort: Query<Option<String>>,
    ) -> ApiResult<Json<CounterpartyPage>> {
        let listing = listing(q.0, limit.0, offset.0, sort.0, SORT_KEYS)?;
        let (items, total) =
            db::counterparties::list(&state.pool, &session.0, kind.0, &listing).await?;
        Ok(Json(CounterpartyPage {
            items,
            total,
            limit: listing.limit,
            offset: listing.offset,
        }))
    }

    /// Create a counterparty
    #[oai(path = "/", method = "post", operation_id = "create_counterparty")]
    async fn create(
        &self,
        state: Data<&AppState>,
        session: Session,
        body: Json<CounterpartyInput>,
    ) -> ApiResult<Created<Counterparty>> {
        let tenant = session.0;
        tenant.require(Action::EditDirectory, false)?;
        let input = checked(&body.0)?;

        let id = db::counterparties::insert(&state.pool, &tenant, &input.fields())
            .await
            .map_err(name_taken)?;
        let created = db::counterparties::find(&state.pool, &tenant, id).await?;
        Ok(Created::Created(Json(created.ok_or_else(not_found)?)))
    }

    /// Read a counterparty
    #[oai(path = "/:id", method = "get", operation_id = "get_counterparty")]
    async fn get(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<Json<Counterparty>> {
        let found = db::counterparties::find(&state.pool, &session.0, id.0).await?;
        Ok(Json(found.ok_or_else(not_found)?))
    }

    /// Replace a counterparty
    ///
    /// A client with sites keeps being a client: its kind cannot change while sites or
    /// top-level contracts refer to it.
    #[oai(path = "/:id", method = "put", operation_id = "update_counterparty")]
    async fn update(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        body: Json<CounterpartyInput>,
    ) -> ApiResult<Json<Counterparty>> {
        let tenant = session.0;
        let current = db::counterparties::find(&state.pool, &tenant, id.0)
            .await?
            .ok_or_else(not_found)?;
        tenant.require(Action::EditDirectory, false)?;
        let input = checked(&body.0)?;
        if input.kind != current.kind {
            refuse_kind_change(&state, id.0).await?;
        }

        db::counterparties::update(&state.pool, &tenant, id.0, &input.fields())
            .await
            .map_err(name_taken)?;
        let updated = db::counterparties::find(&state.pool, &tenant, id.0).await?;
        Ok(Json(updated.ok_or_else(not_found)?))
    }

    /// Delete a counterparty
    ///
    /// Level 3 and up, and only when no site, contact or contract refers to it (else 409).
    #[oai(path = "/:id", method = "delete", operation_id = "delete_counterparty")]
    async fn delete(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<NoContent> {
        let tenant = session.0;
        db::counterparties::find(&state.pool, &tenant, id.0)
            .await?
            .ok_or_else(not_found)?;
        tenant.require(Action::DeleteCounterparty, false)?;

        let (sites, contacts, contracts) =
            db::counterparties::references(&state.pool, id.0).await?;
        if sites + contacts + contracts > 0 {
            return Err(ApiError::Conflict(format!(
                "the counterparty is still referred to by {sites} site(s), {contacts} \
                 contact(s) and {contracts} contract(s); remove those first"
            )));
        }
        db::counterparties::delete(&state.pool, &tenant, id.0).await?;
        Ok(NoContent::Done)
    }
}

/// A counterparty's fields, trimmed and checked.
struct Checked {
    kind: CounterpartyKind,
    name: String,
    legal_name: String,
    tax_id: String,
}

impl Checked {
    fn fields(&self) -> Fields<'_> {
        Fields {
            kind: self.kind,
            name: &self.name,
            legal_name: &self.legal_name,
            tax_id: &self.tax_id,
        }
    }
}

fn checked(input: &CounterpartyInput) -> ApiResult<Checked> {
    let mut checks = Checks::new();
    let name = checks.required("name", &input.name, limits::NAME);
    let legal_name = checks.optional("legal_name", &input.legal_name, limits::LEGAL_NAME);
    let tax_id = checks.optional("tax_id", &input.tax_id, limits::TAX_ID);
    checks.finish()?;
    Ok(Checked {
        kind: input.kind,
        name,
        legal_name,
        tax_id: tax_id.to_uppercase(),
    })
}

async fn refuse_kind_change(state: &AppState, id: i64) -> ApiResult<()> {
    let (sites, _, contracts) = db::counterparties::references(&state.pool, id).await?;
    if sites + contracts > 0 {
        return Err(ApiError::invalid(
            "kind",
            format!(
                "it cannot change while {sites} site(s) and {contracts} contract(s) refer \
                 to it as what it is now"
            ),
        ));
    }
    Ok(())
}

fn name_taken(error: sqlx::Error) -> ApiError {
    if db::violates(&error, db::counterparties::NAME_KEY) {
        ApiError::invalid("name", "another counterparty of the company has this name")
    } else {
        error.into()
    }
}

fn not_found() -> ApiError {
    ApiError::NotFound("no such counterparty in the active company".to_owned())
}
