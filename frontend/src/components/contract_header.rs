use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::Action;
use shared::dto::Contract;

use crate::api::contracts::delete_contract;
use crate::components::delete_button::{DeleteButton, Deletion};
use crate::format;
use crate::routes;
use crate::session::use_session;

/// The contract's data, with "Editar" and "Eliminar" for who may.
#[component]
pub fn ContractHeader(contract: Contract, #[prop(into)] assigned: Signal<bool>) -> impl IntoView {
    let session = use_session();
    let id = contract.id;
    let may_edit = move || session.may(Action::EditContract, assigned.get());
    let may_delete = move || session.may(Action::DeleteContract, assigned.get());
    let status = if contract.open { "Abierto" } else { "Cerrado" };

    view! {
        <header class="page-header">
            <h1 id="contract-title" data-testid="contract-title">
                {format!("#{} {}", contract.folio, contract.name)}
            </h1>
            <div class="page-actions">
                {move || {
                    may_edit()
                        .then(|| {
                            view! {
                                <a
                                    class="button"
                                    href=routes::edit_contract(id)
                                    data-testid="edit-contract"
                                >
                                    "Editar"
                                </a>
                            }
                        })
                }}
                {move || may_delete().then(|| view! { <DeleteContract id /> })}
            </div>
        </header>
        <dl class="card details contract-details" data-testid="contract-details">
            <dt>"Código"</dt>
            <dd data-testid="contract-code">{dash(contract.code)}</dd>
            <dt>"Nombre corto"</dt>
            <dd>{dash(contract.short_name)}</dd>
            <dt>"Fecha"</dt>
            <dd data-testid="contract-date">{contract.date.to_string()}</dd>
            <dt>{contract.counterparty.kind.label()}</dt>
            <dd data-testid="contract-counterparty">{contract.counterparty.name}</dd>
            <dt>"Sitio"</dt>
            <dd data-testid="contract-site">
                {dash(contract.site.map(|site| site.name).unwrap_or_default())}
            </dd>
            <dt>"Importe"</dt>
            <dd class="numeric" data-testid="contract-amount">
                {format::money(contract.amount)}
            </dd>
            <dt>"Anticipo"</dt>
            <dd>{format::percent(contract.advance_percent)}</dd>
            <dt>"IVA"</dt>
            <dd>{format::percent(contract.tax_rate)}</dd>
            <dt>"Estado"</dt>
            <dd data-testid="contract-status">{status}</dd>
            <dt>"Sobre lo contratado"</dt>
            <dd>{if contract.refuse_over_contract { "Se rechaza" } else { "Solo avisa" }}</dd>
        </dl>
    }
}

fn dash(text: String) -> String {
    if text.trim().is_empty() {
        "—".to_string()
    } else {
        text
    }
}

#[component]
fn DeleteContract(id: i64) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let action = move || -> Deletion {
        let navigate = navigate.clone();
        Box::pin(async move {
            session
                .call(move |token| delete_contract(token, id))
                .await?;
            navigate(routes::CONTRACTS, Default::default());
            Ok(())
        })
    };

    view! { <DeleteButton label="Eliminar" testid="delete-contract" action /> }
}
