use leptos::prelude::*;
use shared::dto::ContractNode;

use crate::api::contracts::contract_tree;
use crate::components::error_message::ErrorMessage;
use crate::components::loading::Loading;
use crate::format;
use crate::routes;
use crate::session::use_session;

/// Every subcontract under the contract, at any depth, indented by depth; and the way to
/// add one.
#[component]
pub fn SubcontractTree(contract_id: i64, #[prop(into)] may_create: Signal<bool>) -> impl IntoView {
    let session = use_session();
    let tree = LocalResource::new(move || async move {
        session
            .call(move |token| contract_tree(token, contract_id))
            .await
            .map(|tree| tree.items)
    });
    let new_link = move || {
        may_create.get().then(|| {
            view! {
                <a
                    class="button"
                    href=routes::new_subcontract(contract_id)
                    data-testid="new-subcontract"
                >
                    "Nuevo subcontrato"
                </a>
            }
        })
    };

    view! {
        <section
            class="card section"
            aria-labelledby="subcontracts-title"
            data-testid="subcontracts"
        >
            <div class="section-header">
                <h2 id="subcontracts-title">"Subcontratos"</h2>
                {new_link}
            </div>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match tree.await {
                        Ok(nodes) => tree_view(nodes),
                        Err(error) => view! { <ErrorMessage message=error.message() /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

fn tree_view(nodes: Vec<ContractNode>) -> AnyView {
    // Depth 0 is the contract itself, already on the page.
    let rows = nodes
        .into_iter()
        .filter(|node| node.depth > 0)
        .map(node_row)
        .collect::<Vec<_>>();
    if rows.is_empty() {
        return view! {
            <p class="note" data-testid="subcontracts-empty">
                "Este contrato no tiene subcontratos."
            </p>
        }
        .into_any();
    }

    view! { <ul class="contract-tree">{rows}</ul> }.into_any()
}

fn node_row(node: ContractNode) -> impl IntoView {
    let indent = format!("--depth: {}", node.depth - 1);
    let closed = (!node.open).then(|| view! { <span class="badge">"Cerrado"</span> });

    view! {
        <li class="contract-node" style=indent data-testid="subcontract">
            <a href=routes::contract(node.id) data-testid="subcontract-link">
                {format!("#{} {}", node.folio, node.name)}
            </a>
            <span class="contract-node-party">{node.counterparty_name}</span>
            <span class="numeric">{format::money(node.amount)}</span>
            {closed}
        </li>
    }
}
