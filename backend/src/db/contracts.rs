//! Contracts, always seen through the caller's tenancy.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use shared::{Action, dto::ContractSummary};
use sqlx::PgExecutor;

use crate::auth::Tenant;

#[derive(sqlx::FromRow)]
struct ContractRow {
    id: i64,
    folio: i64,
    code: String,
    name: String,
    short_name: String,
    date: NaiveDate,
    amount: Decimal,
    open: bool,
    parent_id: Option<i64>,
}

impl From<ContractRow> for ContractSummary {
    fn from(row: ContractRow) -> Self {
        ContractSummary {
            id: row.id,
            folio: row.folio,
            code: row.code,
            name: row.name,
            short_name: row.short_name,
            date: row.date,
            amount: row.amount,
            open: row.open,
            parent_id: row.parent_id,
        }
    }
}

/// Filters of a contract list.
pub struct ContractFilter {
    /// Words to find in the code, name or short name.
    pub search: Option<String>,
    pub limit: i64,
    pub offset: i64,
}

/// One page of the contracts the tenant may see, by folio, and how many there are in all.
///
/// Levels that see every contract get the whole active company ($2); the others only the
/// contracts they are assigned to.
pub async fn list<'c>(
    db: impl PgExecutor<'c> + Copy,
    tenant: &Tenant,
    filter: &ContractFilter,
) -> sqlx::Result<(Vec<ContractSummary>, i64)> {
    let sees_all = tenant.may(Action::SeeAllContracts, false);
    let pattern = filter.search.as_deref().map(like_pattern);

    let rows: Vec<ContractRow> = sqlx::query_as(
        "SELECT c.id, c.folio, c.code, c.name, c.short_name, c.date, c.amount, c.open,
                c.parent_id
         FROM contracts c
         WHERE c.company_id = $1
           AND ($2 OR EXISTS (SELECT 1 FROM contract_users cu
                              WHERE cu.contract_id = c.id AND cu.user_id = $3))
           AND ($4::text IS NULL OR c.code ILIKE $4 OR c.name ILIKE $4 OR c.short_name ILIKE $4)
         ORDER BY c.folio LIMIT $5 OFFSET $6",
    )
    .bind(tenant.company_id)
    .bind(sees_all)
    .bind(tenant.user_id)
    .bind(&pattern)
    .bind(filter.limit)
    .bind(filter.offset)
    .fetch_all(db)
    .await?;

    let total: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM contracts c
         WHERE c.company_id = $1
           AND ($2 OR EXISTS (SELECT 1 FROM contract_users cu
                              WHERE cu.contract_id = c.id AND cu.user_id = $3))
           AND ($4::text IS NULL OR c.code ILIKE $4 OR c.name ILIKE $4 OR c.short_name ILIKE $4)",
    )
    .bind(tenant.company_id)
    .bind(sees_all)
    .bind(tenant.user_id)
    .bind(&pattern)
    .fetch_one(db)
    .await?;

    Ok((rows.into_iter().map(ContractSummary::from).collect(), total))
}

/// An ILIKE pattern matching `text` anywhere, with LIKE's wildcards in it taken literally.
fn like_pattern(text: &str) -> String {
    let escaped = text
        .trim()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}
