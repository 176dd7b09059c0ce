use leptos::prelude::*;

/// The server's (or the form's) complaint about one field, shown under it.
///
/// `id` is what the input's `aria-describedby` points at.
#[component]
pub fn FieldError(
    id: &'static str,
    #[prop(into)] message: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        message.get().map(|message| {
            view! {
                <p class="field-error" id=id data-testid=id>
                    {message}
                </p>
            }
        })
    }
}
