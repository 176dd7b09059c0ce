use leptos::prelude::*;
use shared::dto::{Contract, Estimate};

use crate::components::estimate_state::EstimateState;
use crate::routes;

/// Which estimate of which contract, its period and its billing state.
#[component]
pub fn EstimateHeader(estimate: Estimate, contract: Contract) -> impl IntoView {
    let period = format!("{} a {}", estimate.period_start, estimate.period_end);
    let report = routes::subcontract_report(estimate.id);
    let number = estimate.number;
    let is_final = estimate.is_final;

    view! {
        <nav class="breadcrumbs" aria-label="Ubicación">
            <a href=routes::contract(contract.id) data-testid="estimate-contract-link">
                {format!("#{} {}", contract.folio, contract.name)}
            </a>
        </nav>
        <header class="page-header">
            <h1 id="estimate-title" data-testid="estimate-title">
                {format!("Estimación {number}")}
            </h1>
            <div class="page-actions">
                <a class="button" href=report data-testid="subcontract-report-link">
                    "Subcontratos del periodo"
                </a>
            </div>
        </header>
        <p class="context-line">
            <span data-testid="estimate-period">{format!("Periodo: {period}")}</span>
            " · "
            <EstimateState estimate=Signal::stored(estimate) />
            {is_final.then(|| view! { " · " <span class="badge">"Final"</span> })}
        </p>
    }
}
