use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::Action;
use shared::dto::Counterparty;

use crate::api::directory;
use crate::components::counterparty_form::CounterpartyForm;
use crate::components::delete_button::{DeleteButton, Deletion};
use crate::components::error_message::ErrorMessage;
use crate::components::loading::Loading;
use crate::pages::{record_resource, set_title};
use crate::routes;
use crate::session::use_session;

/// `/contrapartes/nueva`.
#[component]
pub fn NewCounterpartyPage() -> impl IntoView {
    set_title("Nueva contraparte");

    view! {
        <section class="page" aria-labelledby="counterparty-title">
            <header class="page-header">
                <h1 id="counterparty-title">"Nueva contraparte"</h1>
            </header>
            <CounterpartyForm existing=None />
        </section>
    }
}

/// `/contrapartes/:id`: edits a counterparty; directors and up may delete it.
#[component]
pub fn CounterpartyPage() -> impl IntoView {
    set_title("Contraparte");
    let record = record_resource::<Counterparty>();

    view! {
        <section class="page" aria-labelledby="counterparty-title">
            <header class="page-header">
                <h1 id="counterparty-title">"Contraparte"</h1>
            </header>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match record.await {
                        Ok(counterparty) => {
                            let id = counterparty.id;
                            view! {
                                <CounterpartyForm existing=Some(counterparty) />
                                <DeleteCounterparty id />
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorMessage message=error.message() /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn DeleteCounterparty(id: i64) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let action = move || -> Deletion {
        let navigate = navigate.clone();
        Box::pin(async move {
            session
                .call(move |token| directory::remove::<Counterparty>(token, id))
                .await?;
            navigate(routes::COUNTERPARTIES, Default::default());
            Ok(())
        })
    };

    move || {
        session.may(Action::DeleteCounterparty, false).then(|| {
            view! {
                <div class="danger-zone">
                    <DeleteButton
                        label="Eliminar contraparte"
                        testid="delete-counterparty"
                        action=action.clone()
                    />
                </div>
            }
        })
    }
}
