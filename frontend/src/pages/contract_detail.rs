use leptos::prelude::*;
use shared::Action;
use shared::dto::{Unit, UnitPage};

use crate::api::ApiError;
use crate::api::catalog::list_concepts;
use crate::api::contracts::{assigned_users, get_contract};
use crate::api::directory;
use crate::api::documents::Document;
use crate::components::assigned_users::AssignedUsersPanel;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::concept_batch_form::ConceptBatchForm;
use crate::components::concepts_table::ConceptsTable;
use crate::components::contract_header::ContractHeader;
use crate::components::download_button::DownloadButton;
use crate::components::error_message::ErrorMessage;
use crate::components::estimates_panel::EstimatesPanel;
use crate::components::import_button::ImportButton;
use crate::components::loading::Loading;
use crate::components::retentions_panel::RetentionsPanel;
use crate::components::select_field::Choice;
use crate::components::subcontract_tree::SubcontractTree;
use crate::import_preview::ImportKind;
use crate::pages::{record_id, set_title};
use crate::session::{Session, use_session};

/// Units offered to concepts: the API's largest page.
const UNITS_LIMIT: i64 = 200;

/// `/contratos/:id`: one contract with its estimates, catalog, retentions, subcontracts and
/// assigned users. What the user may change depends on whether they are assigned to it.
#[component]
pub fn ContractPage() -> impl IntoView {
    set_title("Contrato");
    let id = record_id();

    // Opening a subcontract keeps this page and changes `:id`: start over for it.
    move || match id.get() {
        Some(id) => view! { <ContractView id /> }.into_any(),
        None => view! { <ErrorMessage message=ApiError::not_found().message() /> }.into_any(),
    }
}

#[component]
fn ContractView(id: i64) -> impl IntoView {
    let session = use_session();
    let catalog_changed = RwSignal::new(0_u32);
    let users_changed = RwSignal::new(0_u32);

    // The header shows the catalog's total too, so it is read again when the catalog changes.
    let contract = LocalResource::new(move || {
        catalog_changed.track();
        async move { session.call(move |token| get_contract(token, id)).await }
    });
    let users = LocalResource::new(move || {
        users_changed.track();
        async move { session.call(move |token| assigned_users(token, id)).await }
    });
    let assigned = Signal::derive(move || {
        let me = session.user_id();
        users
            .get()
            .and_then(Result::ok)
            .is_some_and(|users| users.items.iter().any(|user| Some(user.id) == me))
    });
    let may_edit = Signal::derive(move || session.may(Action::EditContract, assigned.get()));
    let may_create = Signal::derive(move || session.may(Action::CreateContract, assigned.get()));
    let may_estimate = Signal::derive(move || session.may(Action::EditEstimate, assigned.get()));
    let counterparty_id = Signal::derive(move || {
        let contract = contract.get().and_then(Result::ok);
        contract.map(|contract| contract.counterparty.id)
    });

    view! {
        <section class="page contract-page" aria-labelledby="contract-title">
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match contract.await {
                        Ok(contract) => {
                            set_title(&format!("Contrato {}", contract.folio));
                            view! {
                                <Breadcrumbs contract=contract.clone() />
                                <ContractHeader contract assigned />
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorMessage message=error.message() /> }.into_any(),
                    }
                })}
            </Transition>
            <EstimatesPanel contract_id=id counterparty_id may_create=may_estimate />
            <Catalog id may_edit changed=catalog_changed />
            <RetentionsPanel contract_id=id may_edit />
            <SubcontractTree contract_id=id may_create />
            <AssignedUsersPanel contract_id=id users may_edit changed=users_changed />
        </section>
    }
}

/// The catalog of concepts with its total and its spreadsheet, and for who may edit, the
/// form to add more and the import from a spreadsheet.
#[component]
fn Catalog(id: i64, may_edit: Signal<bool>, changed: RwSignal<u32>) -> impl IntoView {
    let session = use_session();
    let concepts = LocalResource::new(move || {
        changed.track();
        async move { session.call(move |token| list_concepts(token, id)).await }
    });
    let units = unit_choices(session);

    view! {
        <section class="card section" aria-labelledby="catalog-title" data-testid="catalog">
            <div class="section-header">
                <h2 id="catalog-title">"Catálogo de conceptos"</h2>
                <div class="page-actions">
                    <DownloadButton
                        label="Descargar catálogo (Excel)"
                        testid="download-catalog-xlsx"
                        document=move || Document::catalog_xlsx(id)
                    />
                    {move || {
                        let kind = ImportKind::Concepts;
                        may_edit
                            .get()
                            .then(|| view! { <ImportButton kind contract_id=id changed /> })
                    }}
                </div>
            </div>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match concepts.await {
                        Ok(page) => {
                            view! { <ConceptsTable contract_id=id page units may_edit changed /> }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorMessage message=error.message() /> }.into_any(),
                    }
                })}
            </Transition>
            {move || {
                may_edit.get().then(|| view! { <ConceptBatchForm contract_id=id units changed /> })
            }}
        </section>
    }
}

/// The company's units, as choices for the concepts' unit.
fn unit_choices(session: Session) -> Signal<Vec<Choice>> {
    let units = LocalResource::new(move || async move {
        let params = vec![
            ("limit", UNITS_LIMIT.to_string()),
            ("sort", "name".to_string()),
        ];
        session
            .call(move |token| directory::list::<Unit>(token, params.clone()))
            .await
    });

    Signal::derive(move || {
        let page: Option<UnitPage> = units.get().and_then(Result::ok);
        let units = page.map(|page| page.items).unwrap_or_default();
        units
            .into_iter()
            .map(|unit| Choice::new(unit.id, unit.name))
            .collect()
    })
}
