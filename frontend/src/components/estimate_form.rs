use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::dto::{Contact, ContactPage, Estimate, EstimateInput};

use crate::api::ApiError;
use crate::api::directory;
use crate::api::estimates::{create_estimate, update_estimate};
use crate::components::checkbox_field::CheckboxField;
use crate::components::error_message::ErrorMessage;
use crate::components::select_field::{Choice, SelectField};
use crate::components::text_field::TextField;
use crate::form::{Submission, optional_id, picked_date, today};
use crate::routes;
use crate::session::{Session, use_session};

const FIELDS: &[&str] = &[
    "period_start",
    "period_end",
    "drafted_by_id",
    "supervised_by_id",
    "authorized_by_id",
];

/// The most contacts a picker offers: the API's largest page.
const PICKER_LIMIT: i64 = 200;

/// The form's fields, as typed.
#[derive(Clone, Copy)]
struct Fields {
    period_start: RwSignal<String>,
    period_end: RwSignal<String>,
    drafted_by: RwSignal<String>,
    supervised_by: RwSignal<String>,
    authorized_by: RwSignal<String>,
    show_advance: RwSignal<bool>,
    show_retentions: RwSignal<bool>,
    is_final: RwSignal<bool>,
}

impl Fields {
    /// Filled from the estimate being edited, or for a new one, a period of today.
    fn new(existing: Option<&Estimate>) -> Fields {
        let date =
            |pick: fn(&Estimate) -> String| RwSignal::new(existing.map(pick).unwrap_or_else(today));
        let person = |pick: fn(&Estimate) -> Option<i64>| {
            let id = existing.and_then(pick).map(|id| id.to_string());
            RwSignal::new(id.unwrap_or_default())
        };
        let flag =
            |pick: fn(&Estimate) -> bool, blank: bool| RwSignal::new(existing.map_or(blank, pick));

        Fields {
            period_start: date(|estimate| estimate.period_start.to_string()),
            period_end: date(|estimate| estimate.period_end.to_string()),
            drafted_by: person(|estimate| estimate.drafted_by_id),
            supervised_by: person(|estimate| estimate.supervised_by_id),
            authorized_by: person(|estimate| estimate.authorized_by_id),
            show_advance: flag(|estimate| estimate.show_advance, true),
            show_retentions: flag(|estimate| estimate.show_retentions, true),
            is_final: flag(|estimate| estimate.is_final, false),
        }
    }

    fn input(&self) -> Result<EstimateInput, ApiError> {
        Ok(EstimateInput {
            period_start: picked_date("period_start", &self.period_start.get_untracked())?,
            period_end: picked_date("period_end", &self.period_end.get_untracked())?,
            drafted_by_id: optional_id(&self.drafted_by.get_untracked()),
            supervised_by_id: optional_id(&self.supervised_by.get_untracked()),
            authorized_by_id: optional_id(&self.authorized_by.get_untracked()),
            show_advance: self.show_advance.get_untracked(),
            show_retentions: self.show_retentions.get_untracked(),
            is_final: self.is_final.get_untracked(),
        })
    }
}

