use leptos::prelude::*;

use crate::components::error_message::ErrorMessage;
use crate::form::Submission;

/// The foot of a form: what went wrong that no field shows, the submit button and a way
/// back. `testid` names the button; its message is `{testid}-error`.
#[component]
pub fn FormActions(
    submission: Submission,
    /// The fields whose complaints are shown beside them.
    fields: &'static [&'static str],
    testid: &'static str,
    #[prop(default = "Guardar")] label: &'static str,
    #[prop(into)] cancel_href: String,
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
                {move || if submission.pending() { "Guardando…" } else { label }}
            </button>
            <a class="button" href=cancel_href>
                "Cancelar"
            </a>
        </div>
    }
}
