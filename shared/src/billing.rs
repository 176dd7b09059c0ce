//! DOMAIN.md's billing math: contracted amounts, previous / this / to-date columns,
//! amortization of the advance, tax, retentions and the net payable.
//!
//! Pure functions over exact decimals. The server computes statements with them, the PDF
//! prints what they return and the browser recomputes them live while a user types, so all
//! three show the same cents.

use std::collections::BTreeMap;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::dto::statement::{
    RetentionAmount, RetentionBase, RetentionKind, Statement, StatementLine, StatementTotals,
    TieOut,
};
use crate::money::round_money;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// The terms of a contract that the math needs.
#[derive(Debug, Clone, PartialEq)]
pub struct ContractTerms {
    pub amount: Decimal,
    /// Advance ("anticipo") as a percentage of the amount, 0 to 100.
    pub advance_percent: Decimal,
    /// Tax (IVA) rate in percent; 0 when the contract shows no tax.
    pub tax_rate: Decimal,
}

/// One concept of the catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogConcept {
    pub concept_id: i64,
    pub code: String,
    pub description: String,
    pub unit: String,
    pub quantity: Decimal,
    /// The concept's current unit price.
    pub unit_price: Decimal,
}

/// What earlier estimates billed for one concept: sums of quantities and rounded amounts.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Billed {
    pub quantity: Decimal,
    pub amount: Decimal,
}

/// A line of the estimate being stated, at the unit price it is billed at (the concept's
/// current price for a draft, the frozen one once invoiced).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EstimateLine {
    pub concept_id: i64,
    pub quantity: Decimal,
    pub unit_price: Decimal,
}

/// A retention as the contract defines it.
#[derive(Debug, Clone, PartialEq)]
pub struct RetentionTerms {
    pub name: String,
    pub kind: RetentionKind,
    pub base: RetentionBase,
    pub value: Decimal,
}

/// Everything a statement is computed from, read by the server in a fixed number of queries.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementInput<'a> {
    pub contract: &'a ContractTerms,
    pub concepts: &'a [CatalogConcept],
    pub retentions: &'a [RetentionTerms],
    /// Per concept id, what every earlier estimate billed. Missing means nothing.
    pub previous: &'a BTreeMap<i64, Billed>,
    /// Amortized by every earlier estimate.
    pub amortized_before: Decimal,
    /// The prior estimate's to-date total, to tie this one's previous to it.
    pub prior_to_date: Option<Decimal>,
    pub lines: &'a [EstimateLine],
    /// The final estimate amortizes whatever remains of the advance.
    pub is_final: bool,
}

/// `round(quantity × unit price)`: the amount of a concept line.
pub fn line_amount(quantity: Decimal, unit_price: Decimal) -> Decimal {
    round_money(quantity * unit_price)
}

/// The contract's advance: `round(amount × advance% / 100)`.
pub fn advance(contract: &ContractTerms) -> Decimal {
    round_money(contract.amount * contract.advance_percent / HUNDRED)
}

/// What an estimate with gross `gross` recovers of the advance.
///
/// `round(gross × advance% / 100)`, never more than what remains unamortized and never
/// negative; the final estimate takes whatever remains.
pub fn amortization(
    contract: &ContractTerms,
    gross: Decimal,
    amortized_before: Decimal,
    is_final: bool,
) -> Decimal {
    let remaining = (advance(contract) - amortized_before).max(Decimal::ZERO);
    if is_final {
        return round_money(remaining);
    }

    let proportional = round_money(gross * contract.advance_percent / HUNDRED);
    round_money(proportional.min(remaining).max(Decimal::ZERO))
}

/// What earlier estimates amortized, given each one's gross and whether it was the final
/// one, in number order: each recovers its share of what the ones before it left.
pub fn amortized_before(contract: &ContractTerms, earlier: &[(Decimal, bool)]) -> Decimal {
    earlier
        .iter()
        .fold(Decimal::ZERO, |amortized, (gross, is_final)| {
            amortized + amortization(contract, *gross, amortized, *is_final)
        })
}

/// Tax as Mexican estimates show it: the tax of the gross minus the tax of the amortization.
pub fn tax(gross: Decimal, amortization: Decimal, rate: Decimal) -> Decimal {
    round_money(gross * rate / HUNDRED) - round_money(amortization * rate / HUNDRED)
}

/// What one retention withholds from an estimate.
pub fn retention_amount(retention: &RetentionTerms, gross: Decimal, subtotal: Decimal) -> Decimal {
    match retention.kind {
        RetentionKind::Fixed => round_money(retention.value),
        RetentionKind::Percentage => {
            let base = match retention.base {
                RetentionBase::Gross => gross,
                RetentionBase::Subtotal => subtotal,
            };
            round_money(base * retention.value / HUNDRED)
        }
    }
}

/// The quantity of one take-off row: the product of the dimensions that are filled in, times
/// the pieces (1 when empty). A row with no dimension at all counts its pieces.
pub fn measurement_quantity(
    length: Option<Decimal>,
    width: Option<Decimal>,
    height: Option<Decimal>,
    pieces: Option<Decimal>,
) -> Decimal {
    [length, width, height, pieces]
        .into_iter()
        .flatten()
        .fold(Decimal::ONE, |product, factor| product * factor)
}

