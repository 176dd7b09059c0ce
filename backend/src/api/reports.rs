//! `/dashboard` and `/estimates/{id}/subcontract-report`.

use poem::web::Data;
use poem_openapi::{OpenApi, param::Path, payload::Json};
use rust_decimal::Decimal;
use shared::{
    Action,
    billing::percent_executed,
    dto::{
        ContractProgress, Dashboard, Estimate, PendingEstimate, SubcontractReport,
        SubcontractReportTotals,
    },
    money::round_money,
};

use super::{ApiTags, contracts::contract_for};
use crate::{
    app::AppState,
    auth::{Session, Tenant},
    db,
    error::{ApiError, ApiResult},
};

pub struct ReportsApi;

#[OpenApi(tag = "ApiTags::Reports")]
impl ReportsApi {
    /// The dashboard of the active company
    ///
    /// Within what the user may see: open top-level contracts with their percent executed,
    /// estimates pending invoice and pending payment with their totals.
    #[oai(path = "/dashboard", method = "get", operation_id = "get_dashboard")]
    async fn dashboard(
        &self,
        state: Data<&AppState>,
        session: Session,
    ) -> ApiResult<Json<Dashboard>> {
        let tenant = session.0;
        tenant.require(Action::ReadDashboard, false)?;

        let progress = db::reports::contract_progress(&state.pool, &tenant).await?;
        let pending_invoice = db::reports::pending_estimates(&state.pool, &tenant, false).await?;
        let pending_payment = db::reports::pending_estimates(&state.pool, &tenant, true).await?;

        let contracts = progress
            .into_iter()
            .map(
                |(id, folio, code, name, short_name, contracted, to_date)| ContractProgress {
                    id,
                    folio,
                    code,
                    name,
                    short_name,
                    percent: percent_executed(to_date, contracted),
                    contracted,
                    to_date,
                },
            )
            .collect();
        Ok(Json(Dashboard {
            contracts,
            pending_invoice_total: total(&pending_invoice),
            pending_invoice,
            pending_payment_total: total(&pending_payment),
            pending_payment,
        }))
    }

    /// What the direct subcontracts billed in an estimate's period
    ///
    /// Every estimate of the contract's direct subcontracts whose period ends within this
    /// estimate's period, with its previous, this, to-date and contracted amounts.
    #[oai(
        path = "/estimates/:id/subcontract-report",
        method = "get",
        operation_id = "get_subcontract_report"
    )]
    async fn subcontract_report(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<Json<SubcontractReport>> {
        let tenant = session.0;
        let estimate = db::estimates::find(&state.pool, &tenant, id.0)
            .await?
            .ok_or_else(|| ApiError::NotFound("no such estimate in the active company".into()))?;
        contract_for(&state, &tenant, estimate.contract_id, Action::ReadContract)
            .await
            .map_err(|_| ApiError::NotFound("no such estimate in the active company".into()))?;

        subcontract_report_of(&state, &tenant, &estimate)
            .await
            .map(Json)
    }
}

fn total(estimates: &[PendingEstimate]) -> Decimal {
    round_money(estimates.iter().map(|estimate| estimate.amount).sum())
}

/// What the direct subcontracts of the estimate's contract billed in its period.
pub async fn subcontract_report_of(
    state: &AppState,
    tenant: &Tenant,
    estimate: &Estimate,
) -> ApiResult<SubcontractReport> {
    let rows = db::reports::subcontract_rows(
        &state.pool,
        tenant,
        estimate.contract_id,
        estimate.period_start,
        estimate.period_end,
    )
    .await?;
    let sum = |pick: fn(&shared::dto::SubcontractReportRow) -> Decimal| {
        round_money(rows.iter().map(pick).sum())
    };
    let totals = SubcontractReportTotals {
        contracted: sum(|row| row.contracted),
        previous: sum(|row| row.previous),
        this: sum(|row| row.this),
        to_date: sum(|row| row.to_date),
    };
    Ok(SubcontractReport {
        estimate_id: estimate.id,
        period_start: estimate.period_start,
        period_end: estimate.period_end,
        rows,
        totals,
    })
}
