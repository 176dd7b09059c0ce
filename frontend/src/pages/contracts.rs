use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;
use shared::Action;
use shared::access::permits;
use shared::dto::ContractPage;

use crate::api::contracts::{ContractQuery, list_contracts};
use crate::components::contracts_table::ContractsTable;
use crate::components::error_message::ErrorMessage;
use crate::components::loading::Loading;
use crate::components::pagination::Pagination;
use crate::components::search_box::SearchBox;
use crate::pages::set_title;
use crate::routes::DEFAULT_PAGE_SIZE;
use crate::session::use_session;

/// Largest page the list asks for, whatever the address says.
const MAX_PAGE_SIZE: i64 = 100;

/// `/contratos`: the contracts of the active company, searchable and paged through the
/// address (`?q=&limit=&offset=`), so a search or a page can be linked and reloaded.
#[component]
pub fn ContractsPage() -> impl IntoView {
    set_title("Contratos");
    let session = use_session();
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(query_from_address));

    let contracts = LocalResource::new(move || {
        let query = query.get();
        // Read to reload the list when the active company changes.
        let _company = session.active_company_id();
        async move {
            session
                .call(move |token| list_contracts(token, query.clone()))
                .await
        }
    });

    view! {
        <section class="page" aria-labelledby="contracts-title">
            <header class="page-header">
                <h1 id="contracts-title">"Contratos"</h1>
                <SearchBox query />
            </header>
            <AssignedOnlyNote />
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match contracts.await {
                        Ok(page) => contracts_view(page, query.get_untracked()),
                        Err(error) => view! { <ErrorMessage message=error.message() /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

fn query_from_address(params: &ParamsMap) -> ContractQuery {
    let number = |key: &str| {
        params
            .get_str(key)
            .and_then(|value| value.parse::<i64>().ok())
    };
    ContractQuery {
        q: params.get_str("q").unwrap_or_default().trim().to_string(),
        limit: number("limit")
            .filter(|limit| (1..=MAX_PAGE_SIZE).contains(limit))
            .unwrap_or(DEFAULT_PAGE_SIZE),
        offset: number("offset").filter(|offset| *offset >= 0).unwrap_or(0),
    }
}

fn contracts_view(page: ContractPage, asked: ContractQuery) -> AnyView {
    if page.total == 0 {
        return empty_state(&asked.q).into_any();
    }
    // Page by what the server answered: it may have clamped the limit.
    let total = page.total;
    let query = ContractQuery {
        limit: if page.limit > 0 {
            page.limit
        } else {
            asked.limit
        },
        offset: page.offset.max(0),
        ..asked
    };
    let rows = if page.items.is_empty() {
        view! { <p class="empty-state">"No hay contratos en esta página."</p> }.into_any()
    } else {
        view! { <ContractsTable contracts=page.items /> }.into_any()
    };

    view! {
        {rows}
        <Pagination query total />
    }
    .into_any()
}

fn empty_state(search: &str) -> impl IntoView + use<> {
    let (testid, message) = if search.is_empty() {
        (
            "contracts-empty",
            "Aún no hay contratos en esta empresa.".to_string(),
        )
    } else {
        (
            "contracts-no-match",
            format!("Ningún contrato coincide con «{search}»."),
        )
    };

    view! {
        <p class="empty-state" data-testid=testid>
            {message}
        </p>
    }
}

/// Levels 1 and 2 see only their assigned contracts; say so, so an empty list is not a
/// surprise.
#[component]
fn AssignedOnlyNote() -> impl IntoView {
    let session = use_session();
    let sees_everything = move || {
        session
            .level()
            .is_none_or(|level| permits(level, false, Action::SeeAllContracts))
    };

    move || {
        (!sees_everything()).then(|| {
            view! {
                <p class="note" data-testid="contracts-assigned-only">
                    "Ves solo los contratos que tienes asignados."
                </p>
            }
        })
    }
}
