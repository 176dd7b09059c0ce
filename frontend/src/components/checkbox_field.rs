use leptos::prelude::*;

/// A checkbox with its label beside it, bound to `checked`.
#[component]
pub fn CheckboxField(
    id: &'static str,
    label: &'static str,
    checked: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <div class="field field-checkbox">
            <label for=id>
                <input id=id type="checkbox" data-testid=id bind:checked=checked />
                " "
                {label}
            </label>
        </div>
    }
}
