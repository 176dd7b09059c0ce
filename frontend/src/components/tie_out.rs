use leptos::prelude::*;
use shared::dto::TieOut;

/// The checks a reader can redo by hand, each with a ✓ or a ✗.
#[component]
pub fn TieOutChecks(#[prop(into)] tie_out: Signal<TieOut>) -> impl IntoView {
    let check = move |label: &'static str, testid: &'static str, pick: fn(&TieOut) -> bool| {
        let passed = move || tie_out.with(pick);
        view! {
            <li data-testid=testid class:failed=move || !passed()>
                {label}
                " "
                {move || if passed() { "✓" } else { "✗" }}
            </li>
        }
    };
    let prior = move || {
        tie_out
            .with(|tie_out| tie_out.previous_matches_prior)
            .map(|matches| {
                view! {
                    <li data-testid="tie-out-prior" class:failed=!matches>
                        "El anterior coincide con el acumulado de la estimación previa "
                        {if matches { "✓" } else { "✗" }}
                    </li>
                }
            })
    };

    view! {
        <ul class="tie-out" data-testid="tie-out" aria-label="Comprobaciones">
            {check("Las columnas suman", "tie-out-lines", |t| t.lines_foot)}
            {prior}
            {check(
                "La amortización no excede el anticipo",
                "tie-out-advance",
                |t| t.amortization_within_advance,
            )}
        </ul>
    }
}
