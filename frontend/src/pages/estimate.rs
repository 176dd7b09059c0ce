use std::sync::Arc;

use futures::future::{try_join3, try_join4};
use leptos::prelude::*;
use shared::Action;
use shared::dto::{Contract, Estimate, EstimateLines, Photo, Statement};

use crate::api::ApiError;
use crate::api::catalog::list_retentions;
use crate::api::contracts::{assigned_users, get_contract};
use crate::api::estimates::{estimate_lines, get_estimate, list_estimates, set_lines, statement};
use crate::api::photos::list_photos;
use crate::components::error_message::ErrorMessage;
use crate::components::estimate_actions::EstimateActions;
use crate::components::estimate_documents::EstimateDocuments;
use crate::components::estimate_form::EstimateForm;
use crate::components::estimate_grid::EstimateGrid;
use crate::components::estimate_header::EstimateHeader;
use crate::components::loading::Loading;
use crate::components::statement_totals::StatementTotalsView;
use crate::components::tie_out::TieOutChecks;
use crate::estimate_draft::Draft;
use crate::form::Submission;
use crate::live_statement::Basis;
use crate::pages::{record_id, set_title};
use crate::session::{Session, use_session};

/// `/estimaciones/:id`: the estimate editor. Every concept of the contract with its
/// quantities and amounts, live totals while typing, take-offs, notes and photos of each
/// line, the billing actions and the printable documents.
#[component]
pub fn EstimatePage() -> impl IntoView {
    set_title("Estimación");
    let id = record_id();

    move || match id.get() {
        Some(id) => view! { <EstimateView id /> }.into_any(),
        None => view! { <ErrorMessage message=ApiError::not_found().message() /> }.into_any(),
    }
}

/// Everything the editor reads before it shows anything.
#[derive(Clone)]
struct Loaded {
    estimate: Estimate,
    contract: Contract,
    basis: Arc<Basis>,
    statement: Statement,
    lines: EstimateLines,
    photos: Vec<Photo>,
    assigned: bool,
    latest: bool,
}

