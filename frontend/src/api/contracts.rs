//! `/api/v1/contracts`: contracts and subcontracts, their trees and their assigned users.

use shared::dto::{
    AssignedUsers, AssignedUsersInput, Contract, ContractInput, ContractPage, ContractTree,
};

use super::ApiError;
use super::http::{delete, get_json, post_json, put_json};
use crate::listing::ListQuery;

const CONTRACTS: &str = "/api/v1/contracts";

fn one(id: i64) -> String {
    format!("{CONTRACTS}/{id}")
}

/// `GET /api/v1/contracts?limit=&offset=&q=`.
pub async fn list_contracts(
    access_token: String,
    query: ListQuery,
) -> Result<ContractPage, ApiError> {
    get_json(&access_token, CONTRACTS, query.api_params()).await
}

/// `POST /api/v1/contracts`; with `parent_id` set it creates a subcontract.
pub async fn create_contract(
    access_token: String,
    input: ContractInput,
) -> Result<Contract, ApiError> {
    post_json(&access_token, CONTRACTS, &input).await
}

/// `GET /api/v1/contracts/{id}`.
pub async fn get_contract(access_token: String, id: i64) -> Result<Contract, ApiError> {
    get_json(&access_token, &one(id), Vec::new()).await
}

/// `PUT /api/v1/contracts/{id}`.
pub async fn update_contract(
    access_token: String,
    id: i64,
    input: ContractInput,
) -> Result<Contract, ApiError> {
    put_json(&access_token, &one(id), &input).await
}

/// `DELETE /api/v1/contracts/{id}`.
pub async fn delete_contract(access_token: String, id: i64) -> Result<(), ApiError> {
    delete(&access_token, &one(id)).await
}

/// `GET /api/v1/contracts/{id}/ancestors`: from the root down to the parent.
pub async fn contract_ancestors(access_token: String, id: i64) -> Result<ContractTree, ApiError> {
    get_json(&access_token, &format!("{}/ancestors", one(id)), Vec::new()).await
}

/// `GET /api/v1/contracts/{id}/tree`: the contract at depth 0 and every descendant.
pub async fn contract_tree(access_token: String, id: i64) -> Result<ContractTree, ApiError> {
    get_json(&access_token, &format!("{}/tree", one(id)), Vec::new()).await
}

/// `GET /api/v1/contracts/{id}/users`.
pub async fn assigned_users(access_token: String, id: i64) -> Result<AssignedUsers, ApiError> {
    get_json(&access_token, &format!("{}/users", one(id)), Vec::new()).await
}

/// `PUT /api/v1/contracts/{id}/users`: replaces the whole set.
pub async fn assign_users(
    access_token: String,
    id: i64,
    input: AssignedUsersInput,
) -> Result<AssignedUsers, ApiError> {
    put_json(&access_token, &format!("{}/users", one(id)), &input).await
}
