use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::api::contracts::ContractQuery;
use crate::routes;

/// Searches contracts by folio, code or name; the search goes into the address.
#[component]
pub fn SearchBox(query: Memo<ContractQuery>) -> impl IntoView {
    let navigate = use_navigate();
    let text = RwSignal::new(query.get_untracked().q);
    // Back and forward change the address: show the search it holds.
    Effect::new(move |_| text.set(query.with(|query| query.q.clone())));

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let limit = query.with_untracked(|query| query.limit);
        let search = ContractQuery {
            q: text.get_untracked().trim().to_string(),
            limit,
            offset: 0,
        };
        navigate(&routes::contracts_page(&search), Default::default());
    };

    view! {
        <form class="search-box" role="search" on:submit=on_submit>
            <label for="contracts-search" class="visually-hidden">
                "Buscar contratos"
            </label>
            <input
                id="contracts-search"
                type="search"
                placeholder="Buscar por folio, código o nombre"
                data-testid="contracts-search"
                bind:value=text
            />
            <button type="submit" class="button" data-testid="contracts-search-submit">
                "Buscar"
            </button>
        </form>
    }
}
