//! Estimates, their lines and take-offs. Callers have checked the contract's visibility;
//! every query still names the company.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use shared::{
    billing::{Billed, CatalogConcept, ContractTerms, EstimateLine as BilledLine, RetentionTerms},
    dto::{Estimate, EstimateLine},
};
use sqlx::{PgConnection, PgExecutor};

use crate::auth::Tenant;

/// The estimate columns, with the gross of its lines at the price each is billed at: the
/// frozen one once invoiced, the concept's current one while a draft.
const SELECT: &str = "SELECT e.id, e.contract_id, e.number, e.period_start, e.period_end,
        e.drafted_by_id, e.supervised_by_id, e.authorized_by_id, e.show_advance,
        e.show_retentions, e.is_final, e.invoiced_on, e.paid_on, e.revision,
        coalesce((SELECT sum(coalesce(l.amount, round(l.quantity * c.unit_price, 2)))
                  FROM estimate_lines l JOIN concepts c ON c.id = l.concept_id
                  WHERE l.estimate_id = e.id), 0.00) AS gross
    FROM estimates e";

pub async fn list<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    contract_id: i64,
) -> sqlx::Result<Vec<Estimate>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE e.company_id = $1 AND e.contract_id = $2 ORDER BY e.number"
    )))
    .bind(tenant.company_id)
    .bind(contract_id)
    .fetch_all(db)
    .await
}

pub async fn find<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    id: i64,
) -> sqlx::Result<Option<Estimate>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE e.company_id = $1 AND e.id = $2"
    )))
    .bind(tenant.company_id)
    .bind(id)
    .fetch_optional(db)
    .await
}

/// The header fields of an estimate, checked.
pub struct Fields {
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub drafted_by_id: Option<i64>,
    pub supervised_by_id: Option<i64>,
    pub authorized_by_id: Option<i64>,
    pub show_advance: bool,
    pub show_retentions: bool,
    pub is_final: bool,
}

/// Creates the contract's next estimate. The contract's row stays locked until the
/// transaction ends, so concurrent creations get n+1, n+2… and never one number twice.
pub async fn insert(
    tx: &mut PgConnection,
    tenant: &Tenant,
    contract_id: i64,
    fields: &Fields,
) -> sqlx::Result<i64> {
    sqlx::query("SELECT 1 FROM contracts WHERE company_id = $1 AND id = $2 FOR UPDATE")
        .bind(tenant.company_id)
        .bind(contract_id)
        .execute(&mut *tx)
        .await?;

    sqlx::query_scalar(
        "INSERT INTO estimates (company_id, contract_id, number, period_start, period_end,
                                drafted_by_id, supervised_by_id, authorized_by_id,
                                show_advance, show_retentions, is_final)
         SELECT $1, $2, coalesce(max(number), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10
         FROM estimates WHERE contract_id = $2
         RETURNING id",
    )
    .bind(tenant.company_id)
    .bind(contract_id)
    .bind(fields.period_start)
    .bind(fields.period_end)
    .bind(fields.drafted_by_id)
    .bind(fields.supervised_by_id)
    .bind(fields.authorized_by_id)
    .bind(fields.show_advance)
    .bind(fields.show_retentions)
    .bind(fields.is_final)
    .fetch_one(&mut *tx)
    .await
}

pub async fn update(
    tx: &mut PgConnection,
    tenant: &Tenant,
    id: i64,
    fields: &Fields,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE estimates SET period_start = $3, period_end = $4, drafted_by_id = $5,
                supervised_by_id = $6, authorized_by_id = $7, show_advance = $8,
                show_retentions = $9, is_final = $10, revision = revision + 1
         WHERE company_id = $1 AND id = $2",
    )
    .bind(tenant.company_id)
    .bind(id)
    .bind(fields.period_start)
    .bind(fields.period_end)
    .bind(fields.drafted_by_id)
    .bind(fields.supervised_by_id)
    .bind(fields.authorized_by_id)
    .bind(fields.show_advance)
    .bind(fields.show_retentions)
    .bind(fields.is_final)
    .execute(tx)
    .await?;
    Ok(())
}

/// Bumps the revision after a change to the lines.
pub async fn touch(tx: &mut PgConnection, id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE estimates SET revision = revision + 1 WHERE id = $1")
        .bind(id)
        .execute(tx)
        .await?;
    Ok(())
}

