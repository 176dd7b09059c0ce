//! Request and response bodies of the public API.

pub mod auth;
pub mod contract;
pub mod directory;
pub mod me;
pub mod statement;

pub use auth::*;
pub use contract::*;
pub use directory::*;
pub use me::*;
pub use statement::*;
