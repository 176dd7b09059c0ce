//! `/company/logo`: the active company's logo, printed at the head of its documents.

use poem::web::Data;
use poem_openapi::{ApiRequest, OpenApi, payload::Binary};
use shared::Action;

use super::{ApiTags, NoContent, photos::photo_refused, signed_pdf::forget, storage_failed};
use crate::{app::AppState, auth::Session, db, error::ApiResult, photos, storage};

/// A logo as the request body; its type is checked by decoding it.
#[derive(ApiRequest)]
pub enum LogoUpload {
    #[oai(content_type = "image/png")]
    Png(Binary<Vec<u8>>),
    #[oai(content_type = "image/jpeg")]
    Jpeg(Binary<Vec<u8>>),
}

pub struct CompanyLogoApi;

#[OpenApi(prefix_path = "/company", tag = "ApiTags::Documents")]
impl CompanyLogoApi {
    /// Set the active company's logo
    ///
    /// PNG or JPEG, checked by decoding it; kept as PNG at most 600 pixels on its longest
    /// side. It heads every PDF the company prints from then on. Directors and up.
    #[oai(path = "/logo", method = "put", operation_id = "set_company_logo")]
    async fn set_logo(
        &self,
        state: Data<&AppState>,
        session: Session,
        body: LogoUpload,
    ) -> ApiResult<NoContent> {
        let tenant = session.0;
        tenant.require(Action::ManageCompanies, false)?;
        let (LogoUpload::Png(Binary(bytes)) | LogoUpload::Jpeg(Binary(bytes))) = body;

        let png = tokio::task::spawn_blocking(move || photos::prepare_logo(&bytes))
            .await
            .map_err(anyhow::Error::from)?
            .map_err(photo_refused)?;
        let key = storage::logo_key(tenant.company_id);
        state
            .storage
            .put(&key, png.into())
            .await
            .map_err(storage_failed)?;

        let mut tx = db::begin(&state.pool, &tenant).await?;
        let previous = db::documents::set_logo(&mut *tx, &tenant, Some(key.as_ref())).await?;
        tx.commit().await?;
        forget(state.storage.as_ref(), previous).await;
        tracing::info!(company.id = tenant.company_id, "company logo set");
        Ok(NoContent::Done)
    }

    /// Remove the active company's logo
    #[oai(
        path = "/logo",
        method = "delete",
        operation_id = "delete_company_logo"
    )]
    async fn delete_logo(&self, state: Data<&AppState>, session: Session) -> ApiResult<NoContent> {
        let tenant = session.0;
        tenant.require(Action::ManageCompanies, false)?;

        let mut tx = db::begin(&state.pool, &tenant).await?;
        let previous = db::documents::set_logo(&mut *tx, &tenant, None).await?;
        tx.commit().await?;
        forget(state.storage.as_ref(), previous).await;
        Ok(NoContent::Done)
    }
}
