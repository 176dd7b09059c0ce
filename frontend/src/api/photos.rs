//! `/api/v1/estimates/{id}/photos` and `/api/v1/photos/{id}`: photos of the work, by line.
//!
//! Uploads go through `XMLHttpRequest`, the only browser API that reports how much of a
//! request body has been sent.

use std::cell::RefCell;
use std::rc::Rc;

use futures::channel::oneshot;
use shared::dto::{Photo, PhotoList};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Blob, BlobPropertyBag, File, ProgressEvent, Url, XmlHttpRequest};

use super::ApiError;
use super::http::{delete, get_bytes, get_json, problem_of};

/// The types the server takes; anything else is refused before sending.
pub const PHOTO_TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];

fn one(id: i64) -> String {
    format!("/api/v1/photos/{id}")
}

/// `GET /api/v1/estimates/{id}/photos`.
pub async fn list_photos(access_token: String, estimate_id: i64) -> Result<PhotoList, ApiError> {
    let url = format!("/api/v1/estimates/{estimate_id}/photos");
    get_json(&access_token, &url, Vec::new()).await
}

/// `DELETE /api/v1/photos/{id}`: 409 once the estimate is invoiced.
pub async fn delete_photo(access_token: String, id: i64) -> Result<(), ApiError> {
    delete(&access_token, &one(id)).await
}

/// `GET /api/v1/photos/{id}` as an object URL for an `<img>`: the photo needs the token,
/// which an `src` cannot send. The caller revokes it with [`forget_photo_url`].
pub async fn photo_url(access_token: String, id: i64) -> Result<String, ApiError> {
    let bytes = get_bytes(&access_token, &one(id)).await?;

    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
    let options = BlobPropertyBag::new();
    options.set_type("image/jpeg");
    Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .and_then(|blob| Url::create_object_url_with_blob(&blob))
        .map_err(unexpected)
}

/// Frees what [`photo_url`] made.
pub fn forget_photo_url(url: &str) {
    // Revoking only fails for a URL that is not an object URL; nothing is held then.
    let _ = Url::revoke_object_url(url);
}

/// `POST /api/v1/estimates/{id}/lines/{concept_id}/photos` with the file as the body;
/// `progress` gets the share sent so far, from 0 to 1.
pub async fn upload_photo(
    access_token: String,
    estimate_id: i64,
    concept_id: i64,
    file: File,
    progress: impl Fn(f64) + 'static,
) -> Result<Photo, ApiError> {
    let content_type = file.type_();
    if !PHOTO_TYPES.contains(&content_type.as_str()) {
        return Err(ApiError::invalid("body", "elige una foto JPEG, PNG o WebP"));
    }
    let url = format!("/api/v1/estimates/{estimate_id}/lines/{concept_id}/photos");
    let request = XmlHttpRequest::new().map_err(unexpected)?;
    request
        .open_with_async("POST", &url, true)
        .map_err(unexpected)?;
    for (name, value) in [
        ("Authorization", format!("Bearer {access_token}")),
        ("Content-Type", content_type),
        ("Accept", "application/json".to_string()),
    ] {
        request
            .set_request_header(name, &value)
            .map_err(unexpected)?;
    }

    let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |event: ProgressEvent| {
        if event.length_computable() && event.total() > 0.0 {
            progress(event.loaded() / event.total());
        }
    });
    request
        .upload()
        .map_err(unexpected)?
        .set_onprogress(Some(on_progress.as_ref().unchecked_ref()));

    // `loadend` comes once, after success, failure or abort alike.
    let (finished, ended) = oneshot::channel::<()>();
    let finished = Rc::new(RefCell::new(Some(finished)));
    let on_end = Closure::<dyn FnMut()>::new(move || {
        if let Some(finished) = finished.borrow_mut().take() {
            let _ = finished.send(());
        }
    });
    request.set_onloadend(Some(on_end.as_ref().unchecked_ref()));

    request
        .send_with_opt_blob(Some(&file))
        .map_err(unexpected)?;
    let _ = ended.await;
    // The handlers must live until the request is over.
    drop((on_progress, on_end));

    answer(&request)
}

/// The photo the server created, or its refusal.
fn answer(request: &XmlHttpRequest) -> Result<Photo, ApiError> {
    let status = request.status().map_err(unexpected)?;
    let body = request
        .response_text()
        .map_err(unexpected)?
        .unwrap_or_default();
    match status {
        // No answer at all: offline, or the server went away.
        0 => Err(ApiError::Network),
        200..=299 => {
            serde_json::from_str(&body).map_err(|error| ApiError::Unexpected(error.to_string()))
        }
        _ => {
            let status_text = request.status_text().unwrap_or_default();
            let retry_after = request
                .get_response_header("retry-after")
                .ok()
                .flatten()
                .and_then(|seconds| seconds.trim().parse().ok());
            Err(problem_of(status, status_text, retry_after, &body))
        }
    }
}

fn unexpected(error: wasm_bindgen::JsValue) -> ApiError {
    ApiError::Unexpected(format!("{error:?}"))
}
