use leptos::prelude::*;

use crate::components::field_error::FieldError;

/// A labelled input bound to `value`, with an optional hint and the complaint about it.
///
/// `id` is also its `data-testid` unless `testid` is given; the complaint's is
/// `{testid}-error`.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    /// The input's `type`: text, date, email, tel…
    #[prop(default = "text")]
    kind: &'static str,
    /// `decimal` for amounts, so phones show a numeric keyboard.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] hint: Option<&'static str>,
    /// Keeps the label for screen readers only, inside table rows.
    #[prop(optional)]
    compact: bool,
    /// The `data-testid`, when it cannot be the `id` (rows of a table).
    #[prop(optional, into)]
    testid: Option<String>,
) -> impl IntoView {
    let testid = testid.unwrap_or_else(|| id.clone());
    let error_testid = format!("{testid}-error");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described_by = match hint {
        Some(_) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    let invalid = move || error.with(Option::is_some).to_string();

    view! {
        <div class="field" class:field-compact=compact>
            <label for=id.clone() class:visually-hidden=compact>
                {label}
            </label>
            <input
                id=id.clone()
                type=kind
                inputmode=inputmode
                required=required
                data-testid=testid
                aria-describedby=described_by
                aria-invalid=invalid
                bind:value=value
            />
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{hint}</p> })}
            <FieldError id=error_id message=error testid=error_testid />
        </div>
    }
}
