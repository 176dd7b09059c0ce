//! The app shell: the session and the router, with every route of the SPA.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::components::signed_in_layout::SignedInLayout;
use crate::pages::contact_edit::{ContactPage, NewContactPage};
use crate::pages::contacts::ContactsPage;
use crate::pages::contract_detail::ContractPage;
use crate::pages::contract_edit::{EditContractPage, NewContractPage};
use crate::pages::contracts::ContractsPage;
use crate::pages::counterparties::CounterpartiesPage;
use crate::pages::counterparty_edit::{CounterpartyPage, NewCounterpartyPage};
use crate::pages::dashboard::DashboardPage;
use crate::pages::estimate::EstimatePage;
use crate::pages::login::LoginPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::profile::ProfilePage;
use crate::pages::site_edit::{NewSitePage, SitePage};
use crate::pages::sites::SitesPage;
use crate::pages::subcontract_report::SubcontractReportPage;
use crate::pages::unit_edit::{NewUnitPage, UnitPage};
use crate::pages::units::UnitsPage;
use crate::routes;
use crate::session::Session;

#[component]
pub fn App() -> impl IntoView {
    Session::provide();

    // A path's fixed "nuevo" is listed before its `:id`, which would match it too.
    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/login") view=LoginPage />
                <Route path=path!("/") view=|| view! { <Redirect path=routes::HOME /> } />
                <ParentRoute path=path!("") view=SignedInLayout>
                    <Route path=path!("/contratos") view=ContractsPage />
                    <Route path=path!("/contratos/nuevo") view=NewContractPage />
                    <Route path=path!("/contratos/:id") view=ContractPage />
                    <Route path=path!("/contratos/:id/editar") view=EditContractPage />
                    <Route path=path!("/tablero") view=DashboardPage />
                    <Route path=path!("/estimaciones/:id") view=EstimatePage />
                    <Route
                        path=path!("/estimaciones/:id/subcontratos")
                        view=SubcontractReportPage
                    />
                    <Route path=path!("/contrapartes") view=CounterpartiesPage />
                    <Route path=path!("/contrapartes/nueva") view=NewCounterpartyPage />
                    <Route path=path!("/contrapartes/:id") view=CounterpartyPage />
                    <Route path=path!("/sitios") view=SitesPage />
                    <Route path=path!("/sitios/nuevo") view=NewSitePage />
                    <Route path=path!("/sitios/:id") view=SitePage />
                    <Route path=path!("/contactos") view=ContactsPage />
                    <Route path=path!("/contactos/nuevo") view=NewContactPage />
                    <Route path=path!("/contactos/:id") view=ContactPage />
                    <Route path=path!("/unidades") view=UnitsPage />
                    <Route path=path!("/unidades/nueva") view=NewUnitPage />
                    <Route path=path!("/unidades/:id") view=UnitPage />
                    <Route path=path!("/perfil") view=ProfilePage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
