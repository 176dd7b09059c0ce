//! RFC 9457 problem details, the body of every error the API returns.

use serde::{Deserialize, Serialize};

/// An error, as RFC 9457 "problem details" (`application/problem+json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct Problem {
    /// A URI reference naming the kind of problem, e.g. `/problems/validation`.
    #[serde(rename = "type")]
    #[cfg_attr(feature = "server", oai(rename = "type"))]
    pub kind: String,
    /// A short summary of the kind of problem, the same for every occurrence.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong this time and, where it helps, what to do about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The request id (also in the `x-request-id` header), to quote to support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// One entry per field at fault, for validation problems.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "server", oai(skip_serializing_if_is_empty, default))]
    pub errors: Vec<FieldError>,
}

/// One field at fault in a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct FieldError {
    /// The field's name as sent, e.g. `email` or `concepts[3].unit_price`.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}
