use leptos::prelude::*;

use crate::components::search_box::SearchBox;
use crate::listing::{ListPlace, ListQuery};

/// A link to create a record, shown only to who may create one.
#[derive(Debug, Clone, Copy)]
pub struct NewLink {
    pub href: &'static str,
    pub label: &'static str,
    pub testid: &'static str,
}

/// The top of a list page: its title, the search box and the "new" link when allowed.
#[component]
pub fn ListHeader(
    title: &'static str,
    place: ListPlace,
    query: Memo<ListQuery>,
    new_link: NewLink,
    #[prop(into)] may_create: Signal<bool>,
) -> impl IntoView {
    let title_id = format!("{}-title", place.testid);

    view! {
        <header class="page-header">
            <h1 id=title_id>{title}</h1>
            <div class="page-actions">
                <SearchBox place query />
                {move || {
                    may_create
                        .get()
                        .then(|| {
                            view! {
                                <a
                                    class="button button-primary"
                                    href=new_link.href
                                    data-testid=new_link.testid
                                >
                                    {new_link.label}
                                </a>
                            }
                        })
                }}
            </div>
        </header>
    }
}
