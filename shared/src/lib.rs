//! What the Construbot server and browser must agree on, compiled into both.
//!
//! Target-neutral on purpose: it builds for the host and for `wasm32-unknown-unknown`.
//! The `server` feature adds OpenAPI schema derives that only the backend needs.

pub mod access;
pub mod billing;
pub mod dto;
pub mod format;
pub mod money;
pub mod problem;
pub mod validate;

pub use access::{AccessLevel, Action};
