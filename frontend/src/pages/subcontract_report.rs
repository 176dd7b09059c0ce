use leptos::prelude::*;
use shared::dto::{SubcontractReport, SubcontractReportRow};

use crate::api::ApiError;
use crate::api::estimates::subcontract_report;
use crate::components::error_message::ErrorMessage;
use crate::components::estimate_documents::SubcontractReportButton;
use crate::components::loading::Loading;
use crate::components::paper_choice::{PaperChoice, remembered_paper};
use crate::format;
use crate::pages::{record_id, set_title};
use crate::routes;
use crate::session::use_session;

/// `/estimaciones/:id/subcontratos`: what the contract's direct subcontracts billed in the
/// estimate's period.
#[component]
pub fn SubcontractReportPage() -> impl IntoView {
    set_title("Subcontratos del periodo");
    let session = use_session();
    let id = record_id();
    let loaded = LocalResource::new(move || {
        let id = id.get();
        let _company = session.active_company_id();
        async move {
            let id = id.ok_or_else(ApiError::not_found)?;
            session
                .call(move |token| subcontract_report(token, id))
                .await
        }
    });

    view! {
        <section class="page" aria-labelledby="report-title" data-testid="subcontract-report">
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok(report) => report_view(report),
                        Err(error) => view! { <ErrorMessage message=error.message() /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

fn report_view(report: SubcontractReport) -> AnyView {
    let period = format!("{} a {}", report.period_start, report.period_end);
    let totals = report.totals;
    let estimate_id = report.estimate_id;
    let download = (!report.rows.is_empty()).then(|| {
        let paper = RwSignal::new(remembered_paper());
        view! {
            <div class="page-actions documents-bar">
                <PaperChoice paper />
                <SubcontractReportButton estimate_id paper />
            </div>
        }
    });
    let body = if report.rows.is_empty() {
        view! {
            <p class="empty-state" data-testid="report-empty">
                "Ningún subcontrato tiene estimaciones en este periodo."
            </p>
        }
        .into_any()
    } else {
        let rows = report.rows.into_iter().map(report_row).collect_view();
        view! {
            <div class="table-wrap">
                <table class="data-table" data-testid="report-table">
                    <thead>
                        <tr>
                            <th scope="col">"Subcontrato"</th>
                            <th scope="col">"Contraparte"</th>
                            <th scope="col">"Estimación"</th>
                            <th scope="col" class="numeric">"Contratado"</th>
                            <th scope="col" class="numeric">"Anterior"</th>
                            <th scope="col" class="numeric">"Esta estimación"</th>
                            <th scope="col" class="numeric">"Acumulado"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr data-testid="report-totals">
                            <th scope="row" colspan="3">"Totales"</th>
                            <td class="numeric">{format::money(totals.contracted)}</td>
                            <td class="numeric">{format::money(totals.previous)}</td>
                            <td class="numeric" data-testid="report-total-this">
                                {format::money(totals.this)}
                            </td>
                            <td class="numeric">{format::money(totals.to_date)}</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        }
        .into_any()
    };

    view! {
        <nav class="breadcrumbs" aria-label="Ubicación">
            <a href=routes::estimate(report.estimate_id) data-testid="report-estimate-link">
                "Volver a la estimación"
            </a>
        </nav>
        <header class="page-header">
            <h1 id="report-title">"Subcontratos del periodo"</h1>
            {download}
        </header>
        <p class="context-line" data-testid="report-period">{format!("Periodo: {period}")}</p>
        <section class="card section">{body}</section>
    }
    .into_any()
}

fn report_row(row: SubcontractReportRow) -> impl IntoView {
    let period = format!("{} a {}", row.period_start, row.period_end);

    view! {
        <tr data-testid="report-row">
            <td data-label="Subcontrato">
                <a href=routes::contract(row.contract_id)>
                    {format!("#{} {}", row.contract_folio, row.contract_name)}
                </a>
            </td>
            <td data-label="Contraparte">{row.counterparty_name}</td>
            <td data-label="Estimación">
                <a href=routes::estimate(row.estimate_id)>
                    {format!("Estimación {}", row.number)}
                </a>
                <div class="hint">{period}</div>
            </td>
            <td class="numeric" data-label="Contratado">{format::money(row.contracted)}</td>
            <td class="numeric" data-label="Anterior">{format::money(row.previous)}</td>
            <td class="numeric" data-label="Esta estimación">{format::money(row.this)}</td>
            <td class="numeric" data-label="Acumulado">{format::money(row.to_date)}</td>
        </tr>
    }
}
