//! The dashboard and the subcontract report: sums across contracts, in a fixed number of
//! queries.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use shared::{
    Action,
    dto::{PendingEstimate, SubcontractReportRow},
};
use sqlx::PgExecutor;

use crate::auth::Tenant;

/// What a level 1–2 user may see of contract `t`: the ones they are assigned to.
const VISIBLE: &str = "($2 OR EXISTS (SELECT 1 FROM contract_users cu
                                     WHERE cu.contract_id = t.id AND cu.user_id = $3))";

/// An estimate's gross at the prices its lines are billed at.
const GROSS: &str = "coalesce((SELECT sum(coalesce(l.amount, round(l.quantity * c.unit_price, 2)))
                               FROM estimate_lines l JOIN concepts c ON c.id = l.concept_id
                               WHERE l.estimate_id = e.id), 0.00)";

/// (id, folio, code, name, short name, contracted, to date) of the open top-level contracts.
pub type ProgressRow = (i64, i64, String, String, String, Decimal, Decimal);

pub async fn contract_progress<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
) -> sqlx::Result<Vec<ProgressRow>> {
    // Grouped joins, one pass over the catalogs and the lines of the visible contracts,
    // rather than a subquery per contract.
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "WITH open_contracts AS (
             SELECT t.id, t.folio, t.code, t.name, t.short_name FROM contracts t
             WHERE t.company_id = $1 AND t.parent_id IS NULL AND t.open AND {VISIBLE}
         ),
         catalog AS (
             SELECT c.contract_id, sum(round(c.quantity * c.unit_price, 2)) AS amount
             FROM concepts c JOIN open_contracts o ON o.id = c.contract_id
             GROUP BY c.contract_id
         ),
         billed AS (
             SELECT l.contract_id,
                    sum(coalesce(l.amount, round(l.quantity * c.unit_price, 2))) AS amount
             FROM estimate_lines l
             JOIN open_contracts o ON o.id = l.contract_id
             JOIN concepts c ON c.id = l.concept_id
             GROUP BY l.contract_id
         )
         SELECT o.id, o.folio, o.code, o.name, o.short_name,
                coalesce(k.amount, 0.00), coalesce(b.amount, 0.00)
         FROM open_contracts o
         LEFT JOIN catalog k ON k.contract_id = o.id
         LEFT JOIN billed b ON b.contract_id = o.id
         ORDER BY o.folio"
    )))
    .bind(tenant.company_id)
    .bind(tenant.may(Action::SeeAllContracts, false))
    .bind(tenant.user_id)
    .fetch_all(db)
    .await
}

/// Estimates not invoiced (`invoiced` false) or invoiced and not paid (true), oldest first.
pub async fn pending_estimates<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    invoiced: bool,
) -> sqlx::Result<Vec<PendingEstimate>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "WITH pending AS (
             SELECT e.id, e.contract_id, t.folio, t.name, e.number, e.period_end, e.invoiced_on
             FROM estimates e JOIN contracts t ON t.id = e.contract_id
             WHERE e.company_id = $1 AND {VISIBLE}
               AND (e.invoiced_on IS NOT NULL) = $4 AND e.paid_on IS NULL
         ),
         gross AS (
             SELECT l.estimate_id,
                    sum(coalesce(l.amount, round(l.quantity * c.unit_price, 2))) AS amount
             FROM estimate_lines l
             JOIN pending p ON p.id = l.estimate_id
             JOIN concepts c ON c.id = l.concept_id
             GROUP BY l.estimate_id
         )
         SELECT p.id, p.contract_id, p.folio AS contract_folio, p.name AS contract_name,
                p.number, p.period_end, p.invoiced_on, coalesce(g.amount, 0.00) AS amount
         FROM pending p LEFT JOIN gross g ON g.estimate_id = p.id
         ORDER BY p.period_end, p.id"
    )))
    .bind(tenant.company_id)
    .bind(tenant.may(Action::SeeAllContracts, false))
    .bind(tenant.user_id)
    .bind(invoiced)
    .fetch_all(db)
    .await
}

/// Estimates of the direct subcontracts of `contract_id` whose period ends within
/// `start..=end`, with what each subcontract billed before them.
pub async fn subcontract_rows<'c>(
    db: impl PgExecutor<'c>,
    tenant: &Tenant,
    contract_id: i64,
    start: NaiveDate,
    end: NaiveDate,
) -> sqlx::Result<Vec<SubcontractReportRow>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "WITH billed AS (
             SELECT e.id, e.contract_id, e.number, e.period_start, e.period_end,
                    {GROSS} AS gross
             FROM estimates e JOIN contracts t ON t.id = e.contract_id
             WHERE t.company_id = $1 AND t.parent_id = $4 AND {VISIBLE}
         )
         SELECT b.contract_id, t.folio AS contract_folio, t.name AS contract_name,
                p.name AS counterparty_name, b.id AS estimate_id, b.number, b.period_start,
                b.period_end,
                coalesce((SELECT sum(round(c.quantity * c.unit_price, 2)) FROM concepts c
                          WHERE c.contract_id = t.id), 0.00) AS contracted,
                coalesce((SELECT sum(o.gross) FROM billed o
                          WHERE o.contract_id = b.contract_id AND o.number < b.number), 0.00)
                    AS previous,
                b.gross AS this,
                coalesce((SELECT sum(o.gross) FROM billed o
                          WHERE o.contract_id = b.contract_id AND o.number <= b.number), 0.00)
                    AS to_date
         FROM billed b
         JOIN contracts t ON t.id = b.contract_id
         JOIN counterparties p ON p.id = t.counterparty_id
         WHERE b.period_end BETWEEN $5 AND $6
         ORDER BY t.folio, b.number"
    )))
    .bind(tenant.company_id)
    .bind(tenant.may(Action::SeeAllContracts, false))
    .bind(tenant.user_id)
    .bind(contract_id)
    .bind(start)
    .bind(end)
    .fetch_all(db)
    .await
}
