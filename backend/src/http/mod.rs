//! HTTP plumbing around the API: request ids and problem bodies, the SPA, health checks.

pub mod health;
pub mod middleware;
pub mod session;
pub mod spa;
