use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::components::error_message::ErrorMessage;

/// A deletion on its way: its future, boxed so callers can build it from any `async` block.
pub type Deletion = LocalBoxFuture<'static, Result<(), ApiError>>;

/// A delete button that asks once more before acting, and shows why the server refused,
/// e.g. a 409 naming what still refers to the record.
///
/// The confirmation is inline rather than `window.confirm`, which phones and headless
/// browsers handle poorly. `testid` names the button; the confirmation is `{testid}-confirm`.
#[component]
pub fn DeleteButton(
    /// What the button says, e.g. "Eliminar".
    label: &'static str,
    testid: &'static str,
    /// Deletes, and on success moves on (navigates, reloads a list).
    action: impl Fn() -> Deletion + 'static,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let confirm = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        let deletion = action();
        spawn_local(async move {
            let outcome = deletion.await;
            // The button may be gone already when the deletion navigated away.
            pending.try_set(false);
            asking.try_set(false);
            if let Err(failure) = outcome {
                error.try_set(Some(failure.message()));
            }
        });
    };

    view! {
        <span class="delete-button">
            <button
                type="button"
                class="button button-danger"
                data-testid=testid
                hidden=move || asking.get()
                on:click=move |_| asking.set(true)
            >
                {label}
            </button>
            <span class="confirm" hidden=move || !asking.get()>
                "¿Seguro? "
                <button
                    type="button"
                    class="button button-danger"
                    data-testid=format!("{testid}-confirm")
                    disabled=move || pending.get()
                    on:click=confirm
                >
                    "Sí, eliminar"
                </button>
                <button type="button" class="button" on:click=move |_| asking.set(false)>
                    "Cancelar"
                </button>
            </span>
            {move || {
                error
                    .get()
                    .map(|message| {
                        view! { <ErrorMessage message testid="delete-error" /> }
                    })
            }}
        </span>
    }
}
