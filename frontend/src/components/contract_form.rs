use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::dto::{Contract, ContractInput, CounterpartyKind};

use crate::api::ApiError;
use crate::api::contracts::{create_contract, update_contract};
use crate::components::checkbox_field::CheckboxField;
use crate::components::counterparty_select::CounterpartySelect;
use crate::components::form_actions::FormActions;
use crate::components::site_select::SiteSelect;
use crate::components::text_field::TextField;
use crate::form::{Submission, optional_id, picked_id, today};
use crate::routes;
use crate::session::{Session, use_session};

const FIELDS: &[&str] = &[
    "code",
    "name",
    "short_name",
    "date",
    "counterparty_id",
    "site_id",
    "amount",
    "advance_percent",
    "tax_rate",
];

/// Who a top-level contract is signed with.
const CLIENTS: &[CounterpartyKind] = &[CounterpartyKind::Client];

/// Who a subcontract is signed with.
const CONTRACTORS: &[CounterpartyKind] = &[
    CounterpartyKind::Subcontractor,
    CounterpartyKind::PieceWorker,
];

/// The form's fields, as typed.
#[derive(Clone, Copy)]
struct Fields {
    code: RwSignal<String>,
    name: RwSignal<String>,
    short_name: RwSignal<String>,
    date: RwSignal<String>,
    counterparty: RwSignal<String>,
    site: RwSignal<String>,
    amount: RwSignal<String>,
    advance_percent: RwSignal<String>,
    tax_rate: RwSignal<String>,
    open: RwSignal<bool>,
    refuse_over_contract: RwSignal<bool>,
}

impl Fields {
    /// Filled from the contract being edited, or blank for a new one under `parent`.
    fn new(existing: Option<&Contract>, parent: Option<&Contract>) -> Fields {
        let text = |read: fn(&Contract) -> String, blank: String| {
            RwSignal::new(existing.map(read).unwrap_or(blank))
        };
        // A subcontract usually happens where its parent does.
        let parent_site = parent
            .and_then(|parent| parent.site.as_ref())
            .map(|site| site.id.to_string())
            .unwrap_or_default();

        Fields {
            code: text(|contract| contract.code.clone(), String::new()),
            name: text(|contract| contract.name.clone(), String::new()),
            short_name: text(|contract| contract.short_name.clone(), String::new()),
            date: text(|contract| contract.date.to_string(), today()),
            counterparty: text(
                |contract| contract.counterparty.id.to_string(),
                String::new(),
            ),
            site: text(
                |contract| {
                    contract
                        .site
                        .as_ref()
                        .map(|site| site.id.to_string())
                        .unwrap_or_default()
                },
                parent_site,
            ),
            amount: text(|contract| contract.amount.to_string(), String::new()),
            advance_percent: text(|contract| contract.advance_percent.to_string(), "0".into()),
            tax_rate: text(|contract| contract.tax_rate.to_string(), "0".into()),
            open: RwSignal::new(existing.is_none_or(|contract| contract.open)),
            refuse_over_contract: RwSignal::new(
                existing.is_some_and(|contract| contract.refuse_over_contract),
            ),
        }
    }

    /// The body to send, or the first complaint found before sending.
    fn input(&self, parent_id: Option<i64>) -> Result<ContractInput, ApiError> {
        let counterparty_id = picked_id("counterparty_id", &self.counterparty.get_untracked())?;
        // The date travels as "2026-01-15"; reading it through serde keeps chrono out of
        // the SPA's own dependencies.
        let date = serde_json::from_value(self.date.get_untracked().into())
            .map_err(|_| ApiError::invalid("date", "escribe una fecha"))?;

        Ok(ContractInput {
            code: self.code.get_untracked(),
            name: self.name.get_untracked(),
            short_name: self.short_name.get_untracked(),
            date,
            counterparty_id,
            site_id: optional_id(&self.site.get_untracked()),
            amount: self.amount.get_untracked().trim().to_string(),
            advance_percent: self.advance_percent.get_untracked().trim().to_string(),
            tax_rate: self.tax_rate.get_untracked().trim().to_string(),
            open: self.open.get_untracked(),
            refuse_over_contract: self.refuse_over_contract.get_untracked(),
            parent_id,
        })
    }
}