#[component]
fn EstimateView(id: i64) -> impl IntoView {
    let session = use_session();
    let reload = RwSignal::new(0_u32);
    let loaded = LocalResource::new(move || {
        reload.track();
        let _company = session.active_company_id();
        load(session, id)
    });

    view! {
        <section class="page estimate-page" aria-labelledby="estimate-title">
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok(loaded) => view! { <Editor loaded reload /> }.into_any(),
                        Err(error) => view! { <ErrorMessage message=error.message() /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

async fn load(session: Session, id: i64) -> Result<Loaded, ApiError> {
    let estimate = session.call(move |token| get_estimate(token, id)).await?;
    let contract_id = estimate.contract_id;

    let (contract, retentions, statement, lines) = try_join4(
        session.call(move |token| get_contract(token, contract_id)),
        session.call(move |token| list_retentions(token, contract_id)),
        session.call(move |token| statement(token, id)),
        session.call(move |token| estimate_lines(token, id)),
    )
    .await?;
    let (users, estimates, photos) = try_join3(
        session.call(move |token| assigned_users(token, contract_id)),
        session.call(move |token| list_estimates(token, contract_id)),
        session.call(move |token| list_photos(token, id)),
    )
    .await?;

    let me = session.user_id();
    let assigned = users.items.iter().any(|user| Some(user.id) == me);
    let last_number = estimates.items.iter().map(|e| e.number).max();
    let basis = Basis::new(&contract, &retentions.items, &statement, &estimate);
    Ok(Loaded {
        latest: last_number == Some(estimate.number),
        estimate,
        contract,
        basis: Arc::new(basis),
        statement,
        lines,
        photos: photos.items,
        assigned,
    })
}

/// The editor once everything is loaded: the figures follow what is typed, and saving
/// replaces them with the server's.
#[component]
fn Editor(loaded: Loaded, reload: RwSignal<u32>) -> impl IntoView {
    let session = use_session();
    let Loaded {
        estimate,
        contract,
        basis,
        statement,
        lines,
        photos,
        assigned,
        latest,
    } = loaded;
    set_title(&format!(
        "Estimación {} · Contrato {}",
        estimate.number, contract.folio
    ));

    let locked = estimate.invoiced_on.is_some();
    let editable = Signal::derive(move || !locked && session.may(Action::EditEstimate, assigned));
    let draft = Draft::new(basis, statement, &lines);
    let totals = Signal::derive(move || draft.live.with(|s| s.totals.clone()));
    let tie_out = Signal::derive(move || draft.live.with(|s| s.tie_out.clone()));
    let locked_note = locked.then(|| {
        view! {
            <p class="alert alert-info" data-testid="estimate-locked">
                "Estimación facturada: sus cifras están congeladas y no se pueden editar."
            </p>
        }
    });

    view! {
        <EstimateHeader estimate=estimate.clone() contract=contract.clone() />
        <Toolbar
            estimate=estimate.clone()
            counterparty_id=contract.counterparty.id
            assigned
            latest
            editable
            reload
        />
        {locked_note}
        <EstimateDocuments estimate_id=estimate.id contract_id=contract.id />
        <LinesSection
            estimate_id=estimate.id
            draft
            editable
            refuse_over_contract=contract.refuse_over_contract
            photos=RwSignal::new(photos)
        />
        <section class="card section" aria-labelledby="totals-title" data-testid="estimate-totals">
            <h2 id="totals-title">"Resumen"</h2>
            <StatementTotalsView totals tax_rate=contract.tax_rate />
            <TieOutChecks tie_out />
        </section>
    }
}

/// "Editar datos" with its form, and the billing actions.
#[component]
fn Toolbar(
    estimate: Estimate,
    counterparty_id: i64,
    assigned: bool,
    latest: bool,
    editable: Signal<bool>,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let editing = RwSignal::new(false);
    let form = {
        let estimate = estimate.clone();
        move || {
            let existing = estimate.clone();
            let contract_id = estimate.contract_id;
            let counterparty_id = Signal::stored(Some(counterparty_id));
            editing.get().then(|| {
                view! {
                    <EstimateForm contract_id counterparty_id existing open=editing saved=reload />
                }
            })
        }
    };

    view! {
        <div class="estimate-toolbar">
            <Show when=move || editable.get() && !editing.get()>
                <button
                    type="button"
                    class="button"
                    data-testid="edit-estimate"
                    on:click=move |_| editing.set(true)
                >
                    "Editar datos"
                </button>
            </Show>
            <EstimateActions estimate assigned latest reload />
        </div>
        {form}
    }
}

/// The grid of concepts and the button that saves what was typed in it, in one request.
#[component]
fn LinesSection(
    estimate_id: i64,
    draft: Draft,
    editable: Signal<bool>,
    refuse_over_contract: bool,
    photos: RwSignal<Vec<Photo>>,
) -> impl IntoView {
    let session = use_session();
    let submission = Submission::new();
    let save = move |_| {
        let input = match draft.changes() {
            Ok(input) => input,
            Err(error) => return submission.refuse(error),
        };
        let request = async move {
            session
                .call(move |token| set_lines(token, estimate_id, input.clone()))
                .await
        };
        submission.send(request, move |statement| draft.accept(statement));
    };
    let refusal_note = refuse_over_contract.then(|| {
        view! {
            <p class="note">"Este contrato no admite cantidades mayores a las contratadas."</p>
        }
    });

    view! {
        <section class="card section" aria-labelledby="lines-title" data-testid="estimate-lines">
            <div class="section-header">
                <h2 id="lines-title">"Conceptos"</h2>
                <Show when=move || editable.get()>
                    <div class="save-lines">
                        <span class="note" data-testid="unsaved" hidden=move || !draft.is_changed()>
                            "Cambios sin guardar"
                        </span>
                        <button
                            type="button"
                            class="button button-primary"
                            data-testid="save-lines"
                            disabled=move || submission.pending() || !draft.is_changed()
                            on:click=save
                        >
                            {move || if submission.pending() { "Guardando…" } else { "Guardar" }}
                        </button>
                    </div>
                </Show>
            </div>
            {refusal_note}
            {move || {
                submission
                    .general_where(|field| field.starts_with("lines["))
                    .map(|message| view! { <ErrorMessage message testid="save-lines-error" /> })
            }}
            <EstimateGrid estimate_id draft editable submission photos />
        </section>
    }
}
