use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use rust_decimal::Decimal;
use shared::billing::{measurement_quantity, takeoff_quantity};
use shared::dto::{Measurement, MeasurementInput, Statement, Takeoff, TakeoffInput};

use crate::api::ApiError;
use crate::api::estimates::{replace_takeoff, statement, takeoff};
use crate::components::error_message::ErrorMessage;
use crate::components::loading::Loading;
use crate::estimate_draft::Draft;
use crate::form::Submission;
use crate::format;
use crate::live_statement::parse_quantity;
use crate::session::{Session, use_session};

/// One take-off row as typed. `key` tells rows apart while rows above are removed.
#[derive(Clone, Copy)]
struct RowDraft {
    key: usize,
    label: RwSignal<String>,
    length: RwSignal<String>,
    width: RwSignal<String>,
    height: RwSignal<String>,
    pieces: RwSignal<String>,
}

impl RowDraft {
    fn new(key: usize, row: Option<&Measurement>) -> RowDraft {
        let text = |pick: fn(&Measurement) -> Option<Decimal>| {
            let value = row
                .and_then(pick)
                .map(|value| value.normalize().to_string());
            RwSignal::new(value.unwrap_or_default())
        };
        RowDraft {
            key,
            label: RwSignal::new(row.map(|row| row.label.clone()).unwrap_or_default()),
            length: text(|row| row.length),
            width: text(|row| row.width),
            height: text(|row| row.height),
            pieces: text(|row| row.pieces),
        }
    }

    /// Nothing typed at all: not sent, since the server would count it as one piece.
    fn is_blank(&self) -> bool {
        [
            self.label,
            self.length,
            self.width,
            self.height,
            self.pieces,
        ]
        .iter()
        .all(|text| text.with(|text| text.trim().is_empty()))
    }

    /// The row's product as the server will compute it; `None` while a dimension is not a
    /// number.
    fn quantity(&self) -> Option<Decimal> {
        let dimension = |text: RwSignal<String>| -> Option<Option<Decimal>> {
            let text = text.get();
            if text.trim().is_empty() {
                return Some(None);
            }
            parse_quantity(&text).map(Some)
        };
        Some(measurement_quantity(
            dimension(self.length)?,
            dimension(self.width)?,
            dimension(self.height)?,
            dimension(self.pieces)?,
        ))
    }

    fn is_blank_untracked(&self) -> bool {
        untrack(|| self.is_blank())
    }

    fn input(&self) -> MeasurementInput {
        // An empty dimension is left out of the product, so it is not sent at all.
        let dimension = |text: RwSignal<String>| {
            let text = text.get_untracked().trim().to_string();
            (!text.is_empty()).then_some(text)
        };
        MeasurementInput {
            label: self.label.get_untracked().trim().to_string(),
            length: dimension(self.length),
            width: dimension(self.width),
            height: dimension(self.height),
            pieces: dimension(self.pieces),
        }
    }
}

