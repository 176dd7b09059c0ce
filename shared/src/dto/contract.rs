//! Contracts and subcontracts ("contratos"), their catalogs of concepts and their retentions.
//!
//! Decimals in responses are `Decimal`s serialized as strings ("1234.56"). In request bodies
//! they are plain strings that the server reads with [`crate::validate::parse_decimal`], so
//! that "abc" or "-1" in any field answers 422 naming that field instead of a parse error.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::directory::CounterpartyKind;
use super::me::UserSummary;
use super::statement::{RetentionBase, RetentionKind};

/// One contract in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object, sqlx::FromRow))]
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
    #[serde(default)]
    pub counterparty_name: String,
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

/// The other party of a contract, as a contract shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct CounterpartyRef {
    pub id: i64,
    pub kind: CounterpartyKind,
    pub name: String,
}

/// A site, as a contract shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct SiteRef {
    pub id: i64,
    pub name: String,
}

/// A whole contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct Contract {
    pub id: i64,
    pub folio: i64,
    pub code: String,
    pub name: String,
    pub short_name: String,
    pub date: NaiveDate,
    pub counterparty: CounterpartyRef,
    #[serde(default)]
    pub site: Option<SiteRef>,
    pub amount: Decimal,
    /// Advance ("anticipo") in percent of the amount.
    pub advance_percent: Decimal,
    /// Tax (IVA) rate in percent; 0 when estimates show no tax.
    pub tax_rate: Decimal,
    pub open: bool,
    /// Whether estimates may not bill beyond the contracted quantities (public works).
    pub refuse_over_contract: bool,
    #[serde(default)]
    pub parent_id: Option<i64>,
    /// Whether a signed PDF is attached (`GET /contracts/{id}/signed-pdf`).
    pub has_signed_pdf: bool,
    /// Σ round(quantity × unit price) over the catalog.
    pub catalog_amount: Decimal,
    pub concept_count: i64,
}

/// Body to create or replace a contract. Decimals as strings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct ContractInput {
    /// Up to 60 characters; may be empty.
    #[serde(default)]
    #[cfg_attr(feature = "server", oai(default))]
    pub code: String,
    /// 1 to 500 characters.
    pub name: String,
    /// Up to 80 characters; lists show it when set.
    #[serde(default)]
    #[cfg_attr(feature = "server", oai(default))]
    pub short_name: String,
    pub date: NaiveDate,
    /// A client for a top-level contract; a subcontractor or piece-worker for a subcontract.
    pub counterparty_id: i64,
    /// A site of the counterparty, or of the top-level contract's client.
    #[serde(default)]
    pub site_id: Option<i64>,
    /// Decimal string, two decimals at most, e.g. "499829.13".
    pub amount: String,
    /// Percent, 0 to 100, e.g. "30".
    #[serde(default = "zero")]
    #[cfg_attr(feature = "server", oai(default = "zero"))]
    pub advance_percent: String,
    /// Percent, 0 to 100, e.g. "16".
    #[serde(default = "zero")]
    #[cfg_attr(feature = "server", oai(default = "zero"))]
    pub tax_rate: String,
    #[serde(default = "yes")]
    #[cfg_attr(feature = "server", oai(default = "yes"))]
    pub open: bool,
    #[serde(default)]
    #[cfg_attr(feature = "server", oai(default))]
    pub refuse_over_contract: bool,
    /// The parent contract, to create a subcontract. Ignored when replacing.
    #[serde(default)]
    pub parent_id: Option<i64>,
}

fn zero() -> String {
    "0".to_owned()
}

fn yes() -> bool {
    true
}

/// A contract in its tree: its parent and how deep it sits (0 for the root asked for).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object, sqlx::FromRow))]
pub struct ContractNode {
    pub id: i64,
    pub folio: i64,
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub parent_id: Option<i64>,
    pub depth: i32,
    pub counterparty_name: String,
    pub amount: Decimal,
    pub open: bool,
}

/// Body of `PUT /contracts/{id}/users`: the whole set of assigned users.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct AssignedUsersInput {
    /// Users of the active company.
    pub user_ids: Vec<i64>,
}

/// The users assigned to a contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct AssignedUsers {
    pub items: Vec<UserSummary>,
}

/// One concept of a contract's catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object, sqlx::FromRow))]
pub struct Concept {
    pub id: i64,
    pub code: String,
    pub description: String,
    pub unit_id: i64,
    pub unit: String,
    /// Contracted quantity, up to four decimals.
    pub quantity: Decimal,
    pub unit_price: Decimal,
    /// round(quantity × unit price), to cents.
    pub amount: Decimal,
}

/// Body to create or replace a concept. Decimals as strings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct ConceptInput {
    /// 1 to 40 characters, unique in the contract regardless of case.
    pub code: String,
    /// 1 to 4,000 characters.
    pub description: String,
    /// A unit of the active company.
    pub unit_id: i64,
    /// Decimal string, four decimals at most, e.g. "120.5".
    pub quantity: String,
    /// Decimal string, two decimals at most, e.g. "185.50".
    pub unit_price: String,
}

/// Body of `POST /contracts/{id}/concepts`: concepts created together, all or none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct ConceptBatch {
    /// 1 to 5,000 concepts, added after the existing ones in this order.
    pub concepts: Vec<ConceptInput>,
}

/// A page of a contract's catalog, with the totals of the whole catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct ConceptPage {
    pub items: Vec<Concept>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
    /// Σ amount over every concept of the contract, not only this page.
    pub catalog_amount: Decimal,
}

/// A retention of a contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct Retention {
    pub id: i64,
    pub name: String,
    pub kind: RetentionKind,
    pub base: RetentionBase,
    /// A percentage (0 to 100) or a fixed amount, by `kind`.
    pub value: Decimal,
}

/// Body to create or replace a retention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct RetentionInput {
    /// 1 to 200 characters.
    pub name: String,
    pub kind: RetentionKind,
    /// What a percentage is taken on; the gross unless said otherwise.
    #[serde(default)]
    #[cfg_attr(feature = "server", oai(default))]
    pub base: RetentionBase,
    /// Percent (0 to 100, four decimals) or amount (two decimals), as a string.
    pub value: String,
}

/// The retentions of a contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct RetentionList {
    pub items: Vec<Retention>,
}

/// A usual retention, ready to post to `/contracts/{id}/retentions`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct RetentionPreset {
    pub key: String,
    pub retention: RetentionInput,
}

/// The usual retentions of Mexican works contracts.
pub fn retention_presets() -> Vec<RetentionPreset> {
    let preset = |key: &str, name: &str, value: &str| RetentionPreset {
        key: key.to_owned(),
        retention: RetentionInput {
            name: name.to_owned(),
            kind: RetentionKind::Percentage,
            base: RetentionBase::Gross,
            value: value.to_owned(),
        },
    };
    vec![
        preset(
            "cinco_al_millar",
            "5 al millar (inspección y vigilancia)",
            "0.5",
        ),
        preset("fondo_de_garantia", "Fondo de garantía", "5"),
        preset("dos_al_millar", "2 al millar (capacitación)", "0.2"),
    ]
}

/// Contracts of a tree: children, ancestors (root first) or every descendant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct ContractTree {
    pub items: Vec<ContractNode>,
}
