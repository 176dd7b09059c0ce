use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use crate::routes;
use crate::session::use_session;

/// The user's name, opening a menu with their access level, "Mi perfil" and "Cerrar sesión".
#[component]
pub fn UserMenu() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let open = RwSignal::new(false);
    let wrapper = NodeRef::<Div>::new();
    close_on_click_outside(wrapper, open);

    let name = move || {
        session
            .with_me(|me| me.user.name.clone())
            .unwrap_or_default()
    };
    let level = move || {
        session
            .level()
            .map(|level| level.label())
            .unwrap_or_default()
    };
    let log_out = move |_| {
        open.set(false);
        // Navigate first, so the login page does not remember this page to come back to.
        navigate(routes::LOGIN, Default::default());
        session.log_out();
    };
    let close_on_escape = move |event: ev::KeyboardEvent| {
        if event.key() == "Escape" {
            open.set(false);
        }
    };

    view! {
        <div class="user-menu" node_ref=wrapper on:keydown=close_on_escape>
            <button
                type="button"
                class="user-menu-button"
                data-testid="user-menu"
                aria-haspopup="true"
                aria-controls="user-menu-panel"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|open| *open = !*open)
            >
                <span class="user-menu-name">{name}</span>
                <span class="user-menu-caret" aria-hidden="true">"▾"</span>
            </button>
            <div id="user-menu-panel" class="user-menu-panel" hidden=move || !open.get()>
                <p class="user-menu-who">
                    <strong data-testid="user-name">{name}</strong>
                    <span class="badge" data-testid="user-level">{level}</span>
                </p>
                <a
                    href=routes::PROFILE
                    data-testid="profile-link"
                    on:click=move |_| open.set(false)
                >
                    "Mi perfil"
                </a>
                <button type="button" class="link-button" data-testid="logout" on:click=log_out>
                    "Cerrar sesión"
                </button>
            </div>
        </div>
    }
}

fn close_on_click_outside(wrapper: NodeRef<Div>, open: RwSignal<bool>) {
    let listener = window_event_listener(ev::click, move |event| {
        let Some(wrapper) = wrapper.get_untracked() else {
            return;
        };
        let target = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Node>().ok());
        if !wrapper.contains(target.as_ref()) {
            open.set(false);
        }
    });
    on_cleanup(move || listener.remove());
}
