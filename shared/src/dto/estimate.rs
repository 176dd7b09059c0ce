//! Estimates ("estimaciones"): progress bills of a contract, their lines and take-offs.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// An estimate of a contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object, sqlx::FromRow))]
pub struct Estimate {
    pub id: i64,
    pub contract_id: i64,
    /// 1, 2, 3… within the contract; assigned by the server.
    pub number: i32,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    /// "Elaboró": a user of the company.
    #[serde(default)]
    pub drafted_by_id: Option<i64>,
    /// "Supervisó": a user of the company.
    #[serde(default)]
    pub supervised_by_id: Option<i64>,
    /// "Autoriza": a contact of the contract's counterparty.
    #[serde(default)]
    pub authorized_by_id: Option<i64>,
    pub show_advance: bool,
    pub show_retentions: bool,
    /// The final estimate amortizes whatever remains of the advance.
    pub is_final: bool,
    #[serde(default)]
    pub invoiced_on: Option<NaiveDate>,
    #[serde(default)]
    pub paid_on: Option<NaiveDate>,
    /// Grows with every change; documents rendered from the estimate are keyed by it.
    pub revision: i32,
    /// Σ of this estimate's line amounts.
    pub gross: Decimal,
}

/// Body to create or replace an estimate's header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct EstimateInput {
    pub period_start: NaiveDate,
    /// On or after `period_start`.
    pub period_end: NaiveDate,
    #[serde(default)]
    pub drafted_by_id: Option<i64>,
    #[serde(default)]
    pub supervised_by_id: Option<i64>,
    #[serde(default)]
    pub authorized_by_id: Option<i64>,
    #[serde(default = "yes")]
    #[cfg_attr(feature = "server", oai(default = "yes"))]
    pub show_advance: bool,
    #[serde(default = "yes")]
    #[cfg_attr(feature = "server", oai(default = "yes"))]
    pub show_retentions: bool,
    #[serde(default)]
    #[cfg_attr(feature = "server", oai(default))]
    pub is_final: bool,
}

fn yes() -> bool {
    true
}

/// The estimates of a contract, by number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct EstimateList {
    pub items: Vec<Estimate>,
}

/// One line of an estimate as sent: the quantity of one concept, with notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct LineInput {
    /// A concept of the estimate's contract.
    pub concept_id: i64,
    /// Decimal string, four decimals at most. Ignored for a line with take-off rows,
    /// whose quantity is their sum.
    pub quantity: String,
    #[serde(default)]
    #[cfg_attr(feature = "server", oai(default))]
    pub notes: String,
}

/// Body of `PUT /estimates/{id}/lines`: lines to set. Lines not named are left as they are;
/// a line set to zero with no notes and no take-off is removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct LinesInput {
    pub lines: Vec<LineInput>,
}

/// A line of an estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object, sqlx::FromRow))]
pub struct EstimateLine {
    pub concept_id: i64,
    pub quantity: Decimal,
    pub notes: String,
    /// How many take-off rows the quantity comes from (0: typed by hand).
    pub measurement_count: i64,
}

/// The lines of an estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct EstimateLines {
    pub items: Vec<EstimateLine>,
}

/// A take-off row ("renglón de medición"). Empty dimensions are left out of the product;
/// pieces count 1 when empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct Measurement {
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub length: Option<Decimal>,
    #[serde(default)]
    pub width: Option<Decimal>,
    #[serde(default)]
    pub height: Option<Decimal>,
    #[serde(default)]
    pub pieces: Option<Decimal>,
    /// The row's product.
    pub quantity: Decimal,
}

/// A take-off row as sent; dimensions as decimal strings, empty or absent when not used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct MeasurementInput {
    #[serde(default)]
    #[cfg_attr(feature = "server", oai(default))]
    pub label: String,
    #[serde(default)]
    pub length: Option<String>,
    #[serde(default)]
    pub width: Option<String>,
    #[serde(default)]
    pub height: Option<String>,
    #[serde(default)]
    pub pieces: Option<String>,
}

/// Body of `PUT /estimates/{id}/lines/{concept_id}/measurements`: the whole take-off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct TakeoffInput {
    pub rows: Vec<MeasurementInput>,
}

/// A line's take-off and the quantity the server keeps from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct Takeoff {
    pub concept_id: i64,
    pub rows: Vec<Measurement>,
    /// Σ of the rows' products: the line's quantity.
    pub quantity: Decimal,
}

/// Body of `POST /estimates/{id}/invoice` and `/pay`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct BillingDate {
    pub date: NaiveDate,
}

/// Body of `POST /estimates/{id}/unlock`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct UnlockInput {
    /// Why the invoiced estimate must change; kept with who unlocked it.
    pub reason: String,
}

/// One change in the audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct AuditEntry {
    pub id: i64,
    pub entity: String,
    pub entity_id: i64,
    /// `create`, `update` or `delete`.
    pub action: String,
    #[serde(default)]
    pub user_id: Option<i64>,
    #[serde(default)]
    pub user_name: Option<String>,
    pub at: chrono::DateTime<chrono::Utc>,
    #[serde(default)]
    pub before: Option<serde_json::Value>,
    #[serde(default)]
    pub after: Option<serde_json::Value>,
}

/// A page of the audit log, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct AuditPage {
    pub items: Vec<AuditEntry>,
}

/// A photo of the work behind an estimate line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object, sqlx::FromRow))]
pub struct Photo {
    pub id: i64,
    pub estimate_id: i64,
    pub concept_id: i64,
    /// As stored: upright, at most 2048 pixels on its longest side, JPEG.
    pub width: i32,
    pub height: i32,
    pub bytes: i64,
    pub caption: String,
}

/// The photos of an estimate, by concept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct PhotoList {
    pub items: Vec<Photo>,
}

/// How much object storage the customer's files take.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct StorageUsage {
    pub photo_bytes: i64,
    pub signed_contract_bytes: i64,
    pub total_bytes: i64,
}
