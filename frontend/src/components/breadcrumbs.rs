use leptos::prelude::*;
use shared::dto::{Contract, ContractNode};

use crate::api::contracts::contract_ancestors;
use crate::routes;
use crate::session::use_session;

/// "Contratos › #1 Torre Norte › #4 Cimentación": where a subcontract sits in its tree.
#[component]
pub fn Breadcrumbs(contract: Contract) -> impl IntoView {
    let session = use_session();
    let id = contract.id;
    let has_parent = contract.parent_id.is_some();
    let ancestors = LocalResource::new(move || async move {
        if !has_parent {
            return Vec::new();
        }
        // Without ancestors the trail still leads back to the list; no need to fail loudly.
        session
            .call(move |token| contract_ancestors(token, id))
            .await
            .map(|tree| tree.items)
            .unwrap_or_default()
    });
    let crumbs = move || {
        ancestors
            .get()
            .unwrap_or_default()
            .into_iter()
            .filter(|node| node.id != id)
            .map(crumb)
            .collect_view()
    };

    view! {
        <nav class="breadcrumbs" aria-label="Ruta" data-testid="breadcrumbs">
            <ol>
                <li>
                    <a href=routes::CONTRACTS>"Contratos"</a>
                </li>
                {crumbs}
                <li aria-current="page">{format!("#{} {}", contract.folio, contract.name)}</li>
            </ol>
        </nav>
    }
}

fn crumb(node: ContractNode) -> impl IntoView {
    view! {
        <li data-testid="breadcrumb">
            <a href=routes::contract(node.id)>{format!("#{} {}", node.folio, node.name)}</a>
        </li>
    }
}
