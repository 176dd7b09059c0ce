//! Contracts and subcontracts, always seen through the caller's tenancy.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use shared::{
    Action,
    dto::{
        Contract, ContractNode, ContractSummary, CounterpartyKind, CounterpartyRef, SiteRef,
        UserSummary,
    },
};
use sqlx::{AssertSqlSafe, PgConnection, PgExecutor};

use super::Listing;
use crate::auth::Tenant;

/// Filters of a contract list besides the page.
pub struct ContractFilter {
    /// Only contracts without a parent.
    pub top_level: bool,
}

/// One page of the contracts the tenant may see, and how many there are in all.
///
/// Levels that see every contract get the whole active company ($2); the others only the
/// contracts they are assigned to.
pub async fn list<'c>(
    db: impl PgExecutor<'c> + Copy,
    tenant: &Tenant,
    filter: &ContractFilter,
    listing: &Listing,
) -> sqlx::Result<(Vec<ContractSummary>, i64)> {
    const FILTER: &str = "t.company_id = $1
        AND ($2 OR EXISTS (SELECT 1 FROM contract_users cu
                           WHERE cu.contract_id = t.id AND cu.user_id = $3))
        AND ($4::text IS NULL OR t.code ILIKE $4 OR t.name ILIKE $4 OR t.short_name ILIKE $4
             OR p.name ILIKE $4 OR t.folio::text = btrim($4, '%'))
        AND (NOT $5 OR t.parent_id IS NULL)";
    let sees_all = tenant.may(Action::SeeAllContracts, false);

    let items = sqlx::query_as::<_, ContractSummary>(AssertSqlSafe(format!(
        "SELECT t.id, t.folio, t.code, t.name, t.short_name, t.date, t.amount, t.open,
                t.parent_id, p.name AS counterparty_name
         FROM contracts t JOIN counterparties p ON p.id = t.counterparty_id
         WHERE {FILTER} ORDER BY {} LIMIT $6 OFFSET $7",
        listing.order
    )))
    .bind(tenant.company_id)
    .bind(sees_all)
    .bind(tenant.user_id)
    .bind(&listing.pattern)
    .bind(filter.top_level)
    .bind(listing.limit)
    .bind(listing.offset)
    .fetch_all(db)
    .await?;

    let total = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT count(*) FROM contracts t JOIN counterparties p ON p.id = t.counterparty_id
         WHERE {FILTER}"
    )))
    .bind(tenant.company_id)
    .bind(sees_all)
    .bind(tenant.user_id)
    .bind(&listing.pattern)
    .bind(filter.top_level)
    .fetch_one(db)
    .await?;

    Ok((items, total))
}

/// A contract of the active company, whoever may see it, and whether the tenant is
/// assigned to it. The API decides from both what the tenant may do.
pub struct Found {
    pub contract: Contract,
    pub assigned: bool,
}

#[derive(sqlx::FromRow)]
struct ContractRow {
    id: i64,
    folio: i64,
    code: String,
    name: String,
    short_name: String,
    date: NaiveDate,
    amount: Decimal,
    advance_percent: Decimal,
    tax_rate: Decimal,
    open: bool,
    refuse_over_contract: bool,
    parent_id: Option<i64>,
    has_signed_pdf: bool,
    counterparty_id: i64,
    counterparty_kind: String,
    counterparty_name: String,
    site_id: Option<i64>,
    site_name: Option<String>,
    catalog_amount: Decimal,
    concept_count: i64,
    assigned: bool,
}

impl From<ContractRow> for Found {
    fn from(row: ContractRow) -> Self {
        let site = match (row.site_id, row.site_name) {
            (Some(id), Some(name)) => Some(SiteRef { id, name }),
            _ => None,
        };
        let contract = Contract {
            id: row.id,
            folio: row.folio,
            code: row.code,
            name: row.name,
            short_name: row.short_name,
            date: row.date,
            counterparty: CounterpartyRef {
                id: row.counterparty_id,
                kind: CounterpartyKind::from_key(&row.counterparty_kind)
                    .unwrap_or(CounterpartyKind::Client),
                name: row.counterparty_name,
            },
            site,
            amount: row.amount,
            advance_percent: row.advance_percent,
            tax_rate: row.tax_rate,
            open: row.open,
            refuse_over_contract: row.refuse_over_contract,
            parent_id: row.parent_id,
            has_signed_pdf: row.has_signed_pdf,
            catalog_amount: row.catalog_amount,
            concept_count: row.concept_count,
        };
        Found {
            contract,
            assigned: row.assigned,
        }
    }
}

