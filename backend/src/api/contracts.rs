//! `/contracts`: contracts and subcontracts of the active company, their tree and their
//! assigned users.

use poem::web::Data;
use poem_openapi::{
    OpenApi,
    param::{Path, Query},
    payload::Json,
};
use shared::{
    Action,
    dto::{
        AssignedUsers, AssignedUsersInput, Contract, ContractInput, ContractPage, ContractTree,
        CounterpartyKind,
    },
    validate::{Checks, MONEY, PERCENT, limits},
};

use super::{ApiTags, Created, NoContent, listing::listing};
use crate::{
    app::AppState,
    auth::{Session, Tenant},
    db::{
        self,
        contracts::{ContractFilter, Fields, Found, TreePart},
    },
    error::{ApiError, ApiResult},
};

const SORT_KEYS: super::listing::SortKeys = &[
    ("folio", "t.folio"),
    ("name", "lower(t.name)"),
    ("code", "lower(t.code)"),
    ("date", "t.date"),
    ("amount", "t.amount"),
    ("counterparty", "lower(p.name)"),
];

/// The contract `id` as the tenant may see it, checked for `action`.
///
/// A contract of another company, or one a level 1–2 user is not assigned to, answers 404
/// as if it did not exist; a visible one the user may not change, 403.
pub async fn contract_for(
    state: &AppState,
    tenant: &Tenant,
    id: i64,
    action: Action,
) -> ApiResult<Found> {
    let found = db::contracts::find(&state.pool, tenant, id)
        .await?
        .filter(|found| tenant.may(Action::ReadContract, found.assigned))
        .ok_or_else(not_found)?;
    tenant.require(action, found.assigned)?;
    Ok(found)
}

pub struct ContractsApi;

#[OpenApi(prefix_path = "/contracts", tag = "ApiTags::Contracts")]
impl ContractsApi {
    /// List contracts
    ///
    /// Levels 1–2 see the contracts they are assigned to; levels 3 and up every contract of
    /// the active company.
    #[oai(path = "/", method = "get", operation_id = "list_contracts")]
    async fn list_contracts(
        &self,
        state: Data<&AppState>,
        session: Session,
        /// Text to find in the folio, code, name, short name or counterparty.
        q: Query<Option<String>>,
        /// Only top-level contracts, not subcontracts (default false).
        top_level: Query<Option<bool>>,
        /// Page size, 1 to 200 (default 50).
        limit: Query<Option<i64>>,
        /// How many contracts to skip (default 0).
        offset: Query<Option<i64>>,
        /// `folio` (default), `name`, `code`, `date`, `amount` or `counterparty`; a leading
        /// `-` reverses.
        sort: Query<Option<String>>,
    ) -> ApiResult<Json<ContractPage>> {
        let listing = listing(q.0, limit.0, offset.0, sort.0, SORT_KEYS)?;
        let filter = ContractFilter {
            top_level: top_level.0.unwrap_or(false),
        };
        let (items, total) =
            db::contracts::list(&state.pool, &session.0, &filter, &listing).await?;
        Ok(Json(ContractPage {
            items,
            total,
            limit: listing.limit,
            offset: listing.offset,
        }))
    }

    /// Create a contract or subcontract
    ///
    /// Level 2 and up. The server assigns the next folio of the company and assigns the
    /// creator to the contract. With `parent_id`, a subcontract of that contract, whose
    /// counterparty is a subcontractor or piece-worker; without, a top-level contract with
    /// a client.
    #[oai(path = "/", method = "post", operation_id = "create_contract")]
    async fn create_contract(
        &self,
        state: Data<&AppState>,
        session: Session,
        body: Json<ContractInput>,
    ) -> ApiResult<Created<Contract>> {
        let tenant = session.0;
        let parent = match body.0.parent_id {
            Some(parent_id) => {
                Some(contract_for(&state, &tenant, parent_id, Action::CreateContract).await?)
            }
            None => None,
        };
        tenant.require(Action::CreateContract, false)?;
        let input = checked(&state, &tenant, &body.0, parent.as_ref()).await?;

        let mut tx = db::begin(&state.pool, &tenant).await?;
        let folio = db::contracts::next_folio(&mut tx, tenant.company_id).await?;
        let parent_id = parent.map(|found| found.contract.id);
        let id = db::contracts::insert(&mut tx, &tenant, folio, parent_id, &input.fields()).await?;
        tx.commit().await?;

        tracing::info!(contract.id = id, contract.folio = folio, "contract created");
        let created = db::contracts::find(&state.pool, &tenant, id).await?;
        Ok(Created::Created(Json(
            created.ok_or_else(not_found)?.contract,
        )))
    }

