//! `/api/v1/contracts/{id}/concepts` and `/retentions`: a contract's catalog of concepts and
//! the retentions taken on its estimates.

use shared::dto::{
    Concept, ConceptBatch, ConceptInput, ConceptPage, Retention, RetentionInput, RetentionList,
};

use super::ApiError;
use super::http::{delete, get_json, post_json, put_json};

/// The whole catalog is read at once; the server allows up to this many per page.
pub const CATALOG_PAGE: i64 = 1000;

fn concepts(contract_id: i64) -> String {
    format!("/api/v1/contracts/{contract_id}/concepts")
}

fn retentions(contract_id: i64) -> String {
    format!("/api/v1/contracts/{contract_id}/retentions")
}

/// `GET /api/v1/contracts/{id}/concepts?limit=1000`: the catalog and its total.
pub async fn list_concepts(
    access_token: String,
    contract_id: i64,
) -> Result<ConceptPage, ApiError> {
    let params = vec![
        ("limit", CATALOG_PAGE.to_string()),
        ("offset", "0".to_string()),
    ];
    get_json(&access_token, &concepts(contract_id), params).await
}

/// `POST /api/v1/contracts/{id}/concepts`: all the concepts of the batch, or none.
pub async fn add_concepts(
    access_token: String,
    contract_id: i64,
    batch: ConceptBatch,
) -> Result<ConceptPage, ApiError> {
    post_json(&access_token, &concepts(contract_id), &batch).await
}

/// `PUT /api/v1/contracts/{id}/concepts/{concept_id}`.
pub async fn update_concept(
    access_token: String,
    contract_id: i64,
    concept_id: i64,
    input: ConceptInput,
) -> Result<Concept, ApiError> {
    let url = format!("{}/{concept_id}", concepts(contract_id));
    put_json(&access_token, &url, &input).await
}

/// `DELETE /api/v1/contracts/{id}/concepts/{concept_id}`.
pub async fn delete_concept(
    access_token: String,
    contract_id: i64,
    concept_id: i64,
) -> Result<(), ApiError> {
    delete(
        &access_token,
        &format!("{}/{concept_id}", concepts(contract_id)),
    )
    .await
}

/// `GET /api/v1/contracts/{id}/retentions`.
pub async fn list_retentions(
    access_token: String,
    contract_id: i64,
) -> Result<RetentionList, ApiError> {
    get_json(&access_token, &retentions(contract_id), Vec::new()).await
}

/// `POST /api/v1/contracts/{id}/retentions`.
pub async fn add_retention(
    access_token: String,
    contract_id: i64,
    input: RetentionInput,
) -> Result<Retention, ApiError> {
    post_json(&access_token, &retentions(contract_id), &input).await
}

/// `PUT /api/v1/contracts/{id}/retentions/{retention_id}`.
pub async fn update_retention(
    access_token: String,
    contract_id: i64,
    retention_id: i64,
    input: RetentionInput,
) -> Result<Retention, ApiError> {
    let url = format!("{}/{retention_id}", retentions(contract_id));
    put_json(&access_token, &url, &input).await
}

/// `DELETE /api/v1/contracts/{id}/retentions/{retention_id}`.
pub async fn delete_retention(
    access_token: String,
    contract_id: i64,
    retention_id: i64,
) -> Result<(), ApiError> {
    delete(
        &access_token,
        &format!("{}/{retention_id}", retentions(contract_id)),
    )
    .await
}
