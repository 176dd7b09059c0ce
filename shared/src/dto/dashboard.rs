//! The dashboard and the subcontract report: what is pending, across contracts.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// `GET /dashboard`: the active company as far as the user may see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct Dashboard {
    /// Open top-level contracts with how much of them is billed.
    pub contracts: Vec<ContractProgress>,
    /// Estimates not invoiced yet, oldest first.
    pub pending_invoice: Vec<PendingEstimate>,
    /// Σ of their gross amounts.
    pub pending_invoice_total: Decimal,
    /// Estimates invoiced but not paid, oldest first.
    pub pending_payment: Vec<PendingEstimate>,
    pub pending_payment_total: Decimal,
}

/// An open contract's progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct ContractProgress {
    pub id: i64,
    pub folio: i64,
    pub code: String,
    pub name: String,
    pub short_name: String,
    /// Σ of the catalog's contracted amounts.
    pub contracted: Decimal,
    /// Σ of every estimate's line amounts.
    pub to_date: Decimal,
    /// To date / contracted × 100, two decimals; absent when nothing is contracted.
    #[serde(default)]
    pub percent: Option<Decimal>,
}

/// An estimate waiting to be invoiced or paid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object, sqlx::FromRow))]
pub struct PendingEstimate {
    pub id: i64,
    pub contract_id: i64,
    pub contract_folio: i64,
    pub contract_name: String,
    pub number: i32,
    pub period_end: NaiveDate,
    #[serde(default)]
    pub invoiced_on: Option<NaiveDate>,
    /// The estimate's gross: Σ of its line amounts.
    pub amount: Decimal,
}

/// `GET /estimates/{id}/subcontract-report`: what the direct subcontracts billed in the
/// estimate's period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct SubcontractReport {
    pub estimate_id: i64,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub rows: Vec<SubcontractReportRow>,
    pub totals: SubcontractReportTotals,
}

/// One estimate of a subcontract whose period ends within the report's period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object, sqlx::FromRow))]
pub struct SubcontractReportRow {
    pub contract_id: i64,
    pub contract_folio: i64,
    pub contract_name: String,
    pub counterparty_name: String,
    pub estimate_id: i64,
    pub number: i32,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub contracted: Decimal,
    pub previous: Decimal,
    pub this: Decimal,
    pub to_date: Decimal,
}

/// The report's totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct SubcontractReportTotals {
    pub contracted: Decimal,
    pub previous: Decimal,
    pub this: Decimal,
    pub to_date: Decimal,
}