    /// Read a contract
    #[oai(path = "/:id", method = "get", operation_id = "get_contract")]
    async fn get_contract(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<Json<Contract>> {
        let found = contract_for(&state, &session.0, id.0, Action::ReadContract).await?;
        Ok(Json(found.contract))
    }

    /// Replace a contract
    ///
    /// Assigned users of level 2, or level 3 and up. `parent_id` is ignored: a contract
    /// stays where it was created in the tree.
    #[oai(path = "/:id", method = "put", operation_id = "update_contract")]
    async fn update_contract(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        body: Json<ContractInput>,
    ) -> ApiResult<Json<Contract>> {
        let tenant = session.0;
        let found = contract_for(&state, &tenant, id.0, Action::EditContract).await?;
        let parent = match found.contract.parent_id {
            Some(parent_id) => db::contracts::find(&state.pool, &tenant, parent_id).await?,
            None => None,
        };
        let input = checked(&state, &tenant, &body.0, parent.as_ref()).await?;

        let mut tx = db::begin(&state.pool, &tenant).await?;
        db::contracts::update(&mut *tx, &tenant, id.0, &input.fields()).await?;
        tx.commit().await?;
        let updated = db::contracts::find(&state.pool, &tenant, id.0).await?;
        Ok(Json(updated.ok_or_else(not_found)?.contract))
    }

    /// Delete a contract
    ///
    /// Only a contract without subcontracts or estimates (else 409); close it instead.
    #[oai(path = "/:id", method = "delete", operation_id = "delete_contract")]
    async fn delete_contract(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<NoContent> {
        let tenant = session.0;
        contract_for(&state, &tenant, id.0, Action::DeleteContract).await?;

        let children = db::contracts::child_count(&state.pool, id.0).await?;
        if children > 0 {
            return Err(ApiError::Conflict(format!(
                "the contract has {children} subcontract(s); delete or close those first, or \
                 close this contract instead"
            )));
        }
        let estimates = db::contracts::estimate_count(&state.pool, id.0).await?;
        if estimates > 0 {
            return Err(ApiError::Conflict(format!(
                "the contract has {estimates} estimate(s); close it instead of deleting it"
            )));
        }
        let mut tx = db::begin(&state.pool, &tenant).await?;
        db::contracts::delete(&mut *tx, &tenant, id.0).await?;
        tx.commit().await?;
        tracing::info!(contract.id = id.0, "contract deleted");
        Ok(NoContent::Done)
    }

    /// The direct subcontracts of a contract
    #[oai(
        path = "/:id/children",
        method = "get",
        operation_id = "list_contract_children"
    )]
    async fn children(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<Json<ContractTree>> {
        tree_part(&state, &session.0, id.0, TreePart::Children).await
    }

    /// The contracts above a contract, root first, ending with the contract itself
    #[oai(
        path = "/:id/ancestors",
        method = "get",
        operation_id = "list_contract_ancestors"
    )]
    async fn ancestors(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<Json<ContractTree>> {
        tree_part(&state, &session.0, id.0, TreePart::Ancestors).await
    }

    /// A contract and every subcontract below it, depth first, with their depth
    #[oai(path = "/:id/tree", method = "get", operation_id = "get_contract_tree")]
    async fn tree(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<Json<ContractTree>> {
        tree_part(&state, &session.0, id.0, TreePart::Subtree).await
    }

    /// The users assigned to a contract
    #[oai(
        path = "/:id/users",
        method = "get",
        operation_id = "list_contract_users"
    )]
    async fn users(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<Json<AssignedUsers>> {
        contract_for(&state, &session.0, id.0, Action::ReadContract).await?;
        let items = db::contracts::assigned_users(&state.pool, id.0).await?;
        Ok(Json(AssignedUsers { items }))
    }

    /// Replace the users assigned to a contract
    ///
    /// Every id must be a user who works in the active company (else 422 naming it).
    #[oai(
        path = "/:id/users",
        method = "put",
        operation_id = "replace_contract_users"
    )]
    async fn replace_users(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        body: Json<AssignedUsersInput>,
    ) -> ApiResult<Json<AssignedUsers>> {
        let tenant = session.0;
        contract_for(&state, &tenant, id.0, Action::EditContract).await?;
        let members = db::users::member_ids(&state.pool, tenant.company_id).await?;
        let mut checks = Checks::new();
        for (index, user_id) in body.0.user_ids.iter().enumerate() {
            if !members.contains(user_id) {
                checks.fail(
                    format!("user_ids[{index}]"),
                    "no such user in the active company",
                );
            }
        }
        checks.finish()?;

        let mut tx = db::begin(&state.pool, &tenant).await?;
        db::contracts::replace_assigned_users(&mut tx, id.0, &body.0.user_ids).await?;
        tx.commit().await?;
        let items = db::contracts::assigned_users(&state.pool, id.0).await?;
        Ok(Json(AssignedUsers { items }))
    }
}

