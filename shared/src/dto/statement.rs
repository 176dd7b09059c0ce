//! An estimate's statement ("estado de cuenta de la estimación"): every concept of the
//! contract with what was contracted, billed before, billed now and pending, and the totals
//! under them. [`crate::billing::statement`] computes it; the server, the PDF and the browser
//! all show that one result.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How a retention computes its amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Enum))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "server", oai(rename_all = "snake_case"))]
pub enum RetentionKind {
    /// `value` percent of the base, rounded to cents.
    Percentage,
    /// `value` itself, on every estimate.
    Fixed,
}

/// What a percentage retention is taken on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Enum))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "server", oai(rename_all = "snake_case"))]
pub enum RetentionBase {
    /// The estimate's gross, before amortization and tax (the usual base).
    #[default]
    Gross,
    /// The subtotal after amortization.
    Subtotal,
}

/// One concept of the contract as this estimate bills it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct StatementLine {
    pub concept_id: i64,
    pub code: String,
    pub description: String,
    pub unit: String,
    pub contracted_quantity: Decimal,
    /// Contracted quantity × unit price, rounded to cents.
    pub contracted_amount: Decimal,
    /// The price this estimate bills the concept at: frozen once invoiced, the concept's
    /// current one while a draft.
    pub unit_price: Decimal,
    /// Sum over every earlier estimate.
    pub previous_quantity: Decimal,
    /// Sum of the rounded amounts of every earlier estimate.
    pub previous_amount: Decimal,
    pub this_quantity: Decimal,
    /// This quantity × the unit price the line is billed at, rounded to cents.
    pub this_amount: Decimal,
    /// Previous + this.
    pub to_date_quantity: Decimal,
    /// Previous + this.
    pub to_date_amount: Decimal,
    /// Contracted − to date; negative when over contract.
    pub pending_quantity: Decimal,
    /// Contracted − to date; negative when over contract.
    pub pending_amount: Decimal,
    /// To-date amount as a percentage of the contracted amount, two decimals; absent when the
    /// contracted amount is zero.
    pub percent: Option<Decimal>,
    /// The to-date quantity exceeds the contracted quantity.
    pub over_contract: bool,
}

/// One retention taken on this estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct RetentionAmount {
    pub name: String,
    pub kind: RetentionKind,
    pub base: RetentionBase,
    /// The percentage, or the fixed amount.
    pub value: Decimal,
    /// What is withheld on this estimate.
    pub amount: Decimal,
}

/// The figures under the concept table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct StatementTotals {
    /// Sum of the contracted amounts of every concept.
    pub contracted: Decimal,
    pub previous: Decimal,
    pub this: Decimal,
    pub to_date: Decimal,
    /// The estimate's amount: the sum of this estimate's line amounts.
    pub gross: Decimal,
    /// The part of the advance recovered by this estimate.
    pub amortization: Decimal,
    /// Gross − amortization.
    pub subtotal: Decimal,
    /// Tax of the gross − tax of the amortization (zero when the contract has no tax).
    pub tax: Decimal,
    /// Subtotal + tax.
    pub total: Decimal,
    pub retentions: Vec<RetentionAmount>,
    pub retentions_total: Decimal,
    /// Total − retentions: what the client pays for this estimate.
    pub net: Decimal,
    /// The contract's advance: amount × advance %, rounded to cents.
    pub advance: Decimal,
    /// Amortized by this and every earlier estimate.
    pub amortized_to_date: Decimal,
}

/// The checks a reader of the document can redo by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct TieOut {
    /// Every column of lines adds up to its total, and previous + this = to date on each line.
    pub lines_foot: bool,
    /// This estimate's previous equals the prior estimate's to date; absent for the first.
    pub previous_matches_prior: Option<bool>,
    /// Amortized to date never exceeds the advance.
    pub amortization_within_advance: bool,
}

/// An estimate's statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct Statement {
    pub lines: Vec<StatementLine>,
    pub totals: StatementTotals,
    pub tie_out: TieOut,
}
