//! Who is calling: passwords, tokens, the tenancy guard and login rate limits.

pub mod guard;
pub mod password;
pub mod rate_limit;
pub mod tokens;

pub use guard::{Session, Tenant};