/// The highest number of the contract's estimates.
pub async fn latest_number<'c>(db: impl PgExecutor<'c>, contract_id: i64) -> sqlx::Result<i32> {
    sqlx::query_scalar("SELECT coalesce(max(number), 0) FROM estimates WHERE contract_id = $1")
        .bind(contract_id)
        .fetch_one(db)
        .await
}

pub async fn delete(tx: &mut PgConnection, tenant: &Tenant, id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM estimates WHERE company_id = $1 AND id = $2")
        .bind(tenant.company_id)
        .bind(id)
        .execute(tx)
        .await?;
    Ok(())
}

/// Freezes every line of the estimate at the price it is billed at now.
pub async fn freeze_lines(tx: &mut PgConnection, id: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE estimate_lines l SET unit_price = c.unit_price,
                amount = round(l.quantity * c.unit_price, 2)
         FROM concepts c WHERE c.id = l.concept_id AND l.estimate_id = $1",
    )
    .bind(id)
    .execute(tx)
    .await?;
    Ok(())
}

/// Marks the estimate invoiced on `date`, keeping its statement as issued.
pub async fn mark_invoiced(
    tx: &mut PgConnection,
    id: i64,
    date: NaiveDate,
    statement: &serde_json::Value,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE estimates SET invoiced_on = $2, frozen_statement = $3, revision = revision + 1
         WHERE id = $1",
    )
    .bind(id)
    .bind(date)
    .bind(statement)
    .execute(tx)
    .await?;
    Ok(())
}

/// The statement as invoiced, if the estimate is.
pub async fn frozen_statement(
    db: &mut PgConnection,
    id: i64,
) -> sqlx::Result<Option<serde_json::Value>> {
    sqlx::query_scalar("SELECT frozen_statement FROM estimates WHERE id = $1")
        .bind(id)
        .fetch_one(db)
        .await
}

pub async fn pay(tx: &mut PgConnection, id: i64, date: NaiveDate) -> sqlx::Result<()> {
    sqlx::query("UPDATE estimates SET paid_on = $2, revision = revision + 1 WHERE id = $1")
        .bind(id)
        .bind(date)
        .execute(tx)
        .await?;
    Ok(())
}

/// Opens an invoiced estimate again: a draft follows the concepts' prices once more.
pub async fn unlock(
    tx: &mut PgConnection,
    tenant: &Tenant,
    id: i64,
    reason: &str,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO estimate_unlocks (estimate_id, user_id, reason) VALUES ($1, $2, $3)")
        .bind(id)
        .bind(tenant.user_id)
        .bind(reason)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE estimate_lines SET unit_price = NULL, amount = NULL WHERE estimate_id = $1",
    )
    .bind(id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE estimates SET invoiced_on = NULL, paid_on = NULL, frozen_statement = NULL,
                revision = revision + 1
         WHERE id = $1",
    )
    .bind(id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub async fn lines<'c>(db: impl PgExecutor<'c>, id: i64) -> sqlx::Result<Vec<EstimateLine>> {
    sqlx::query_as(
        "SELECT l.concept_id, l.quantity, l.notes,
                (SELECT count(*) FROM measurements m WHERE m.line_id = l.id) AS measurement_count
         FROM estimate_lines l JOIN concepts c ON c.id = l.concept_id
         WHERE l.estimate_id = $1 ORDER BY c.position",
    )
    .bind(id)
    .fetch_all(db)
    .await
}

/// A line as a request sets it: concept, quantity, notes.
pub struct LineChange {
    pub concept_id: i64,
    pub quantity: Decimal,
    pub notes: String,
}

