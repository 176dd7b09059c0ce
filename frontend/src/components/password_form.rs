use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::dto::{ChangePasswordRequest, MIN_PASSWORD_CHARS};

use crate::api::ApiError;
use crate::components::error_message::ErrorMessage;
use crate::components::field_error::FieldError;
use crate::session::use_session;

/// The fields the server may complain about, each shown under its input.
const FIELDS: [&str; 2] = ["current_password", "new_password"];

/// What the form says after a submission.
#[derive(Clone, PartialEq)]
enum Outcome {
    Changed,
    Mismatch,
    Failed(ApiError),
}

/// Changes the user's password, showing the server's complaint under each field.
#[component]
pub fn PasswordForm() -> impl IntoView {
    let session = use_session();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let pending = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        if new.get_untracked() != confirmation.get_untracked() {
            outcome.set(Some(Outcome::Mismatch));
            return;
        }
        pending.set(true);
        outcome.set(None);

        let change = ChangePasswordRequest {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        };
        spawn_local(async move {
            let result = session.change_password(change).await;
            pending.set(false);
            if result.is_ok() {
                for field in [current, new, confirmation] {
                    field.set(String::new());
                }
            }
            outcome.set(Some(
                result.map_or_else(Outcome::Failed, |()| Outcome::Changed),
            ));
        });
    };
    let server_says = move |field: &'static str| {
        Signal::derive(move || match outcome.get() {
            Some(Outcome::Failed(error)) => error.field_message(field),
            _ => None,
        })
    };
    let mismatch = Signal::derive(move || {
        let mismatched = outcome.get() == Some(Outcome::Mismatch);
        mismatched.then(|| "Las contraseñas no coinciden.".to_string())
    });

    view! {
        <form class="card password-form" on:submit=on_submit data-testid="password-form">
            <h2>"Cambiar contraseña"</h2>
            <div class="field">
                <label for="current-password">"Contraseña actual"</label>
                <input
                    id="current-password"
                    type="password"
                    autocomplete="current-password"
                    required
                    data-testid="current-password"
                    aria-describedby="current-password-error"
                    bind:value=current
                />
                <FieldError id="current-password-error" message=server_says("current_password") />
            </div>
            <div class="field">
                <label for="new-password">"Nueva contraseña"</label>
                <input
                    id="new-password"
                    type="password"
                    autocomplete="new-password"
                    required
                    data-testid="new-password"
                    aria-describedby="new-password-hint new-password-error"
                    bind:value=new
                />
                <p class="hint" id="new-password-hint">
                    {format!("Al menos {MIN_PASSWORD_CHARS} caracteres.")}
                </p>
                <FieldError id="new-password-error" message=server_says("new_password") />
            </div>
            <div class="field">
                <label for="confirm-password">"Confirma la nueva contraseña"</label>
                <input
                    id="confirm-password"
                    type="password"
                    autocomplete="new-password"
                    required
                    data-testid="confirm-password"
                    aria-describedby="confirm-password-error"
                    bind:value=confirmation
                />
                <FieldError id="confirm-password-error" message=mismatch />
            </div>
            {move || outcome.get().map(outcome_view)}
            <button
                type="submit"
                class="button button-primary"
                data-testid="password-submit"
                disabled=move || pending.get()
            >
                {move || if pending.get() { "Guardando…" } else { "Cambiar contraseña" }}
            </button>
        </form>
    }
}

fn outcome_view(outcome: Outcome) -> AnyView {
    match outcome {
        Outcome::Changed => view! {
            <p class="alert alert-success" role="status" data-testid="password-changed">
                "Contraseña actualizada. Cerramos tus sesiones en otros dispositivos."
            </p>
        }
        .into_any(),
        // Complaints about the fields are shown under them.
        Outcome::Failed(error) if error.only_about(&FIELDS) => ().into_any(),
        Outcome::Failed(error) => {
            view! { <ErrorMessage message=error.message() testid="password-error" /> }.into_any()
        }
        Outcome::Mismatch => ().into_any(),
    }
}
