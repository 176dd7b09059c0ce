use leptos::prelude::*;
use shared::dto::Estimate;

/// Where an estimate stands in billing: "borrador", "facturada" or "pagada".
pub fn state_label(estimate: &Estimate) -> &'static str {
    match (estimate.invoiced_on, estimate.paid_on) {
        (_, Some(_)) => "pagada",
        (Some(_), None) => "facturada",
        (None, None) => "borrador",
    }
}

/// A badge with the estimate's billing state and, once billed, its date.
#[component]
pub fn EstimateState(#[prop(into)] estimate: Signal<Estimate>) -> impl IntoView {
    let text = move || {
        estimate.with(|estimate| match (estimate.invoiced_on, estimate.paid_on) {
            (_, Some(paid)) => format!("Pagada el {paid}"),
            (Some(invoiced), None) => format!("Facturada el {invoiced}"),
            (None, None) => "Borrador".to_string(),
        })
    };
    let state = move || estimate.with(state_label);

    view! {
        <span class="badge estimate-state" data-state=state data-testid="estimate-state">
            {text}
        </span>
    }
}
