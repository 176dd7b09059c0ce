//! `/sites`: where the active company's clients have their works.

use poem::web::Data;
use poem_openapi::{
    OpenApi,
    param::{Path, Query},
    payload::Json,
};
use shared::{
    Action,
    dto::{CounterpartyKind, Site, SiteInput, SitePage},
    validate::{Checks, limits},
};

use super::{ApiTags, Created, NoContent, listing::listing};
use crate::{
    app::AppState,
    auth::{Session, Tenant},
    db::{self, sites::Fields},
    error::{ApiError, ApiResult},
};

const SORT_KEYS: super::listing::SortKeys = &[
    ("name", "lower(t.name)"),
    ("counterparty", "lower(p.name)"),
    ("created", "t.created_at"),
];

pub struct SitesApi;

#[OpenApi(prefix_path = "/sites", tag = "ApiTags::Directory")]
impl SitesApi {
    /// List sites
    #[oai(path = "/", method = "get", operation_id = "list_sites")]
    async fn list(
        &self,
        state: Data<&AppState>,
        session: Session,
        /// Only the sites of this client.
        counterparty_id: Query<Option<i64>>,
        /// Text to find in the name, the address or the client's name.
        q: Query<Option<String>>,
        /// Page size, 1 to 200 (default 50).
        limit: Query<Option<i64>>,
        /// How many to skip (default 0).
        offset: Query<Option<i64>>,
        /// `name` (default), `counterparty` or `created`; a leading `-` reverses.
        sort: Query<Option<String>>,
    ) -> ApiResult<Json<SitePage>> {
        let listing = listing(q.0, limit.0, offset.0, sort.0, SORT_KEYS)?;
        let (items, total) =
            db::sites::list(&state.pool, &session.0, counterparty_id.0, &listing).await?;
        Ok(Json(SitePage {
            items,
            total,
            limit: listing.limit,
            offset: listing.offset,
        }))
    }

    /// Create a site
    ///
    /// `counterparty_id` must be a client of the active company.
    #[oai(path = "/", method = "post", operation_id = "create_site")]
    async fn create(
        &self,
        state: Data<&AppState>,
        session: Session,
        body: Json<SiteInput>,
    ) -> ApiResult<Created<Site>> {
        let tenant = session.0;
        tenant.require(Action::EditDirectory, false)?;
        let input = checked(&state, &tenant, &body.0).await?;

        let id = db::sites::insert(&state.pool, &tenant, &input.fields()).await?;
        let created = db::sites::find(&state.pool, &tenant, id).await?;
        Ok(Created::Created(Json(created.ok_or_else(not_found)?)))
    }

    /// Read a site
    #[oai(path = "/:id", method = "get", operation_id = "get_site")]
    async fn get(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<Json<Site>> {
        let found = db::sites::find(&state.pool, &session.0, id.0).await?;
        Ok(Json(found.ok_or_else(not_found)?))
    }

    /// Replace a site
    #[oai(path = "/:id", method = "put", operation_id = "update_site")]
    async fn update(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        body: Json<SiteInput>,
    ) -> ApiResult<Json<Site>> {
        let tenant = session.0;
        db::sites::find(&state.pool, &tenant, id.0)
            .await?
            .ok_or_else(not_found)?;
        tenant.require(Action::EditDirectory, false)?;
        let input = checked(&state, &tenant, &body.0).await?;

        db::sites::update(&state.pool, &tenant, id.0, &input.fields()).await?;
        let updated = db::sites::find(&state.pool, &tenant, id.0).await?;
        Ok(Json(updated.ok_or_else(not_found)?))
    }

    /// Delete a site
    ///
    /// Level 2 and up, and only when no contract takes place there (else 409).
    #[oai(path = "/:id", method = "delete", operation_id = "delete_site")]
    async fn delete(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<NoContent> {
        let tenant = session.0;
        db::sites::find(&state.pool, &tenant, id.0)
            .await?
            .ok_or_else(not_found)?;
        tenant.require(Action::DeleteSiteOrContact, false)?;

        let contracts = db::sites::contract_count(&state.pool, id.0).await?;
        if contracts > 0 {
            return Err(ApiError::Conflict(format!(
                "{contracts} contract(s) take place at this site; move them to another site \
                 first"
            )));
        }
        db::sites::delete(&state.pool, &tenant, id.0).await?;
        Ok(NoContent::Done)
    }
}

struct Checked {
    counterparty_id: i64,
    name: String,
    address: String,
}

impl Checked {
    fn fields(&self) -> Fields<'_> {
        Fields {
            counterparty_id: self.counterparty_id,
            name: &self.name,
            address: &self.address,
        }
    }
}

async fn checked(state: &AppState, tenant: &Tenant, input: &SiteInput) -> ApiResult<Checked> {
    let mut checks = Checks::new();
    let name = checks.required("name", &input.name, limits::NAME);
    let address = checks.optional("address", &input.address, limits::ADDRESS);

    let client = db::counterparties::find(&state.pool, tenant, input.counterparty_id).await?;
    match client {
        None => checks.fail(
            "counterparty_id",
            "no such counterparty in the active company",
        ),
        Some(client) if client.kind != CounterpartyKind::Client => checks.fail(
            "counterparty_id",
            format!(
                "«{}» is a {}; sites belong to clients",
                client.name,
                client.kind.label().to_lowercase()
            ),
        ),
        Some(_) => {}
    }

    checks.finish()?;
    Ok(Checked {
        counterparty_id: input.counterparty_id,
        name,
        address,
    })
}

fn not_found() -> ApiError {
    ApiError::NotFound("no such site in the active company".to_owned())
}
