//! The audit log the database's triggers keep.

use shared::dto::AuditEntry;
use sqlx::PgExecutor;

use crate::auth::Tenant;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    entity: String,
    entity_id: i64,
    action: String,
    user_id: Option<i64>,
    user_name: Option<String>,
    at: chrono::DateTime<chrono::Utc>,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
}

/// The changes to one record of the tenant's company, newest first (at most 500).
pub async fn for_record<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    entity: &str,
    entity_id: i64,
) -> sqlx::Result<Vec<AuditEntry>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT a.id, a.entity, a.entity_id, a.action, a.user_id, u.name AS user_name, a.at,
                a.before, a.after
         FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
         WHERE a.company_id = $1 AND a.entity = $2 AND a.entity_id = $3
         ORDER BY a.id DESC LIMIT 500",
    )
    .bind(tenant.company_id)
    .bind(entity)
    .bind(entity_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| AuditEntry {
            id: row.id,
            entity: row.entity,
            entity_id: row.entity_id,
            action: row.action,
            user_id: row.user_id,
            user_name: row.user_name,
            at: row.at,
            before: row.before,
            after: row.after,
        })
        .collect())
}
