use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::dto::{Contact, ContactInput, CounterpartyKind};

use crate::components::counterparty_select::CounterpartySelect;
use crate::components::form_actions::FormActions;
use crate::components::text_field::TextField;
use crate::form::{Submission, picked_id, save_record};
use crate::routes;
use crate::session::use_session;

const FIELDS: &[&str] = &["counterparty_id", "name", "position", "email", "phone"];

/// Creates a contact (`existing` is `None`) or edits one: a person at a counterparty.
#[component]
pub fn ContactForm(existing: Option<Contact>) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let submission = Submission::new();
    let id = existing.as_ref().map(|contact| contact.id);
    let text = |read: fn(&Contact) -> String| {
        RwSignal::new(existing.as_ref().map(read).unwrap_or_default())
    };
    let counterparty = text(|contact| contact.counterparty_id.to_string());
    let name = text(|contact| contact.name.clone());
    let position = text(|contact| contact.position.clone());
    let email = text(|contact| contact.email.clone());
    let phone = text(|contact| contact.phone.clone());

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let counterparty_id = match picked_id("counterparty_id", &counterparty.get_untracked()) {
            Ok(id) => id,
            Err(error) => return submission.refuse(error),
        };
        let input = ContactInput {
            counterparty_id,
            name: name.get_untracked(),
            position: position.get_untracked(),
            email: email.get_untracked(),
            phone: phone.get_untracked(),
        };
        let navigate = navigate.clone();
        let saved = move |_: Contact| navigate(routes::CONTACTS, Default::default());
        submission.send(save_record(session, id, input), saved);
    };

    view! {
        <form class="card record-form" on:submit=on_submit data-testid="contact-form">
            <CounterpartySelect
                id="contact-counterparty"
                label="Contraparte"
                kinds=&CounterpartyKind::ALL
                value=counterparty
                error=submission.field("counterparty_id")
            />
            <TextField
                id="contact-name"
                label="Nombre"
                value=name
                error=submission.field("name")
                required=true
            />
            <TextField
                id="contact-position"
                label="Puesto"
                value=position
                error=submission.field("position")
                hint="Se imprime bajo la firma, p. ej. «Residente de supervisión»."
            />
            <TextField
                id="contact-email"
                label="Correo electrónico"
                kind="email"
                value=email
                error=submission.field("email")
            />
            <TextField
                id="contact-phone"
                label="Teléfono"
                kind="tel"
                value=phone
                error=submission.field("phone")
            />
            <FormActions
                submission
                fields=FIELDS
                testid="contact-submit"
                cancel_href=routes::CONTACTS
            />
        </form>
    }
}
