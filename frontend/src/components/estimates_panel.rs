use leptos::prelude::*;
use shared::dto::Estimate;

use crate::api::estimates::list_estimates;
use crate::components::error_message::ErrorMessage;
use crate::components::estimate_form::EstimateForm;
use crate::components::estimate_state::state_label;
use crate::components::loading::Loading;
use crate::format;
use crate::routes;
use crate::session::use_session;

/// The contract's estimates by number, and for who may, the form for the next one.
#[component]
pub fn EstimatesPanel(
    contract_id: i64,
    /// Whose contacts may authorize an estimate: the contract's counterparty, once loaded.
    #[prop(into)]
    counterparty_id: Signal<Option<i64>>,
    #[prop(into)] may_create: Signal<bool>,
) -> impl IntoView {
    let session = use_session();
    let estimates = LocalResource::new(move || async move {
        session
            .call(move |token| list_estimates(token, contract_id))
            .await
            .map(|list| list.items)
    });
    let creating = RwSignal::new(false);
    let new_button = move || {
        (may_create.get() && !creating.get()).then(|| {
            view! {
                <button
                    type="button"
                    class="button"
                    data-testid="new-estimate"
                    on:click=move |_| creating.set(true)
                >
                    "Nueva estimación"
                </button>
            }
        })
    };
    let form = move || {
        creating
            .get()
            .then(|| view! { <EstimateForm contract_id counterparty_id open=creating /> })
    };

    view! {
        <section class="card section" aria-labelledby="estimates-title" data-testid="estimates">
            <div class="section-header">
                <h2 id="estimates-title">"Estimaciones"</h2>
                {new_button}
            </div>
            {form}
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match estimates.await {
                        Ok(items) => estimates_table(items),
                        Err(error) => view! { <ErrorMessage message=error.message() /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

fn estimates_table(items: Vec<Estimate>) -> AnyView {
    if items.is_empty() {
        return view! {
            <p class="empty-state" data-testid="estimates-empty">
                "Este contrato aún no tiene estimaciones."
            </p>
        }
        .into_any();
    }
    let rows = items.into_iter().map(estimate_row).collect_view();

    view! {
        <div class="table-wrap">
            <table class="data-table" data-testid="estimates-table">
                <thead>
                    <tr>
                        <th scope="col">"No."</th>
                        <th scope="col">"Periodo"</th>
                        <th scope="col" class="numeric">"Importe bruto"</th>
                        <th scope="col">"Estado"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn estimate_row(estimate: Estimate) -> impl IntoView {
    let period = format!("{} a {}", estimate.period_start, estimate.period_end);

    view! {
        <tr data-testid="estimate-row">
            <td data-label="No.">
                <a href=routes::estimate(estimate.id) data-testid="estimate-link">
                    {format!("Estimación {}", estimate.number)}
                </a>
            </td>
            <td data-label="Periodo">{period}</td>
            <td class="numeric" data-label="Importe bruto" data-testid="estimate-gross">
                {format::money(estimate.gross)}
            </td>
            <td data-label="Estado" data-testid="estimate-row-state">
                {state_label(&estimate)}
            </td>
        </tr>
    }
}
