use leptos::prelude::*;

/// A failure the user should read, announced to screen readers.
#[component]
pub fn ErrorMessage(
    /// The sentence to show.
    #[prop(into)]
    message: String,
    /// The `data-testid` for e2e tests.
    #[prop(into, default = "error".to_string())]
    testid: String,
) -> impl IntoView {
    view! {
        <p class="alert alert-error" role="alert" data-testid=testid>
            {message}
        </p>
    }
}
