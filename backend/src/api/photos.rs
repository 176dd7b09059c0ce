//! Photos of estimate lines: `/estimates/{id}/lines/{concept_id}/photos`, `/photos/{id}`,
//! and `/storage-usage`.

use object_store::{PutPayload, path::Path as ObjectPath};
use poem::web::Data;
use poem_openapi::{ApiRequest, ApiResponse, OpenApi, param::Path, payload::Binary, payload::Json};
use shared::{
    Action,
    dto::{Photo, PhotoList, StorageUsage},
};

use super::{ApiTags, Created, NoContent, contracts::contract_for, storage_failed};
use crate::{
    app::AppState,
    auth::{Session, Tenant},
    db::{self, photos::NewPhoto},
    error::{ApiError, ApiResult},
    photos::{self, PhotoError},
    storage,
};

/// A photo as the request body; its type is checked by decoding it.
#[derive(ApiRequest)]
pub enum PhotoUpload {
    #[oai(content_type = "image/jpeg")]
    Jpeg(Binary<Vec<u8>>),
    #[oai(content_type = "image/png")]
    Png(Binary<Vec<u8>>),
    #[oai(content_type = "image/webp")]
    Webp(Binary<Vec<u8>>),
}

/// A stored photo.
#[derive(ApiResponse)]
pub enum PhotoFile {
    /// The photo, as JPEG.
    #[oai(status = 200, content_type = "image/jpeg")]
    Jpeg(Binary<Vec<u8>>),
}

pub struct PhotosApi;

#[OpenApi(tag = "ApiTags::Estimates")]
impl PhotosApi {
    /// Add a photo to an estimate line
    ///
    /// JPEG, PNG or WebP of at most 15 MiB, checked by its content. It is stored upright,
    /// at most 2048 pixels on its longest side, as JPEG without its metadata.
    #[oai(
        path = "/estimates/:id/lines/:concept_id/photos",
        method = "post",
        operation_id = "upload_photo"
    )]
    async fn upload(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        concept_id: Path<i64>,
        body: PhotoUpload,
    ) -> ApiResult<Created<Photo>> {
        let tenant = session.0;
        let estimate = editable_estimate(&state, &tenant, id.0).await?;
        db::concepts::find(&state.pool, &tenant, estimate.contract_id, concept_id.0)
            .await?
            .ok_or_else(|| ApiError::NotFound("no such concept in this contract".into()))?;
        let (PhotoUpload::Jpeg(Binary(bytes))
        | PhotoUpload::Png(Binary(bytes))
        | PhotoUpload::Webp(Binary(bytes))) = body;

        // Decoding and scaling take a core for a moment; keep them off the request threads.
        let prepared = tokio::task::spawn_blocking(move || photos::prepare(&bytes))
            .await
            .map_err(anyhow::Error::from)?
            .map_err(photo_refused)?;
        let key = storage::photo_key(tenant.company_id, id.0);
        let size = prepared.jpeg.len() as i64;
        state
            .storage
            .put(&key, PutPayload::from(prepared.jpeg))
            .await
            .map_err(storage_failed)?;

        let photo = NewPhoto {
            estimate_id: id.0,
            contract_id: estimate.contract_id,
            concept_id: concept_id.0,
            object_key: key.as_ref(),
            width: prepared.width as i32,
            height: prepared.height as i32,
            bytes: size,
        };
        let photo_id = db::photos::insert(&state.pool, &tenant, &photo).await?;
        let (created, _) = db::photos::find(&state.pool, &tenant, photo_id)
            .await?
            .ok_or_else(not_found)?;
        Ok(Created::Created(Json(created)))
    }

    /// The photos of an estimate
    #[oai(
        path = "/estimates/:id/photos",
        method = "get",
        operation_id = "list_photos"
    )]
    async fn list(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<Json<PhotoList>> {
        let tenant = session.0;
        visible_estimate(&state, &tenant, id.0, Action::ReadContract).await?;
        let items = db::photos::list(&state.pool, id.0).await?;
        Ok(Json(PhotoList { items }))
    }

    /// Download a photo
    #[oai(path = "/photos/:id", method = "get", operation_id = "download_photo")]
    async fn download(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<PhotoFile> {
        let tenant = session.0;
        let (photo, key) = db::photos::find(&state.pool, &tenant, id.0)
            .await?
            .ok_or_else(not_found)?;
        visible_estimate(&state, &tenant, photo.estimate_id, Action::ReadContract).await?;

        let object = state
            .storage
            .get(&ObjectPath::from(key))
            .await
            .map_err(storage_failed)?;
        let bytes = object.bytes().await.map_err(storage_failed)?;
        Ok(PhotoFile::Jpeg(Binary(bytes.to_vec())))
    }

    /// Delete a photo
    #[oai(path = "/photos/:id", method = "delete", operation_id = "delete_photo")]
    async fn delete(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<NoContent> {
        let tenant = session.0;
        let (photo, key) = db::photos::find(&state.pool, &tenant, id.0)
            .await?
            .ok_or_else(not_found)?;
        editable_estimate(&state, &tenant, photo.estimate_id).await?;

        db::photos::delete(&state.pool, &tenant, id.0).await?;
        if let Err(error) = state.storage.delete(&ObjectPath::from(key.clone())).await {
            tracing::warn!(%error, object.key = key, "could not delete a photo's file; remove it");
        }
        Ok(NoContent::Done)
    }

    /// Storage the customer's files take
    #[oai(
        path = "/storage-usage",
        method = "get",
        operation_id = "get_storage_usage"
    )]
    async fn usage(
        &self,
        state: Data<&AppState>,
        session: Session,
    ) -> ApiResult<Json<StorageUsage>> {
        let (photo_bytes, signed_contract_bytes) =
            db::photos::customer_usage(&state.pool, &session.0).await?;
        Ok(Json(StorageUsage {
            photo_bytes,
            signed_contract_bytes,
            total_bytes: photo_bytes + signed_contract_bytes,
        }))
    }
}

/// The estimate, if the tenant may see its contract and do `action` there.
async fn visible_estimate(
    state: &AppState,
    tenant: &Tenant,
    id: i64,
    action: Action,
) -> ApiResult<shared::dto::Estimate> {
    let estimate = db::estimates::find(&state.pool, tenant, id)
        .await?
        .ok_or_else(not_found)?;
    let contract = contract_for(state, tenant, estimate.contract_id, Action::ReadContract)
        .await
        .map_err(|_| not_found())?;
    tenant.require(action, contract.assigned)?;
    Ok(estimate)
}

/// The estimate, if the tenant may edit it and it is not locked.
async fn editable_estimate(
    state: &AppState,
    tenant: &Tenant,
    id: i64,
) -> ApiResult<shared::dto::Estimate> {
    let estimate = visible_estimate(state, tenant, id, Action::EditEstimate).await?;
    if estimate.invoiced_on.is_some() {
        return Err(ApiError::Conflict(
            "the estimate is invoiced and locked; a director may unlock it with a reason".into(),
        ));
    }
    Ok(estimate)
}

pub(super) fn photo_refused(error: PhotoError) -> ApiError {
    match error {
        PhotoError::TooLarge(_) => ApiError::PayloadTooLarge(error.to_string()),
        other => ApiError::invalid("body", other.to_string()),
    }
}

fn not_found() -> ApiError {
    ApiError::NotFound("no such photo or estimate in the active company".to_owned())
}