/// Digits kept for quantities, as the database stores them.
pub const QUANTITY_SCALE: u32 = 4;

/// A line's quantity from its take-off rows' products: their sum at the stored scale,
/// half away from zero.
pub fn takeoff_quantity(products: impl IntoIterator<Item = Decimal>) -> Decimal {
    let sum: Decimal = products.into_iter().sum();
    sum.round_dp_with_strategy(QUANTITY_SCALE, RoundingStrategy::MidpointAwayFromZero)
}

/// `to_date / contracted × 100`, two decimals; `None` when nothing was contracted.
pub fn percent_executed(to_date: Decimal, contracted: Decimal) -> Option<Decimal> {
    if contracted.is_zero() {
        return None;
    }
    let percent = to_date * HUNDRED / contracted;
    Some(percent.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

/// The whole statement of an estimate.
pub fn statement(input: &StatementInput<'_>) -> Statement {
    let this_by_concept: BTreeMap<i64, &EstimateLine> = input
        .lines
        .iter()
        .map(|line| (line.concept_id, line))
        .collect();

    let lines: Vec<StatementLine> = input
        .concepts
        .iter()
        .map(|concept| {
            let previous = input.previous.get(&concept.concept_id).copied();
            let this = this_by_concept.get(&concept.concept_id).copied();
            statement_line(concept, previous.unwrap_or_default(), this)
        })
        .collect();

    let totals = totals(input, &lines);
    let tie_out = tie_out(input, &lines, &totals);
    Statement {
        lines,
        totals,
        tie_out,
    }
}

fn statement_line(
    concept: &CatalogConcept,
    previous: Billed,
    this: Option<&EstimateLine>,
) -> StatementLine {
    let contracted_amount = line_amount(concept.quantity, concept.unit_price);
    let (this_quantity, this_amount) = match this {
        Some(line) => (line.quantity, line_amount(line.quantity, line.unit_price)),
        None => (Decimal::ZERO, round_money(Decimal::ZERO)),
    };

    let to_date_quantity = previous.quantity + this_quantity;
    let to_date_amount = round_money(previous.amount + this_amount);

    StatementLine {
        concept_id: concept.concept_id,
        code: concept.code.clone(),
        description: concept.description.clone(),
        unit: concept.unit.clone(),
        contracted_quantity: concept.quantity,
        contracted_amount,
        unit_price: this.map_or(concept.unit_price, |line| line.unit_price),
        previous_quantity: previous.quantity,
        previous_amount: round_money(previous.amount),
        this_quantity,
        this_amount,
        to_date_quantity,
        to_date_amount,
        pending_quantity: concept.quantity - to_date_quantity,
        pending_amount: round_money(contracted_amount - to_date_amount),
        percent: percent_executed(to_date_amount, contracted_amount),
        over_contract: to_date_quantity > concept.quantity,
    }
}

fn totals(input: &StatementInput<'_>, lines: &[StatementLine]) -> StatementTotals {
    let sum = |column: fn(&StatementLine) -> Decimal| {
        round_money(lines.iter().map(column).sum::<Decimal>())
    };
    let gross = sum(|line| line.this_amount);

    let amortization = amortization(
        input.contract,
        gross,
        input.amortized_before,
        input.is_final,
    );
    let subtotal = gross - amortization;
    let tax = tax(gross, amortization, input.contract.tax_rate);
    let total = subtotal + tax;

    let retentions: Vec<RetentionAmount> = input
        .retentions
        .iter()
        .map(|retention| RetentionAmount {
            name: retention.name.clone(),
            kind: retention.kind,
            base: retention.base,
            value: retention.value,
            amount: retention_amount(retention, gross, subtotal),
        })
        .collect();
    let retentions_total = round_money(retentions.iter().map(|r| r.amount).sum());

    StatementTotals {
        contracted: sum(|line| line.contracted_amount),
        previous: sum(|line| line.previous_amount),
        this: gross,
        to_date: sum(|line| line.to_date_amount),
        gross,
        amortization,
        subtotal,
        tax,
        total,
        retentions,
        retentions_total,
        net: total - retentions_total,
        advance: advance(input.contract),
        amortized_to_date: round_money(input.amortized_before + amortization),
    }
}

fn tie_out(
    input: &StatementInput<'_>,
    lines: &[StatementLine],
    totals: &StatementTotals,
) -> TieOut {
    let column = |pick: fn(&StatementLine) -> Decimal| lines.iter().map(pick).sum::<Decimal>();
    let each_line_adds_up = lines.iter().all(|line| {
        line.previous_quantity + line.this_quantity == line.to_date_quantity
            && line.previous_amount + line.this_amount == line.to_date_amount
    });
    let lines_foot = each_line_adds_up
        && column(|line| line.contracted_amount) == totals.contracted
        && column(|line| line.previous_amount) == totals.previous
        && column(|line| line.this_amount) == totals.this
        && column(|line| line.to_date_amount) == totals.to_date
        && totals.previous + totals.this == totals.to_date;

    TieOut {
        lines_foot,
        previous_matches_prior: input.prior_to_date.map(|prior| prior == totals.previous),
        amortization_within_advance: totals.amortized_to_date <= totals.advance,
    }
}

#[cfg(test)]
mod tests;
