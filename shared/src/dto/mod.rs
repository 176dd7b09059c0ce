//! Request and response bodies of the public API.

pub mod auth;
pub mod contract;
pub mod dashboard;
pub mod directory;
pub mod estimate;
pub mod import;
pub mod me;
pub mod statement;

pub use auth::*;
pub use contract::*;
pub use dashboard::*;
pub use directory::*;
pub use estimate::*;
pub use import::*;
pub use me::*;
pub use statement::*;