/// Sets the lines' quantities and notes in two statements, whatever their number. A line
/// set to zero with no notes is removed unless it has a take-off; a line with a take-off
/// keeps the quantity its rows add up to.
pub async fn set_lines(
    tx: &mut PgConnection,
    tenant: &Tenant,
    estimate_id: i64,
    contract_id: i64,
    changes: &[LineChange],
) -> sqlx::Result<()> {
    let (removed, kept): (Vec<&LineChange>, Vec<&LineChange>) = changes
        .iter()
        .partition(|line| line.quantity.is_zero() && line.notes.is_empty());
    let removed: Vec<i64> = removed.iter().map(|line| line.concept_id).collect();
    sqlx::query(
        "DELETE FROM estimate_lines l
         WHERE l.estimate_id = $1 AND l.concept_id = ANY($2)
           AND NOT EXISTS (SELECT 1 FROM measurements m WHERE m.line_id = l.id)",
    )
    .bind(estimate_id)
    .bind(&removed)
    .execute(&mut *tx)
    .await?;

    let concepts: Vec<i64> = kept.iter().map(|line| line.concept_id).collect();
    let quantities: Vec<Decimal> = kept.iter().map(|line| line.quantity).collect();
    let notes: Vec<&str> = kept.iter().map(|line| line.notes.as_str()).collect();
    sqlx::query(
        "INSERT INTO estimate_lines (company_id, estimate_id, contract_id, concept_id, quantity,
                                     notes)
         SELECT $1, $2, $3, n.concept_id, n.quantity, n.notes
         FROM unnest($4::bigint[], $5::numeric[], $6::text[]) AS n (concept_id, quantity, notes)
         ON CONFLICT (estimate_id, concept_id) DO UPDATE
         SET notes = EXCLUDED.notes,
             quantity = CASE WHEN EXISTS (SELECT 1 FROM measurements m
                                          WHERE m.line_id = estimate_lines.id)
                             THEN estimate_lines.quantity ELSE EXCLUDED.quantity END",
    )
    .bind(tenant.company_id)
    .bind(estimate_id)
    .bind(contract_id)
    .bind(&concepts)
    .bind(&quantities)
    .bind(&notes)
    .execute(tx)
    .await?;
    Ok(())
}

/// One take-off row, checked.
pub struct MeasurementRow {
    pub label: String,
    pub length: Option<Decimal>,
    pub width: Option<Decimal>,
    pub height: Option<Decimal>,
    pub pieces: Option<Decimal>,
}

/// Replaces a line's take-off and sets its quantity to `quantity`, their sum.
pub async fn replace_takeoff(
    tx: &mut PgConnection,
    tenant: &Tenant,
    estimate_id: i64,
    contract_id: i64,
    concept_id: i64,
    rows: &[MeasurementRow],
    quantity: Decimal,
) -> sqlx::Result<()> {
    let line_id: i64 = sqlx::query_scalar(
        "INSERT INTO estimate_lines (company_id, estimate_id, contract_id, concept_id, quantity)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (estimate_id, concept_id) DO UPDATE SET quantity = EXCLUDED.quantity
         RETURNING id",
    )
    .bind(tenant.company_id)
    .bind(estimate_id)
    .bind(contract_id)
    .bind(concept_id)
    .bind(quantity)
    .fetch_one(&mut *tx)
    .await?;

    sqlx::query("DELETE FROM measurements WHERE line_id = $1")
        .bind(line_id)
        .execute(&mut *tx)
        .await?;
    let labels: Vec<&str> = rows.iter().map(|row| row.label.as_str()).collect();
    let column = |pick: fn(&MeasurementRow) -> Option<Decimal>| -> Vec<Option<Decimal>> {
        rows.iter().map(pick).collect()
    };
    sqlx::query(
        "INSERT INTO measurements (line_id, position, label, length, width, height, pieces)
         SELECT $1, n.ordinality, n.label, n.length, n.width, n.height, n.pieces
         FROM unnest($2::text[], $3::numeric[], $4::numeric[], $5::numeric[], $6::numeric[])
              WITH ORDINALITY AS n (label, length, width, height, pieces)",
    )
    .bind(line_id)
    .bind(&labels)
    .bind(column(|row| row.length))
    .bind(column(|row| row.width))
    .bind(column(|row| row.height))
    .bind(column(|row| row.pieces))
    .execute(tx)
    .await?;
    Ok(())
}

/// A line's take-off rows, in order.
pub async fn takeoff<'c>(
    db: impl PgExecutor<'c>,
    estimate_id: i64,
    concept_id: i64,
) -> sqlx::Result<
    Vec<(
        String,
        Option<Decimal>,
        Option<Decimal>,
        Option<Decimal>,
        Option<Decimal>,
    )>,
> {
    sqlx::query_as(
        "SELECT m.label, m.length, m.width, m.height, m.pieces
         FROM measurements m JOIN estimate_lines l ON l.id = m.line_id
         WHERE l.estimate_id = $1 AND l.concept_id = $2 ORDER BY m.position",
    )
    .bind(estimate_id)
    .bind(concept_id)
    .fetch_all(db)
    .await
}

