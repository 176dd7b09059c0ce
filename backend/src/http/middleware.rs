//! Every request gets an id (kept from `x-request-id` when the client sends a sane one), a
//! tracing span, one log line when it ends, and errors rendered as problem+json.

use std::time::Instant;

use poem::{Endpoint, IntoResponse, Middleware, Request, Response, http::HeaderValue};
use shared::problem::Problem;
use tracing::Instrument;
use uuid::Uuid;

use crate::error::{ApiError, problem_kind, problem_response, status_title};

pub const REQUEST_ID_HEADER: &str = "x-request-id";

pub struct RequestContext;

impl<E: Endpoint> Middleware<E> for RequestContext {
    type Output = RequestContextEndpoint<E>;

    fn transform(&self, inner: E) -> Self::Output {
        RequestContextEndpoint { inner }
    }
}

pub struct RequestContextEndpoint<E> {
    inner: E,
}

impl<E: Endpoint> Endpoint for RequestContextEndpoint<E> {
    type Output = Response;

    async fn call(&self, request: Request) -> poem::Result<Response> {
        let request_id =
            incoming_request_id(&request).unwrap_or_else(|| Uuid::new_v4().to_string());
        let span = tracing::info_span!(
            "request",
            request.id = %request_id,
            http.method = %request.method(),
            http.path = %request.uri().path(),
        );

        async move {
            let started = Instant::now();
            let mut response = match self.inner.call(request).await {
                Ok(output) => output.into_response(),
                Err(error) => error_response(error, &request_id),
            };

            let headers = response.headers_mut();
            if let Ok(value) = HeaderValue::from_str(&request_id) {
                headers.insert(REQUEST_ID_HEADER, value);
            }
            headers.insert(
                "x-content-type-options",
                HeaderValue::from_static("nosniff"),
            );

            tracing::info!(
                http.status = response.status().as_u16(),
                latency_ms = started.elapsed().as_millis() as u64,
                "request finished"
            );
            Ok(response)
        }
        .instrument(span)
        .await
    }
}

/// A client's own request id, if it is short and printable (it goes into logs).
fn incoming_request_id(request: &Request) -> Option<String> {
    let value = request.header(REQUEST_ID_HEADER)?;
    let sane = !value.is_empty()
        && value.len() <= 64
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    sane.then(|| value.to_owned())
}

/// Renders any error as problem+json. Internal causes are logged here, once, and hidden.
fn error_response(error: poem::Error, request_id: &str) -> Response {
    let (mut problem, retry_after) = match error.downcast_ref::<ApiError>() {
        Some(api_error) => {
            if let ApiError::Internal(cause) = api_error {
                tracing::error!(error = format!("{cause:#}"), "request failed");
            }
            let retry_after = match api_error {
                ApiError::TooManyRequests { retry_after_secs } => Some(*retry_after_secs),
                _ => None,
            };
            (api_error.to_problem(), retry_after)
        }
        None => (framework_problem(&error), None),
    };
    problem.request_id = Some(request_id.to_owned());
    problem_response(&problem, retry_after)
}

/// Errors raised by poem itself: malformed bodies, unknown routes, missing credentials.
fn framework_problem(error: &poem::Error) -> Problem {
    let status = error.status();
    let detail = if status.is_server_error() {
        tracing::error!(error = %error, "request failed");
        "something went wrong on our side; quote the request id to support".to_owned()
    } else {
        error.to_string()
    };
    Problem {
        kind: format!("/problems/{}", problem_kind(status)),
        title: status_title(status).to_owned(),
        status: status.as_u16(),
        detail: Some(detail),
        request_id: None,
        errors: Vec::new(),
    }
}
