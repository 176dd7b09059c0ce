use leptos::prelude::*;

use crate::api::documents::Paper;
use crate::storage;

/// The paper chosen last time on this browser, Carta when none was.
pub fn remembered_paper() -> Paper {
    storage::paper()
        .and_then(|key| Paper::from_key(&key))
        .unwrap_or_default()
}

/// Carta or A4 for the PDFs beside it; the choice is remembered for next time.
#[component]
pub fn PaperChoice(paper: RwSignal<Paper>) -> impl IntoView {
    let options = Paper::ALL.into_iter().map(|option| {
        let choose = move |_| {
            paper.set(option);
            storage::keep_paper(option.key());
        };
        view! {
            <label class="paper-option">
                <input
                    type="radio"
                    name="paper"
                    value=option.key()
                    data-testid=format!("paper-{}", option.key())
                    prop:checked=move || paper.get() == option
                    on:change=choose
                />
                {option.label()}
            </label>
        }
    });
    let options = options.collect_view();

    view! {
        <fieldset class="paper-choice" data-testid="paper-choice">
            <legend>"Papel"</legend>
            {options}
        </fieldset>
    }
}
