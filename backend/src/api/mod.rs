//! The REST API under `/api/v1`: one `#[OpenApi]` impl per resource.

// poem-openapi takes each query parameter of a list as an argument of its handler.
#![allow(clippy::too_many_arguments)]

pub mod audit;
pub mod auth;
pub mod company_logo;
pub mod concepts;
pub mod contacts;
pub mod contracts;
pub mod counterparties;
pub mod documents;
pub mod estimates;
pub mod exports;
pub mod imports;
pub mod listing;
pub mod me;
pub mod members;
pub mod photos;
pub mod reports;
pub mod retentions;
pub mod signed_pdf;
pub mod sites;
pub mod units;

use poem_openapi::{ApiResponse, Tags};

pub use audit::AuditApi;
pub use auth::AuthApi;
pub use company_logo::CompanyLogoApi;
pub use concepts::ConceptsApi;
pub use contacts::ContactsApi;
pub use contracts::ContractsApi;
pub use counterparties::CounterpartiesApi;
pub use documents::DocumentsApi;
pub use estimates::EstimatesApi;
pub use exports::ExportsApi;
pub use imports::ImportsApi;
pub use me::MeApi;
pub use members::MembersApi;
pub use photos::PhotosApi;
pub use reports::ReportsApi;
pub use retentions::RetentionsApi;
pub use signed_pdf::SignedPdfApi;
pub use sites::SitesApi;
pub use units::UnitsApi;

#[derive(Tags)]
pub enum ApiTags {
    /// Logging in and keeping a session.
    Auth,
    /// The signed-in user: profile, companies, password.
    Me,
    /// Counterparties, their sites and contacts, and units of measure.
    Directory,
    /// Contracts and subcontracts of the active company.
    Contracts,
    /// The concepts and retentions of a contract.
    Catalog,
    /// Estimates: progress bills, their lines, take-offs, statements and audit trail.
    Estimates,
    /// The dashboard and reports across contracts.
    Reports,
    /// Printed documents and spreadsheets: PDFs, catalog import and export.
    Documents,
}

/// A success with nothing to say.
#[derive(ApiResponse)]
pub enum NoContent {
    /// Done.
    #[oai(status = 204)]
    Done,
}

/// A record made by the request, with its new id inside.
#[derive(ApiResponse)]
pub enum Created<T: poem_openapi::types::ToJSON> {
    /// Created.
    #[oai(status = 201)]
    Created(poem_openapi::payload::Json<T>),
}

/// An object store fault: a 500, with its cause in the log.
pub(crate) fn storage_failed(error: object_store::Error) -> crate::error::ApiError {
    crate::error::ApiError::Internal(anyhow::Error::new(error).context("object storage failed"))
}