async fn tree_part(
    state: &AppState,
    tenant: &Tenant,
    id: i64,
    part: TreePart,
) -> ApiResult<Json<ContractTree>> {
    contract_for(state, tenant, id, Action::ReadContract).await?;
    let items = db::contracts::tree(&state.pool, tenant, id, part).await?;
    Ok(Json(ContractTree { items }))
}

/// A contract's fields, trimmed, parsed and checked against the directory.
struct Checked {
    input: ContractInput,
    amount: rust_decimal::Decimal,
    advance_percent: rust_decimal::Decimal,
    tax_rate: rust_decimal::Decimal,
}

impl Checked {
    fn fields(&self) -> Fields<'_> {
        Fields {
            code: &self.input.code,
            name: &self.input.name,
            short_name: &self.input.short_name,
            date: self.input.date,
            counterparty_id: self.input.counterparty_id,
            site_id: self.input.site_id,
            amount: self.amount,
            advance_percent: self.advance_percent,
            tax_rate: self.tax_rate,
            open: self.input.open,
            refuse_over_contract: self.input.refuse_over_contract,
        }
    }
}

async fn checked(
    state: &AppState,
    tenant: &Tenant,
    input: &ContractInput,
    parent: Option<&Found>,
) -> ApiResult<Checked> {
    let mut checks = Checks::new();
    let mut input = input.clone();
    input.code = checks.optional("code", &input.code, limits::CONTRACT_CODE);
    input.name = checks.required("name", &input.name, limits::CONTRACT_NAME);
    input.short_name = checks.optional("short_name", &input.short_name, limits::SHORT_NAME);
    let amount = checks.decimal("amount", &input.amount, MONEY);
    let advance_percent = checks.decimal("advance_percent", &input.advance_percent, PERCENT);
    let tax_rate = checks.decimal("tax_rate", &input.tax_rate, PERCENT);

    check_counterparty(state, tenant, &input, parent, &mut checks).await?;
    check_site(state, tenant, &input, parent, &mut checks).await?;

    checks.finish()?;
    Ok(Checked {
        input,
        amount: amount.unwrap_or_default(),
        advance_percent: advance_percent.unwrap_or_default(),
        tax_rate: tax_rate.unwrap_or_default(),
    })
}

/// A top-level contract is signed with a client; a subcontract with a subcontractor or a
/// piece-worker.
async fn check_counterparty(
    state: &AppState,
    tenant: &Tenant,
    input: &ContractInput,
    parent: Option<&Found>,
    checks: &mut Checks,
) -> ApiResult<()> {
    let Some(counterparty) =
        db::counterparties::find(&state.pool, tenant, input.counterparty_id).await?
    else {
        checks.fail(
            "counterparty_id",
            "no such counterparty in the active company",
        );
        return Ok(());
    };

    let is_client = counterparty.kind == CounterpartyKind::Client;
    if parent.is_none() && !is_client {
        checks.fail(
            "counterparty_id",
            format!(
                "«{}» is a {}; a top-level contract is signed with a client (give parent_id \
                 for a subcontract)",
                counterparty.name,
                counterparty.kind.label().to_lowercase()
            ),
        );
    }
    if parent.is_some() && is_client {
        checks.fail(
            "counterparty_id",
            format!(
                "«{}» is a client; a subcontract is signed with a subcontractor or a \
                 piece-worker",
                counterparty.name
            ),
        );
    }
    Ok(())
}

/// The site must be one of the client's: the counterparty's for a top-level contract, the
/// top-level contract's client's for a subcontract.
async fn check_site(
    state: &AppState,
    tenant: &Tenant,
    input: &ContractInput,
    parent: Option<&Found>,
    checks: &mut Checks,
) -> ApiResult<()> {
    let Some(site_id) = input.site_id else {
        return Ok(());
    };
    let Some(site) = db::sites::find(&state.pool, tenant, site_id).await? else {
        checks.fail("site_id", "no such site in the active company");
        return Ok(());
    };

    let client_id = match parent {
        None => input.counterparty_id,
        Some(parent) => root_client(state, tenant, &parent.contract).await?,
    };
    if site.counterparty_id != client_id {
        checks.fail(
            "site_id",
            format!(
                "«{}» is a site of «{}», not of this contract's client",
                site.name, site.counterparty_name
            ),
        );
    }
    Ok(())
}

/// The client of the top-level contract above `contract`.
async fn root_client(state: &AppState, tenant: &Tenant, contract: &Contract) -> ApiResult<i64> {
    let root = db::contracts::root_counterparty(&state.pool, tenant, contract.id).await?;
    Ok(root.unwrap_or(contract.counterparty.id))
}

fn not_found() -> ApiError {
    ApiError::NotFound("no such contract in the active company".to_owned())
}
