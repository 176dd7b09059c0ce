//! `/api/v1/contracts/{id}/concepts/import` and `…/retentions/import`: catalogs read from
//! a spreadsheet. With `dry_run` the server only says what it found; without it, it writes
//! every row or, when any row is at fault, none (422).

use serde::de::DeserializeOwned;
use shared::dto::{ConceptImport, RetentionImport};
use web_sys::{File, FormData};

use super::ApiError;
use super::http::post_form;

/// What the file input offers; the server reads these and refuses anything else.
pub const SHEET_TYPES: &str = ".xlsx,.xls,.ods";

/// `POST /api/v1/contracts/{id}/concepts/import?dry_run=`.
pub async fn import_concepts(
    access_token: String,
    contract_id: i64,
    file: File,
    dry_run: bool,
) -> Result<ConceptImport, ApiError> {
    let url = format!("/api/v1/contracts/{contract_id}/concepts/import");
    upload(&access_token, &url, &file, dry_run).await
}

/// `POST /api/v1/contracts/{id}/retentions/import?dry_run=`.
pub async fn import_retentions(
    access_token: String,
    contract_id: i64,
    file: File,
    dry_run: bool,
) -> Result<RetentionImport, ApiError> {
    let url = format!("/api/v1/contracts/{contract_id}/retentions/import");
    upload(&access_token, &url, &file, dry_run).await
}

/// Sends the file as the form's one part, `file`, under its own name.
async fn upload<T: DeserializeOwned>(
    access_token: &str,
    url: &str,
    file: &File,
    dry_run: bool,
) -> Result<T, ApiError> {
    let form = FormData::new().map_err(unexpected)?;
    form.append_with_blob_and_filename("file", file, &file.name())
        .map_err(unexpected)?;

    let params = vec![("dry_run", dry_run.to_string())];
    post_form(access_token, url, params, &form).await
}

fn unexpected(error: wasm_bindgen::JsValue) -> ApiError {
    ApiError::Unexpected(format!("{error:?}"))
}
