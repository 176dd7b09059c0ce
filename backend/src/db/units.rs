//! Units of measure of the active company.

use std::collections::HashMap;

use shared::dto::Unit;
use sqlx::{AssertSqlSafe, PgConnection, PgExecutor};

use super::Listing;
use crate::auth::Tenant;

/// The unique index that keeps names apart regardless of case.
pub const NAME_KEY: &str = "units_name_key";

pub async fn list<'c>(
    db: impl PgExecutor<'c> + Copy,
    tenant: &Tenant,
    listing: &Listing,
) -> sqlx::Result<(Vec<Unit>, i64)> {
    const FILTER: &str =
        "t.company_id = $1 AND ($2::text IS NULL OR t.name ILIKE $2 OR t.description ILIKE $2)";

    let rows = sqlx::query_as::<_, Unit>(AssertSqlSafe(format!(
        "SELECT t.id, t.name, t.description FROM units t
         WHERE {FILTER} ORDER BY {} LIMIT $3 OFFSET $4",
        listing.order
    )))
    .bind(tenant.company_id)
    .bind(&listing.pattern)
    .bind(listing.limit)
    .bind(listing.offset)
    .fetch_all(db)
    .await?;

    let total = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT count(*) FROM units t WHERE {FILTER}"
    )))
    .bind(tenant.company_id)
    .bind(&listing.pattern)
    .fetch_one(db)
    .await?;

    Ok((rows, total))
}

pub async fn find<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    id: i64,
) -> sqlx::Result<Option<Unit>> {
    sqlx::query_as("SELECT id, name, description FROM units WHERE company_id = $1 AND id = $2")
        .bind(tenant.company_id)
        .bind(id)
        .fetch_optional(db)
        .await
}

pub async fn insert<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    name: &str,
    description: &str,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO units (company_id, name, description) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(tenant.company_id)
    .bind(name)
    .bind(description)
    .fetch_one(db)
    .await
}

pub async fn update<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    id: i64,
    name: &str,
    description: &str,
) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "UPDATE units SET name = $3, description = $4 WHERE company_id = $1 AND id = $2",
    )
    .bind(tenant.company_id)
    .bind(id)
    .bind(name)
    .bind(description)
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// How many concepts are measured in the unit.
pub async fn concept_count<'c>(db: impl PgExecutor<'c>, id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT count(*) FROM concepts WHERE unit_id = $1")
        .bind(id)
        .fetch_one(db)
        .await
}

pub async fn delete<'c>(db: impl PgExecutor<'c>, tenant: &Tenant, id: i64) -> sqlx::Result<bool> {
    let result = sqlx::query("DELETE FROM units WHERE company_id = $1 AND id = $2")
        .bind(tenant.company_id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// The ids of the company's units, to check the units a request names.
pub async fn ids<'c>(db: impl PgExecutor<'c>, tenant: &Tenant) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar("SELECT id FROM units WHERE company_id = $1")
        .bind(tenant.company_id)
        .fetch_all(db)
        .await
}

/// The company's units by lower-cased name, as imports match them.
pub async fn by_name<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
) -> sqlx::Result<HashMap<String, i64>> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT lower(name), id FROM units WHERE company_id = $1")
            .bind(tenant.company_id)
            .fetch_all(db)
            .await?;
    Ok(rows.into_iter().collect())
}

/// Creates the units named that the company lacks (another request may have just made one:
/// it is then used, not duplicated) and returns every unit by lower-cased name.
pub async fn ensure_many(
    tx: &mut PgConnection,
    tenant: &Tenant,
    names: &[String],
) -> sqlx::Result<HashMap<String, i64>> {
    sqlx::query(
        "INSERT INTO units (company_id, name)
         SELECT $1, name FROM unnest($2::text[]) AS name
         ON CONFLICT (company_id, lower(name)) DO NOTHING",
    )
    .bind(tenant.company_id)
    .bind(names)
    .execute(&mut *tx)
    .await?;
    by_name(&mut *tx, tenant).await
}
