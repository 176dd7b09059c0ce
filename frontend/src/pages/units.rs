use leptos::prelude::*;
use shared::Action;
use shared::dto::{Unit, UnitPage};

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
    path: routes::UNITS,
    testid: "units",
    placeholder: "Buscar unidad",
};

const EMPTINESS: Emptiness = Emptiness {
    none: "Aún no hay unidades en esta empresa.",
    no_match: "Ninguna unidad coincide",
    none_here: "No hay unidades en esta página.",
};

const NEW: NewLink = NewLink {
    href: routes::NEW_UNIT,
    label: "Nueva unidad",
    testid: "new-unit",
};

/// `/unidades`: the units of measure of the company's catalogs (m3, kg, pza…); searchable
/// and paged through the address.
#[component]
pub fn UnitsPage() -> impl IntoView {
    set_title("Unidades");
    let session = use_session();
    let query = list_query();
    let may_create = Signal::derive(move || session.may(Action::EditDirectory, false));

    let records = LocalResource::new(move || {
        let params = query.get().api_params();
        let _company = session.active_company_id();
        async move {
            session
                .call(move |token| directory::list::<Unit>(token, params.clone()))
                .await
        }
    });

    view! {
        <section class="page" aria-labelledby="units-title">
            <ListHeader title="Unidades" place=PLACE query new_link=NEW may_create />
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

fn page_view(page: UnitPage, asked: ListQuery) -> AnyView {
    let paging = Paging {
        total: page.total,
        limit: page.limit,
        offset: page.offset,
        shown: page.items.len(),
    };
    let rows = page.items.into_iter().map(row).collect_view();
    let table = view! {
        <div class="table-wrap">
            <table class="data-table" data-testid="units-table">
                <thead>
                    <tr>
                        <th scope="col">"Unidad"</th>
                        <th scope="col">"Descripción"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    };
    list_body(PLACE, asked, paging, EMPTINESS, table.into_any())
}

fn row(record: Unit) -> impl IntoView {
    view! {
        <tr data-testid="unit-row">
            <td data-label="Unidad">
                <a href=routes::record(routes::UNITS, record.id)>{record.name}</a>
            </td>
            <td data-label="Descripción">{record.description}</td>
        </tr>
    }
}
