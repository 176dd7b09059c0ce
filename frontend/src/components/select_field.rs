use leptos::ev::Event;
use leptos::prelude::*;

use crate::components::field_error::FieldError;

/// One choice of a [`SelectField`]: the value sent and the text shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

impl Choice {
    pub fn new(value: impl ToString, label: impl Into<String>) -> Choice {
        Choice {
            value: value.to_string(),
            label: label.into(),
        }
    }
}

/// A labelled `<select>` bound to `value`, with the complaint about it under it.
///
/// `id` is also its `data-testid` unless `testid` is given; the complaint's is
/// `{testid}-error`. With `placeholder`, an empty first option stands for "nothing chosen".
#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] choices: Signal<Vec<Choice>>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] placeholder: Option<&'static str>,
    #[prop(optional)] compact: bool,
    /// The `data-testid`, when it cannot be the `id` (rows of a table).
    #[prop(optional, into)]
    testid: Option<String>,
) -> impl IntoView {
    let testid = testid.unwrap_or_else(|| id.clone());
    let error_testid = format!("{testid}-error");
    let error_id = format!("{id}-error");
    let on_change = move |event: Event| value.set(event_target_value(&event));
    let empty = placeholder.map(|text| {
        view! {
            <option value="" prop:selected=move || value.with(String::is_empty)>
                {text}
            </option>
        }
    });

    view! {
        <div class="field" class:field-compact=compact>
            <label for=id.clone() class:visually-hidden=compact>
                {label}
            </label>
            <select
                id=id.clone()
                data-testid=testid
                aria-describedby=error_id.clone()
                on:change=on_change
            >
                {empty}
                <For each=move || choices.get() key=|choice| choice.value.clone() let:choice>
                    <option
                        value=choice.value.clone()
                        prop:selected=move || value.with(|value| *value == choice.value)
                    >
                        {choice.label}
                    </option>
                </For>
            </select>
            <FieldError id=error_id message=error testid=error_testid />
        </div>
    }
}
