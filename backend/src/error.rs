//! The one error type handlers return, and its RFC 9457 problem+json form.
//!
//! Variants are the outcomes a client sees. Internal causes become an opaque 500, logged once
//! by the request middleware with their cause chain.

use poem::{Response, error::ResponseError, http::StatusCode};
use poem_openapi::{
    ApiResponse,
    registry::{MetaMediaType, MetaResponse, MetaResponses, Registry},
    types::{ToJSON, Type},
};
use shared::problem::{FieldError, Problem};

pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Unauthorized(String),
    #[error("{0}")]
    Forbidden(String),
    /// Also what a record of another company or customer answers: it must not leak.
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    PayloadTooLarge(String),
    #[error("{detail}")]
    Validation {
        detail: String,
        errors: Vec<FieldError>,
    },
    #[error("too many attempts; try again in {retry_after_secs} seconds")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    /// A 422 for one field.
    pub fn invalid(field: &str, message: impl Into<String>) -> ApiError {
        ApiError::Validation {
            detail: format!("{field} is not valid"),
            errors: vec![FieldError {
                field: field.to_owned(),
                message: message.into(),
            }],
        }
    }

    /// A 422 for every field a [`shared::validate::Checks`] found at fault.
    pub fn fields(errors: Vec<FieldError>) -> ApiError {
        let names: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
        ApiError::Validation {
            detail: format!("fix these fields: {}", names.join(", ")),
            errors,
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The problem document, without the request id (the middleware adds it).
    pub fn to_problem(&self) -> Problem {
        let status = self.status();
        let (kind, errors) = match self {
            ApiError::Validation { errors, .. } => ("validation", errors.clone()),
            ApiError::TooManyRequests { .. } => ("rate-limited", Vec::new()),
            _ => (problem_kind(status), Vec::new()),
        };
        let detail = match self {
            ApiError::Internal(_) => {
                "something went wrong on our side; quote the request id to support".to_owned()
            }
            other => other.to_string(),
        };
        Problem {
            kind: format!("/problems/{kind}"),
            title: status_title(status).to_owned(),
            status: status.as_u16(),
            detail: Some(detail),
            request_id: None,
            errors,
        }
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> Self {
        ApiError::Internal(error.into())
    }
}

impl From<Vec<FieldError>> for ApiError {
    fn from(errors: Vec<FieldError>) -> Self {
        ApiError::fields(errors)
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(error: anyhow::Error) -> Self {
        ApiError::Internal(error)
    }
}

/// The `type` of a problem that has no more specific kind than its status.
pub fn problem_kind(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "bad-request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        409 => "conflict",
        413 => "payload-too-large",
        415 => "unsupported-media-type",
        422 => "validation",
        429 => "rate-limited",
        503 => "unavailable",
        _ if status.is_server_error() => "internal",
        _ => "error",
    }
}

pub fn status_title(status: StatusCode) -> &'static str {
    status.canonical_reason().unwrap_or("Error")
}

/// Renders a problem document as a response.
pub fn problem_response(problem: &Problem, retry_after_secs: Option<u64>) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = problem.to_json_string();
    let mut builder = Response::builder()
        .status(status)
        .content_type(PROBLEM_CONTENT_TYPE);
    if let Some(seconds) = retry_after_secs {
        builder = builder.header("retry-after", seconds.to_string());
    }
    builder.body(body)
}

impl ResponseError for ApiError {
    fn status(&self) -> StatusCode {
        ApiError::status(self)
    }

    fn as_response(&self) -> Response {
        let retry_after = match self {
            ApiError::TooManyRequests { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        };
        problem_response(&self.to_problem(), retry_after)
    }
}

/// Documents every error status once per operation, all as problem+json.
impl ApiResponse for ApiError {
    fn meta() -> MetaResponses {
        let documented: [(u16, &'static str); 9] = [
            (
                400,
                "The request is malformed (bad JSON, wrong types, missing fields).",
            ),
            (401, "No valid access token, or wrong credentials."),
            (403, "The user's access level does not allow this."),
            (404, "No such record in the active company."),
            (409, "The request conflicts with the record's state."),
            (413, "The body is larger than this operation takes."),
            (422, "A field is not valid; `errors` names each one."),
            (429, "Too many attempts; wait the seconds in Retry-After."),
            (500, "An internal error; quote the request id to support."),
        ];
        let responses = documented
            .into_iter()
            .map(|(status, description)| MetaResponse {
                description,
                status: Some(status),
                status_range: None,
                content: vec![MetaMediaType {
                    content_type: PROBLEM_CONTENT_TYPE,
                    schema: Problem::schema_ref(),
                }],
                headers: vec![],
            })
            .collect();
        MetaResponses { responses }
    }

    fn register(registry: &mut Registry) {
        Problem::register(registry);
    }
}
