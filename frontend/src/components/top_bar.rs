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
                <A href=routes::CONTRACTS attr:data-testid="nav-contracts">
                    "Contratos"
                </A>
            </nav>
            <div class="top-bar-end">
                <CompanySwitcher />
                <UserMenu />
            </div>
        </header>
    }
}
