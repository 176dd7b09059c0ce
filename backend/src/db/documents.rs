//! What printed documents need beyond the statement: the letterhead, the people who sign,
//! and every take-off row and photo of an estimate in one query each.

use rust_decimal::Decimal;
use sqlx::PgExecutor;

use crate::auth::Tenant;

/// The company as it heads its documents.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Letterhead {
    pub name: String,
    pub legal_name: String,
    pub tax_id: String,
    pub logo_key: Option<String>,
}

pub async fn letterhead<'c>(db: impl PgExecutor<'c>, tenant: &Tenant) -> sqlx::Result<Letterhead> {
    sqlx::query_as("SELECT name, legal_name, tax_id, logo_key FROM companies WHERE id = $1")
        .bind(tenant.company_id)
        .fetch_one(db)
        .await
}

/// Sets or clears the logo; returns the key it replaces, for removal from storage.
pub async fn set_logo<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    key: Option<&str>,
) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "UPDATE companies c SET logo_key = $2 FROM companies old
         WHERE c.id = $1 AND old.id = c.id RETURNING old.logo_key",
    )
    .bind(tenant.company_id)
    .bind(key)
    .fetch_one(db)
    .await
}

/// Someone who signs a document.
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct Signer {
    pub name: String,
    pub position: String,
}

/// The estimate's signers: who drafted and supervised it (users of the company) and who
/// authorizes it (a contact of the counterparty).
pub async fn signers<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    estimate_id: i64,
) -> sqlx::Result<[Option<Signer>; 3]> {
    #[derive(sqlx::FromRow)]
    struct Row {
        drafted_name: Option<String>,
        drafted_position: Option<String>,
        supervised_name: Option<String>,
        supervised_position: Option<String>,
        authorized_name: Option<String>,
        authorized_position: Option<String>,
    }
    let row: Row = sqlx::query_as(
        "SELECT d.name AS drafted_name, d.position AS drafted_position,
                s.name AS supervised_name, s.position AS supervised_position,
                a.name AS authorized_name, a.position AS authorized_position
         FROM estimates e
         LEFT JOIN users d ON d.id = e.drafted_by_id
         LEFT JOIN users s ON s.id = e.supervised_by_id
         LEFT JOIN contacts a ON a.company_id = e.company_id AND a.id = e.authorized_by_id
         WHERE e.company_id = $1 AND e.id = $2",
    )
    .bind(tenant.company_id)
    .bind(estimate_id)
    .fetch_one(db)
    .await?;

    let signer = |name: Option<String>, position: Option<String>| {
        name.map(|name| Signer {
            name,
            position: position.unwrap_or_default(),
        })
    };
    Ok([
        signer(row.drafted_name, row.drafted_position),
        signer(row.supervised_name, row.supervised_position),
        signer(row.authorized_name, row.authorized_position),
    ])
}

/// A line of the estimate with its notes, in catalog order.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NotedLine {
    pub concept_id: i64,
    pub notes: String,
}

pub async fn line_notes<'c>(
    db: impl PgExecutor<'c>,
    estimate_id: i64,
) -> sqlx::Result<Vec<NotedLine>> {
    sqlx::query_as(
        "SELECT l.concept_id, l.notes FROM estimate_lines l
         JOIN concepts c ON c.id = l.concept_id
         WHERE l.estimate_id = $1 ORDER BY c.position",
    )
    .bind(estimate_id)
    .fetch_all(db)
    .await
}

/// One take-off row of an estimate.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MeasuredRow {
    pub concept_id: i64,
    pub label: String,
    pub length: Option<Decimal>,
    pub width: Option<Decimal>,
    pub height: Option<Decimal>,
    pub pieces: Option<Decimal>,
}

/// Every take-off row of the estimate, by concept and position.
pub async fn measurements<'c>(
    db: impl PgExecutor<'c>,
    estimate_id: i64,
) -> sqlx::Result<Vec<MeasuredRow>> {
    sqlx::query_as(
        "SELECT l.concept_id, m.label, m.length, m.width, m.height, m.pieces
         FROM measurements m JOIN estimate_lines l ON l.id = m.line_id
         WHERE l.estimate_id = $1 ORDER BY l.concept_id, m.position",
    )
    .bind(estimate_id)
    .fetch_all(db)
    .await
}

/// A photo of an estimate with the key of its object.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StoredPhoto {
    pub id: i64,
    pub concept_id: i64,
    pub caption: String,
    pub object_key: String,
}

pub async fn photos<'c>(
    db: impl PgExecutor<'c>,
    estimate_id: i64,
) -> sqlx::Result<Vec<StoredPhoto>> {
    sqlx::query_as(
        "SELECT id, concept_id, caption, object_key FROM photos
         WHERE estimate_id = $1 ORDER BY concept_id, id",
    )
    .bind(estimate_id)
    .fetch_all(db)
    .await
}
