use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use shared::dto::{Retention, RetentionBase, RetentionInput, RetentionKind};

use crate::api::ApiError;
use crate::api::catalog::{add_retention, update_retention};
use crate::components::error_message::ErrorMessage;
use crate::components::select_field::{Choice, SelectField};
use crate::components::text_field::TextField;
use crate::form::Submission;
use crate::session::{Session, use_session};

const FIELDS: &[&str] = &["name", "kind", "base", "value"];

/// The form's fields, as typed.
#[derive(Clone, Copy)]
struct Fields {
    name: RwSignal<String>,
    kind: RwSignal<String>,
    base: RwSignal<String>,
    value: RwSignal<String>,
}

impl Fields {
    fn new(existing: Option<&Retention>) -> Fields {
        let kind = existing.map_or(RetentionKind::Percentage, |retention| retention.kind);
        let base = existing.map_or(RetentionBase::Gross, |retention| retention.base);
        Fields {
            name: RwSignal::new(existing.map(|r| r.name.clone()).unwrap_or_default()),
            kind: RwSignal::new(kind_key(kind).to_string()),
            base: RwSignal::new(base_key(base).to_string()),
            value: RwSignal::new(
                existing
                    .map(|retention| retention.value.normalize().to_string())
                    .unwrap_or_default(),
            ),
        }
    }

    fn is_percentage(&self) -> bool {
        self.kind
            .with(|kind| kind == kind_key(RetentionKind::Percentage))
    }

    fn input(&self) -> RetentionInput {
        RetentionInput {
            name: self.name.get_untracked(),
            kind: if self.is_percentage() {
                RetentionKind::Percentage
            } else {
                RetentionKind::Fixed
            },
            base: if self.base.get_untracked() == base_key(RetentionBase::Subtotal) {
                RetentionBase::Subtotal
            } else {
                RetentionBase::Gross
            },
            value: self.value.get_untracked().trim().to_string(),
        }
    }

    fn clear(&self) {
        self.name.set(String::new());
        self.value.set(String::new());
    }
}

fn kind_key(kind: RetentionKind) -> &'static str {
    match kind {
        RetentionKind::Percentage => "percentage",
        RetentionKind::Fixed => "fixed",
    }
}

fn base_key(base: RetentionBase) -> &'static str {
    match base {
        RetentionBase::Gross => "gross",
        RetentionBase::Subtotal => "subtotal",
    }
}

/// Adds a retention of the contract's own (`existing` is `None`), or corrects one in place:
/// a percentage of the gross or the subtotal, or a fixed amount on every estimate.
///
/// The new-retention form's inputs are `retention-name`…; an editor's `retention-edit-name`….
#[component]
pub fn RetentionForm(
    contract_id: i64,
    existing: Option<Retention>,
    /// Bumped once saved, so the list is read again.
    changed: RwSignal<u32>,
    /// For an editor: set back to false once saved or given up.
    #[prop(optional)]
    editing: Option<RwSignal<bool>>,
) -> impl IntoView {
    let session = use_session();
    let submission = Submission::new();
    let fields = Fields::new(existing.as_ref());
    let retention_id = existing.as_ref().map(|retention| retention.id);
    let (id_prefix, testid_prefix) = match retention_id {
        Some(id) => (format!("retention-{id}"), "retention-edit"),
        None => ("retention".to_string(), "retention"),
    };
    let id = move |field: &str| format!("{id_prefix}-{field}");
    let testid = move |field: &str| format!("{testid_prefix}-{field}");
    let kinds = vec![
        Choice::new(kind_key(RetentionKind::Percentage), "Porcentaje"),
        Choice::new(kind_key(RetentionKind::Fixed), "Monto fijo"),
    ];
    let bases = vec![
        Choice::new(base_key(RetentionBase::Gross), "Del importe bruto"),
        Choice::new(
            base_key(RetentionBase::Subtotal),
            "Del subtotal (tras amortizar)",
        ),
    ];

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let saved = move |_| {
            match editing {
                Some(editing) => editing.set(false),
                None => fields.clear(),
            }
            changed.update(|version| *version += 1);
        };
        let request = save(session, contract_id, retention_id, fields.input());
        submission.send(request, saved);
    };
    let cancel = editing.map(|editing| {
        view! {
            <button type="button" class="button" on:click=move |_| editing.set(false)>
                "Cancelar"
            </button>
        }
    });

    view! {
        <form class="retention-form" on:submit=on_submit data-testid=testid("form")>
            {retention_id.is_none().then(|| view! { <h3>"Otra retención"</h3> })}
            <div class="field-row">
                <TextField
                    id=id("name")
                    testid=testid("name")
                    label="Nombre"
                    value=fields.name
                    error=submission.field("name")
                    required=true
                />
                <SelectField
                    id=id("kind")
                    testid=testid("kind")
                    label="Tipo"
                    value=fields.kind
                    choices=kinds
                    error=submission.field("kind")
                />
                <div class="field-group" hidden=move || !fields.is_percentage()>
                    <SelectField
                        id=id("base")
                        testid=testid("base")
                        label="Base"
                        value=fields.base
                        choices=bases
                        error=submission.field("base")
                    />
                </div>
                <TextField
                    id=id("value")
                    testid=testid("value")
                    label="Valor"
                    hint="Porcentaje (p. ej. 0.5) o monto por estimación (p. ej. 1000.00)."
                    inputmode="decimal"
                    value=fields.value
                    error=submission.field("value")
                    required=true
                />
            </div>
            {move || {
                submission
                    .general(FIELDS)
                    .map(|message| view! { <ErrorMessage message testid=testid("error") /> })
            }}
            <div class="form-actions">
                <button
                    type="submit"
                    class="button button-primary"
                    data-testid=testid("submit")
                    disabled=move || submission.pending()
                >
                    {if retention_id.is_some() { "Guardar" } else { "Agregar retención" }}
                </button>
                {cancel}
            </div>
        </form>
    }
}

async fn save(
    session: Session,
    contract_id: i64,
    retention_id: Option<i64>,
    input: RetentionInput,
) -> Result<Retention, ApiError> {
    match retention_id {
        None => {
            session
                .call(move |token| add_retention(token, contract_id, input.clone()))
                .await
        }
        Some(id) => {
            session
                .call(move |token| update_retention(token, contract_id, id, input.clone()))
                .await
        }
    }
}
