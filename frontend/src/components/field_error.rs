use leptos::prelude::*;

/// The server's (or the form's) complaint about one field, shown under it.
///
/// `id` is what the input's `aria-describedby` points at, and also the `data-testid` unless
/// `testid` says otherwise (rows of a table repeat one `testid`, never an `id`).
#[component]
pub fn FieldError(
    #[prop(into)] id: String,
    #[prop(into)] message: Signal<Option<String>>,
    #[prop(optional, into)] testid: Option<String>,
) -> impl IntoView {
    let testid = testid.unwrap_or_else(|| id.clone());
    move || {
        let (id, testid) = (id.clone(), testid.clone());
        message.get().map(|message| {
            view! {
                <p class="field-error" id=id data-testid=testid>
                    {message}
                </p>
            }
        })
    }
}
