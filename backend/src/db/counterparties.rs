//! Counterparties of the active company.

use shared::dto::{Counterparty, CounterpartyKind};
use sqlx::{AssertSqlSafe, PgExecutor};

use super::Listing;
use crate::auth::Tenant;

/// The unique index that keeps names apart regardless of case.
pub const NAME_KEY: &str = "counterparties_name_key";

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    kind: String,
    name: String,
    legal_name: String,
    tax_id: String,
}

impl From<Row> for Counterparty {
    fn from(row: Row) -> Self {
        Counterparty {
            id: row.id,
            // The column's CHECK admits only the three keys.
            kind: CounterpartyKind::from_key(&row.kind).unwrap_or(CounterpartyKind::Client),
            name: row.name,
            legal_name: row.legal_name,
            tax_id: row.tax_id,
        }
    }
}

/// The fields of a counterparty, checked.
pub struct Fields<'a> {
    pub kind: CounterpartyKind,
    pub name: &'a str,
    pub legal_name: &'a str,
    pub tax_id: &'a str,
}

pub async fn list<'c>(
    db: impl PgExecutor<'c> + Copy,
    tenant: &Tenant,
    kind: Option<CounterpartyKind>,
    listing: &Listing,
) -> sqlx::Result<(Vec<Counterparty>, i64)> {
    const FILTER: &str = "t.company_id = $1 AND ($2::text IS NULL OR t.kind = $2)
        AND ($3::text IS NULL OR t.name ILIKE $3 OR t.legal_name ILIKE $3
             OR t.tax_id ILIKE $3)";
    let kind = kind.map(CounterpartyKind::key);

    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT t.id, t.kind, t.name, t.legal_name, t.tax_id FROM counterparties t
         WHERE {FILTER} ORDER BY {} LIMIT $4 OFFSET $5",
        listing.order
    )))
    .bind(tenant.company_id)
    .bind(kind)
    .bind(&listing.pattern)
    .bind(listing.limit)
    .bind(listing.offset)
    .fetch_all(db)
    .await?;

    let total = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT count(*) FROM counterparties t WHERE {FILTER}"
    )))
    .bind(tenant.company_id)
    .bind(kind)
    .bind(&listing.pattern)
    .fetch_one(db)
    .await?;

    Ok((rows.into_iter().map(Counterparty::from).collect(), total))
}

pub async fn find<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    id: i64,
) -> sqlx::Result<Option<Counterparty>> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, kind, name, legal_name, tax_id FROM counterparties
         WHERE company_id = $1 AND id = $2",
    )
    .bind(tenant.company_id)
    .bind(id)
    .fetch_optional(db)
    .await?;
    Ok(row.map(Counterparty::from))
}

pub async fn insert<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    fields: &Fields<'_>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO counterparties (company_id, kind, name, legal_name, tax_id)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(tenant.company_id)
    .bind(fields.kind.key())
    .bind(fields.name)
    .bind(fields.legal_name)
    .bind(fields.tax_id)
    .fetch_one(db)
    .await
}

/// Replaces the fields; false when no such counterparty is in the company.
pub async fn update<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    id: i64,
    fields: &Fields<'_>,
) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "UPDATE counterparties SET kind = $3, name = $4, legal_name = $5, tax_id = $6
         WHERE company_id = $1 AND id = $2",
    )
    .bind(tenant.company_id)
    .bind(id)
    .bind(fields.kind.key())
    .bind(fields.name)
    .bind(fields.legal_name)
    .bind(fields.tax_id)
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// How many sites, contacts and contracts refer to the counterparty.
pub async fn references<'c>(db: impl PgExecutor<'c>, id: i64) -> sqlx::Result<(i64, i64, i64)> {
    sqlx::query_as(
        "SELECT (SELECT count(*) FROM sites WHERE counterparty_id = $1),
                (SELECT count(*) FROM contacts WHERE counterparty_id = $1),
                (SELECT count(*) FROM contracts WHERE counterparty_id = $1)",
    )
    .bind(id)
    .fetch_one(db)
    .await
}

pub async fn delete<'c>(db: impl PgExecutor<'c>, tenant: &Tenant, id: i64) -> sqlx::Result<bool> {
    let result = sqlx::query("DELETE FROM counterparties WHERE company_id = $1 AND id = $2")
        .bind(tenant.company_id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(result.rows_affected() == 1)
}
