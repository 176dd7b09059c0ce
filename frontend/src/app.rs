//! The app shell: the session and the router, with every route of the SPA.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::components::signed_in_layout::SignedInLayout;
use crate::pages::contracts::ContractsPage;
use crate::pages::login::LoginPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::profile::ProfilePage;
use crate::routes;
use crate::session::Session;

#[component]
pub fn App() -> impl IntoView {
    Session::provide();

    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/login") view=LoginPage />
                <Route path=path!("/") view=|| view! { <Redirect path=routes::HOME /> } />
                <ParentRoute path=path!("") view=SignedInLayout>
                    <Route path=path!("/contratos") view=ContractsPage />
                    <Route path=path!("/perfil") view=ProfilePage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
