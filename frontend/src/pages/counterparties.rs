use leptos::prelude::*;
use shared::Action;
use shared::dto::{Counterparty, CounterpartyKind, CounterpartyPage};

use crate::api::directory;
use crate::components::error_message::ErrorMessage;
use crate::components::list_body::{Emptiness, Paging, list_body};
use crate::components::list_header::{ListHeader, NewLink};
use crate::components::loading::Loading;
use crate::listing::{ListPlace, ListQuery};
use crate::pages::{list_query, set_title};
use crate::routes;
use crate::session::use_session;

const PLACE: ListPlace = ListPlace {
    path: routes::COUNTERPARTIES,
    testid: "counterparties",
    placeholder: "Buscar por nombre, razón social o RFC",
};

const EMPTINESS: Emptiness = Emptiness {
    none: "Aún no hay contrapartes en esta empresa.",
    no_match: "Ninguna contraparte coincide",
    none_here: "No hay contrapartes en esta página.",
};

const NEW: NewLink = NewLink {
    href: routes::NEW_COUNTERPARTY,
    label: "Nueva contraparte",
    testid: "new-counterparty",
};

/// `/contrapartes`: clients, piece-workers and subcontractors, searchable and paged through
/// the address.
#[component]
pub fn CounterpartiesPage() -> impl IntoView {
    set_title("Contrapartes");
    let session = use_session();
    let query = list_query();
    let may_create = Signal::derive(move || session.may(Action::EditDirectory, false));

    let counterparties = LocalResource::new(move || {
        let query = query.get();
        let mut params = query.api_params();
        // `?tipo=` holds the kind as the API names it; anything else lists every kind.
        let kind = query.filter.as_deref().and_then(CounterpartyKind::from_key);
        if let Some(kind) = kind {
            params.push(("kind", kind.key().to_string()));
        }
        let _company = session.active_company_id();
        async move {
            session
                .call(move |token| directory::list::<Counterparty>(token, params.clone()))
                .await
        }
    });

    view! {
        <section class="page" aria-labelledby="counterparties-title">
            <ListHeader title="Contrapartes" place=PLACE query new_link=NEW may_create />
            <KindFilter query />
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match counterparties.await {
                        Ok(page) => page_view(page, query.get_untracked()),
                        Err(error) => view! { <ErrorMessage message=error.message() /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

fn page_view(page: CounterpartyPage, asked: ListQuery) -> AnyView {
    let paging = Paging {
        total: page.total,
        limit: page.limit,
        offset: page.offset,
        shown: page.items.len(),
    };
    let rows = page.items.into_iter().map(row).collect_view();
    let table = view! {
        <div class="table-wrap">
            <table class="data-table" data-testid="counterparties-table">
                <thead>
                    <tr>
                        <th scope="col">"Nombre"</th>
                        <th scope="col">"Tipo"</th>
                        <th scope="col">"Razón social"</th>
                        <th scope="col">"RFC"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    };
    list_body(PLACE, asked, paging, EMPTINESS, table.into_any())
}

fn row(counterparty: Counterparty) -> impl IntoView {
    view! {
        <tr data-testid="counterparty-row">
            <td data-label="Nombre">
                <a href=routes::record(routes::COUNTERPARTIES, counterparty.id)>
                    {counterparty.name}
                </a>
            </td>
            <td data-label="Tipo">{counterparty.kind.label()}</td>
            <td data-label="Razón social">{counterparty.legal_name}</td>
            <td data-label="RFC">{counterparty.tax_id}</td>
        </tr>
    }
}

/// "Todas · Clientes · Destajistas · Subcontratistas": links that filter the list by kind,
/// keeping the search.
#[component]
fn KindFilter(query: Memo<ListQuery>) -> impl IntoView {
    let link = move |kind: Option<CounterpartyKind>, label: &'static str| {
        let href = move || {
            let filtered = query.with(|query| query.filtered(kind.map(CounterpartyKind::key)));
            routes::list_page(PLACE.path, &filtered)
        };
        let current = move || {
            let shown = query.with(|query| query.filter.clone());
            (shown.as_deref() == kind.map(CounterpartyKind::key)).then_some("page")
        };
        let testid = format!("kind-filter-{}", kind.map_or("all", CounterpartyKind::key));
        view! {
            <a href=href aria-current=current data-testid=testid>
                {label}
            </a>
        }
    };

    view! {
        <nav class="filter-tabs" aria-label="Tipo de contraparte">
            {link(None, "Todas")}
            {link(Some(CounterpartyKind::Client), "Clientes")}
            {link(Some(CounterpartyKind::PieceWorker), "Destajistas")}
            {link(Some(CounterpartyKind::Subcontractor), "Subcontratistas")}
        </nav>
    }
}
