use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::Action;
use shared::dto::{BillingDate, Estimate, UnlockInput};

use crate::api::ApiError;
use crate::api::estimates::{delete_estimate, invoice, pay, unlock};
use crate::components::delete_button::{DeleteButton, Deletion};
use crate::components::error_message::ErrorMessage;
use crate::components::text_field::TextField;
use crate::form::{Submission, picked_date, today};
use crate::routes;
use crate::session::{Session, use_session};

/// A change of the estimate's billing state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Invoice,
    Pay,
    Unlock,
}

impl Step {
    fn testid(self) -> &'static str {
        match self {
            Step::Invoice => "invoice",
            Step::Pay => "pay",
            Step::Unlock => "unlock",
        }
    }

    fn button(self) -> &'static str {
        match self {
            Step::Invoice => "Facturar",
            Step::Pay => "Marcar pagada",
            Step::Unlock => "Desbloquear",
        }
    }

    fn field(self) -> &'static str {
        match self {
            Step::Invoice | Step::Pay => "date",
            Step::Unlock => "reason",
        }
    }

    async fn run(self, session: Session, id: i64, text: String) -> Result<Estimate, ApiError> {
        match self {
            Step::Invoice | Step::Pay => {
                let date = BillingDate {
                    date: picked_date("date", &text)?,
                };
                let call = move |token| {
                    let date = date.clone();
                    async move {
                        match self {
                            Step::Invoice => invoice(token, id, date).await,
                            _ => pay(token, id, date).await,
                        }
                    }
                };
                session.call(call).await
            }
            Step::Unlock => {
                let input = UnlockInput { reason: text };
                session
                    .call(move |token| unlock(token, id, input.clone()))
                    .await
            }
        }
    }
}

/// What may be done to the estimate now: invoice a draft, mark an invoiced one paid, unlock
/// it, or delete the latest draft. Only what the permission table allows is offered.
#[component]
pub fn EstimateActions(
    estimate: Estimate,
    assigned: bool,
    /// Whether this is the contract's latest estimate, the only one that may be deleted.
    latest: bool,
    /// Bumped after a change, so the page reads the estimate again.
    reload: RwSignal<u32>,
) -> impl IntoView {
    let session = use_session();
    let invoiced = estimate.invoiced_on.is_some();
    let paid = estimate.paid_on.is_some();
    let id = estimate.id;
    let contract_id = estimate.contract_id;
    let may_bill = move || session.may(Action::BillEstimate, assigned);
    let may_unlock = move || session.may(Action::UnlockEstimate, assigned);

    let navigate = use_navigate();
    let delete = move || -> Deletion {
        let navigate = navigate.clone();
        Box::pin(async move {
            session
                .call(move |token| delete_estimate(token, id))
                .await?;
            navigate(&routes::contract(contract_id), Default::default());
            Ok(())
        })
    };

    let delete_button = move || {
        let action = delete.clone();
        (may_bill() && latest && !invoiced).then(move || {
            view! { <DeleteButton label="Eliminar" testid="delete-estimate" action /> }
        })
    };

    view! {
        <div class="estimate-actions" data-testid="estimate-actions">
            {move || {
                (may_bill() && !invoiced)
                    .then(|| view! { <StepForm step=Step::Invoice id reload /> })
            }}
            {move || {
                (may_bill() && invoiced && !paid)
                    .then(|| view! { <StepForm step=Step::Pay id reload /> })
            }}
            {move || {
                (may_unlock() && invoiced)
                    .then(|| view! { <StepForm step=Step::Unlock id reload /> })
            }}
            {delete_button}
        </div>
    }
}

/// One step's small form: a date (or the reason to unlock) and its button.
#[component]
fn StepForm(step: Step, id: i64, reload: RwSignal<u32>) -> impl IntoView {
    let session = use_session();
    let submission = Submission::new();
    let initial = if step == Step::Unlock {
        String::new()
    } else {
        today()
    };
    let value = RwSignal::new(initial);
    let testid = step.testid();

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let request = step.run(session, id, value.get_untracked());
        submission.send(request, move |_| reload.update(|version| *version += 1));
    };
    let field = match step {
        Step::Unlock => view! {
            <TextField
                id="unlock-reason"
                label="Motivo"
                value
                error=submission.field("reason")
                required=true
            />
        }
        .into_any(),
        _ => view! {
            <TextField
                id=format!("{testid}-date")
                label="Fecha"
                kind="date"
                value
                error=submission.field("date")
                required=true
            />
        }
        .into_any(),
    };

    view! {
        <form class="step-form" on:submit=on_submit data-testid=format!("{testid}-form")>
            {field}
            <button
                type="submit"
                class=if step == Step::Unlock { "button" } else { "button button-primary" }
                data-testid=testid
                disabled=move || submission.pending()
            >
                {step.button()}
            </button>
            {move || {
                submission
                    .general(&[step.field()])
                    .map(|message| {
                        view! { <ErrorMessage message testid=format!("{testid}-error") /> }
                    })
            }}
        </form>
    }
}