/// Everything the statement of an estimate is computed from, read in five queries whatever
/// the size of the catalog.
pub struct StatementData {
    pub terms: ContractTerms,
    pub concepts: Vec<CatalogConcept>,
    pub retentions: Vec<RetentionTerms>,
    /// Earlier estimates, by number: (is final, their lines at their billed prices).
    pub earlier: Vec<(bool, Vec<BilledLine>)>,
    pub lines: Vec<BilledLine>,
}

impl StatementData {
    /// Per concept, what every earlier estimate billed.
    pub fn previous(&self) -> BTreeMap<i64, Billed> {
        let mut previous: BTreeMap<i64, Billed> = BTreeMap::new();
        for (_, lines) in &self.earlier {
            for line in lines {
                let billed = previous.entry(line.concept_id).or_default();
                billed.quantity += line.quantity;
                billed.amount += shared::billing::line_amount(line.quantity, line.unit_price);
            }
        }
        previous
    }
}

pub async fn statement_data(
    db: &mut PgConnection,
    estimate: &Estimate,
) -> sqlx::Result<StatementData> {
    let terms: (Decimal, Decimal, Decimal) =
        sqlx::query_as("SELECT amount, advance_percent, tax_rate FROM contracts WHERE id = $1")
            .bind(estimate.contract_id)
            .fetch_one(&mut *db)
            .await?;

    let concepts: Vec<(i64, String, String, String, Decimal, Decimal)> = sqlx::query_as(
        "SELECT c.id, c.code, c.description, u.name, c.quantity, c.unit_price
         FROM concepts c JOIN units u ON u.id = c.unit_id
         WHERE c.contract_id = $1 ORDER BY c.position",
    )
    .bind(estimate.contract_id)
    .fetch_all(&mut *db)
    .await?;

    let retentions: Vec<(String, String, String, Decimal)> = sqlx::query_as(
        "SELECT name, kind, base, value FROM retentions WHERE contract_id = $1 ORDER BY id",
    )
    .bind(estimate.contract_id)
    .fetch_all(&mut *db)
    .await?;

    // Every estimate up to this one, with its lines; estimates without lines still count
    // (a final one amortizes the rest).
    // (number, is final, concept, quantity, billed unit price); the line columns are empty
    // for an estimate without lines.
    type EarlierRow = (i32, bool, Option<i64>, Option<Decimal>, Option<Decimal>);
    let rows: Vec<EarlierRow> = sqlx::query_as(
        "SELECT e.number, e.is_final, l.concept_id, l.quantity,
                coalesce(l.unit_price, c.unit_price)
         FROM estimates e
         LEFT JOIN estimate_lines l ON l.estimate_id = e.id
         LEFT JOIN concepts c ON c.id = l.concept_id
         WHERE e.contract_id = $1 AND e.number <= $2
         ORDER BY e.number",
    )
    .bind(estimate.contract_id)
    .bind(estimate.number)
    .fetch_all(&mut *db)
    .await?;

    let mut by_number: BTreeMap<i32, (bool, Vec<BilledLine>)> = BTreeMap::new();
    for (number, is_final, concept_id, quantity, unit_price) in rows {
        let entry = by_number.entry(number).or_insert((is_final, Vec::new()));
        if let (Some(concept_id), Some(quantity), Some(unit_price)) =
            (concept_id, quantity, unit_price)
        {
            entry.1.push(BilledLine {
                concept_id,
                quantity,
                unit_price,
            });
        }
    }
    let lines = by_number
        .remove(&estimate.number)
        .map(|(_, lines)| lines)
        .unwrap_or_default();

    Ok(StatementData {
        terms: ContractTerms {
            amount: terms.0,
            advance_percent: terms.1,
            tax_rate: terms.2,
        },
        concepts: concepts
            .into_iter()
            .map(
                |(concept_id, code, description, unit, quantity, unit_price)| CatalogConcept {
                    concept_id,
                    code,
                    description,
                    unit,
                    quantity,
                    unit_price,
                },
            )
            .collect(),
        retentions: retentions
            .into_iter()
            .map(|(name, kind, base, value)| {
                let (kind, base) = super::retentions::terms_from_keys(&kind, &base);
                RetentionTerms {
                    name,
                    kind,
                    base,
                    value,
                }
            })
            .collect(),
        earlier: by_number.into_values().collect(),
        lines,
    })
}
