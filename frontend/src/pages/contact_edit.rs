use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::Action;
use shared::dto::Contact;

use crate::api::directory;
use crate::components::contact_form::ContactForm;
use crate::components::delete_button::{DeleteButton, Deletion};
use crate::components::error_message::ErrorMessage;
use crate::components::loading::Loading;
use crate::pages::{record_resource, set_title};
use crate::routes;
use crate::session::use_session;

/// `/contactos/nuevo`.
#[component]
pub fn NewContactPage() -> impl IntoView {
    set_title("Nuevo contacto");

    view! {
        <section class="page" aria-labelledby="contact-title">
            <header class="page-header">
                <h1 id="contact-title">"Nuevo contacto"</h1>
            </header>
            <ContactForm existing=None />
        </section>
    }
}

/// `/contactos/:id`: edits a contact; coordinators and up may delete it.
#[component]
pub fn ContactPage() -> impl IntoView {
    set_title("Contacto");
    let record = record_resource::<Contact>();

    view! {
        <section class="page" aria-labelledby="contact-title">
            <header class="page-header">
                <h1 id="contact-title">"Contacto"</h1>
            </header>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match record.await {
                        Ok(record) => {
                            let id = record.id;
                            view! {
                                <ContactForm existing=Some(record) />
                                <DeleteContact id />
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorMessage message=error.message() /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn DeleteContact(id: i64) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let action = move || -> Deletion {
        let navigate = navigate.clone();
        Box::pin(async move {
            session
                .call(move |token| directory::remove::<Contact>(token, id))
                .await?;
            navigate(routes::CONTACTS, Default::default());
            Ok(())
        })
    };

    move || {
        session.may(Action::DeleteSiteOrContact, false).then(|| {
            view! {
                <div class="danger-zone">
                    <DeleteButton
                        label="Eliminar contacto"
                        testid="delete-contact"
                        action=action.clone()
                    />
                </div>
            }
        })
    }
}
