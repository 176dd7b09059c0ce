use leptos::prelude::*;
use rust_decimal::Decimal;
use shared::dto::{Photo, StatementLine, StatementTotals};

use crate::components::field_error::FieldError;
use crate::components::line_details::LineDetails;
use crate::components::takeoff_editor::TakeoffEditor;
use crate::estimate_draft::{Draft, LineDraft};
use crate::form::Submission;
use crate::format;

/// Columns of the grid, for the take-off row that spans them all.
const COLUMNS: &str = "14";

/// Every concept of the contract: contracted, previous, this estimate (typed), to date and
/// pending, with the column totals under them. The figures follow what is typed.
#[component]
pub fn EstimateGrid(
    estimate_id: i64,
    draft: Draft,
    #[prop(into)] editable: Signal<bool>,
    /// The last save, whose complaints name `lines[i].quantity`.
    submission: Submission,
    /// The estimate's photos, of every line.
    photos: RwSignal<Vec<Photo>>,
) -> impl IntoView {
    let rows = draft
        .lines()
        .into_iter()
        .enumerate()
        .map(|(index, line)| {
            view! { <GridRow estimate_id index line draft editable submission photos /> }
        })
        .collect_view();
    let total = move |pick: fn(&StatementTotals) -> Decimal| {
        move || {
            draft
                .live
                .with(|statement| format::money(pick(&statement.totals)))
        }
    };

    view! {
        <div class="table-wrap">
            <table class="data-table estimate-grid" data-testid="estimate-grid">
                <thead>
                    <tr>
                        <th scope="col" rowspan="2">"Clave"</th>
                        <th scope="col" rowspan="2">"Descripción"</th>
                        <th scope="col" rowspan="2">"Unidad"</th>
                        <th scope="col" colspan="2">"Contratado"</th>
                        <th scope="col" colspan="2">"Anterior"</th>
                        <th scope="col" colspan="2">"Esta estimación"</th>
                        <th scope="col" colspan="2">"Acumulado"</th>
                        <th scope="col" colspan="2">"Por ejecutar"</th>
                        <th scope="col" rowspan="2" class="numeric">"%"</th>
                    </tr>
                    <tr>
                        <th scope="col" class="numeric">"Cantidad"</th>
                        <th scope="col" class="numeric">"Importe"</th>
                        <th scope="col" class="numeric">"Cantidad"</th>
                        <th scope="col" class="numeric">"Importe"</th>
                        <th scope="col" class="numeric">"Cantidad"</th>
                        <th scope="col" class="numeric">"Importe"</th>
                        <th scope="col" class="numeric">"Cantidad"</th>
                        <th scope="col" class="numeric">"Importe"</th>
                        <th scope="col" class="numeric">"Cantidad"</th>
                        <th scope="col" class="numeric">"Importe"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr data-testid="grid-totals">
                        <th scope="row" colspan="3">"Totales"</th>
                        <td></td>
                        <td class="numeric" data-testid="grid-total-contracted">
                            {total(|totals| totals.contracted)}
                        </td>
                        <td></td>
                        <td class="numeric" data-testid="grid-total-previous">
                            {total(|totals| totals.previous)}
                        </td>
                        <td></td>
                        <td class="numeric" data-testid="grid-total-this">
                            {total(|totals| totals.this)}
                        </td>
                        <td></td>
                        <td class="numeric" data-testid="grid-total-to-date">
                            {total(|totals| totals.to_date)}
                        </td>
                        <td colspan="3"></td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// One concept's line, and under it its take-off or its notes and photos when opened.
#[component]
fn GridRow(
    estimate_id: i64,
    index: usize,
    line: LineDraft,
    draft: Draft,
    editable: Signal<bool>,
    submission: Submission,
    photos: RwSignal<Vec<Photo>>,
) -> impl IntoView {
    let concept_id = line.concept_id;
    let takeoff_open = RwSignal::new(false);
    let details_open = RwSignal::new(false);
    let photo_count =
        move || photos.with(|photos| photos.iter().filter(|p| p.concept_id == concept_id).count());
    let has_notes = move || line.notes.with(|notes| !notes.trim().is_empty());
    // Rows never move, so the row reads its line of the live statement by position.
    let cell = move |pick: fn(&StatementLine) -> String| {
        move || {
            draft
                .live
                .with(|s| s.lines.get(index).map(pick).unwrap_or_default())
        }
    };
    let code = draft.live.with_untracked(|s| s.lines[index].code.clone());
    let description = draft
        .live
        .with_untracked(|s| s.lines[index].description.clone());
    let unit = draft.live.with_untracked(|s| s.lines[index].unit.clone());
    let over = move || {
        draft
            .live
            .with(|s| s.lines.get(index).is_some_and(|l| l.over_contract))
    };
    let error = submission.computed_field(move || draft.field_of(concept_id, "quantity"));
    let error_id = format!("line-{concept_id}-error");
    let input_id = format!("line-{concept_id}-quantity");
    let readonly = move || !editable.get() || line.measured.get();
    let invalid = move || (line.typed().is_none() || error.with(Option::is_some)).to_string();

    view! {
        <tr
            data-testid="estimate-line"
            data-code=code.clone()
            class:over-contract=over
            class:changed=move || line.is_changed()
        >
            <td data-label="Clave">
                {code.clone()}
                {move || {
                    over()
                        .then(|| {
                            view! {
                                <span class="badge badge-warning" data-testid="over-contract">
                                    "Excede lo contratado"
                                </span>
                            }
                        })
                }}
            </td>
            <td data-label="Descripción" class="description">
                {description}
                <button
                    type="button"
                    class="link-button line-details-toggle"
                    data-testid="open-line-details"
                    aria-expanded=move || details_open.get().to_string()
                    on:click=move |_| details_open.update(|open| *open = !*open)
                >
                    {move || if has_notes() { "Observaciones ✓" } else { "Observaciones" }}
                    " · Fotos "
                    <span class="badge" data-testid="line-photo-count">{photo_count}</span>
                </button>
            </td>
            <td data-label="Unidad">{unit}</td>
            <td class="numeric" data-testid="line-contracted-quantity">
                {cell(|l| format::quantity(l.contracted_quantity))}
            </td>
            <td class="numeric">{cell(|l| format::money(l.contracted_amount))}</td>
            <td class="numeric" data-testid="line-previous-quantity">
                {cell(|l| format::quantity(l.previous_quantity))}
            </td>
            <td class="numeric" data-testid="line-previous-amount">
                {cell(|l| format::money(l.previous_amount))}
            </td>
            <td class="numeric quantity-cell">
                <label for=input_id.clone() class="visually-hidden">
                    {format!("Cantidad de esta estimación, {code}")}
                </label>
                <input
                    id=input_id
                    class="quantity-input"
                    inputmode="decimal"
                    placeholder="0"
                    data-testid="line-quantity"
                    aria-describedby=error_id.clone()
                    aria-invalid=invalid
                    readonly=readonly
                    bind:value=line.text
                />
                <FieldError id=error_id message=error testid="line-quantity-error" />
                <button
                    type="button"
                    class="link-button"
                    data-testid="open-takeoff"
                    aria-expanded=move || takeoff_open.get().to_string()
                    on:click=move |_| takeoff_open.update(|open| *open = !*open)
                >
                    {move || if line.measured.get() { "Generador ✓" } else { "Generador" }}
                </button>
            </td>
            <td class="numeric" data-testid="line-this-amount">
                {cell(|l| format::money(l.this_amount))}
            </td>
            <td class="numeric" data-testid="line-to-date-quantity">
                {cell(|l| format::quantity(l.to_date_quantity))}
            </td>
            <td class="numeric" data-testid="line-to-date-amount">
                {cell(|l| format::money(l.to_date_amount))}
            </td>
            <td class="numeric" data-testid="line-pending-quantity">
                {cell(|l| format::quantity(l.pending_quantity))}
            </td>
            <td class="numeric" data-testid="line-pending-amount">
                {cell(|l| format::money(l.pending_amount))}
            </td>
            <td class="numeric" data-testid="line-percent">
                {cell(|l| l.percent.map(format::percent).unwrap_or_else(|| "—".into()))}
            </td>
        </tr>
        {move || {
            takeoff_open
                .get()
                .then(|| {
                    view! {
                        <tr class="takeoff-row" data-testid="takeoff-row">
                            <td colspan=COLUMNS>
                                <TakeoffEditor
                                    estimate_id
                                    concept_id
                                    draft
                                    editable
                                    open=takeoff_open
                                />
                            </td>
                        </tr>
                    }
                })
        }}
        {move || {
            details_open
                .get()
                .then(|| {
                    view! {
                        <tr
                            class="line-details-row"
                            data-testid="line-details-row"
                            data-code=code.clone()
                        >
                            <td colspan=COLUMNS>
                                <LineDetails
                                    estimate_id
                                    line
                                    draft
                                    editable
                                    submission
                                    photos
                                    open=details_open
                                />
                            </td>
                        </tr>
                    }
                })
        }}
    }
}
