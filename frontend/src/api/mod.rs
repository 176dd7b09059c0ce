//! The only module that speaks HTTP: one function per endpoint of `/api/v1`.
//!
//! Functions take the access token they should send; renewing it when it expires is the
//! session's job (see `crate::session`), not theirs.

pub mod auth;
pub mod catalog;
pub mod contracts;
pub mod dashboard;
pub mod directory;
pub mod documents;
mod error;
pub mod estimates;
mod http;
pub mod imports;
pub mod me;
pub mod photos;

pub use error::{ApiError, SESSION_EXPIRED};
