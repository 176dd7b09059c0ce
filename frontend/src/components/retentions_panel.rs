use leptos::prelude::*;
use shared::dto::{Retention, RetentionBase, RetentionKind};

use crate::api::catalog::{delete_retention, list_retentions};
use crate::components::delete_button::{DeleteButton, Deletion};
use crate::components::error_message::ErrorMessage;
use crate::components::import_button::ImportButton;
use crate::components::loading::Loading;
use crate::components::retention_form::RetentionForm;
use crate::components::retention_presets::RetentionPresets;
use crate::format;
use crate::import_preview::ImportKind;
use crate::session::use_session;

/// The retentions taken on every estimate of the contract: the list, the usual ones one
/// click away, a form for any other, and the import from a spreadsheet.
#[component]
pub fn RetentionsPanel(contract_id: i64, #[prop(into)] may_edit: Signal<bool>) -> impl IntoView {
    let session = use_session();
    let changed = RwSignal::new(0_u32);
    let retentions = LocalResource::new(move || {
        changed.track();
        async move {
            session
                .call(move |token| list_retentions(token, contract_id))
                .await
                .map(|list| list.items)
        }
    });
    let names = Signal::derive(move || {
        let loaded = retentions.get().and_then(Result::ok).unwrap_or_default();
        loaded
            .into_iter()
            .map(|retention| retention.name)
            .collect::<Vec<_>>()
    });

    view! {
        <section class="card section" aria-labelledby="retentions-title" data-testid="retentions">
            <div class="section-header">
                <h2 id="retentions-title">"Retenciones"</h2>
                {move || {
                    may_edit
                        .get()
                        .then(|| {
                            view! {
                                <ImportButton kind=ImportKind::Retentions contract_id changed />
                            }
                        })
                }}
            </div>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match retentions.await {
                        Ok(items) => retention_list(contract_id, items, may_edit, changed),
                        Err(error) => view! { <ErrorMessage message=error.message() /> }.into_any(),
                    }
                })}
            </Transition>
            {move || {
                may_edit
                    .get()
                    .then(|| {
                        view! {
                            <RetentionPresets contract_id names changed />
                            <RetentionForm contract_id existing=None changed />
                        }
                    })
            }}
        </section>
    }
}

fn retention_list(
    contract_id: i64,
    items: Vec<Retention>,
    may_edit: Signal<bool>,
    changed: RwSignal<u32>,
) -> AnyView {
    if items.is_empty() {
        return view! {
            <p class="note" data-testid="retentions-empty">
                "Este contrato no tiene retenciones."
            </p>
        }
        .into_any();
    }
    let rows = items
        .into_iter()
        .map(|retention| view! { <RetentionRow contract_id retention may_edit changed /> })
        .collect_view();

    view! { <ul class="retention-list">{rows}</ul> }.into_any()
}

/// A retention, or its editor while it is being corrected.
#[component]
fn RetentionRow(
    contract_id: i64,
    retention: Retention,
    may_edit: Signal<bool>,
    changed: RwSignal<u32>,
) -> impl IntoView {
    let editing = RwSignal::new(false);

    move || {
        let retention = retention.clone();
        if editing.get() {
            let existing = Some(retention);
            view! {
                <li class="retention" data-testid="retention-editor">
                    <RetentionForm contract_id existing changed editing />
                </li>
            }
            .into_any()
        } else {
            view! { <RetentionLine contract_id retention may_edit editing changed /> }.into_any()
        }
    }
}

#[component]
fn RetentionLine(
    contract_id: i64,
    retention: Retention,
    may_edit: Signal<bool>,
    editing: RwSignal<bool>,
    changed: RwSignal<u32>,
) -> impl IntoView {
    let session = use_session();
    let retention_id = retention.id;
    let action = move || -> Deletion {
        Box::pin(async move {
            session
                .call(move |token| delete_retention(token, contract_id, retention_id))
                .await?;
            changed.update(|version| *version += 1);
            Ok(())
        })
    };

    view! {
        <li class="retention" data-testid="retention">
            <span data-testid="retention-label">{retention.name.clone()}</span>
            <span class="retention-value" data-testid="retention-terms">
                {describe(&retention)}
            </span>
            {move || {
                may_edit
                    .get()
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="button"
                                data-testid="edit-retention"
                                on:click=move |_| editing.set(true)
                            >
                                "Editar"
                            </button>
                            <DeleteButton label="Quitar" testid="delete-retention" action />
                        }
                    })
            }}
        </li>
    }
}

/// "0.5 % del importe bruto", "$1,000.00 por estimación".
pub fn describe(retention: &Retention) -> String {
    match retention.kind {
        RetentionKind::Fixed => format!("{} por estimación", format::money(retention.value)),
        RetentionKind::Percentage => {
            let base = match retention.base {
                RetentionBase::Gross => "del importe bruto",
                RetentionBase::Subtotal => "del subtotal",
            };
            format!("{} {base}", format::percent(retention.value))
        }
    }
}
