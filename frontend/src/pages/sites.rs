use leptos::prelude::*;
use shared::Action;
use shared::dto::{Site, SitePage};

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
    path: routes::SITES,
    testid: "sites",
    placeholder: "Buscar por nombre o dirección",
};

const EMPTINESS: Emptiness = Emptiness {
    none: "Aún no hay sitios en esta empresa.",
    no_match: "Ningún sitio coincide",
    none_here: "No hay sitios en esta página.",
};

const NEW: NewLink = NewLink {
    href: routes::NEW_SITE,
    label: "Nuevo sitio",
    testid: "new-site",
};

/// `/sitios`: where the work happens, each at a client; searchable and paged through the
/// address.
#[component]
pub fn SitesPage() -> impl IntoView {
    set_title("Sitios");
    let session = use_session();
    let query = list_query();
    let may_create = Signal::derive(move || session.may(Action::EditDirectory, false));

    let records = LocalResource::new(move || {
        let params = query.get().api_params();
        let _company = session.active_company_id();
        async move {
            session
                .call(move |token| directory::list::<Site>(token, params.clone()))
                .await
        }
    });

    view! {
        <section class="page" aria-labelledby="sites-title">
            <ListHeader title="Sitios" place=PLACE query new_link=NEW may_create />
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match records.await {
                        Ok(page) => page_view(page, query.get_untracked()),
                        Err(error) => view! { <ErrorMessage message=error.message() /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

fn page_view(page: SitePage, asked: ListQuery) -> AnyView {
    let paging = Paging {
        total: page.total,
        limit: page.limit,
        offset: page.offset,
        shown: page.items.len(),
    };
    let rows = page.items.into_iter().map(row).collect_view();
    let table = view! {
        <div class="table-wrap">
            <table class="data-table" data-testid="sites-table">
                <thead>
                    <tr>
                        <th scope="col">"Nombre"</th>
                        <th scope="col">"Cliente"</th>
                        <th scope="col">"Dirección"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    };
    list_body(PLACE, asked, paging, EMPTINESS, table.into_any())
}

fn row(record: Site) -> impl IntoView {
    view! {
        <tr data-testid="site-row">
            <td data-label="Nombre">
                <a href=routes::record(routes::SITES, record.id)>{record.name}</a>
            </td>
            <td data-label="Cliente">{record.counterparty_name}</td>
            <td data-label="Dirección">{record.address}</td>
        </tr>
    }
}
