//! Contracts and subcontracts ("contratos"), as lists show them.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One contract in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct ContractSummary {
    pub id: i64,
    /// The contract's number inside its company: 1, 2, 3…; assigned by the server.
    pub folio: i64,
    /// The client's or contractor's own code for the contract.
    pub code: String,
    pub name: String,
    pub short_name: String,
    /// Date of signature.
    pub date: NaiveDate,
    /// Contracted amount, a decimal string such as "499829.13".
    pub amount: Decimal,
    /// Whether the contract still takes estimates.
    pub open: bool,
    /// The parent contract, for a subcontract.
    #[serde(default)]
    pub parent_id: Option<i64>,
}

/// A page of contracts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct ContractPage {
    pub items: Vec<ContractSummary>,
    /// How many contracts match, across all pages.
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}
