use leptos::ev::Event;
use leptos::html::Select;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::Action;
use shared::access::permits;

use crate::components::error_message::ErrorMessage;
use crate::session::{Session, use_session};

/// A `<select>` of the user's companies; choosing one makes it the active company, and every
/// page reloads its data for it.
#[component]
pub fn CompanySwitcher() -> impl IntoView {
    let session = use_session();
    let select = NodeRef::<Select>::new();
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let companies = move || {
        session
            .with_me(|me| me.companies.clone())
            .unwrap_or_default()
    };
    let allowed = move || {
        session
            .level()
            .is_some_and(|l| permits(l, false, Action::SwitchCompany))
    };
    let fixed = move || pending.get() || companies().len() < 2 || !allowed();
    let on_change =
        move |event: Event| switch_to(session, event_target_value(&event), select, pending, error);

    view! {
        <div class="company-switcher">
            <label for="company-switcher">"Empresa"</label>
            <select
                id="company-switcher"
                data-testid="company-switcher"
                node_ref=select
                disabled=fixed
                aria-busy=move || pending.get().to_string()
                on:change=on_change
            >
                <For each=companies key=|company| company.id let:company>
                    <option
                        value=company.id.to_string()
                        prop:selected=move || session.active_company_id() == Some(company.id)
                    >
                        {company.name}
                    </option>
                </For>
            </select>
            {move || {
                error
                    .get()
                    .map(|message| view! { <ErrorMessage message testid="company-switch-error" /> })
            }}
        </div>
    }
}

fn switch_to(
    session: Session,
    value: String,
    select: NodeRef<Select>,
    pending: RwSignal<bool>,
    error: RwSignal<Option<String>>,
) {
    let Ok(company_id) = value.parse::<i64>() else {
        return;
    };
    pending.set(true);
    error.set(None);

    spawn_local(async move {
        let outcome = session.switch_company(company_id).await;
        pending.set(false);
        if let Err(failure) = outcome {
            error.set(Some(failure.message()));
            show_active_company(session, select);
        }
    });
}

/// After a failed switch, put the select back on the company still active.
fn show_active_company(session: Session, select: NodeRef<Select>) {
    if let (Some(select), Some(id)) = (select.get_untracked(), session.active_company_id()) {
        select.set_value(&id.to_string());
    }
}
