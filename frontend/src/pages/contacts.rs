use leptos::prelude::*;
use shared::Action;
use shared::dto::{Contact, ContactPage};

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
    path: routes::CONTACTS,
    testid: "contacts",
    placeholder: "Buscar por nombre, puesto o correo",
};

const EMPTINESS: Emptiness = Emptiness {
    none: "Aún no hay contactos en esta empresa.",
    no_match: "Ningún contacto coincide",
    none_here: "No hay contactos en esta página.",
};

const NEW: NewLink = NewLink {
    href: routes::NEW_CONTACT,
    label: "Nuevo contacto",
    testid: "new-contact",
};

/// `/contactos`: the people who sign or receive documents at each counterparty; searchable
/// and paged through the address.
#[component]
pub fn ContactsPage() -> impl IntoView {
    set_title("Contactos");
    let session = use_session();
    let query = list_query();
    let may_create = Signal::derive(move || session.may(Action::EditDirectory, false));

    let records = LocalResource::new(move || {
        let params = query.get().api_params();
        let _company = session.active_company_id();
        async move {
            session
                .call(move |token| directory::list::<Contact>(token, params.clone()))
                .await
        }
    });

    view! {
        <section class="page" aria-labelledby="contacts-title">
            <ListHeader title="Contactos" place=PLACE query new_link=NEW may_create />
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

fn page_view(page: ContactPage, asked: ListQuery) -> AnyView {
    let paging = Paging {
        total: page.total,
        limit: page.limit,
        offset: page.offset,
        shown: page.items.len(),
    };
    let rows = page.items.into_iter().map(row).collect_view();
    let table = view! {
        <div class="table-wrap">
            <table class="data-table" data-testid="contacts-table">
                <thead>
                    <tr>
                        <th scope="col">"Nombre"</th>
                        <th scope="col">"Puesto"</th>
                        <th scope="col">"Contraparte"</th>
                        <th scope="col">"Correo"</th>
                        <th scope="col">"Teléfono"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    };
    list_body(PLACE, asked, paging, EMPTINESS, table.into_any())
}

fn row(record: Contact) -> impl IntoView {
    view! {
        <tr data-testid="contact-row">
            <td data-label="Nombre">
                <a href=routes::record(routes::CONTACTS, record.id)>{record.name}</a>
            </td>
            <td data-label="Puesto">{record.position}</td>
            <td data-label="Contraparte">{record.counterparty_name}</td>
            <td data-label="Correo">{record.email}</td>
            <td data-label="Teléfono">{record.phone}</td>
        </tr>
    }
}
