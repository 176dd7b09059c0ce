//! `/api/v1/contracts/{id}/estimates` and `/api/v1/estimates/{id}`: estimates, their lines,
//! take-offs, statements, billing states and the subcontract report.

use shared::dto::{
    BillingDate, Estimate, EstimateInput, EstimateLines, EstimateList, LinesInput, Statement,
    SubcontractReport, Takeoff, TakeoffInput, UnlockInput,
};

use super::ApiError;
use super::http::{delete, get_json, post_json, put_json};

fn of_contract(contract_id: i64) -> String {
    format!("/api/v1/contracts/{contract_id}/estimates")
}

fn one(id: i64) -> String {
    format!("/api/v1/estimates/{id}")
}

fn takeoff_url(id: i64, concept_id: i64) -> String {
    format!("{}/lines/{concept_id}/measurements", one(id))
}

/// `GET /api/v1/contracts/{id}/estimates`: by number.
pub async fn list_estimates(
    access_token: String,
    contract_id: i64,
) -> Result<EstimateList, ApiError> {
    get_json(&access_token, &of_contract(contract_id), Vec::new()).await
}

/// `POST /api/v1/contracts/{id}/estimates`: the server numbers it; 409 on a closed contract.
pub async fn create_estimate(
    access_token: String,
    contract_id: i64,
    input: EstimateInput,
) -> Result<Estimate, ApiError> {
    post_json(&access_token, &of_contract(contract_id), &input).await
}

/// `GET /api/v1/estimates/{id}`.
pub async fn get_estimate(access_token: String, id: i64) -> Result<Estimate, ApiError> {
    get_json(&access_token, &one(id), Vec::new()).await
}

/// `PUT /api/v1/estimates/{id}`: the header (period, signatures, flags).
pub async fn update_estimate(
    access_token: String,
    id: i64,
    input: EstimateInput,
) -> Result<Estimate, ApiError> {
    put_json(&access_token, &one(id), &input).await
}

/// `DELETE /api/v1/estimates/{id}`: only the latest, never an invoiced one (409 says why).
pub async fn delete_estimate(access_token: String, id: i64) -> Result<(), ApiError> {
    delete(&access_token, &one(id)).await
}

/// `GET /api/v1/estimates/{id}/lines`.
pub async fn estimate_lines(access_token: String, id: i64) -> Result<EstimateLines, ApiError> {
    get_json(&access_token, &format!("{}/lines", one(id)), Vec::new()).await
}

/// `PUT /api/v1/estimates/{id}/lines`: only the lines named change.
pub async fn set_lines(
    access_token: String,
    id: i64,
    input: LinesInput,
) -> Result<Statement, ApiError> {
    put_json(&access_token, &format!("{}/lines", one(id)), &input).await
}

/// `GET /api/v1/estimates/{id}/lines/{concept_id}/measurements`.
pub async fn takeoff(access_token: String, id: i64, concept_id: i64) -> Result<Takeoff, ApiError> {
    get_json(&access_token, &takeoff_url(id, concept_id), Vec::new()).await
}

/// `PUT /api/v1/estimates/{id}/lines/{concept_id}/measurements`: the whole take-off; the
/// line's quantity becomes the rows' sum.
pub async fn replace_takeoff(
    access_token: String,
    id: i64,
    concept_id: i64,
    input: TakeoffInput,
) -> Result<Takeoff, ApiError> {
    put_json(&access_token, &takeoff_url(id, concept_id), &input).await
}

/// `GET /api/v1/estimates/{id}/statement`.
pub async fn statement(access_token: String, id: i64) -> Result<Statement, ApiError> {
    get_json(&access_token, &format!("{}/statement", one(id)), Vec::new()).await
}

/// `POST /api/v1/estimates/{id}/invoice`: freezes and locks the estimate.
pub async fn invoice(
    access_token: String,
    id: i64,
    date: BillingDate,
) -> Result<Estimate, ApiError> {
    post_json(&access_token, &format!("{}/invoice", one(id)), &date).await
}

/// `POST /api/v1/estimates/{id}/pay`.
pub async fn pay(access_token: String, id: i64, date: BillingDate) -> Result<Estimate, ApiError> {
    post_json(&access_token, &format!("{}/pay", one(id)), &date).await
}

/// `POST /api/v1/estimates/{id}/unlock`: back to a draft, with the reason kept.
pub async fn unlock(
    access_token: String,
    id: i64,
    input: UnlockInput,
) -> Result<Estimate, ApiError> {
    post_json(&access_token, &format!("{}/unlock", one(id)), &input).await
}

/// `GET /api/v1/estimates/{id}/subcontract-report`.
pub async fn subcontract_report(
    access_token: String,
    id: i64,
) -> Result<SubcontractReport, ApiError> {
    let url = format!("{}/subcontract-report", one(id));
    get_json(&access_token, &url, Vec::new()).await
}
