use leptos::ev::Event;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::listing::{DEFAULT_PAGE_SIZE, ListPlace, ListQuery};
use crate::routes;

/// Page sizes offered.
const PAGE_SIZES: [i64; 3] = [10, 20, 50];

/// "1–20 de 45", previous and next page, and how many per page.
#[component]
pub fn Pagination(place: ListPlace, query: ListQuery, total: i64) -> impl IntoView {
    let navigate = use_navigate();
    let last = (query.offset + query.limit).min(total);
    let range = format!("{}–{last} de {total}", (query.offset + 1).min(last));
    let previous = (query.offset > 0).then(|| query.at_offset(query.offset - query.limit));
    let next = (last < total).then(|| query.at_offset(last));
    let testid = |what: &str| format!("{}-{what}", place.testid);

    let search = query.clone();
    let on_size = move |event: Event| {
        let first_page = ListQuery {
            limit: event_target_value(&event)
                .parse()
                .unwrap_or(DEFAULT_PAGE_SIZE),
            offset: 0,
            ..search.clone()
        };
        navigate(
            &routes::list_page(place.path, &first_page),
            Default::default(),
        );
    };

    view! {
        <nav class="pagination" aria-label="Paginación" data-testid=testid("pagination")>
            {page_link(place, previous, "← Anterior", testid("previous"))}
            <span class="pagination-range" data-testid=testid("range")>
                {range}
            </span>
            {page_link(place, next, "Siguiente →", testid("next"))}
            <label class="page-size">
                "Por página "
                <select data-testid=testid("page-size") on:change=on_size>
                    {size_options(query.limit)}
                </select>
            </label>
        </nav>
    }
}

/// The usual sizes, plus the one in the address when it is another.
fn size_options(current: i64) -> impl IntoView {
    let mut sizes = PAGE_SIZES.to_vec();
    if !sizes.contains(&current) {
        sizes.push(current);
        sizes.sort_unstable();
    }

    sizes
        .into_iter()
        .map(|size| {
            view! {
                <option value=size.to_string() selected=size == current>
                    {size}
                </option>
            }
        })
        .collect_view()
}

fn page_link(
    place: ListPlace,
    target: Option<ListQuery>,
    text: &'static str,
    testid: String,
) -> impl IntoView {
    match target {
        Some(query) => view! {
            <a class="button" href=routes::list_page(place.path, &query) data-testid=testid>
                {text}
            </a>
        }
        .into_any(),
        None => view! {
            <span class="button" aria-disabled="true" data-testid=testid>
                {text}
            </span>
        }
        .into_any(),
    }
}
