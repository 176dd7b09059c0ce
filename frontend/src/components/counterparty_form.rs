use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::dto::{Counterparty, CounterpartyInput, CounterpartyKind};

use crate::components::form_actions::FormActions;
use crate::components::select_field::{Choice, SelectField};
use crate::components::text_field::TextField;
use crate::form::{Submission, save_record};
use crate::routes;
use crate::session::use_session;

/// The fields the server may complain about, each shown beside its input.
const FIELDS: &[&str] = &["kind", "name", "legal_name", "tax_id"];

/// Creates a counterparty (`existing` is `None`) or edits one; back to the list once saved.
#[component]
pub fn CounterpartyForm(existing: Option<Counterparty>) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let submission = Submission::new();
    let id = existing.as_ref().map(|counterparty| counterparty.id);
    let text = |read: fn(&Counterparty) -> &str| {
        RwSignal::new(existing.as_ref().map(read).unwrap_or_default().to_string())
    };
    let kind = RwSignal::new(
        existing
            .as_ref()
            .map_or(CounterpartyKind::Client, |counterparty| counterparty.kind)
            .key()
            .to_string(),
    );
    let name = text(|counterparty| &counterparty.name);
    let legal_name = text(|counterparty| &counterparty.legal_name);
    let tax_id = text(|counterparty| &counterparty.tax_id);
    let kinds = CounterpartyKind::ALL
        .into_iter()
        .map(|kind| Choice::new(kind.key(), kind.label()))
        .collect::<Vec<_>>();

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let input = CounterpartyInput {
            kind: CounterpartyKind::from_key(&kind.get_untracked())
                .unwrap_or(CounterpartyKind::Client),
            name: name.get_untracked(),
            legal_name: legal_name.get_untracked(),
            tax_id: tax_id.get_untracked(),
        };
        let navigate = navigate.clone();
        let saved = move |_: Counterparty| navigate(routes::COUNTERPARTIES, Default::default());
        submission.send(save_record(session, id, input), saved);
    };

    view! {
        <form class="card record-form" on:submit=on_submit data-testid="counterparty-form">
            <SelectField
                id="counterparty-kind"
                label="Tipo"
                value=kind
                choices=kinds
                error=submission.field("kind")
            />
            <TextField
                id="counterparty-name"
                label="Nombre"
                value=name
                error=submission.field("name")
                required=true
            />
            <TextField
                id="counterparty-legal-name"
                label="Razón social"
                value=legal_name
                error=submission.field("legal_name")
            />
            <TextField
                id="counterparty-tax-id"
                label="RFC"
                value=tax_id
                error=submission.field("tax_id")
            />
            <FormActions
                submission
                fields=FIELDS
                testid="counterparty-submit"
                cancel_href=routes::COUNTERPARTIES
            />
        </form>
    }
}
