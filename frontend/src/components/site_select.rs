use leptos::prelude::*;
use shared::dto::{Site, SitePage};

use crate::api::directory;
use crate::components::select_field::{Choice, SelectField};
use crate::session::use_session;

/// The most a picker offers: the API's largest page.
const PICKER_LIMIT: i64 = 200;

/// A `<select>` of sites, bound to the chosen id; empty means no site. With `client` set,
/// only that client's sites are offered.
#[component]
pub fn SiteSelect(
    id: &'static str,
    value: RwSignal<String>,
    #[prop(into)] client: Signal<Option<i64>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let session = use_session();
    let loaded = LocalResource::new(move || {
        let mut params = vec![("limit", PICKER_LIMIT.to_string())];
        if let Some(client) = client.get() {
            params.push(("counterparty_id", client.to_string()));
        }
        let _company = session.active_company_id();
        async move {
            session
                .call(move |token| directory::list::<Site>(token, params.clone()))
                .await
        }
    });
    let choices = Signal::derive(move || {
        let page: Option<SitePage> = loaded.get().and_then(Result::ok);
        let sites = page.map(|page| page.items).unwrap_or_default();
        sites
            .into_iter()
            .map(|site| {
                Choice::new(
                    site.id,
                    format!("{} ({})", site.name, site.counterparty_name),
                )
            })
            .collect::<Vec<_>>()
    });

    view! { <SelectField id label="Sitio" value choices error placeholder="Sin sitio" /> }
}
