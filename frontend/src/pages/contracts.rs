use leptos::prelude::*;
use shared::Action;
use shared::dto::ContractPage;

use crate::api::contracts::list_contracts;
use crate::components::contracts_table::ContractsTable;
use crate::components::error_message::ErrorMessage;
use crate::components::list_body::{Emptiness, Paging, list_body};
use crate::components::list_header::{ListHeader, NewLink};
use crate::components::loading::Loading;
use crate::listing::{ListPlace, ListQuery};
use crate::pages::{list_query, set_title};
use crate::routes;
use crate::session::use_session;

const PLACE: ListPlace = ListPlace {
    path: routes::CONTRACTS,
    testid: "contracts",
    placeholder: "Buscar por folio, código o nombre",
};

const EMPTINESS: Emptiness = Emptiness {
    none: "Aún no hay contratos en esta empresa.",
    no_match: "Ningún contrato coincide",
    none_here: "No hay contratos en esta página.",
};

const NEW: NewLink = NewLink {
    href: routes::NEW_CONTRACT,
    label: "Nuevo contrato",
    testid: "new-contract",
};

/// `/contratos`: the contracts of the active company, searchable and paged through the
/// address (`?q=&limit=&offset=`), so a search or a page can be linked and reloaded.
#[component]
pub fn ContractsPage() -> impl IntoView {
    set_title("Contratos");
    let session = use_session();
    let query = list_query();
    let may_create = Signal::derive(move || session.may(Action::CreateContract, false));

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
            <ListHeader title="Contratos" place=PLACE query new_link=NEW may_create />
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

fn contracts_view(page: ContractPage, asked: ListQuery) -> AnyView {
    let paging = Paging {
        total: page.total,
        limit: page.limit,
        offset: page.offset,
        shown: page.items.len(),
    };
    let rows = view! { <ContractsTable contracts=page.items /> }.into_any();
    list_body(PLACE, asked, paging, EMPTINESS, rows)
}

/// Levels 1 and 2 see only their assigned contracts; say so, so an empty list is not a
/// surprise.
#[component]
fn AssignedOnlyNote() -> impl IntoView {
    let session = use_session();
    let sees_everything =
        move || session.level().is_none() || session.may(Action::SeeAllContracts, false);

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
