use leptos::prelude::*;
use shared::dto::{Counterparty, CounterpartyKind, CounterpartyPage};

use crate::api::ApiError;
use crate::api::directory;
use crate::components::select_field::{Choice, SelectField};
use crate::session::{Session, use_session};

/// The most a picker offers: the API's largest page. A company with more counterparties of
/// one kind needs a searchable picker instead.
const PICKER_LIMIT: i64 = 200;

/// A `<select>` of the company's counterparties of `kinds`, bound to the chosen id.
#[component]
pub fn CounterpartySelect(
    id: &'static str,
    label: &'static str,
    kinds: &'static [CounterpartyKind],
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let session = use_session();
    let loaded = LocalResource::new(move || {
        let _company = session.active_company_id();
        counterparties_of(session, kinds)
    });
    let choices = Signal::derive(move || {
        let loaded = loaded.get();
        let counterparties = loaded.and_then(Result::ok).unwrap_or_default();
        counterparties.into_iter().map(choice).collect::<Vec<_>>()
    });
    let load_error = move || {
        loaded
            .get()
            .and_then(Result::err)
            .map(|error| view! { <p class="field-error">{error.message()}</p> })
    };

    view! {
        <SelectField id label value choices error placeholder="Elige…" />
        {load_error}
    }
}

fn choice(counterparty: Counterparty) -> Choice {
    let label = format!("{} ({})", counterparty.name, counterparty.kind.label());
    Choice::new(counterparty.id, label)
}

/// One page per kind, so every kind gets its full share of the picker.
async fn counterparties_of(
    session: Session,
    kinds: &'static [CounterpartyKind],
) -> Result<Vec<Counterparty>, ApiError> {
    let mut all = Vec::new();
    for kind in kinds {
        let params = vec![
            ("kind", kind.key().to_string()),
            ("limit", PICKER_LIMIT.to_string()),
            ("sort", "name".to_string()),
        ];
        let page: CounterpartyPage = session
            .call(move |token| directory::list::<Counterparty>(token, params.clone()))
            .await?;
        all.extend(page.items);
    }
    Ok(all)
}
