//! Sending a request and turning the answer into a value or an [`ApiError`].

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use shared::problem::Problem;
use web_sys::FormData;

use super::ApiError;

/// Adds `Authorization: Bearer <token>`.
pub(super) fn authorized(builder: RequestBuilder, access_token: &str) -> RequestBuilder {
    builder.header("Authorization", &format!("Bearer {access_token}"))
}

/// Finishes a request that carries a JSON body.
pub(super) fn with_json<B: Serialize>(
    builder: RequestBuilder,
    body: &B,
) -> Result<Request, ApiError> {
    builder
        .header("Accept", "application/json")
        .json(body)
        .map_err(|error| ApiError::Unexpected(error.to_string()))
}

/// Finishes a request without a body.
pub(super) fn without_body(builder: RequestBuilder) -> Result<Request, ApiError> {
    builder
        .header("Accept", "application/json")
        .build()
        .map_err(|error| ApiError::Unexpected(error.to_string()))
}

/// `GET url?params` with the token, reading a JSON answer.
pub(super) async fn get_json<T: DeserializeOwned>(
    access_token: &str,
    url: &str,
    params: Vec<(&str, String)>,
) -> Result<T, ApiError> {
    let builder = Request::get(url).query(params.iter().map(|(key, value)| (*key, value)));
    receive_json(without_body(authorized(builder, access_token))?).await
}

/// `POST url` with a JSON body, reading a JSON answer.
pub(super) async fn post_json<B: Serialize, T: DeserializeOwned>(
    access_token: &str,
    url: &str,
    body: &B,
) -> Result<T, ApiError> {
    let request = with_json(authorized(Request::post(url), access_token), body)?;
    receive_json(request).await
}

/// `PUT url` with a JSON body, reading a JSON answer.
pub(super) async fn put_json<B: Serialize, T: DeserializeOwned>(
    access_token: &str,
    url: &str,
    body: &B,
) -> Result<T, ApiError> {
    let request = with_json(authorized(Request::put(url), access_token), body)?;
    receive_json(request).await
}

/// `DELETE url`, expecting no body back.
pub(super) async fn delete(access_token: &str, url: &str) -> Result<(), ApiError> {
    let request = without_body(authorized(Request::delete(url), access_token))?;
    receive_nothing(request).await
}

/// `GET url` with the token, reading the answer's bytes (a photo, say).
pub(super) async fn get_bytes(access_token: &str, url: &str) -> Result<Vec<u8>, ApiError> {
    let request = authorized(Request::get(url), access_token)
        .build()
        .map_err(|error| ApiError::Unexpected(error.to_string()))?;
    let response = send(request).await?;
    response
        .binary()
        .await
        .map_err(|error| ApiError::Unexpected(error.to_string()))
}

/// `POST url?params` with a `multipart/form-data` body, reading a JSON answer. The browser
/// writes the content type itself, with the boundary between the parts.
pub(super) async fn post_form<T: DeserializeOwned>(
    access_token: &str,
    url: &str,
    params: Vec<(&str, String)>,
    form: &FormData,
) -> Result<T, ApiError> {
    let builder = Request::post(url).query(params.iter().map(|(key, value)| (*key, value)));
    let request = authorized(builder, access_token)
        .header("Accept", "application/json")
        .body(form)
        .map_err(|error| ApiError::Unexpected(error.to_string()))?;
    receive_json(request).await
}

/// `GET url?params` with the token, for a file: the answer itself, whose headers name it.
pub(super) async fn get_file(
    access_token: &str,
    url: &str,
    params: Vec<(&str, String)>,
) -> Result<Response, ApiError> {
    let builder = Request::get(url).query(params.iter().map(|(key, value)| (*key, value)));
    let request = authorized(builder, access_token)
        .build()
        .map_err(|error| ApiError::Unexpected(error.to_string()))?;
    send(request).await
}

/// Sends the request and reads a JSON answer.
pub(super) async fn receive_json<T: DeserializeOwned>(request: Request) -> Result<T, ApiError> {
    let response = send(request).await?;
    response
        .json::<T>()
        .await
        .map_err(|error| ApiError::Unexpected(error.to_string()))
}

/// Sends the request and expects an answer without a body (e.g. 204).
pub(super) async fn receive_nothing(request: Request) -> Result<(), ApiError> {
    send(request).await.map(|_| ())
}

async fn send(request: Request) -> Result<Response, ApiError> {
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    if response.ok() {
        Ok(response)
    } else {
        Err(problem_from(response).await)
    }
}

/// Reads an error answer.
async fn problem_from(response: Response) -> ApiError {
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|seconds| seconds.trim().parse().ok());
    let body = response.text().await.unwrap_or_default();
    problem_of(
        response.status(),
        response.status_text(),
        retry_after,
        &body,
    )
}

/// The error an answer with status `status` and `body` stands for. A body that is not
/// problem+json (a proxy's HTML page, say) still yields a problem with the right status.
pub(super) fn problem_of(
    status: u16,
    status_text: String,
    retry_after: Option<u64>,
    body: &str,
) -> ApiError {
    let mut problem = serde_json::from_str::<Problem>(body).unwrap_or_else(|_| Problem {
        kind: "about:blank".to_string(),
        title: status_text,
        status,
        detail: None,
        request_id: None,
        errors: Vec::new(),
    });
    problem.status = status;
    ApiError::Problem {
        problem: Box::new(problem),
        retry_after,
    }
}
