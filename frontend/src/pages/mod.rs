//! One page per route.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::ApiError;
use crate::api::directory::{self, Directory};
use crate::listing::ListQuery;
use crate::session::use_session;

pub mod contact_edit;
pub mod contacts;
pub mod contract_detail;
pub mod contract_edit;
pub mod contracts;
pub mod counterparties;
pub mod counterparty_edit;
pub mod dashboard;
pub mod estimate;
pub mod login;
pub mod not_found;
pub mod profile;
pub mod site_edit;
pub mod sites;
pub mod subcontract_report;
pub mod unit_edit;
pub mod units;

/// Names the browser tab after the page.
pub fn set_title(page: &str) {
    leptos::prelude::document().set_title(&format!("{page} · Construbot"));
}

/// The search and page of a list page, read from the address.
pub fn list_query() -> Memo<ListQuery> {
    let params = use_query_map();
    Memo::new(move |_| params.with(ListQuery::from_address))
}

/// The `:id` of a record's page; `None` when the address holds no number.
pub fn record_id() -> Memo<Option<i64>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|params| params.get_str("id")?.parse().ok()))
}

/// The record the page's `:id` names, reloaded when the address or the company changes.
pub fn record_resource<R: Directory>() -> LocalResource<Result<R, ApiError>> {
    let session = use_session();
    let id = record_id();
    LocalResource::new(move || {
        let id = id.get();
        let _company = session.active_company_id();
        async move {
            let id = id.ok_or_else(ApiError::not_found)?;
            session
                .call(move |token| directory::get::<R>(token, id))
                .await
        }
    })
}
