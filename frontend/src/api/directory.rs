//! The company's directory: `/api/v1/counterparties`, `/sites`, `/contacts` and `/units`.
//!
//! The four resources answer the same five calls, so they share one set of functions, told
//! apart by [`Directory`].

use serde::Serialize;
use serde::de::DeserializeOwned;
use shared::dto::{
    Contact, ContactInput, ContactPage, Counterparty, CounterpartyInput, CounterpartyPage,
    MemberList, Site, SiteInput, SitePage, Unit, UnitInput, UnitPage,
};

use super::ApiError;
use super::http::{delete, get_json, post_json, put_json};

/// A resource of the directory: its record, the body that writes one, and a page of them.
pub trait Directory: DeserializeOwned + Clone + 'static {
    type Input: Serialize + Clone + 'static;
    type Page: DeserializeOwned + Clone + 'static;
    /// The collection's URL, e.g. `/api/v1/units`.
    const URL: &'static str;
}

impl Directory for Counterparty {
    type Input = CounterpartyInput;
    type Page = CounterpartyPage;
    const URL: &'static str = "/api/v1/counterparties";
}

impl Directory for Site {
    type Input = SiteInput;
    type Page = SitePage;
    const URL: &'static str = "/api/v1/sites";
}

impl Directory for Contact {
    type Input = ContactInput;
    type Page = ContactPage;
    const URL: &'static str = "/api/v1/contacts";
}

impl Directory for Unit {
    type Input = UnitInput;
    type Page = UnitPage;
    const URL: &'static str = "/api/v1/units";
}

/// `GET <collection>?…`: one page; `params` carry the paging, the search and any filter.
pub async fn list<R: Directory>(
    access_token: String,
    params: Vec<(&'static str, String)>,
) -> Result<R::Page, ApiError> {
    get_json(&access_token, R::URL, params).await
}

/// `GET <collection>/{id}`.
pub async fn get<R: Directory>(access_token: String, id: i64) -> Result<R, ApiError> {
    get_json(&access_token, &format!("{}/{id}", R::URL), Vec::new()).await
}

/// `POST <collection>`.
pub async fn create<R: Directory>(access_token: String, input: R::Input) -> Result<R, ApiError> {
    post_json(&access_token, R::URL, &input).await
}

/// `PUT <collection>/{id}`.
pub async fn update<R: Directory>(
    access_token: String,
    id: i64,
    input: R::Input,
) -> Result<R, ApiError> {
    put_json(&access_token, &format!("{}/{id}", R::URL), &input).await
}

/// `DELETE <collection>/{id}`; a 409 says what still refers to the record.
pub async fn remove<R: Directory>(access_token: String, id: i64) -> Result<(), ApiError> {
    delete(&access_token, &format!("{}/{id}", R::URL)).await
}

/// `GET /api/v1/members`: the people of the active company.
pub async fn list_members(access_token: String) -> Result<MemberList, ApiError> {
    get_json(&access_token, "/api/v1/members", Vec::new()).await
}
