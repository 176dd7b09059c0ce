use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::ApiError;
use crate::api::contracts::get_contract;
use crate::components::contract_form::ContractForm;
use crate::components::error_message::ErrorMessage;
use crate::components::loading::Loading;
use crate::pages::{record_id, set_title};
use crate::session::use_session;

/// `/contratos/nuevo`, or `/contratos/nuevo?padre=7` for a subcontract of contract 7.
#[component]
pub fn NewContractPage() -> impl IntoView {
    set_title("Nuevo contrato");
    let session = use_session();
    let query = use_query_map();
    let parent_id = Memo::new(move |_| {
        query.with(|query| query.get_str("padre").and_then(|id| id.parse::<i64>().ok()))
    });
    // The parent decides who the counterparty may be and where the work happens.
    let parent = LocalResource::new(move || {
        let parent_id = parent_id.get();
        async move {
            match parent_id {
                None => Ok(None),
                Some(id) => session
                    .call(move |token| get_contract(token, id))
                    .await
                    .map(Some),
            }
        }
    });
    let title = move || {
        if parent_id.get().is_some() {
            "Nuevo subcontrato"
        } else {
            "Nuevo contrato"
        }
    };

    view! {
        <section class="page" aria-labelledby="contract-form-title">
            <header class="page-header">
                <h1 id="contract-form-title">{title}</h1>
            </header>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match parent.await {
                        Ok(parent) => view! { <ContractForm existing=None parent /> }.into_any(),
                        Err(error) => view! { <ErrorMessage message=error.message() /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// `/contratos/:id/editar`.
#[component]
pub fn EditContractPage() -> impl IntoView {
    set_title("Editar contrato");
    let session = use_session();
    let id = record_id();
    let contract = LocalResource::new(move || {
        let id = id.get();
        async move {
            let id = id.ok_or_else(ApiError::not_found)?;
            session.call(move |token| get_contract(token, id)).await
        }
    });

    view! {
        <section class="page" aria-labelledby="contract-form-title">
            <header class="page-header">
                <h1 id="contract-form-title">"Editar contrato"</h1>
            </header>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match contract.await {
                        Ok(contract) => {
                            let existing = Some(contract);
                            view! { <ContractForm existing parent=None /> }.into_any()
                        }
                        Err(error) => view! { <ErrorMessage message=error.message() /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
