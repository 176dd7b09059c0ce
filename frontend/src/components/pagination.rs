use leptos::ev::Event;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::api::contracts::ContractQuery;
use crate::routes;

/// Page sizes offered.
const PAGE_SIZES: [i64; 3] = [10, 20, 50];

/// "1–20 de 45", previous and next page, and how many per page.
#[component]
pub fn Pagination(query: ContractQuery, total: i64) -> impl IntoView {
    let navigate = use_navigate();
    let last = (query.offset + query.limit).min(total);
    let range = format!("{}–{last} de {total}", (query.offset + 1).min(last));
    let previous = (query.offset > 0).then(|| at_offset(&query, query.offset - query.limit));
    let next = (last < total).then(|| at_offset(&query, last));

    let search = query.q.clone();
    let on_size = move |event: Event| {
        let limit = event_target_value(&event)
            .parse()
            .unwrap_or(routes::DEFAULT_PAGE_SIZE);
        let first_page = ContractQuery {
            q: search.clone(),
            limit,
            offset: 0,
        };
        navigate(&routes::contracts_page(&first_page), Default::default());
    };

    view! {
        <nav class="pagination" aria-label="Paginación" data-testid="contracts-pagination">
            {page_link(previous, "← Anterior", "contracts-previous")}
            <span class="pagination-range" data-testid="contracts-range">
                {range}
            </span>
            {page_link(next, "Siguiente →", "contracts-next")}
            <label class="page-size">
                "Por página "
                <select data-testid="contracts-page-size" on:change=on_size>
                    {size_options(query.limit)}
                </select>
            </label>
        </nav>
    }
}

fn at_offset(query: &ContractQuery, offset: i64) -> ContractQuery {
    ContractQuery {
        offset: offset.max(0),
        ..query.clone()
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
    target: Option<ContractQuery>,
    text: &'static str,
    testid: &'static str,
) -> impl IntoView {
    match target {
        Some(query) => view! {
            <a class="button" href=routes::contracts_page(&query) data-testid=testid>
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