/// A line's take-off ("números generadores"): its measurement rows, their products and their
/// sum, which becomes the line's quantity once saved.
#[component]
pub fn TakeoffEditor(
    estimate_id: i64,
    concept_id: i64,
    draft: Draft,
    editable: Signal<bool>,
    /// Set to false by "Cerrar".
    open: RwSignal<bool>,
) -> impl IntoView {
    let session = use_session();
    let loaded = LocalResource::new(move || async move {
        session
            .call(move |token| takeoff(token, estimate_id, concept_id))
            .await
    });

    view! {
        <div class="takeoff-editor" data-testid="takeoff-editor">
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok(takeoff) => {
                            view! { <TakeoffForm estimate_id takeoff draft editable open /> }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorMessage message=error.message() /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn TakeoffForm(
    estimate_id: i64,
    takeoff: Takeoff,
    draft: Draft,
    editable: Signal<bool>,
    open: RwSignal<bool>,
) -> impl IntoView {
    let session = use_session();
    let submission = Submission::new();
    let concept_id = takeoff.concept_id;
    let next_key = StoredValue::new(takeoff.rows.len().max(1));
    let initial: Vec<RowDraft> = match takeoff.rows.is_empty() {
        true => vec![RowDraft::new(0, None)],
        false => (takeoff.rows.iter().enumerate())
            .map(|(key, row)| RowDraft::new(key, Some(row)))
            .collect(),
    };
    let rows = RwSignal::new(initial);

    let add_row = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|rows| rows.push(RowDraft::new(key, None)));
    };
    let total = move || {
        let rows = rows.get();
        let filled = rows.iter().filter(|row| !row.is_blank());
        let products: Option<Vec<Decimal>> = filled.map(RowDraft::quantity).collect();
        products.map_or("—".to_string(), |products| {
            format::quantity(takeoff_quantity(products))
        })
    };
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let input = TakeoffInput {
            rows: (rows.get_untracked().iter())
                .filter(|row| !row.is_blank_untracked())
                .map(RowDraft::input)
                .collect(),
        };
        let request = save(session, estimate_id, concept_id, input);
        let saved = move |(takeoff, statement): (Takeoff, Statement)| {
            draft.accept_takeoff(concept_id, !takeoff.rows.is_empty(), statement);
            open.set(false);
        };
        submission.send(request, saved);
    };

    view! {
        <form class="takeoff-form" on:submit=on_submit data-testid="takeoff-form">
            <table class="data-table takeoff-table">
                <thead>
                    <tr>
                        <th scope="col">"Renglón"</th>
                        <th scope="col" class="numeric">"Largo"</th>
                        <th scope="col" class="numeric">"Ancho"</th>
                        <th scope="col" class="numeric">"Alto"</th>
                        <th scope="col" class="numeric">"Piezas"</th>
                        <th scope="col" class="numeric">"Cantidad"</th>
                        <th scope="col">
                            <span class="visually-hidden">"Acciones"</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|row| row.key let:row>
                        <MeasurementRow row rows editable submission />
                    </For>
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="5">"Total del generador"</th>
                        <td class="numeric" data-testid="takeoff-total">{total}</td>
                        <td></td>
                    </tr>
                </tfoot>
            </table>
            {move || {
                submission
                    .general_where(|field| field.starts_with("rows["))
                    .map(|message| view! { <ErrorMessage message testid="takeoff-error" /> })
            }}
            <div class="form-actions">
                <Show when=move || editable.get()>
                    <button
                        type="button"
                        class="button"
                        data-testid="add-measurement"
                        on:click=add_row
                    >
                        "Agregar renglón"
                    </button>
                    <button
                        type="submit"
                        class="button button-primary"
                        data-testid="save-takeoff"
                        disabled=move || submission.pending()
                    >
                        "Guardar generador"
                    </button>
                </Show>
                <button type="button" class="button" on:click=move |_| open.set(false)>
                    "Cerrar"
                </button>
            </div>
        </form>
    }
}

/// One measurement row with its product.
#[component]
fn MeasurementRow(
    row: RowDraft,
    rows: RwSignal<Vec<RowDraft>>,
    editable: Signal<bool>,
    submission: Submission,
) -> impl IntoView {
    let key = row.key;
    // The server names row i by its position, which changes as rows above are removed.
    let field = move |name: &'static str| {
        submission.computed_field(move || {
            let index = rows.with(|rows| rows.iter().position(|row| row.key == key))?;
            Some(format!("rows[{index}].{name}"))
        })
    };
    let input = move |value: RwSignal<String>, name: &'static str, label: &'static str| {
        let error = field(name);
        view! {
            <td class="numeric">
                <input
                    class="quantity-input"
                    inputmode="decimal"
                    aria-label=label
                    data-testid=format!("measurement-{name}")
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    readonly=move || !editable.get()
                    bind:value=value
                />
                {move || error.get().map(|message| view! { <p class="field-error">{message}</p> })}
            </td>
        }
    };
    let product = move || match row.is_blank() {
        true => "—".to_string(),
        false => row.quantity().map_or("—".to_string(), format::quantity),
    };
    let remove = move |_| rows.update(|rows| rows.retain(|row| row.key != key));

    view! {
        <tr data-testid="measurement-row">
            <td>
                <input
                    aria-label="Renglón"
                    data-testid="measurement-label"
                    readonly=move || !editable.get()
                    bind:value=row.label
                />
            </td>
            {input(row.length, "length", "Largo")}
            {input(row.width, "width", "Ancho")}
            {input(row.height, "height", "Alto")}
            {input(row.pieces, "pieces", "Piezas")}
            <td class="numeric" data-testid="measurement-quantity">{product}</td>
            <td>
                <Show when=move || editable.get()>
                    <button
                        type="button"
                        class="button remove-row"
                        data-testid="remove-measurement"
                        on:click=remove
                    >
                        "Quitar"
                    </button>
                </Show>
            </td>
        </tr>
    }
}

/// Replaces the take-off, then reads the statement its new quantity gives.
async fn save(
    session: Session,
    estimate_id: i64,
    concept_id: i64,
    input: TakeoffInput,
) -> Result<(Takeoff, Statement), ApiError> {
    let saved = session
        .call(move |token| replace_takeoff(token, estimate_id, concept_id, input.clone()))
        .await?;
    let statement = session
        .call(move |token| statement(token, estimate_id))
        .await?;
    Ok((saved, statement))
}
