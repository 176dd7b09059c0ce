use leptos::prelude::*;

use crate::pages::set_title;
use crate::routes;

/// Any path the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_title("Página no encontrada");

    view! {
        <main class="not-found-page" data-testid="not-found">
            <div class="card">
                <p class="brand brand-large">"Construbot"</p>
                <h1>"Página no encontrada"</h1>
                <p>"La dirección que abriste no existe o ya no está disponible."</p>
                <a class="button button-primary" href=routes::HOME>
                    "Ir a contratos"
                </a>
            </div>
        </main>
    }
}
