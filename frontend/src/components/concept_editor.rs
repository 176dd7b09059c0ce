use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use shared::dto::{Concept, ConceptInput};

use crate::api::catalog::update_concept;
use crate::components::form_actions_inline::InlineActions;
use crate::components::select_field::{Choice, SelectField};
use crate::components::text_field::TextField;
use crate::form::{Submission, picked_id};
use crate::session::use_session;

const FIELDS: &[&str] = &["code", "description", "unit_id", "quantity", "unit_price"];

/// A concept of the catalog being corrected in place, as a row of the catalog's table.
#[component]
pub fn ConceptEditor(
    contract_id: i64,
    concept: Concept,
    units: Signal<Vec<Choice>>,
    /// Set back to false once saved or given up.
    editing: RwSignal<bool>,
    /// Bumped once saved, so the catalog and its total are read again.
    changed: RwSignal<u32>,
) -> impl IntoView {
    let session = use_session();
    let submission = Submission::new();
    let concept_id = concept.id;
    let code = RwSignal::new(concept.code);
    let description = RwSignal::new(concept.description);
    let unit = RwSignal::new(concept.unit_id.to_string());
    let quantity = RwSignal::new(concept.quantity.normalize().to_string());
    let unit_price = RwSignal::new(concept.unit_price.to_string());
    let id = move |field: &str| format!("concept-edit-{concept_id}-{field}");

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let unit_id = match picked_id("unit_id", &unit.get_untracked()) {
            Ok(unit_id) => unit_id,
            Err(error) => return submission.refuse(error),
        };
        let input = ConceptInput {
            code: code.get_untracked(),
            description: description.get_untracked(),
            unit_id,
            quantity: quantity.get_untracked().trim().to_string(),
            unit_price: unit_price.get_untracked().trim().to_string(),
        };
        let request = async move {
            session
                .call(move |token| update_concept(token, contract_id, concept_id, input.clone()))
                .await
        };
        let saved = move |_| {
            editing.set(false);
            changed.update(|version| *version += 1);
        };
        submission.send(request, saved);
    };

    view! {
        <tr data-testid="concept-editor">
            <td colspan="7">
                <form class="concept-editor" on:submit=on_submit>
                    <TextField
                        id=id("code")
                        testid="concept-edit-code"
                        label="Clave"
                        value=code
                        error=submission.field("code")
                    />
                    <TextField
                        id=id("description")
                        testid="concept-edit-description"
                        label="Descripción"
                        value=description
                        error=submission.field("description")
                    />
                    <SelectField
                        id=id("unit")
                        testid="concept-edit-unit"
                        label="Unidad"
                        value=unit
                        choices=units
                        error=submission.field("unit_id")
                    />
                    <TextField
                        id=id("quantity")
                        testid="concept-edit-quantity"
                        label="Cantidad"
                        inputmode="decimal"
                        value=quantity
                        error=submission.field("quantity")
                    />
                    <TextField
                        id=id("unit-price")
                        testid="concept-edit-unit-price"
                        label="Precio unitario"
                        inputmode="decimal"
                        value=unit_price
                        error=submission.field("unit_price")
                    />
                    <InlineActions submission fields=FIELDS testid="concept-edit-save" editing />
                </form>
            </td>
        </tr>
    }
}
