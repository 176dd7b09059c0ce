use leptos::prelude::*;

use crate::components::error_message::ErrorMessage;
use crate::form::Submission;

/// The foot of a form edited in place: what no field shows, "Guardar" and "Cancelar", which
/// leaves the editing mode instead of the page.
#[component]
pub fn InlineActions(
    submission: Submission,
    fields: &'static [&'static str],
    testid: &'static str,
    editing: RwSignal<bool>,
) -> impl IntoView {
    let general = move || {
        submission.general(fields).map(|message| {
            view! { <ErrorMessage message testid=format!("{testid}-error") /> }
        })
    };

    view! {
        {general}
        <div class="form-actions">
            <button
                type="submit"
                class="button button-primary"
                data-testid=testid
                disabled=move || submission.pending()
            >
                {move || if submission.pending() { "Guardando…" } else { "Guardar" }}
            </button>
            <button type="button" class="button" on:click=move |_| editing.set(false)>
                "Cancelar"
            </button>
        </div>
    }
}
