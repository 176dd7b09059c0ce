use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::Action;
use shared::dto::Unit;

use crate::api::directory;
use crate::components::delete_button::{DeleteButton, Deletion};
use crate::components::error_message::ErrorMessage;
use crate::components::loading::Loading;
use crate::components::unit_form::UnitForm;
use crate::pages::{record_resource, set_title};
use crate::routes;
use crate::session::use_session;

/// `/unidades/nueva`.
#[component]
pub fn NewUnitPage() -> impl IntoView {
    set_title("Nueva unidad");

    view! {
        <section class="page" aria-labelledby="unit-title">
            <header class="page-header">
                <h1 id="unit-title">"Nueva unidad"</h1>
            </header>
            <UnitForm existing=None />
        </section>
    }
}

/// `/unidades/:id`: edits a unit; anyone who may edit the directory may delete it.
#[component]
pub fn UnitPage() -> impl IntoView {
    set_title("Unidad");
    let record = record_resource::<Unit>();

    view! {
        <section class="page" aria-labelledby="unit-title">
            <header class="page-header">
                <h1 id="unit-title">"Unidad"</h1>
            </header>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match record.await {
                        Ok(record) => {
                            let id = record.id;
                            view! {
                                <UnitForm existing=Some(record) />
                                <DeleteUnit id />
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
fn DeleteUnit(id: i64) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let action = move || -> Deletion {
        let navigate = navigate.clone();
        Box::pin(async move {
            session
                .call(move |token| directory::remove::<Unit>(token, id))
                .await?;
            navigate(routes::UNITS, Default::default());
            Ok(())
        })
    };

    move || {
        session.may(Action::EditDirectory, false).then(|| {
            view! {
                <div class="danger-zone">
                    <DeleteButton
                        label="Eliminar unidad"
                        testid="delete-unit"
                        action=action.clone()
                    />
                </div>
            }
        })
    }
}
