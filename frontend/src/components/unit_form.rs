use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::dto::{Unit, UnitInput};

use crate::components::form_actions::FormActions;
use crate::components::text_field::TextField;
use crate::form::{Submission, save_record};
use crate::routes;
use crate::session::use_session;

const FIELDS: &[&str] = &["name", "description"];

/// Creates a unit of measure (`existing` is `None`) or edits one.
#[component]
pub fn UnitForm(existing: Option<Unit>) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let submission = Submission::new();
    let id = existing.as_ref().map(|unit| unit.id);
    let name = RwSignal::new(
        existing
            .as_ref()
            .map(|unit| unit.name.clone())
            .unwrap_or_default(),
    );
    let description = RwSignal::new(existing.map(|unit| unit.description).unwrap_or_default());

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let input = UnitInput {
            name: name.get_untracked(),
            description: description.get_untracked(),
        };
        let navigate = navigate.clone();
        let saved = move |_: Unit| navigate(routes::UNITS, Default::default());
        submission.send(save_record(session, id, input), saved);
    };

    view! {
        <form class="card record-form" on:submit=on_submit data-testid="unit-form">
            <TextField
                id="unit-name"
                label="Unidad"
                value=name
                error=submission.field("name")
                required=true
                hint="Como se escribe en el catálogo: m3, kg, pza, lote…"
            />
            <TextField
                id="unit-description"
                label="Descripción"
                value=description
                error=submission.field("description")
            />
            <FormActions submission fields=FIELDS testid="unit-submit" cancel_href=routes::UNITS />
        </form>
    }
}
