//! The REST API under `/api/v1`: one `#[OpenApi]` impl per resource.

pub mod auth;
pub mod contracts;
pub mod me;

use poem_openapi::{ApiResponse, Tags};

pub use auth::AuthApi;
pub use contracts::ContractsApi;
pub use me::MeApi;

#[derive(Tags)]
pub enum ApiTags {
    /// Logging in and keeping a session.
    Auth,
    /// The signed-in user: profile, companies, password.
    Me,
    /// Contracts and subcontracts of the active company.
    Contracts,
}

/// A success with nothing to say.
#[derive(ApiResponse)]
pub enum NoContent {
    /// Done.
    #[oai(status = 204)]
    Done,
}