/// Creates a contract, a subcontract of `parent`, or edits `existing`; opens the contract
/// once saved.
#[component]
pub fn ContractForm(existing: Option<Contract>, parent: Option<Contract>) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let submission = Submission::new();
    let fields = Fields::new(existing.as_ref(), parent.as_ref());
    let id = existing.as_ref().map(|contract| contract.id);
    let parent_id = parent.as_ref().map(|parent| parent.id);
    let is_subcontract = parent_id.is_some() || existing.is_some_and(|c| c.parent_id.is_some());
    let kinds = if is_subcontract { CONTRACTORS } else { CLIENTS };
    // A top-level contract's site is one of its client's; a subcontract may use any.
    let client = Signal::derive(move || {
        (!is_subcontract)
            .then(|| optional_id(&fields.counterparty.get()))
            .flatten()
    });
    let cancel_href = match (id, parent_id) {
        (Some(id), _) | (None, Some(id)) => routes::contract(id),
        (None, None) => routes::CONTRACTS.to_string(),
    };

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let input = match fields.input(parent_id) {
            Ok(input) => input,
            Err(error) => return submission.refuse(error),
        };
        let navigate = navigate.clone();
        let saved = move |contract: Contract| {
            navigate(&routes::contract(contract.id), Default::default());
        };
        submission.send(save(session, id, input), saved);
    };
    // Picking another client drops a site that belonged to the previous one.
    let forget_site = move || {
        if !is_subcontract {
            fields.site.set(String::new());
        }
    };
    let counterparty_label = if is_subcontract {
        "Subcontratista o destajista"
    } else {
        "Cliente"
    };

    view! {
        <form class="card record-form" on:submit=on_submit data-testid="contract-form">
            {parent.map(parent_note)}
            <TextField
                id="contract-name"
                label="Nombre"
                value=fields.name
                error=submission.field("name")
                required=true
            />
            <div class="field-row">
                <TextField
                    id="contract-code"
                    label="Código"
                    value=fields.code
                    error=submission.field("code")
                />
                <TextField
                    id="contract-short-name"
                    label="Nombre corto"
                    value=fields.short_name
                    error=submission.field("short_name")
                />
                <TextField
                    id="contract-date"
                    label="Fecha de firma"
                    kind="date"
                    value=fields.date
                    error=submission.field("date")
                    required=true
                />
            </div>
            <div on:change=move |_| forget_site()>
                <CounterpartySelect
                    id="contract-counterparty"
                    label=counterparty_label
                    kinds
                    value=fields.counterparty
                    error=submission.field("counterparty_id")
                />
            </div>
            <SiteSelect
                id="contract-site"
                value=fields.site
                client
                error=submission.field("site_id")
            />
            <div class="field-row">
                <TextField
                    id="contract-amount"
                    label="Importe"
                    inputmode="decimal"
                    value=fields.amount
                    error=submission.field("amount")
                    required=true
                    hint="Sin signo ni comas, p. ej. 499829.13"
                />
                <TextField
                    id="contract-advance"
                    label="Anticipo (%)"
                    inputmode="decimal"
                    value=fields.advance_percent
                    error=submission.field("advance_percent")
                />
                <TextField
                    id="contract-tax-rate"
                    label="IVA (%)"
                    inputmode="decimal"
                    value=fields.tax_rate
                    error=submission.field("tax_rate")
                />
            </div>
            <CheckboxField
                id="contract-open"
                label="Abierto (recibe estimaciones)"
                checked=fields.open
            />
            <CheckboxField
                id="contract-refuse-over"
                label="Rechazar cantidades por encima de lo contratado (obra pública)"
                checked=fields.refuse_over_contract
            />
            <FormActions submission fields=FIELDS testid="contract-submit" cancel_href />
        </form>
    }
}

fn parent_note(parent: Contract) -> impl IntoView {
    view! {
        <p class="note" data-testid="contract-parent">
            "Subcontrato de "
            <a href=routes::contract(parent.id)>{format!("#{} {}", parent.folio, parent.name)}</a>
        </p>
    }
}

async fn save(
    session: Session,
    id: Option<i64>,
    input: ContractInput,
) -> Result<Contract, ApiError> {
    match id {
        None => {
            session
                .call(move |token| create_contract(token, input.clone()))
                .await
        }
        Some(id) => {
            session
                .call(move |token| update_contract(token, id, input.clone()))
                .await
        }
    }
}
