use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use shared::dto::{ConceptBatch, ConceptInput};

use crate::api::ApiError;
use crate::api::catalog::add_concepts;
use crate::components::error_message::ErrorMessage;
use crate::components::select_field::{Choice, SelectField};
use crate::components::text_field::TextField;
use crate::form::{Submission, picked_id};
use crate::routes;
use crate::session::use_session;

/// One row being typed. `key` tells rows apart while others are added and removed; the
/// server names a row by its position instead (`concepts[2].unit_price`).
#[derive(Clone, Copy)]
struct Draft {
    key: u32,
    code: RwSignal<String>,
    description: RwSignal<String>,
    unit: RwSignal<String>,
    quantity: RwSignal<String>,
    unit_price: RwSignal<String>,
}

impl Draft {
    fn new(key: u32) -> Draft {
        Draft {
            key,
            code: RwSignal::new(String::new()),
            description: RwSignal::new(String::new()),
            unit: RwSignal::new(String::new()),
            quantity: RwSignal::new(String::new()),
            unit_price: RwSignal::new(String::new()),
        }
    }

    /// The row as the API takes it; `index` names it in a complaint found here.
    fn input(&self, index: usize) -> Result<ConceptInput, ApiError> {
        let unit_id = picked_id(
            &format!("concepts[{index}].unit_id"),
            &self.unit.get_untracked(),
        )?;
        Ok(ConceptInput {
            code: self.code.get_untracked(),
            description: self.description.get_untracked(),
            unit_id,
            quantity: self.quantity.get_untracked().trim().to_string(),
            unit_price: self.unit_price.get_untracked().trim().to_string(),
        })
    }
}

/// Adds several concepts to the catalog with one request: every row is saved, or none, and
/// each complaint shows at its row.
#[component]
pub fn ConceptBatchForm(
    contract_id: i64,
    /// The units each row may take.
    units: Signal<Vec<Choice>>,
    /// Bumped once the concepts are saved, so the catalog and its total are read again.
    changed: RwSignal<u32>,
) -> impl IntoView {
    let session = use_session();
    let submission = Submission::new();
    let next_key = StoredValue::new(1_u32);
    let rows = RwSignal::new(vec![Draft::new(0)]);

    let add_row = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|rows| rows.push(Draft::new(key)));
    };
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let batch = match batch_of(&rows.get_untracked()) {
            Ok(batch) => batch,
            Err(error) => return submission.refuse(error),
        };
        let saved = move |_| {
            rows.set(vec![Draft::new(next_key.get_value())]);
            next_key.update_value(|key| *key += 1);
            changed.update(|version| *version += 1);
        };
        let request = async move {
            session
                .call(move |token| add_concepts(token, contract_id, batch.clone()))
                .await
        };
        submission.send(request, saved);
    };
    let general = move || {
        submission
            .general_where(|field| field.starts_with("concepts["))
            .map(|message| view! { <ErrorMessage message testid="concepts-error" /> })
    };

    view! {
        <form class="card batch-form" on:submit=on_submit data-testid="concept-batch-form">
            <h3>"Agregar conceptos"</h3>
            <NoUnitsNote choices=units />
            <For each=move || rows.get() key=|draft| draft.key let:draft>
                <DraftRow draft rows choices=units submission />
            </For>
            {general}
            <div class="form-actions">
                <button type="button" class="button" data-testid="add-concept-row" on:click=add_row>
                    "+ Otro renglón"
                </button>
                <button
                    type="submit"
                    class="button button-primary"
                    data-testid="save-concepts"
                    disabled=move || submission.pending()
                >
                    {move || if submission.pending() { "Guardando…" } else { "Guardar conceptos" }}
                </button>
            </div>
        </form>
    }
}

/// Every row as the API takes it, or every complaint found before sending.
fn batch_of(rows: &[Draft]) -> Result<ConceptBatch, ApiError> {
    let mut concepts = Vec::with_capacity(rows.len());
    let mut faults = Vec::new();
    for (index, draft) in rows.iter().enumerate() {
        match draft.input(index) {
            Ok(concept) => concepts.push(concept),
            Err(error) => faults.extend_from_slice(error.field_errors()),
        }
    }

    if faults.is_empty() {
        Ok(ConceptBatch { concepts })
    } else {
        Err(ApiError::invalid_fields(faults))
    }
}

/// Concepts need units; say where to create them when the company has none.
#[component]
fn NoUnitsNote(choices: Signal<Vec<Choice>>) -> impl IntoView {
    move || {
        choices.with(Vec::is_empty).then(|| {
            view! {
                <p class="note" data-testid="no-units">
                    "Aún no hay unidades. "
                    <a href=routes::NEW_UNIT>"Crea una unidad"</a>
                    " antes de agregar conceptos."
                </p>
            }
        })
    }
}

#[component]
fn DraftRow(
    draft: Draft,
    rows: RwSignal<Vec<Draft>>,
    choices: Signal<Vec<Choice>>,
    submission: Submission,
) -> impl IntoView {
    let key = draft.key;
    let id = move |field: &str| format!("concept-{key}-{field}");
    // The server names the row by where it is now, which changes when a row above goes.
    let error = move |field: &'static str| {
        submission.computed_field(move || {
            let index = rows.with(|rows| rows.iter().position(|row| row.key == key))?;
            Some(format!("concepts[{index}].{field}"))
        })
    };
    let remove = move |_| {
        rows.update(|rows| rows.retain(|row| row.key != key));
        // Complaints name rows by position; after a removal they would point at others.
        submission.clear();
    };
    let only_row = move || rows.with(|rows| rows.len() == 1);

    view! {
        <fieldset class="draft-row" data-testid="concept-draft">
            <legend class="visually-hidden">"Concepto"</legend>
            <TextField
                id=id("code")
                testid="concept-code"
                label="Clave"
                value=draft.code
                error=error("code")
            />
            <TextField
                id=id("description")
                testid="concept-description"
                label="Descripción"
                value=draft.description
                error=error("description")
            />
            <SelectField
                id=id("unit")
                testid="concept-unit"
                label="Unidad"
                value=draft.unit
                choices
                error=error("unit_id")
                placeholder="Elige…"
            />
            <TextField
                id=id("quantity")
                testid="concept-quantity"
                label="Cantidad"
                inputmode="decimal"
                value=draft.quantity
                error=error("quantity")
            />
            <TextField
                id=id("unit-price")
                testid="concept-unit-price"
                label="Precio unitario"
                inputmode="decimal"
                value=draft.unit_price
                error=error("unit_price")
            />
            <button
                type="button"
                class="button remove-row"
                data-testid="remove-concept-row"
                disabled=only_row
                on:click=remove
            >
                "Quitar"
            </button>
        </fieldset>
    }
}