/// The contract `id` of the active company, with its catalog's totals.
///
/// The catalog amount is Σ round(quantity × unit price, 2): PostgreSQL rounds numeric
/// halves away from zero, exactly as `shared::money::round_money` does.
pub async fn find<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    id: i64,
) -> sqlx::Result<Option<Found>> {
    let row: Option<ContractRow> = sqlx::query_as(
        "SELECT t.id, t.folio, t.code, t.name, t.short_name, t.date, t.amount,
                t.advance_percent, t.tax_rate, t.open, t.refuse_over_contract, t.parent_id,
                t.signed_pdf_key IS NOT NULL AS has_signed_pdf,
                p.id AS counterparty_id, p.kind AS counterparty_kind,
                p.name AS counterparty_name, s.id AS site_id, s.name AS site_name,
                coalesce(k.amount, 0.00) AS catalog_amount,
                coalesce(k.count, 0) AS concept_count,
                EXISTS (SELECT 1 FROM contract_users cu
                        WHERE cu.contract_id = t.id AND cu.user_id = $3) AS assigned
         FROM contracts t
         JOIN counterparties p ON p.id = t.counterparty_id
         LEFT JOIN sites s ON s.id = t.site_id
         LEFT JOIN LATERAL (
             SELECT sum(round(c.quantity * c.unit_price, 2)) AS amount, count(*) AS count
             FROM concepts c WHERE c.contract_id = t.id
         ) k ON true
         WHERE t.company_id = $1 AND t.id = $2",
    )
    .bind(tenant.company_id)
    .bind(id)
    .bind(tenant.user_id)
    .fetch_optional(db)
    .await?;
    Ok(row.map(Found::from))
}

/// The fields of a contract, checked.
pub struct Fields<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub short_name: &'a str,
    pub date: NaiveDate,
    pub counterparty_id: i64,
    pub site_id: Option<i64>,
    pub amount: Decimal,
    pub advance_percent: Decimal,
    pub tax_rate: Decimal,
    pub open: bool,
    pub refuse_over_contract: bool,
}

/// Takes the company's next folio. The row lock it holds until the transaction ends
/// serializes concurrent creations, so no two contracts ever get one folio.
pub async fn next_folio(tx: &mut PgConnection, company_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "UPDATE companies SET last_contract_folio = last_contract_folio + 1
         WHERE id = $1 RETURNING last_contract_folio",
    )
    .bind(company_id)
    .fetch_one(tx)
    .await
}

/// Creates the contract with `folio` and assigns its creator to it.
pub async fn insert(
    tx: &mut PgConnection,
    tenant: &Tenant,
    folio: i64,
    parent_id: Option<i64>,
    fields: &Fields<'_>,
) -> sqlx::Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO contracts (company_id, parent_id, folio, code, name, short_name, date,
                                counterparty_id, site_id, amount, advance_percent, tax_rate,
                                open, refuse_over_contract)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         RETURNING id",
    )
    .bind(tenant.company_id)
    .bind(parent_id)
    .bind(folio)
    .bind(fields.code)
    .bind(fields.name)
    .bind(fields.short_name)
    .bind(fields.date)
    .bind(fields.counterparty_id)
    .bind(fields.site_id)
    .bind(fields.amount)
    .bind(fields.advance_percent)
    .bind(fields.tax_rate)
    .bind(fields.open)
    .bind(fields.refuse_over_contract)
    .fetch_one(&mut *tx)
    .await?;

    sqlx::query("INSERT INTO contract_users (contract_id, user_id) VALUES ($1, $2)")
        .bind(id)
        .bind(tenant.user_id)
        .execute(&mut *tx)
        .await?;
    Ok(id)
}

pub async fn update<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    id: i64,
    fields: &Fields<'_>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE contracts SET code = $3, name = $4, short_name = $5, date = $6,
                counterparty_id = $7, site_id = $8, amount = $9, advance_percent = $10,
                tax_rate = $11, open = $12, refuse_over_contract = $13
         WHERE company_id = $1 AND id = $2",
    )
    .bind(tenant.company_id)
    .bind(id)
    .bind(fields.code)
    .bind(fields.name)
    .bind(fields.short_name)
    .bind(fields.date)
    .bind(fields.counterparty_id)
    .bind(fields.site_id)
    .bind(fields.amount)
    .bind(fields.advance_percent)
    .bind(fields.tax_rate)
    .bind(fields.open)
    .bind(fields.refuse_over_contract)
    .execute(db)
    .await?;
    Ok(())
}

/// How many estimates the contract has.
pub async fn estimate_count<'c>(db: impl PgExecutor<'c>, id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT count(*) FROM estimates WHERE contract_id = $1")
        .bind(id)
        .fetch_one(db)
        .await
}

/// How many subcontracts hang directly from the contract.
pub async fn child_count<'c>(db: impl PgExecutor<'c>, id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT count(*) FROM contracts WHERE parent_id = $1")
        .bind(id)
        .fetch_one(db)
        .await
}

pub async fn delete<'c>(db: impl PgExecutor<'c>, tenant: &Tenant, id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM contracts WHERE company_id = $1 AND id = $2")
        .bind(tenant.company_id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// Which part of a contract's tree to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreePart {
    /// The direct subcontracts.
    Children,
    /// From the root down to the contract itself.
    Ancestors,
    /// The contract and everything below it, depth first.
    Subtree,
}