/// An estimate's header: its period, who signs it and what it shows. A new estimate opens
/// in its editor once the server has numbered it; an edited one is read again.
#[component]
pub fn EstimateForm(
    contract_id: i64,
    #[prop(into)] counterparty_id: Signal<Option<i64>>,
    /// The estimate being edited; `None` for a new one.
    #[prop(optional)]
    existing: Option<Estimate>,
    /// Shows the form; set back to false by "Cancelar" and after an edit.
    open: RwSignal<bool>,
    /// Bumped after an edit, so the page reads the estimate again.
    #[prop(optional)]
    saved: Option<RwSignal<u32>>,
) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let submission = Submission::new();
    let fields = Fields::new(existing.as_ref());
    let estimate_id = existing.as_ref().map(|estimate| estimate.id);
    let members = member_choices(session);
    let contacts = contact_choices(session, counterparty_id);

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let input = match fields.input() {
            Ok(input) => input,
            Err(error) => return submission.refuse(error),
        };
        let navigate = navigate.clone();
        let done = move |estimate: Estimate| match saved {
            Some(saved) if estimate_id.is_some() => {
                open.set(false);
                saved.update(|version| *version += 1);
            }
            _ => navigate(&routes::estimate(estimate.id), Default::default()),
        };
        submission.send(save(session, contract_id, estimate_id, input), done);
    };
    let (title, submit) = match estimate_id {
        Some(_) => ("Datos de la estimación", "Guardar"),
        None => ("Nueva estimación", "Crear estimación"),
    };

    view! {
        <form class="record-form estimate-form" on:submit=on_submit data-testid="estimate-form">
            <h3>{title}</h3>
            <div class="field-row">
                <TextField
                    id="estimate-period-start"
                    label="Inicio del periodo"
                    kind="date"
                    value=fields.period_start
                    error=submission.field("period_start")
                    required=true
                />
                <TextField
                    id="estimate-period-end"
                    label="Fin del periodo"
                    kind="date"
                    value=fields.period_end
                    error=submission.field("period_end")
                    required=true
                />
            </div>
            <div class="field-row">
                <SelectField
                    id="estimate-drafted-by"
                    label="Elaboró"
                    value=fields.drafted_by
                    choices=members
                    error=submission.field("drafted_by_id")
                    placeholder="Sin asignar"
                />
                <SelectField
                    id="estimate-supervised-by"
                    label="Supervisó"
                    value=fields.supervised_by
                    choices=members
                    error=submission.field("supervised_by_id")
                    placeholder="Sin asignar"
                />
                <SelectField
                    id="estimate-authorized-by"
                    label="Autoriza"
                    value=fields.authorized_by
                    choices=contacts
                    error=submission.field("authorized_by_id")
                    placeholder="Sin asignar"
                />
            </div>
            <CheckboxField
                id="estimate-show-advance"
                label="Mostrar anticipo y amortización"
                checked=fields.show_advance
            />
            <CheckboxField
                id="estimate-show-retentions"
                label="Mostrar retenciones"
                checked=fields.show_retentions
            />
            <CheckboxField
                id="estimate-is-final"
                label="Estimación final (amortiza todo el anticipo restante)"
                checked=fields.is_final
            />
            {move || {
                submission
                    .general(FIELDS)
                    .map(|message| view! { <ErrorMessage message testid="estimate-form-error" /> })
            }}
            <div class="form-actions">
                <button
                    type="submit"
                    class="button button-primary"
                    data-testid="estimate-submit"
                    disabled=move || submission.pending()
                >
                    {submit}
                </button>
                <button type="button" class="button" on:click=move |_| open.set(false)>
                    "Cancelar"
                </button>
            </div>
        </form>
    }
}

async fn save(
    session: Session,
    contract_id: i64,
    estimate_id: Option<i64>,
    input: EstimateInput,
) -> Result<Estimate, ApiError> {
    match estimate_id {
        None => {
            session
                .call(move |token| create_estimate(token, contract_id, input.clone()))
                .await
        }
        Some(id) => {
            session
                .call(move |token| update_estimate(token, id, input.clone()))
                .await
        }
    }
}

/// The people of the active company, who draft and supervise estimates.
fn member_choices(session: Session) -> Signal<Vec<Choice>> {
    let members =
        LocalResource::new(move || async move { session.call(directory::list_members).await });

    Signal::derive(move || {
        let loaded = members.get().and_then(Result::ok);
        let members = loaded.map(|list| list.items).unwrap_or_default();
        members
            .into_iter()
            .map(|member| Choice::new(member.id, member.name))
            .collect()
    })
}

/// The contacts of the contract's counterparty, who authorize its estimates.
fn contact_choices(session: Session, counterparty_id: Signal<Option<i64>>) -> Signal<Vec<Choice>> {
    let contacts = LocalResource::new(move || {
        let counterparty_id = counterparty_id.get();
        async move {
            let Some(counterparty_id) = counterparty_id else {
                return Ok(None);
            };
            let params = vec![
                ("limit", PICKER_LIMIT.to_string()),
                ("counterparty_id", counterparty_id.to_string()),
            ];
            session
                .call(move |token| directory::list::<Contact>(token, params.clone()))
                .await
                .map(Some)
        }
    });

    Signal::derive(move || {
        let page: Option<ContactPage> = contacts.get().and_then(Result::ok).flatten();
        let contacts = page.map(|page| page.items).unwrap_or_default();
        contacts
            .into_iter()
            .map(|contact| {
                let label = match contact.position.is_empty() {
                    true => contact.name,
                    false => format!("{} ({})", contact.name, contact.position),
                };
                Choice::new(contact.id, label)
            })
            .collect()
    })
}
