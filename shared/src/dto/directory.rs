//! The company's directory: counterparties ("contrapartes"), their sites and contacts, and
//! the units of measure of its catalogs.

use serde::{Deserialize, Serialize};

/// What the other party of a contract is to the company.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Enum))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "server", oai(rename_all = "snake_case"))]
pub enum CounterpartyKind {
    /// "Cliente": pays the company; the counterparty of a top-level contract.
    Client,
    /// "Destajista": a piece-worker the company pays.
    PieceWorker,
    /// "Subcontratista": a subcontractor the company pays.
    Subcontractor,
}

impl CounterpartyKind {
    pub const ALL: [CounterpartyKind; 3] = [
        CounterpartyKind::Client,
        CounterpartyKind::PieceWorker,
        CounterpartyKind::Subcontractor,
    ];

    /// The value stored in the database and sent in JSON.
    pub fn key(self) -> &'static str {
        match self {
            CounterpartyKind::Client => "client",
            CounterpartyKind::PieceWorker => "piece_worker",
            CounterpartyKind::Subcontractor => "subcontractor",
        }
    }

    pub fn from_key(key: &str) -> Option<CounterpartyKind> {
        CounterpartyKind::ALL
            .into_iter()
            .find(|kind| kind.key() == key)
    }

    /// The name shown to users, in Spanish.
    pub fn label(self) -> &'static str {
        match self {
            CounterpartyKind::Client => "Cliente",
            CounterpartyKind::PieceWorker => "Destajista",
            CounterpartyKind::Subcontractor => "Subcontratista",
        }
    }
}

/// A counterparty of the active company.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct Counterparty {
    pub id: i64,
    pub kind: CounterpartyKind,
    /// The name used in lists and documents.
    pub name: String,
    /// "Razón social", as printed on invoices.
    pub legal_name: String,
    /// "RFC".
    pub tax_id: String,
}

/// Body to create or replace a counterparty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct CounterpartyInput {
    pub kind: CounterpartyKind,
    /// 1 to 200 characters, unique in the company regardless of case.
    pub name: String,
    /// Up to 300 characters.
    #[serde(default)]
    #[cfg_attr(feature = "server", oai(default))]
    pub legal_name: String,
    /// Up to 20 characters.
    #[serde(default)]
    #[cfg_attr(feature = "server", oai(default))]
    pub tax_id: String,
}

/// A page of counterparties.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct CounterpartyPage {
    pub items: Vec<Counterparty>,
    /// How many match, across all pages.
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

/// Where work happens ("sitio", "ubicación"); belongs to a client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object, sqlx::FromRow))]
pub struct Site {
    pub id: i64,
    pub counterparty_id: i64,
    pub counterparty_name: String,
    pub name: String,
    pub address: String,
}

/// Body to create or replace a site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct SiteInput {
    /// A counterparty of kind `client`.
    pub counterparty_id: i64,
    /// 1 to 200 characters.
    pub name: String,
    /// Up to 500 characters.
    #[serde(default)]
    #[cfg_attr(feature = "server", oai(default))]
    pub address: String,
}

/// A page of sites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct SitePage {
    pub items: Vec<Site>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

/// A person at a counterparty who signs or receives documents ("destinatario").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object, sqlx::FromRow))]
pub struct Contact {
    pub id: i64,
    pub counterparty_id: i64,
    pub counterparty_name: String,
    pub name: String,
    /// Printed under the signature, e.g. "Residente de supervisión".
    pub position: String,
    pub email: String,
    pub phone: String,
}

/// Body to create or replace a contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct ContactInput {
    pub counterparty_id: i64,
    /// 1 to 200 characters.
    pub name: String,
    #[serde(default)]
    #[cfg_attr(feature = "server", oai(default))]
    pub position: String,
    #[serde(default)]
    #[cfg_attr(feature = "server", oai(default))]
    pub email: String,
    #[serde(default)]
    #[cfg_attr(feature = "server", oai(default))]
    pub phone: String,
}

/// A page of contacts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct ContactPage {
    pub items: Vec<Contact>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

/// A unit of measure ("unidad"): m3, kg, pza, lote…
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object, sqlx::FromRow))]
pub struct Unit {
    pub id: i64,
    pub name: String,
    pub description: String,
}

/// Body to create or replace a unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct UnitInput {
    /// 1 to 30 characters, unique in the company regardless of case.
    pub name: String,
    #[serde(default)]
    #[cfg_attr(feature = "server", oai(default))]
    pub description: String,
}

/// A page of units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct UnitPage {
    pub items: Vec<Unit>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}
