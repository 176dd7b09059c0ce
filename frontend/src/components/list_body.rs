use leptos::prelude::*;

use crate::components::pagination::Pagination;
use crate::listing::{ListPlace, ListQuery};

/// How a list says it has nothing to show.
#[derive(Debug, Clone, Copy)]
pub struct Emptiness {
    /// The company has none at all, e.g. "Aún no hay contratos en esta empresa."
    pub none: &'static str,
    /// Start of the sentence for a search that found nothing: "Ningún contrato coincide".
    pub no_match: &'static str,
    /// Past the last page, e.g. "No hay contratos en esta página."
    pub none_here: &'static str,
}

/// The paging figures of an answer.
#[derive(Debug, Clone, Copy)]
pub struct Paging {
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
    /// How many rows came in this page.
    pub shown: usize,
}

/// Under a list's header: the rows (or why there are none) and the pagination.
pub fn list_body(
    place: ListPlace,
    asked: ListQuery,
    paging: Paging,
    emptiness: Emptiness,
    rows: AnyView,
) -> AnyView {
    if paging.total == 0 {
        return empty_state(place, &asked.q, emptiness).into_any();
    }
    // Page by what the server answered: it may have clamped the limit.
    let query = asked.as_answered(paging.limit, paging.offset);
    let total = paging.total;
    let rows = if paging.shown == 0 {
        view! { <p class="empty-state">{emptiness.none_here}</p> }.into_any()
    } else {
        rows
    };

    view! {
        {rows}
        <Pagination place query total />
    }
    .into_any()
}

fn empty_state(place: ListPlace, search: &str, emptiness: Emptiness) -> impl IntoView + use<> {
    let (suffix, message) = if search.is_empty() {
        ("empty", emptiness.none.to_string())
    } else {
        (
            "no-match",
            format!("{} con «{search}».", emptiness.no_match),
        )
    };

    view! {
        <p class="empty-state" data-testid=format!("{}-{suffix}", place.testid)>
            {message}
        </p>
    }
}
