use std::collections::BTreeMap;

use serde_json::json;
use shared::billing::{self, Billed};
use shared::dto::{Concept, Contract, Estimate, Retention, Statement};

use super::*;

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// DOMAIN.md's worked example: 30 % advance, no tax, 0.5 % and a fixed 1,000.00.
fn contract() -> Contract {
    serde_json::from_value(json!({
        "id": 1, "folio": 1, "code": "TN-01", "name": "Torre Norte", "short_name": "",
        "date": "2026-02-01",
        "counterparty": { "id": 1, "kind": "client", "name": "Desarrollos Hidalgo" },
        "amount": "499829.13", "advance_percent": "30", "tax_rate": "0", "open": true,
        "refuse_over_contract": false, "has_signed_pdf": false,
        "catalog_amount": "499829.13", "concept_count": 3
    }))
    .unwrap()
}

fn catalog() -> Vec<Concept> {
    let concept = |id: i64, code: &str, unit: &str, quantity: &str, price: &str| Concept {
        id,
        code: code.to_string(),
        description: format!("Concepto {code}"),
        unit_id: 1,
        unit: unit.to_string(),
        quantity: dec(quantity),
        unit_price: dec(price),
        amount: billing::line_amount(dec(quantity), dec(price)),
    };
    vec![
        concept(11, "C1", "m3", "120.00", "185.50"),
        concept(12, "C2", "m3", "85.50", "2450.75"),
        concept(13, "C3", "kg", "9800.00", "27.35"),
    ]
}

fn retentions() -> Vec<Retention> {
    serde_json::from_value(json!([
        { "id": 1, "name": "5 al millar", "kind": "percentage", "base": "gross", "value": "0.5" },
        { "id": 2, "name": "Cuota", "kind": "fixed", "base": "gross", "value": "1000.00" }
    ]))
    .unwrap()
}

fn estimate(number: i32) -> Estimate {
    serde_json::from_value(json!({
        "id": number, "contract_id": 1, "number": number,
        "period_start": "2026-03-01", "period_end": "2026-03-31",
        "show_advance": true, "show_retentions": true, "is_final": false,
        "revision": 1, "gross": "0"
    }))
    .unwrap()
}

/// What the server answers for an estimate, computed as the server does.
fn server_statement(
    previous: &BTreeMap<i64, Billed>,
    amortized_before: Decimal,
    prior_to_date: Option<Decimal>,
    quantities: &[(i64, &str)],
) -> Statement {
    let contract = contract();
    let terms = billing::ContractTerms {
        amount: contract.amount,
        advance_percent: contract.advance_percent,
        tax_rate: contract.tax_rate,
    };
    let concepts: Vec<billing::CatalogConcept> = catalog()
        .into_iter()
        .map(|concept| billing::CatalogConcept {
            concept_id: concept.id,
            code: concept.code,
            description: concept.description,
            unit: concept.unit,
            quantity: concept.quantity,
            unit_price: concept.unit_price,
        })
        .collect();
    let retentions: Vec<billing::RetentionTerms> = retentions()
        .into_iter()
        .map(|retention| billing::RetentionTerms {
            name: retention.name,
            kind: retention.kind,
            base: retention.base,
            value: retention.value,
        })
        .collect();
    let lines: Vec<billing::EstimateLine> = quantities
        .iter()
        .map(|(concept_id, quantity)| billing::EstimateLine {
            concept_id: *concept_id,
            quantity: dec(quantity),
            unit_price: concepts
                .iter()
                .find(|concept| concept.concept_id == *concept_id)
                .unwrap()
                .unit_price,
        })
        .collect();

    billing::statement(&billing::StatementInput {
        contract: &terms,
        concepts: &concepts,
        retentions: &retentions,
        previous,
        amortized_before,
        prior_to_date,
        lines: &lines,
        is_final: false,
    })
}

fn typed(quantities: &[(i64, &str)]) -> Vec<(i64, Decimal)> {
    quantities
        .iter()
        .map(|(id, text)| (*id, dec(text)))
        .collect()
}

#[test]
fn typing_the_first_estimate_gives_the_worked_example() {
    let empty = server_statement(&BTreeMap::new(), Decimal::ZERO, None, &[]);
    let basis = Basis::new(&contract(), &retentions(), &empty, &estimate(1));

    let live = basis.statement(&typed(&[(11, "60.25"), (12, "20.333")]));

    assert_eq!(live.totals.gross, dec("61007.48"));
    assert_eq!(live.totals.amortization, dec("18302.24"));
    assert_eq!(live.totals.subtotal, dec("42705.24"));
    assert_eq!(live.totals.retentions_total, dec("1305.04"));
    assert_eq!(live.totals.net, dec("41400.20"));
}

#[test]
fn the_second_estimate_live_equals_what_the_server_computes() {
    let first = [(11, "60.25"), (12, "20.333")];
    let billed_first = server_statement(&BTreeMap::new(), Decimal::ZERO, None, &first);
    let previous: BTreeMap<i64, Billed> = billed_first
        .lines
        .iter()
        .map(|line| {
            let billed = Billed {
                quantity: line.to_date_quantity,
                amount: line.to_date_amount,
            };
            (line.concept_id, billed)
        })
        .collect();
    let amortized = billed_first.totals.amortized_to_date;
    let prior = Some(billed_first.totals.to_date);
    let second = [(11, "65.00"), (12, "30.1"), (13, "4500.5")];
    // The estimate as loaded before anything is typed, and as the server would answer.
    let loaded = server_statement(&previous, amortized, prior, &[(11, "1")]);
    let expected = server_statement(&previous, amortized, prior, &second);
    let basis = Basis::new(&contract(), &retentions(), &loaded, &estimate(2));

    let live = basis.statement(&typed(&second));

    assert_eq!(live, expected);
    assert_eq!(live.totals.net, dec("144195.06"));
    assert!(live.lines[0].over_contract);
    assert_eq!(live.tie_out.previous_matches_prior, Some(true));
}

#[test]
fn quantities_are_typed_as_non_negative_decimals() {
    assert_eq!(parse_quantity(""), Some(Decimal::ZERO));
    assert_eq!(parse_quantity(" 12.5 "), Some(dec("12.5")));
    assert_eq!(parse_quantity("20.3330"), Some(dec("20.333")));
    assert_eq!(parse_quantity("1.23456"), None);
    assert_eq!(parse_quantity("-1"), None);
    assert_eq!(parse_quantity("abc"), None);
}

#[test]
fn inputs_show_quantities_without_padding() {
    assert_eq!(quantity_text(dec("60.2500")), "60.25");
    assert_eq!(quantity_text(dec("0.0000")), "");
    assert_eq!(quantity_text(dec("16")), "16");
}
