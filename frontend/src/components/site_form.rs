use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::dto::{CounterpartyKind, Site, SiteInput};

use crate::components::counterparty_select::CounterpartySelect;
use crate::components::form_actions::FormActions;
use crate::components::text_field::TextField;
use crate::form::{Submission, picked_id, save_record};
use crate::routes;
use crate::session::use_session;

const FIELDS: &[&str] = &["counterparty_id", "name", "address"];

/// Creates a site (`existing` is `None`) or edits one; a site belongs to a client.
#[component]
pub fn SiteForm(existing: Option<Site>) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let submission = Submission::new();
    let id = existing.as_ref().map(|site| site.id);
    let client = RwSignal::new(
        existing
            .as_ref()
            .map(|site| site.counterparty_id.to_string())
            .unwrap_or_default(),
    );
    let name = RwSignal::new(
        existing
            .as_ref()
            .map(|site| site.name.clone())
            .unwrap_or_default(),
    );
    let address = RwSignal::new(existing.map(|site| site.address).unwrap_or_default());

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let counterparty_id = match picked_id("counterparty_id", &client.get_untracked()) {
            Ok(id) => id,
            Err(error) => return submission.refuse(error),
        };
        let input = SiteInput {
            counterparty_id,
            name: name.get_untracked(),
            address: address.get_untracked(),
        };
        let navigate = navigate.clone();
        let saved = move |_: Site| navigate(routes::SITES, Default::default());
        submission.send(save_record(session, id, input), saved);
    };

    view! {
        <form class="card record-form" on:submit=on_submit data-testid="site-form">
            <CounterpartySelect
                id="site-client"
                label="Cliente"
                kinds=&[CounterpartyKind::Client]
                value=client
                error=submission.field("counterparty_id")
            />
            <TextField
                id="site-name"
                label="Nombre"
                value=name
                error=submission.field("name")
                required=true
            />
            <TextField
                id="site-address"
                label="Dirección"
                value=address
                error=submission.field("address")
            />
            <FormActions submission fields=FIELDS testid="site-submit" cancel_href=routes::SITES />
        </form>
    }
}
