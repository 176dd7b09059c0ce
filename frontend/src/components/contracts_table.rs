use leptos::prelude::*;
use shared::dto::ContractSummary;

use crate::{format, routes};

/// A table of contracts: folio, code, name (a link to the contract) and amount. On a phone
/// each row becomes a card.
#[component]
pub fn ContractsTable(contracts: Vec<ContractSummary>) -> impl IntoView {
    let rows = contracts.into_iter().map(contract_row).collect_view();

    view! {
        <div class="table-wrap">
            <table class="data-table" data-testid="contracts-table">
                <thead>
                    <tr>
                        <th scope="col">"Folio"</th>
                        <th scope="col">"Código"</th>
                        <th scope="col">"Nombre"</th>
                        <th scope="col" class="numeric">"Importe"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn contract_row(contract: ContractSummary) -> impl IntoView {
    let closed = (!contract.open).then(|| view! { <span class="badge">"Cerrado"</span> });

    view! {
        <tr data-testid="contract-row">
            <td data-label="Folio">{contract.folio}</td>
            <td data-label="Código">{contract.code}</td>
            <td data-label="Nombre">
                <span>
                    <a href=routes::contract(contract.id) data-testid="contract-link">
                        {contract.name}
                    </a>
                    " "
                    {closed}
                </span>
            </td>
            <td data-label="Importe" class="numeric">{format::money(contract.amount)}</td>
        </tr>
    }
}
