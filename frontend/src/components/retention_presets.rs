use leptos::prelude::*;
use shared::dto::{RetentionInput, retention_presets};

use crate::api::catalog::add_retention;
use crate::components::error_message::ErrorMessage;
use crate::form::Submission;
use crate::session::use_session;

/// One button per usual retention; one the contract already has is not offered twice.
#[component]
pub fn RetentionPresets(
    contract_id: i64,
    /// The names of the contract's retentions.
    names: Signal<Vec<String>>,
    /// Bumped once one is added, so the list is read again.
    changed: RwSignal<u32>,
) -> impl IntoView {
    let session = use_session();
    let submission = Submission::new();
    let add = move |input: RetentionInput| {
        let request = async move {
            session
                .call(move |token| add_retention(token, contract_id, input.clone()))
                .await
        };
        submission.send(request, move |_| changed.update(|version| *version += 1));
    };
    let buttons = retention_presets()
        .into_iter()
        .map(|preset| {
            let name = preset.retention.name.clone();
            let label = format!("+ {name}");
            let taken = move || names.with(|names| names.contains(&name));
            let input = preset.retention;
            view! {
                <button
                    type="button"
                    class="button"
                    data-testid=format!("retention-preset-{}", preset.key)
                    disabled=move || taken() || submission.pending()
                    on:click=move |_| add(input.clone())
                >
                    {label}
                </button>
            }
        })
        .collect_view();

    view! {
        <div class="presets" data-testid="retention-presets">
            <p class="hint">"Agregar una retención usual:"</p>
            {buttons}
            {move || {
                submission
                    .general(&[])
                    .map(|message| {
                        view! { <ErrorMessage message testid="retention-preset-error" /> }
                    })
            }}
        </div>
    }
}
