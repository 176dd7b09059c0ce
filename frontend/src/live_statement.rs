//! The estimate editor's live figures: the server's statement recomputed in the browser with
//! the shared billing functions while quantities are typed, so the totals move before saving
//! and show the same cents the server will answer with.

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;
use shared::billing::{self, Billed, CatalogConcept, ContractTerms, RetentionTerms};
use shared::dto::{Contract, Estimate, Retention, Statement};

/// What a statement of this estimate is computed from, apart from its own quantities. Taken
/// once from the server's answers: none of it changes while the estimate is edited.
#[derive(Debug, Clone, PartialEq)]
pub struct Basis {
    terms: ContractTerms,
    concepts: Vec<CatalogConcept>,
    retentions: Vec<RetentionTerms>,
    previous: BTreeMap<i64, Billed>,
    amortized_before: Decimal,
    prior_to_date: Option<Decimal>,
    is_final: bool,
}

impl Basis {
    /// The concepts come in the statement's order, at the prices it bills them at, which a
    /// draft takes from the catalog.
    pub fn new(
        contract: &Contract,
        retentions: &[Retention],
        statement: &Statement,
        estimate: &Estimate,
    ) -> Basis {
        let concepts = statement
            .lines
            .iter()
            .map(|line| CatalogConcept {
                concept_id: line.concept_id,
                code: line.code.clone(),
                description: line.description.clone(),
                unit: line.unit.clone(),
                quantity: line.contracted_quantity,
                unit_price: line.unit_price,
            })
            .collect();
        let previous = statement
            .lines
            .iter()
            .map(|line| {
                let billed = Billed {
                    quantity: line.previous_quantity,
                    amount: line.previous_amount,
                };
                (line.concept_id, billed)
            })
            .collect();
        let retentions = retentions
            .iter()
            .map(|retention| RetentionTerms {
                name: retention.name.clone(),
                kind: retention.kind,
                base: retention.base,
                value: retention.value,
            })
            .collect();
        let totals = &statement.totals;

        Basis {
            terms: ContractTerms {
                amount: contract.amount,
                advance_percent: contract.advance_percent,
                tax_rate: contract.tax_rate,
            },
            concepts,
            retentions,
            previous,
            // What this estimate amortizes is the only part of the amortized total it owns.
            amortized_before: totals.amortized_to_date - totals.amortization,
            prior_to_date: (estimate.number > 1).then_some(totals.previous),
            is_final: estimate.is_final,
        }
    }

    /// The statement with these quantities of this estimate, one per concept id.
    pub fn statement(&self, quantities: &[(i64, Decimal)]) -> Statement {
        let prices: BTreeMap<i64, Decimal> = self
            .concepts
            .iter()
            .map(|concept| (concept.concept_id, concept.unit_price))
            .collect();
        let lines: Vec<billing::EstimateLine> = quantities
            .iter()
            .filter_map(|(concept_id, quantity)| {
                Some(billing::EstimateLine {
                    concept_id: *concept_id,
                    quantity: *quantity,
                    unit_price: *prices.get(concept_id)?,
                })
            })
            .collect();

        billing::statement(&billing::StatementInput {
            contract: &self.terms,
            concepts: &self.concepts,
            retentions: &self.retentions,
            previous: &self.previous,
            amortized_before: self.amortized_before,
            prior_to_date: self.prior_to_date,
            lines: &lines,
            is_final: self.is_final,
        })
    }
}

/// A quantity as typed: empty is zero; anything else must be a non-negative decimal with at
/// most four decimals, as the server stores it. `None` when it is not one.
pub fn parse_quantity(text: &str) -> Option<Decimal> {
    let text = text.trim();
    if text.is_empty() {
        return Some(Decimal::ZERO);
    }
    let quantity = Decimal::from_str(text).ok()?;
    let fits = quantity >= Decimal::ZERO && quantity.normalize().scale() <= 4;
    fits.then_some(quantity)
}

/// A quantity as an input shows it: without padding zeros, and empty for zero so that only
/// the billed lines catch the eye.
pub fn quantity_text(quantity: Decimal) -> String {
    if quantity.is_zero() {
        String::new()
    } else {
        quantity.normalize().to_string()
    }
}

#[cfg(test)]
mod tests;
