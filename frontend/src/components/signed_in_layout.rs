use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_location, use_navigate};

use crate::components::loading::Loading;
use crate::components::top_bar::TopBar;
use crate::routes;
use crate::session::{Status, use_session};

/// The frame of every page that needs a session: top bar and content. Without a session it
/// sends the user to log in, remembering the page asked for.
#[component]
pub fn SignedInLayout() -> impl IntoView {
    let session = use_session();
    send_strangers_to_login();

    move || match session.status() {
        Status::SignedIn => view! {
            <TopBar />
            <main class="content" id="contenido">
                <ActiveCompanyLine />
                <Outlet />
            </main>
        }
        .into_any(),
        Status::Restoring | Status::SignedOut => view! { <Loading /> }.into_any(),
    }
}

/// Once the session is known to be missing, go to the login page and come back after.
fn send_strangers_to_login() {
    let session = use_session();
    let location = use_location();
    let navigate = use_navigate();

    Effect::new(move |_| {
        if session.status() != Status::SignedOut {
            return;
        }
        let path = location.pathname.get_untracked();
        // Logging out navigates to the login page itself, without a page to come back to.
        if path == routes::LOGIN {
            return;
        }
        let here = with_query(path, &location.search.get_untracked());
        let options = NavigateOptions {
            replace: true,
            ..NavigateOptions::default()
        };
        navigate(&routes::login_returning_to(&here), options);
    });
}

/// The router gives the query without its `?`.
fn with_query(path: String, search: &str) -> String {
    match search.trim_start_matches('?') {
        "" => path,
        query => format!("{path}?{query}"),
    }
}

/// Which company and account the user is working in, under the top bar.
#[component]
fn ActiveCompanyLine() -> impl IntoView {
    let session = use_session();
    let company = move || session.with_me(|me| me.active_company.name.clone());
    let customer = move || session.with_me(|me| me.customer.name.clone());

    view! {
        <p class="context-line">
            "Empresa activa: "
            <strong data-testid="active-company">{company}</strong>
            <span class="context-customer">" · " {customer}</span>
        </p>
    }
}
