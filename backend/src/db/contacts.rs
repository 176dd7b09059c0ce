//! Contacts ("destinatarios") at the active company's counterparties.

use shared::dto::Contact;
use sqlx::{AssertSqlSafe, PgExecutor};

use super::Listing;
use crate::auth::Tenant;

/// The fields of a contact, checked.
pub struct Fields<'a> {
    pub counterparty_id: i64,
    pub name: &'a str,
    pub position: &'a str,
    pub email: &'a str,
    pub phone: &'a str,
}

const SELECT: &str = "SELECT t.id, t.counterparty_id, p.name AS counterparty_name, t.name,
                             t.position, t.email, t.phone
                      FROM contacts t JOIN counterparties p ON p.id = t.counterparty_id";

pub async fn list<'c>(
    db: impl PgExecutor<'c> + Copy,
    tenant: &Tenant,
    counterparty_id: Option<i64>,
    listing: &Listing,
) -> sqlx::Result<(Vec<Contact>, i64)> {
    const FILTER: &str = "t.company_id = $1 AND ($2::bigint IS NULL OR t.counterparty_id = $2)
        AND ($3::text IS NULL OR t.name ILIKE $3 OR t.position ILIKE $3 OR t.email ILIKE $3
             OR p.name ILIKE $3)";

    let rows = sqlx::query_as::<_, Contact>(AssertSqlSafe(format!(
        "{SELECT} WHERE {FILTER} ORDER BY {} LIMIT $4 OFFSET $5",
        listing.order
    )))
    .bind(tenant.company_id)
    .bind(counterparty_id)
    .bind(&listing.pattern)
    .bind(listing.limit)
    .bind(listing.offset)
    .fetch_all(db)
    .await?;

    let total = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT count(*) FROM contacts t JOIN counterparties p ON p.id = t.counterparty_id
         WHERE {FILTER}"
    )))
    .bind(tenant.company_id)
    .bind(counterparty_id)
    .bind(&listing.pattern)
    .fetch_one(db)
    .await?;

    Ok((rows, total))
}

pub async fn find<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    id: i64,
) -> sqlx::Result<Option<Contact>> {
    sqlx::query_as(AssertSqlSafe(format!(
        "{SELECT} WHERE t.company_id = $1 AND t.id = $2"
    )))
    .bind(tenant.company_id)
    .bind(id)
    .fetch_optional(db)
    .await
}

pub async fn insert<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    fields: &Fields<'_>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO contacts (company_id, counterparty_id, name, position, email, phone)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(tenant.company_id)
    .bind(fields.counterparty_id)
    .bind(fields.name)
    .bind(fields.position)
    .bind(fields.email)
    .bind(fields.phone)
    .fetch_one(db)
    .await
}

pub async fn update<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    id: i64,
    fields: &Fields<'_>,
) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "UPDATE contacts SET counterparty_id = $3, name = $4, position = $5, email = $6,
                phone = $7
         WHERE company_id = $1 AND id = $2",
    )
    .bind(tenant.company_id)
    .bind(id)
    .bind(fields.counterparty_id)
    .bind(fields.name)
    .bind(fields.position)
    .bind(fields.email)
    .bind(fields.phone)
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// How many estimates the contact authorizes.
pub async fn estimate_count<'c>(db: impl PgExecutor<'c>, id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT count(*) FROM estimates WHERE authorized_by_id = $1")
        .bind(id)
        .fetch_one(db)
        .await
}

pub async fn delete<'c>(db: impl PgExecutor<'c>, tenant: &Tenant, id: i64) -> sqlx::Result<bool> {
    let result = sqlx::query("DELETE FROM contacts WHERE company_id = $1 AND id = $2")
        .bind(tenant.company_id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(result.rows_affected() == 1)
}
