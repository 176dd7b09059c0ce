use leptos::prelude::*;

/// A quiet placeholder while something loads.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" role="status" data-testid="loading">
            "Cargando…"
        </p>
    }
}
