use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::company_switcher::CompanySwitcher;
use crate::components::user_menu::UserMenu;
use crate::routes;

/// The bar on top of every signed-in page: app name, navigation, company and user.
#[component]
pub fn TopBar() -> impl IntoView {
    view! {
        <header class="top-bar">
            <a class="skip-link" href="#contenido">
                "Saltar al contenido"
            </a>
            <a class="brand" href=routes::HOME data-testid="brand">
                "Construbot"
            </a>
            <nav class="main-nav" aria-label="Principal">
                <A href=routes::DASHBOARD attr:data-testid="nav-dashboard">
                    "Tablero"
                </A>
                <A href=routes::CONTRACTS attr:data-testid="nav-contracts">
                    "Contratos"
                </A>
                <A href=routes::COUNTERPARTIES attr:data-testid="nav-counterparties">
                    "Contrapartes"
                </A>
                <A href=routes::SITES attr:data-testid="nav-sites">
                    "Sitios"
                </A>
                <A href=routes::CONTACTS attr:data-testid="nav-contacts">
                    "Contactos"
                </A>
                <A href=routes::UNITS attr:data-testid="nav-units">
                    "Unidades"
                </A>
            </nav>
            <div class="top-bar-end">
                <CompanySwitcher />
                <UserMenu />
            </div>
        </header>
    }
}
