use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::Action;
use shared::dto::Site;

use crate::api::directory;
use crate::components::delete_button::{DeleteButton, Deletion};
use crate::components::error_message::ErrorMessage;
use crate::components::loading::Loading;
use crate::components::site_form::SiteForm;
use crate::pages::{record_resource, set_title};
use crate::routes;
use crate::session::use_session;

/// `/sitios/nuevo`.
#[component]
pub fn NewSitePage() -> impl IntoView {
    set_title("Nuevo sitio");

    view! {
        <section class="page" aria-labelledby="site-title">
            <header class="page-header">
                <h1 id="site-title">"Nuevo sitio"</h1>
            </header>
            <SiteForm existing=None />
        </section>
    }
}

/// `/sitios/:id`: edits a site; coordinators and up may delete it.
#[component]
pub fn SitePage() -> impl IntoView {
    set_title("Sitio");
    let record = record_resource::<Site>();

    view! {
        <section class="page" aria-labelledby="site-title">
            <header class="page-header">
                <h1 id="site-title">"Sitio"</h1>
            </header>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match record.await {
                        Ok(record) => {
                            let id = record.id;
                            view! {
                                <SiteForm existing=Some(record) />
                                <DeleteSite id />
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
fn DeleteSite(id: i64) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let action = move || -> Deletion {
        let navigate = navigate.clone();
        Box::pin(async move {
            session
                .call(move |token| directory::remove::<Site>(token, id))
                .await?;
            navigate(routes::SITES, Default::default());
            Ok(())
        })
    };

    move || {
        session.may(Action::DeleteSiteOrContact, false).then(|| {
            view! {
                <div class="danger-zone">
                    <DeleteButton
                        label="Eliminar sitio"
                        testid="delete-site"
                        action=action.clone()
                    />
                </div>
            }
        })
    }
}