/// Part of the tree of contract `id`, walked by parent ids inside the active company.
///
/// Depth is counted from `id` (negative for ancestors). Levels 1 and 2 see only the
/// contracts they are assigned to; a branch they may not see is left out whole, and the
/// breadcrumbs stop below an ancestor they may not see.
pub async fn tree<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    id: i64,
    part: TreePart,
) -> sqlx::Result<Vec<ContractNode>> {
    const COLUMNS: &str = "t.id, t.folio, t.code, t.name, t.parent_id, t.amount, t.open,
                           t.counterparty_id";
    const VISIBLE: &str = "($3 OR EXISTS (SELECT 1 FROM contract_users cu
                                      WHERE cu.contract_id = t.id AND cu.user_id = $4))";
    let walk = match part {
        TreePart::Children | TreePart::Subtree => format!(
            "SELECT {COLUMNS}, w.depth + 1, w.path || t.folio
             FROM contracts t JOIN walk w ON t.parent_id = w.id
             WHERE t.company_id = $1 AND {VISIBLE}"
        ),
        TreePart::Ancestors => format!(
            "SELECT {COLUMNS}, w.depth - 1, t.folio || w.path
             FROM contracts t JOIN walk w ON t.id = w.parent_id
             WHERE t.company_id = $1 AND {VISIBLE}"
        ),
    };
    let keep = match part {
        TreePart::Children => "depth = 1",
        TreePart::Ancestors => "true",
        TreePart::Subtree => "true",
    };
    let sql = format!(
        "WITH RECURSIVE walk (id, folio, code, name, parent_id, amount, open, counterparty_id,
                              depth, path) AS (
             SELECT {COLUMNS}, 0, ARRAY[t.folio]
             FROM contracts t WHERE t.company_id = $1 AND t.id = $2
             UNION ALL
             {walk}
         )
         SELECT w.id, w.folio, w.code, w.name, w.parent_id, w.depth, p.name AS counterparty_name,
                w.amount, w.open
         FROM walk w JOIN counterparties p ON p.id = w.counterparty_id
         WHERE {keep}
         ORDER BY w.path"
    );

    sqlx::query_as(AssertSqlSafe(sql))
        .bind(tenant.company_id)
        .bind(id)
        .bind(tenant.may(Action::SeeAllContracts, false))
        .bind(tenant.user_id)
        .fetch_all(db)
        .await
}

/// The counterparty of the top-level contract above contract `id` (or of `id` itself).
pub async fn root_counterparty<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    id: i64,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "WITH RECURSIVE up (id, parent_id, counterparty_id) AS (
             SELECT id, parent_id, counterparty_id FROM contracts
             WHERE company_id = $1 AND id = $2
             UNION ALL
             SELECT c.id, c.parent_id, c.counterparty_id
             FROM contracts c JOIN up ON c.id = up.parent_id
             WHERE c.company_id = $1
         )
         SELECT counterparty_id FROM up WHERE parent_id IS NULL",
    )
    .bind(tenant.company_id)
    .bind(id)
    .fetch_optional(db)
    .await
}

/// The users assigned to a contract, by name.
pub async fn assigned_users<'c>(
    db: impl PgExecutor<'c>,
    contract_id: i64,
) -> sqlx::Result<Vec<UserSummary>> {
    sqlx::query_as(
        "SELECT u.id, u.email, u.name, u.position
         FROM contract_users cu JOIN users u ON u.id = cu.user_id
         WHERE cu.contract_id = $1 ORDER BY lower(u.name), u.id",
    )
    .bind(contract_id)
    .fetch_all(db)
    .await
}

/// Replaces the contract's assigned users with `user_ids`.
pub async fn replace_assigned_users(
    tx: &mut PgConnection,
    contract_id: i64,
    user_ids: &[i64],
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM contract_users WHERE contract_id = $1")
        .bind(contract_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO contract_users (contract_id, user_id)
         SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING",
    )
    .bind(contract_id)
    .bind(user_ids)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Sets (or clears) the signed PDF's key and size; returns the key it replaces.
pub async fn set_signed_pdf<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    id: i64,
    file: Option<(&str, i64)>,
) -> sqlx::Result<Option<String>> {
    let previous: Option<Option<String>> = sqlx::query_scalar(
        "UPDATE contracts t SET signed_pdf_key = $3, signed_pdf_size = $4
         FROM contracts old
         WHERE t.company_id = $1 AND t.id = $2 AND old.id = t.id
         RETURNING old.signed_pdf_key",
    )
    .bind(tenant.company_id)
    .bind(id)
    .bind(file.map(|(key, _)| key))
    .bind(file.map(|(_, size)| size))
    .fetch_optional(db)
    .await?;
    Ok(previous.flatten())
}

/// Where the contract's signed PDF is kept, if it has one.
pub async fn signed_pdf_key<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    id: i64,
) -> sqlx::Result<Option<String>> {
    let key: Option<Option<String>> = sqlx::query_scalar(
        "SELECT signed_pdf_key FROM contracts WHERE company_id = $1 AND id = $2",
    )
    .bind(tenant.company_id)
    .bind(id)
    .fetch_optional(db)
    .await?;
    Ok(key.flatten())
}
