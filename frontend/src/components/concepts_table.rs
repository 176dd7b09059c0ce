use leptos::prelude::*;
use shared::dto::{Concept, ConceptPage};

use crate::api::catalog::delete_concept;
use crate::components::concept_editor::ConceptEditor;
use crate::components::delete_button::{DeleteButton, Deletion};
use crate::components::select_field::Choice;
use crate::format;
use crate::session::use_session;

/// The contract's catalog: one row per concept, and the catalog's total under them.
#[component]
pub fn ConceptsTable(
    contract_id: i64,
    page: ConceptPage,
    /// The units a corrected concept may take.
    units: Signal<Vec<Choice>>,
    #[prop(into)] may_edit: Signal<bool>,
    /// Bumped after a deletion, so the catalog and its total are read again.
    changed: RwSignal<u32>,
) -> impl IntoView {
    if page.items.is_empty() {
        return view! {
            <p class="empty-state" data-testid="concepts-empty">
                "El catálogo aún no tiene conceptos."
            </p>
        }
        .into_any();
    }
    let rows = page
        .items
        .into_iter()
        .map(|concept| view! { <ConceptRow contract_id concept units may_edit changed /> })
        .collect_view();

    view! {
        <div class="table-wrap">
            <table class="data-table" data-testid="concepts-table">
                <thead>
                    <tr>
                        <th scope="col">"Clave"</th>
                        <th scope="col">"Descripción"</th>
                        <th scope="col">"Unidad"</th>
                        <th scope="col" class="numeric">"Cantidad"</th>
                        <th scope="col" class="numeric">"P. unitario"</th>
                        <th scope="col" class="numeric">"Importe"</th>
                        <th scope="col">
                            <span class="visually-hidden">"Acciones"</span>
                        </th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="5">
                            {format!("Total del catálogo ({} conceptos)", page.total)}
                        </th>
                        <td class="numeric" data-label="Total" data-testid="catalog-total">
                            {format::money(page.catalog_amount)}
                        </td>
                        <td></td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
    .into_any()
}

/// A concept, or its editor while it is being corrected.
#[component]
fn ConceptRow(
    contract_id: i64,
    concept: Concept,
    units: Signal<Vec<Choice>>,
    may_edit: Signal<bool>,
    changed: RwSignal<u32>,
) -> impl IntoView {
    let editing = RwSignal::new(false);

    move || {
        let concept = concept.clone();
        if editing.get() {
            view! { <ConceptEditor contract_id concept units editing changed /> }.into_any()
        } else {
            view! { <ConceptLine contract_id concept may_edit editing changed /> }.into_any()
        }
    }
}

#[component]
fn ConceptLine(
    contract_id: i64,
    concept: Concept,
    may_edit: Signal<bool>,
    editing: RwSignal<bool>,
    changed: RwSignal<u32>,
) -> impl IntoView {
    let session = use_session();
    let concept_id = concept.id;
    let action = move || -> Deletion {
        Box::pin(async move {
            session
                .call(move |token| delete_concept(token, contract_id, concept_id))
                .await?;
            changed.update(|version| *version += 1);
            Ok(())
        })
    };

    view! {
        <tr data-testid="concept-row">
            <td data-label="Clave">{concept.code}</td>
            <td data-label="Descripción">{concept.description}</td>
            <td data-label="Unidad">{concept.unit}</td>
            <td data-label="Cantidad" class="numeric">{format::quantity(concept.quantity)}</td>
            <td data-label="P. unitario" class="numeric">{format::money(concept.unit_price)}</td>
            <td data-label="Importe" class="numeric" data-testid="concept-amount">
                {format::money(concept.amount)}
            </td>
            <td class="row-actions">
                {move || {
                    may_edit
                        .get()
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="button"
                                    data-testid="edit-concept"
                                    on:click=move |_| editing.set(true)
                                >
                                    "Editar"
                                </button>
                                <DeleteButton label="Quitar" testid="delete-concept" action />
                            }
                        })
                }}
            </td>
        </tr>
    }
}
