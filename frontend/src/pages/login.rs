use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::dto::LoginRequest;

use crate::api::ApiError;
use crate::components::error_message::ErrorMessage;
use crate::components::field_error::FieldError;
use crate::pages::set_title;
use crate::routes;
use crate::session::{Status, use_session};

/// The fields the server may complain about, each shown under its input.
const FIELDS: [&str; 2] = ["email", "password"];

/// `/login`: email and password. Once signed in, goes on to the page asked for.
#[component]
pub fn LoginPage() -> impl IntoView {
    set_title("Iniciar sesión");
    go_on_once_signed_in();

    let session = use_session();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        failure.set(None);

        let credentials = LoginRequest {
            email: email.get_untracked().trim().to_string(),
            password: password.get_untracked(),
        };
        spawn_local(async move {
            let outcome = session.log_in(credentials).await;
            pending.set(false);
            failure.set(outcome.err());
        });
    };
    let field = move |name: &'static str| {
        Signal::derive(move || failure.with(|f| f.as_ref().and_then(|f| f.field_message(name))))
    };

    view! {
        <main class="login-page">
            <form class="card login-card" on:submit=on_submit>
                <p class="brand brand-large">"Construbot"</p>
                <h1>"Iniciar sesión"</h1>
                {move || session.notice().map(notice_view)}
                <div class="field">
                    <label for="login-email">"Correo electrónico"</label>
                    <input
                        id="login-email"
                        type="email"
                        autocomplete="username"
                        required
                        data-testid="login-email"
                        aria-describedby="login-email-error"
                        bind:value=email
                    />
                    <FieldError id="login-email-error" message=field("email") />
                </div>
                <div class="field">
                    <label for="login-password">"Contraseña"</label>
                    <input
                        id="login-password"
                        type="password"
                        autocomplete="current-password"
                        required
                        data-testid="login-password"
                        aria-describedby="login-password-error"
                        bind:value=password
                    />
                    <FieldError id="login-password-error" message=field("password") />
                </div>
                {move || {
                    failure.get().filter(|failure| !failure.only_about(&FIELDS)).map(failure_view)
                }}
                <button
                    type="submit"
                    class="button button-primary"
                    data-testid="login-submit"
                    disabled=move || pending.get()
                >
                    {move || if pending.get() { "Entrando…" } else { "Entrar" }}
                </button>
            </form>
        </main>
    }
}

/// Why the user is here, e.g. the session expired.
fn notice_view(notice: String) -> impl IntoView {
    view! {
        <p class="alert alert-info" role="status" data-testid="login-notice">
            {notice}
        </p>
    }
}

fn failure_view(failure: ApiError) -> impl IntoView {
    view! { <ErrorMessage message=login_message(&failure) testid="login-error" /> }
}

/// The login form's wording for a failure: a 401 here means bad credentials.
fn login_message(failure: &ApiError) -> String {
    match failure.status() {
        Some(401) => "Correo o contraseña incorrectos.".to_string(),
        _ => failure.message(),
    }
}

/// When the session is (or becomes) signed in, leave for the page in `?next=`.
fn go_on_once_signed_in() {
    let session = use_session();
    let query = use_query_map();
    let navigate = use_navigate();

    Effect::new(move |_| {
        if session.status() == Status::SignedIn {
            let next = query.with_untracked(|query| routes::return_path(query.get_str("next")));
            navigate(
                &next,
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            );
        }
    });
}
