//! The retentions of a contract. Callers have checked that the contract is the tenant's.

use rust_decimal::Decimal;
use shared::dto::{Retention, RetentionBase, RetentionKind};
use sqlx::PgExecutor;

use crate::auth::Tenant;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    name: String,
    kind: String,
    base: String,
    value: Decimal,
}

/// A retention's kind and base from their stored keys, which the columns' CHECKs limit to
/// the ones matched here.
pub fn terms_from_keys(kind: &str, base: &str) -> (RetentionKind, RetentionBase) {
    let kind = match kind {
        "fixed" => RetentionKind::Fixed,
        _ => RetentionKind::Percentage,
    };
    let base = match base {
        "subtotal" => RetentionBase::Subtotal,
        _ => RetentionBase::Gross,
    };
    (kind, base)
}

impl From<Row> for Retention {
    fn from(row: Row) -> Self {
        let (kind, base) = terms_from_keys(&row.kind, &row.base);
        Retention {
            id: row.id,
            name: row.name,
            kind,
            base,
            value: row.value,
        }
    }
}

/// A retention's fields, checked.
pub struct Fields {
    pub name: String,
    pub kind: RetentionKind,
    pub base: RetentionBase,
    pub value: Decimal,
}

fn kind_key(kind: RetentionKind) -> &'static str {
    match kind {
        RetentionKind::Percentage => "percentage",
        RetentionKind::Fixed => "fixed",
    }
}

fn base_key(base: RetentionBase) -> &'static str {
    match base {
        RetentionBase::Gross => "gross",
        RetentionBase::Subtotal => "subtotal",
    }
}

pub async fn list<'c>(db: impl PgExecutor<'c>, contract_id: i64) -> sqlx::Result<Vec<Retention>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, name, kind, base, value FROM retentions WHERE contract_id = $1 ORDER BY id",
    )
    .bind(contract_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(Retention::from).collect())
}

pub async fn find<'c>(
    db: impl PgExecutor<'c>,
    contract_id: i64,
    id: i64,
) -> sqlx::Result<Option<Retention>> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, name, kind, base, value FROM retentions WHERE contract_id = $1 AND id = $2",
    )
    .bind(contract_id)
    .bind(id)
    .fetch_optional(db)
    .await?;
    Ok(row.map(Retention::from))
}

pub async fn insert<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    contract_id: i64,
    fields: &Fields,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO retentions (company_id, contract_id, name, kind, base, value)
         VALUES ($6, $1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(contract_id)
    .bind(&fields.name)
    .bind(kind_key(fields.kind))
    .bind(base_key(fields.base))
    .bind(fields.value)
    .bind(tenant.company_id)
    .fetch_one(db)
    .await
}

pub async fn update<'c>(
    db: impl PgExecutor<'c>,
    contract_id: i64,
    id: i64,
    fields: &Fields,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE retentions SET name = $3, kind = $4, base = $5, value = $6
         WHERE contract_id = $1 AND id = $2",
    )
    .bind(contract_id)
    .bind(id)
    .bind(&fields.name)
    .bind(kind_key(fields.kind))
    .bind(base_key(fields.base))
    .bind(fields.value)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn delete<'c>(db: impl PgExecutor<'c>, contract_id: i64, id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM retentions WHERE contract_id = $1 AND id = $2")
        .bind(contract_id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}
