//! `/contacts`: people at the active company's counterparties who sign or receive documents.

use poem::web::Data;
use poem_openapi::{
    OpenApi,
    param::{Path, Query},
    payload::Json,
};
use shared::{
    Action,
    dto::{Contact, ContactInput, ContactPage},
    validate::{Checks, limits},
};

use super::{ApiTags, Created, NoContent, listing::listing};
use crate::{
    app::AppState,
    auth::{Session, Tenant},
    db::{self, contacts::Fields},
    error::{ApiError, ApiResult},
};

const SORT_KEYS: super::listing::SortKeys = &[
    ("name", "lower(t.name)"),
    ("counterparty", "lower(p.name)"),
    ("created", "t.created_at"),
];

pub struct ContactsApi;

#[OpenApi(prefix_path = "/contacts", tag = "ApiTags::Directory")]
impl ContactsApi {
    /// List contacts
    #[oai(path = "/", method = "get", operation_id = "list_contacts")]
    async fn list(
        &self,
        state: Data<&AppState>,
        session: Session,
        /// Only the contacts of this counterparty.
        counterparty_id: Query<Option<i64>>,
        /// Text to find in the name, position, email or the counterparty's name.
        q: Query<Option<String>>,
        /// Page size, 1 to 200 (default 50).
        limit: Query<Option<i64>>,
        /// How many to skip (default 0).
        offset: Query<Option<i64>>,
        /// `name` (default), `counterparty` or `created`; a leading `-` reverses.
        sort: Query<Option<String>>,
    ) -> ApiResult<Json<ContactPage>> {
        let listing = listing(q.0, limit.0, offset.0, sort.0, SORT_KEYS)?;
        let (items, total) =
            db::contacts::list(&state.pool, &session.0, counterparty_id.0, &listing).await?;
        Ok(Json(ContactPage {
            items,
            total,
            limit: listing.limit,
            offset: listing.offset,
        }))
    }

    /// Create a contact
    #[oai(path = "/", method = "post", operation_id = "create_contact")]
    async fn create(
        &self,
        state: Data<&AppState>,
        session: Session,
        body: Json<ContactInput>,
    ) -> ApiResult<Created<Contact>> {
        let tenant = session.0;
        tenant.require(Action::EditDirectory, false)?;
        let input = checked(&state, &tenant, &body.0).await?;

        let id = db::contacts::insert(&state.pool, &tenant, &input.fields()).await?;
        let created = db::contacts::find(&state.pool, &tenant, id).await?;
        Ok(Created::Created(Json(created.ok_or_else(not_found)?)))
    }

    /// Read a contact
    #[oai(path = "/:id", method = "get", operation_id = "get_contact")]
    async fn get(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<Json<Contact>> {
        let found = db::contacts::find(&state.pool, &session.0, id.0).await?;
        Ok(Json(found.ok_or_else(not_found)?))
    }

    /// Replace a contact
    #[oai(path = "/:id", method = "put", operation_id = "update_contact")]
    async fn update(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        body: Json<ContactInput>,
    ) -> ApiResult<Json<Contact>> {
        let tenant = session.0;
        db::contacts::find(&state.pool, &tenant, id.0)
            .await?
            .ok_or_else(not_found)?;
        tenant.require(Action::EditDirectory, false)?;
        let input = checked(&state, &tenant, &body.0).await?;

        db::contacts::update(&state.pool, &tenant, id.0, &input.fields()).await?;
        let updated = db::contacts::find(&state.pool, &tenant, id.0).await?;
        Ok(Json(updated.ok_or_else(not_found)?))
    }

    /// Delete a contact
    ///
    /// Level 2 and up, and only when no estimate names the contact as its signer (else 409).
    #[oai(path = "/:id", method = "delete", operation_id = "delete_contact")]
    async fn delete(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<NoContent> {
        let tenant = session.0;
        db::contacts::find(&state.pool, &tenant, id.0)
            .await?
            .ok_or_else(not_found)?;
        tenant.require(Action::DeleteSiteOrContact, false)?;
        let estimates = db::contacts::estimate_count(&state.pool, id.0).await?;
        if estimates > 0 {
            return Err(ApiError::Conflict(format!(
                "the contact authorizes {estimates} estimate(s); choose another signer there \
                 first"
            )));
        }

        db::contacts::delete(&state.pool, &tenant, id.0).await?;
        Ok(NoContent::Done)
    }
}

struct Checked {
    counterparty_id: i64,
    name: String,
    position: String,
    email: String,
    phone: String,
}

impl Checked {
    fn fields(&self) -> Fields<'_> {
        Fields {
            counterparty_id: self.counterparty_id,
            name: &self.name,
            position: &self.position,
            email: &self.email,
            phone: &self.phone,
        }
    }
}

async fn checked(state: &AppState, tenant: &Tenant, input: &ContactInput) -> ApiResult<Checked> {
    let mut checks = Checks::new();
    let name = checks.required("name", &input.name, limits::NAME);
    let position = checks.optional("position", &input.position, limits::POSITION);
    let email = checks.optional("email", &input.email, limits::EMAIL);
    if !email.is_empty() && !looks_like_email(&email) {
        checks.fail(
            "email",
            "write an address like nombre@empresa.mx, or leave it empty",
        );
    }
    let phone = checks.optional("phone", &input.phone, limits::PHONE);

    let counterparty = db::counterparties::find(&state.pool, tenant, input.counterparty_id).await?;
    if counterparty.is_none() {
        checks.fail(
            "counterparty_id",
            "no such counterparty in the active company",
        );
    }

    checks.finish()?;
    Ok(Checked {
        counterparty_id: input.counterparty_id,
        name,
        position,
        email,
        phone,
    })
}

fn looks_like_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && domain.contains('.') && !text.contains(char::is_whitespace)
        }
        None => false,
    }
}

fn not_found() -> ApiError {
    ApiError::NotFound("no such contact in the active company".to_owned())
}
