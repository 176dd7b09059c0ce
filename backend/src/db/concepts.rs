//! The concepts of a contract's catalog. Callers have checked that the contract is the
//! tenant's; every query still names the company, so a slip cannot cross it.

use rust_decimal::Decimal;
use shared::dto::Concept;
use sqlx::{AssertSqlSafe, PgConnection, PgExecutor};

use super::Listing;
use crate::auth::Tenant;

/// The unique index that keeps codes apart within a contract, regardless of case.
pub const CODE_KEY: &str = "concepts_code_key";

/// A concept's fields, checked.
pub struct Fields {
    pub code: String,
    pub description: String,
    pub unit_id: i64,
    pub quantity: Decimal,
    pub unit_price: Decimal,
}

const SELECT: &str = "SELECT t.id, t.code, t.description, t.unit_id, u.name AS unit,
                             t.quantity, t.unit_price,
                             round(t.quantity * t.unit_price, 2) AS amount
                      FROM concepts t JOIN units u ON u.id = t.unit_id";

pub async fn list<'c>(
    db: impl PgExecutor<'c> + Copy,
    tenant: &Tenant,
    contract_id: i64,
    listing: &Listing,
) -> sqlx::Result<(Vec<Concept>, i64, Decimal)> {
    const FILTER: &str = "t.company_id = $1 AND t.contract_id = $2
        AND ($3::text IS NULL OR t.code ILIKE $3 OR t.description ILIKE $3)";

    let rows: Vec<Concept> = sqlx::query_as(AssertSqlSafe(format!(
        "{SELECT} WHERE {FILTER} ORDER BY {} LIMIT $4 OFFSET $5",
        listing.order
    )))
    .bind(tenant.company_id)
    .bind(contract_id)
    .bind(&listing.pattern)
    .bind(listing.limit)
    .bind(listing.offset)
    .fetch_all(db)
    .await?;

    let (total, catalog_amount): (i64, Decimal) = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT count(*) FILTER (WHERE {FILTER}),
                coalesce(sum(round(t.quantity * t.unit_price, 2)), 0.00)
         FROM concepts t WHERE t.company_id = $1 AND t.contract_id = $2"
    )))
    .bind(tenant.company_id)
    .bind(contract_id)
    .bind(&listing.pattern)
    .fetch_one(db)
    .await?;

    Ok((rows, total, catalog_amount))
}

pub async fn find<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    contract_id: i64,
    id: i64,
) -> sqlx::Result<Option<Concept>> {
    sqlx::query_as(AssertSqlSafe(format!(
        "{SELECT} WHERE t.company_id = $1 AND t.contract_id = $2 AND t.id = $3"
    )))
    .bind(tenant.company_id)
    .bind(contract_id)
    .bind(id)
    .fetch_optional(db)
    .await
}

/// The concepts `ids` of the contract, in catalog order.
pub async fn find_many<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    contract_id: i64,
    ids: &[i64],
) -> sqlx::Result<Vec<Concept>> {
    sqlx::query_as(AssertSqlSafe(format!(
        "{SELECT} WHERE t.company_id = $1 AND t.contract_id = $2 AND t.id = ANY($3)
         ORDER BY t.position"
    )))
    .bind(tenant.company_id)
    .bind(contract_id)
    .bind(ids)
    .fetch_all(db)
    .await
}

/// Σ round(quantity × unit price, 2) over the contract's catalog.
pub async fn catalog_amount<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    contract_id: i64,
) -> sqlx::Result<Decimal> {
    sqlx::query_scalar(
        "SELECT coalesce(sum(round(quantity * unit_price, 2)), 0.00) FROM concepts
         WHERE company_id = $1 AND contract_id = $2",
    )
    .bind(tenant.company_id)
    .bind(contract_id)
    .fetch_one(db)
    .await
}

/// The codes already in the contract, lower-cased, with their concept ids.
pub async fn codes<'c>(
    db: impl PgExecutor<'c>,
    contract_id: i64,
) -> sqlx::Result<Vec<(String, i64)>> {
    sqlx::query_as("SELECT lower(code), id FROM concepts WHERE contract_id = $1")
        .bind(contract_id)
        .fetch_all(db)
        .await
}

/// Adds `concepts` after the contract's last one, in order; returns their ids.
pub async fn insert_many(
    tx: &mut PgConnection,
    tenant: &Tenant,
    contract_id: i64,
    concepts: &[Fields],
) -> sqlx::Result<Vec<i64>> {
    let codes: Vec<&str> = concepts.iter().map(|c| c.code.as_str()).collect();
    let descriptions: Vec<&str> = concepts.iter().map(|c| c.description.as_str()).collect();
    let units: Vec<i64> = concepts.iter().map(|c| c.unit_id).collect();
    let quantities: Vec<Decimal> = concepts.iter().map(|c| c.quantity).collect();
    let prices: Vec<Decimal> = concepts.iter().map(|c| c.unit_price).collect();

    // One statement for the whole batch: a 1,000-row catalog is one round trip.
    sqlx::query_scalar(
        "INSERT INTO concepts (company_id, contract_id, position, code, description, unit_id,
                               quantity, unit_price)
         SELECT $1, $2,
                (SELECT coalesce(max(position), 0) FROM concepts WHERE contract_id = $2)
                    + n.ordinality,
                n.code, n.description, n.unit_id, n.quantity, n.unit_price
         FROM unnest($3::text[], $4::text[], $5::bigint[], $6::numeric[], $7::numeric[])
              WITH ORDINALITY AS n (code, description, unit_id, quantity, unit_price)
         ORDER BY n.ordinality
         RETURNING id",
    )
    .bind(tenant.company_id)
    .bind(contract_id)
    .bind(&codes)
    .bind(&descriptions)
    .bind(&units)
    .bind(&quantities)
    .bind(&prices)
    .fetch_all(tx)
    .await
}

pub async fn update<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    contract_id: i64,
    id: i64,
    fields: &Fields,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE concepts SET code = $4, description = $5, unit_id = $6, quantity = $7,
                unit_price = $8
         WHERE company_id = $1 AND contract_id = $2 AND id = $3",
    )
    .bind(tenant.company_id)
    .bind(contract_id)
    .bind(id)
    .bind(&fields.code)
    .bind(&fields.description)
    .bind(fields.unit_id)
    .bind(fields.quantity)
    .bind(fields.unit_price)
    .execute(db)
    .await?;
    Ok(())
}

/// How many estimate lines bill the concept.
pub async fn line_count<'c>(db: impl PgExecutor<'c>, id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT count(*) FROM estimate_lines WHERE concept_id = $1")
        .bind(id)
        .fetch_one(db)
        .await
}

pub async fn delete<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    contract_id: i64,
    id: i64,
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM concepts WHERE company_id = $1 AND contract_id = $2 AND id = $3")
        .bind(tenant.company_id)
        .bind(contract_id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// The whole catalog in order, for documents and exports.
pub async fn all<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    contract_id: i64,
) -> sqlx::Result<Vec<Concept>> {
    sqlx::query_as(AssertSqlSafe(format!(
        "{SELECT} WHERE t.company_id = $1 AND t.contract_id = $2 ORDER BY t.position"
    )))
    .bind(tenant.company_id)
    .bind(contract_id)
    .fetch_all(db)
    .await
}
