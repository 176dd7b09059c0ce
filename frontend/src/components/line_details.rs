use leptos::prelude::*;
use shared::dto::Photo;

use crate::components::field_error::FieldError;
use crate::components::line_photos::LinePhotos;
use crate::estimate_draft::{Draft, LineDraft};
use crate::form::Submission;

/// What a line carries beyond its quantity: its notes ("observaciones"), saved with the
/// quantities, and the photos of the work.
#[component]
pub fn LineDetails(
    estimate_id: i64,
    line: LineDraft,
    draft: Draft,
    editable: Signal<bool>,
    /// The last save of the lines, whose complaints name `lines[i].notes`.
    submission: Submission,
    photos: RwSignal<Vec<Photo>>,
    /// Set to false by "Cerrar".
    open: RwSignal<bool>,
) -> impl IntoView {
    let concept_id = line.concept_id;
    let notes_id = format!("line-{concept_id}-notes");
    let error_id = format!("line-{concept_id}-notes-error");
    let error = submission.computed_field(move || draft.field_of(concept_id, "notes"));

    view! {
        <div class="line-details" data-testid="line-details">
            <div class="line-notes">
                <label for=notes_id.clone() class="line-details-title">"Observaciones"</label>
                <textarea
                    id=notes_id
                    rows="3"
                    maxlength="2000"
                    data-testid="line-notes"
                    aria-describedby=error_id.clone()
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    readonly=move || !editable.get()
                    bind:value=line.notes
                ></textarea>
                <FieldError id=error_id message=error testid="line-notes-error" />
                <Show when=move || editable.get()>
                    <p class="note">"Se guardan con «Guardar», junto con las cantidades."</p>
                </Show>
            </div>
            <LinePhotos estimate_id concept_id editable photos />
            <div class="form-actions">
                <button
                    type="button"
                    class="button"
                    data-testid="close-line-details"
                    on:click=move |_| open.set(false)
                >
                    "Cerrar"
                </button>
            </div>
        </div>
    }
}
