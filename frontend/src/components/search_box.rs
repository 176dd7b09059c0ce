use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::listing::{ListPlace, ListQuery};
use crate::routes;

/// Searches a list; the search goes into the address, back on the first page.
#[component]
pub fn SearchBox(place: ListPlace, query: Memo<ListQuery>) -> impl IntoView {
    let navigate = use_navigate();
    let text = RwSignal::new(query.get_untracked().q);
    // Back and forward change the address: show the search it holds.
    Effect::new(move |_| text.set(query.with(|query| query.q.clone())));

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let search = ListQuery {
            q: text.get_untracked().trim().to_string(),
            offset: 0,
            ..query.get_untracked()
        };
        navigate(&routes::list_page(place.path, &search), Default::default());
    };
    let input_id = format!("{}-search", place.testid);

    view! {
        <form class="search-box" role="search" on:submit=on_submit>
            <label for=input_id.clone() class="visually-hidden">
                {place.placeholder}
            </label>
            <input
                id=input_id.clone()
                type="search"
                placeholder=place.placeholder
                data-testid=input_id
                bind:value=text
            />
            <button
                type="submit"
                class="button"
                data-testid=format!("{}-search-submit", place.testid)
            >
                "Buscar"
            </button>
        </form>
    }
}
