use leptos::prelude::*;
use rust_decimal::Decimal;
use shared::dto::{ContractProgress, Dashboard, PendingEstimate};

use crate::api::dashboard::dashboard;
use crate::components::error_message::ErrorMessage;
use crate::components::loading::Loading;
use crate::format;
use crate::pages::set_title;
use crate::routes;
use crate::session::use_session;

/// `/tablero`: how far each open contract is billed, and the estimates waiting to be
/// invoiced or paid.
#[component]
pub fn DashboardPage() -> impl IntoView {
    set_title("Tablero");
    let session = use_session();
    let loaded = LocalResource::new(move || {
        let _company = session.active_company_id();
        async move { session.call(dashboard).await }
    });

    view! {
        <section class="page dashboard-page" aria-labelledby="dashboard-title">
            <header class="page-header">
                <h1 id="dashboard-title">"Tablero"</h1>
            </header>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok(dashboard) => dashboard_view(dashboard),
                        Err(error) => view! { <ErrorMessage message=error.message() /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

fn dashboard_view(dashboard: Dashboard) -> AnyView {
    view! {
        <ProgressChart contracts=dashboard.contracts />
        <PendingList
            title="Por facturar"
            testid="pending-invoice"
            empty="No hay estimaciones por facturar."
            items=dashboard.pending_invoice
            total=dashboard.pending_invoice_total
        />
        <PendingList
            title="Por cobrar"
            testid="pending-payment"
            empty="No hay estimaciones facturadas pendientes de pago."
            items=dashboard.pending_payment
            total=dashboard.pending_payment_total
        />
    }
    .into_any()
}

/// Percent executed per open contract, as horizontal bars.
#[component]
fn ProgressChart(contracts: Vec<ContractProgress>) -> impl IntoView {
    let body = if contracts.is_empty() {
        view! { <p class="empty-state">"No hay contratos abiertos."</p> }.into_any()
    } else {
        let bars = contracts.into_iter().map(progress_bar).collect_view();
        view! { <ul class="progress-chart">{bars}</ul> }.into_any()
    };

    view! {
        <section class="card section" aria-labelledby="progress-title" data-testid="progress">
            <h2 id="progress-title">"Avance por contrato"</h2>
            {body}
        </section>
    }
}

fn progress_bar(contract: ContractProgress) -> impl IntoView {
    let percent = contract.percent.unwrap_or_default();
    // Over-billed contracts pass 100 %; the bar stops at the edge, the number does not.
    let width = percent.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
    let name = match contract.short_name.is_empty() {
        true => contract.name,
        false => contract.short_name,
    };
    let label = format!("#{} {name}", contract.folio);
    let amounts = format!(
        "{} de {}",
        format::money(contract.to_date),
        format::money(contract.contracted)
    );

    view! {
        <li class="progress-item" data-testid="progress-row">
            <a href=routes::contract(contract.id) class="progress-label">{label.clone()}</a>
            <div
                class="progress-track"
                role="meter"
                aria-label=label
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=percent.to_string()
            >
                <div class="progress-bar" style=format!("width: {width}%")></div>
            </div>
            <span class="progress-figures">
                <strong data-testid="progress-percent">{format::percent(percent)}</strong>
                " · "
                {amounts}
            </span>
        </li>
    }
}

/// Estimates waiting for one billing step, with their total.
#[component]
fn PendingList(
    title: &'static str,
    testid: &'static str,
    empty: &'static str,
    items: Vec<PendingEstimate>,
    total: Decimal,
) -> impl IntoView {
    let title_id = format!("{testid}-title");
    let labelled_by = title_id.clone();
    let body = if items.is_empty() {
        view! { <p class="empty-state" data-testid=format!("{testid}-empty")>{empty}</p> }
            .into_any()
    } else {
        let rows = items
            .into_iter()
            .map(|item| pending_row(item, testid))
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">"Contrato"</th>
                            <th scope="col">"Estimación"</th>
                            <th scope="col">"Fin del periodo"</th>
                            <th scope="col">"Facturada"</th>
                            <th scope="col" class="numeric">"Importe"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };

    view! {
        <section class="card section" aria-labelledby=labelled_by data-testid=testid>
            <div class="section-header">
                <h2 id=title_id>{title}</h2>
                <strong class="numeric" data-testid=format!("{testid}-total")>
                    {format::money(total)}
                </strong>
            </div>
            {body}
        </section>
    }
}

fn pending_row(item: PendingEstimate, testid: &'static str) -> impl IntoView {
    let invoiced = item
        .invoiced_on
        .map(|date| date.to_string())
        .unwrap_or_default();

    view! {
        <tr data-testid=format!("{testid}-row")>
            <td data-label="Contrato">
                <a href=routes::contract(item.contract_id)>
                    {format!("#{} {}", item.contract_folio, item.contract_name)}
                </a>
            </td>
            <td data-label="Estimación">
                <a href=routes::estimate(item.id) data-testid="pending-estimate-link">
                    {format!("Estimación {}", item.number)}
                </a>
            </td>
            <td data-label="Fin del periodo">{item.period_end.to_string()}</td>
            <td data-label="Facturada">{invoiced}</td>
            <td class="numeric" data-label="Importe" data-testid="pending-amount">
                {format::money(item.amount)}
            </td>
        </tr>
    }
}
