//! `/contracts/{id}/signed-pdf`: the signed contract, kept in object storage.

use object_store::{ObjectStore, PutPayload, path::Path as ObjectPath};
use poem::web::Data;
use poem_openapi::{ApiRequest, ApiResponse, OpenApi, param::Path, payload::Binary};
use shared::Action;

use super::{ApiTags, NoContent, contracts::contract_for, storage_failed};
use crate::{
    app::AppState,
    auth::Session,
    db,
    error::{ApiError, ApiResult},
    storage,
};

/// Largest signed contract accepted: scans of long contracts run to a few megabytes.
pub const MAX_SIGNED_PDF_BYTES: usize = 20 * 1024 * 1024;

/// A PDF file as the request body.
#[derive(ApiRequest)]
pub enum PdfUpload {
    /// The file's bytes.
    #[oai(content_type = "application/pdf")]
    Pdf(Binary<Vec<u8>>),
}

/// A PDF file to download.
#[derive(ApiResponse)]
pub enum PdfFile {
    /// The file.
    #[oai(status = 200, content_type = "application/pdf")]
    Pdf(
        Binary<Vec<u8>>,
        /// `attachment; filename="contrato-<folio>-firmado.pdf"`.
        #[oai(header = "content-disposition")]
        String,
    ),
}

pub struct SignedPdfApi;

#[OpenApi(prefix_path = "/contracts", tag = "ApiTags::Contracts")]
impl SignedPdfApi {
    /// Attach the signed contract
    ///
    /// A PDF of at most 20 MiB, checked by its content, not its name. Replaces the one
    /// attached before.
    #[oai(
        path = "/:id/signed-pdf",
        method = "put",
        operation_id = "upload_signed_pdf"
    )]
    async fn upload(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        body: PdfUpload,
    ) -> ApiResult<NoContent> {
        let tenant = session.0;
        contract_for(&state, &tenant, id.0, Action::EditContract).await?;
        let PdfUpload::Pdf(Binary(bytes)) = body;
        check_pdf(&bytes)?;

        let key = storage::signed_contract_key(tenant.company_id, id.0);
        let size = bytes.len() as i64;
        state
            .storage
            .put(&key, PutPayload::from(bytes))
            .await
            .map_err(storage_failed)?;
        let mut tx = db::begin(&state.pool, &tenant).await?;
        let previous =
            db::contracts::set_signed_pdf(&mut *tx, &tenant, id.0, Some((key.as_ref(), size)))
                .await?;
        tx.commit().await?;
        forget(state.storage.as_ref(), previous).await;

        tracing::info!(contract.id = id.0, bytes = size, "signed contract attached");
        Ok(NoContent::Done)
    }

    /// Download the signed contract
    #[oai(
        path = "/:id/signed-pdf",
        method = "get",
        operation_id = "download_signed_pdf"
    )]
    async fn download(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<PdfFile> {
        let tenant = session.0;
        let found = contract_for(&state, &tenant, id.0, Action::ReadContract).await?;
        let key = db::contracts::signed_pdf_key(&state.pool, &tenant, id.0)
            .await?
            .ok_or_else(|| ApiError::NotFound("the contract has no signed PDF yet".into()))?;

        let object = state
            .storage
            .get(&ObjectPath::from(key))
            .await
            .map_err(storage_failed)?;
        let bytes = object.bytes().await.map_err(storage_failed)?;
        let name = format!(
            "attachment; filename=\"contrato-{}-firmado.pdf\"",
            found.contract.folio
        );
        Ok(PdfFile::Pdf(Binary(bytes.to_vec()), name))
    }

    /// Remove the signed contract
    #[oai(
        path = "/:id/signed-pdf",
        method = "delete",
        operation_id = "delete_signed_pdf"
    )]
    async fn remove(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<NoContent> {
        let tenant = session.0;
        contract_for(&state, &tenant, id.0, Action::EditContract).await?;
        let mut tx = db::begin(&state.pool, &tenant).await?;
        let previous = db::contracts::set_signed_pdf(&mut *tx, &tenant, id.0, None).await?;
        tx.commit().await?;
        forget(state.storage.as_ref(), previous).await;
        Ok(NoContent::Done)
    }
}

/// A PDF starts with `%PDF-` and ends with `%%EOF` (give or take trailing bytes).
fn check_pdf(bytes: &[u8]) -> ApiResult<()> {
    if bytes.len() > MAX_SIGNED_PDF_BYTES {
        return Err(ApiError::PayloadTooLarge(format!(
            "the file has {} bytes; the largest signed contract taken is {MAX_SIGNED_PDF_BYTES}",
            bytes.len()
        )));
    }
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let ends_well = tail.windows(5).any(|window| window == b"%%EOF");
    if !bytes.starts_with(b"%PDF-") || !ends_well {
        return Err(ApiError::invalid(
            "body",
            "the file is not a complete PDF; export or scan the signed contract as PDF",
        ));
    }
    Ok(())
}

/// Deletes a replaced file. A failure only leaves an orphan behind, so it is logged, not
/// reported to the user whose upload did succeed.
pub(super) async fn forget(storage: &dyn ObjectStore, key: Option<String>) {
    let Some(key) = key else { return };
    if let Err(error) = storage.delete(&ObjectPath::from(key.clone())).await {
        tracing::warn!(%error, object.key = key, "could not delete a replaced file; remove it");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_pdfs_pass() {
        assert!(check_pdf(b"%PDF-1.7\n...\n%%EOF\n").is_ok());
        assert!(check_pdf(b"%PDF-1.7\n... cut short").is_err());
        assert!(check_pdf(b"<html>%%EOF").is_err());
        assert!(check_pdf(b"").is_err());
    }
}
