//! Photos of estimate lines, and the storage a customer's files take.

use shared::dto::Photo;
use sqlx::PgExecutor;

use crate::auth::Tenant;

/// Where a new photo is recorded.
pub struct NewPhoto<'a> {
    pub estimate_id: i64,
    pub contract_id: i64,
    pub concept_id: i64,
    pub object_key: &'a str,
    pub width: i32,
    pub height: i32,
    pub bytes: i64,
}

const SELECT: &str =
    "SELECT id, estimate_id, concept_id, width, height, bytes, caption FROM photos";

pub async fn insert<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    photo: &NewPhoto<'_>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO photos (company_id, estimate_id, contract_id, concept_id, object_key,
                             width, height, bytes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(tenant.company_id)
    .bind(photo.estimate_id)
    .bind(photo.contract_id)
    .bind(photo.concept_id)
    .bind(photo.object_key)
    .bind(photo.width)
    .bind(photo.height)
    .bind(photo.bytes)
    .fetch_one(db)
    .await
}

pub async fn list<'c>(db: impl PgExecutor<'c>, estimate_id: i64) -> sqlx::Result<Vec<Photo>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE estimate_id = $1 ORDER BY concept_id, id"
    )))
    .bind(estimate_id)
    .fetch_all(db)
    .await
}

/// A photo of the company, with the key of its object.
pub async fn find<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    id: i64,
) -> sqlx::Result<Option<(Photo, String)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        photo: Photo,
        object_key: String,
    }
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, estimate_id, concept_id, width, height, bytes, caption, object_key
         FROM photos WHERE company_id = $1 AND id = $2",
    )
    .bind(tenant.company_id)
    .bind(id)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|row| (row.photo, row.object_key)))
}

pub async fn delete<'c>(db: impl PgExecutor<'c>, tenant: &Tenant, id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM photos WHERE company_id = $1 AND id = $2")
        .bind(tenant.company_id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// Bytes of photos and of signed contracts across every company of the customer.
pub async fn customer_usage<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
) -> sqlx::Result<(i64, i64)> {
    sqlx::query_as(
        "SELECT coalesce((SELECT sum(p.bytes) FROM photos p
                          JOIN companies c ON c.id = p.company_id
                          WHERE c.customer_id = $1), 0)::bigint,
                coalesce((SELECT sum(t.signed_pdf_size) FROM contracts t
                          JOIN companies c ON c.id = t.company_id
                          WHERE c.customer_id = $1), 0)::bigint",
    )
    .bind(tenant.customer_id)
    .fetch_one(db)
    .await
}
