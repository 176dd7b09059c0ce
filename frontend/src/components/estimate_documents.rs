use leptos::prelude::*;

use crate::api::contracts::contract_tree;
use crate::api::documents::{Document, Paper};
use crate::components::download_button::DownloadButton;
use crate::components::paper_choice::{PaperChoice, remembered_paper};
use crate::session::use_session;

/// The estimate's printable documents: its PDF, the take-off, the statement as a
/// spreadsheet and, when the contract has subcontracts, their report. The paper applies to
/// the PDFs.
#[component]
pub fn EstimateDocuments(estimate_id: i64, contract_id: i64) -> impl IntoView {
    let session = use_session();
    let paper = RwSignal::new(remembered_paper());
    // A failed look-up only hides the report, which the page's link still reaches.
    let has_subcontracts = LocalResource::new(move || async move {
        session
            .call(move |token| contract_tree(token, contract_id))
            .await
            .is_ok_and(|tree| tree.items.iter().any(|node| node.depth > 0))
    });
    let on = move || paper.get_untracked();

    view! {
        <section
            class="card section documents"
            aria-labelledby="documents-title"
            data-testid="estimate-documents"
        >
            <h2 id="documents-title">"Documentos"</h2>
            <div class="documents-bar">
                <PaperChoice paper />
                <DownloadButton
                    label="PDF de la estimación"
                    testid="download-estimate-pdf"
                    document=move || Document::estimate_pdf(estimate_id, on())
                />
                <DownloadButton
                    label="Números generadores (PDF)"
                    testid="download-takeoff-pdf"
                    document=move || Document::takeoff_pdf(estimate_id, on())
                />
                <DownloadButton
                    label="Estado de cuenta (Excel)"
                    testid="download-statement-xlsx"
                    document=move || Document::statement_xlsx(estimate_id)
                />
                {move || {
                    has_subcontracts
                        .get()
                        .unwrap_or(false)
                        .then(|| view! { <SubcontractReportButton estimate_id paper /> })
                }}
            </div>
        </section>
    }
}

/// "Reporte de subcontratos (PDF)", also offered by the subcontract report page.
#[component]
pub fn SubcontractReportButton(estimate_id: i64, paper: RwSignal<Paper>) -> impl IntoView {
    view! {
        <DownloadButton
            label="Reporte de subcontratos (PDF)"
            testid="download-subcontract-report-pdf"
            document=move || Document::subcontract_report_pdf(estimate_id, paper.get_untracked())
        />
    }
}
