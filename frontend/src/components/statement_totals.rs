use leptos::prelude::*;
use rust_decimal::Decimal;
use shared::dto::{RetentionAmount, RetentionKind, StatementTotals};

use crate::format;

/// The figures under the concept table, from gross to net payable. IVA shows only when the
/// contract has a tax rate.
#[component]
pub fn StatementTotalsView(
    #[prop(into)] totals: Signal<StatementTotals>,
    /// The contract's tax rate, in percent.
    tax_rate: Decimal,
) -> impl IntoView {
    let figure = move |pick: fn(&StatementTotals) -> Decimal| {
        move || totals.with(|totals| format::money(pick(totals)))
    };
    let tax = (!tax_rate.is_zero()).then(|| {
        view! {
            <dt>{format!("IVA ({})", format::percent(tax_rate))}</dt>
            <dd class="numeric" data-testid="total-tax">{figure(|t| t.tax)}</dd>
        }
    });
    let retentions = move || {
        totals
            .with(|totals| totals.retentions.clone())
            .into_iter()
            .map(retention_line)
            .collect_view()
    };

    view! {
        <dl class="statement-totals" data-testid="statement-totals">
            <dt>"Importe de la estimación"</dt>
            <dd class="numeric" data-testid="total-gross">{figure(|t| t.gross)}</dd>
            <dt>"Amortización del anticipo"</dt>
            <dd class="numeric" data-testid="total-amortization">{figure(|t| t.amortization)}</dd>
            <dt>"Subtotal"</dt>
            <dd class="numeric" data-testid="total-subtotal">{figure(|t| t.subtotal)}</dd>
            {tax}
            <dt>"Total"</dt>
            <dd class="numeric" data-testid="total-total">{figure(|t| t.total)}</dd>
            {retentions}
            <dt>"Total retenciones"</dt>
            <dd class="numeric" data-testid="total-retentions">
                {figure(|t| t.retentions_total)}
            </dd>
            <dt class="net">"Neto a pagar"</dt>
            <dd class="numeric net" data-testid="total-net">{figure(|t| t.net)}</dd>
        </dl>
        <p class="note" data-testid="advance-note">
            {move || {
                totals
                    .with(|totals| {
                        format!(
                            "Anticipo {}; amortizado a la fecha {}.",
                            format::money(totals.advance),
                            format::money(totals.amortized_to_date),
                        )
                    })
            }}
        </p>
    }
}

fn retention_line(retention: RetentionAmount) -> impl IntoView {
    let terms = match retention.kind {
        RetentionKind::Percentage => format!(" ({})", format::percent(retention.value)),
        RetentionKind::Fixed => String::new(),
    };

    view! {
        <dt data-testid="retention-name">{format!("{}{terms}", retention.name)}</dt>
        <dd class="numeric" data-testid="retention-amount">{format::money(retention.amount)}</dd>
    }
}
