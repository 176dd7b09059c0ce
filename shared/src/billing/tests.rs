use std::str::FromStr;

use proptest::prelude::*;

use super::*;

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn concept(id: i64, code: &str, quantity: &str, unit_price: &str) -> CatalogConcept {
    CatalogConcept {
        concept_id: id,
        code: code.to_owned(),
        description: format!("Concepto {code}"),
        unit: "m3".to_owned(),
        quantity: dec(quantity),
        unit_price: dec(unit_price),
    }
}

/// DOMAIN.md's worked example: three concepts, 30 % advance, no tax.
fn worked_contract() -> (ContractTerms, Vec<CatalogConcept>, Vec<RetentionTerms>) {
    let contract = ContractTerms {
        amount: dec("499829.13"),
        advance_percent: dec("30"),
        tax_rate: Decimal::ZERO,
    };
    let concepts = vec![
        concept(1, "C1", "120.00", "185.50"),
        concept(2, "C2", "85.50", "2450.75"),
        concept(3, "C3", "9800.00", "27.35"),
    ];
    let retentions = vec![
        RetentionTerms {
            name: "5 al millar".to_owned(),
            kind: RetentionKind::Percentage,
            base: RetentionBase::Gross,
            value: dec("0.5"),
        },
        RetentionTerms {
            name: "Cuota fija".to_owned(),
            kind: RetentionKind::Fixed,
            base: RetentionBase::Gross,
            value: dec("1000.00"),
        },
    ];
    (contract, concepts, retentions)
}

fn lines_at_catalog_prices(concepts: &[CatalogConcept], quantities: &[&str]) -> Vec<EstimateLine> {
    concepts
        .iter()
        .zip(quantities)
        .map(|(concept, quantity)| EstimateLine {
            concept_id: concept.concept_id,
            quantity: dec(quantity),
            unit_price: concept.unit_price,
        })
        .collect()
}

/// What a statement's lines add to the history for the next estimate.
fn accumulate(previous: &mut BTreeMap<i64, Billed>, statement: &Statement) {
    for line in &statement.lines {
        let billed = previous.entry(line.concept_id).or_default();
        billed.quantity += line.this_quantity;
        billed.amount += line.this_amount;
    }
}

fn worked_estimates() -> (Statement, Statement) {
    let (contract, concepts, retentions) = worked_contract();
    let mut previous = BTreeMap::new();

    let first_lines = lines_at_catalog_prices(&concepts, &["60.25", "20.333", "0"]);
    let first = statement(&StatementInput {
        contract: &contract,
        concepts: &concepts,
        retentions: &retentions,
        previous: &previous,
        amortized_before: Decimal::ZERO,
        prior_to_date: None,
        lines: &first_lines,
        is_final: false,
    });
    accumulate(&mut previous, &first);

    let second_lines = lines_at_catalog_prices(&concepts, &["65.00", "30.1", "4500.5"]);
    let second = statement(&StatementInput {
        contract: &contract,
        concepts: &concepts,
        retentions: &retentions,
        previous: &previous,
        amortized_before: first.totals.amortization,
        prior_to_date: Some(first.totals.to_date),
        lines: &second_lines,
        is_final: false,
    });
    (first, second)
}

#[test]
fn worked_example_contract_and_advance() {
    let (contract, concepts, _) = worked_contract();

    let amounts: Vec<Decimal> = concepts
        .iter()
        .map(|c| line_amount(c.quantity, c.unit_price))
        .collect();

    assert_eq!(
        amounts,
        [dec("22260.00"), dec("209539.13"), dec("268030.00")]
    );
    assert_eq!(advance(&contract), dec("149948.74"));
}

#[test]
fn worked_example_estimate_one() {
    let (first, _) = worked_estimates();
    let totals = &first.totals;

    let this: Vec<Decimal> = first.lines.iter().map(|l| l.this_amount).collect();
    assert_eq!(this, [dec("11176.38"), dec("49831.10"), dec("0.00")]);
    assert_eq!(totals.gross, dec("61007.48"));
    assert_eq!(totals.amortization, dec("18302.24"));
    assert_eq!(totals.subtotal, dec("42705.24"));
    let retained: Vec<Decimal> = totals.retentions.iter().map(|r| r.amount).collect();
    assert_eq!(retained, [dec("305.04"), dec("1000.00")]);
    assert_eq!(totals.retentions_total, dec("1305.04"));
    assert_eq!(totals.net, dec("41400.20"));
    assert_eq!(first.tie_out.previous_matches_prior, None);
}

#[test]
fn worked_example_estimate_two() {
    let (_, second) = worked_estimates();
    let c1 = &second.lines[0];
    let c2 = &second.lines[1];
    let totals = &second.totals;

    assert_eq!(c1.this_amount, dec("12057.50"));
    assert_eq!(c1.to_date_quantity, dec("125.25"));
    assert!(c1.over_contract);
    assert_eq!(c1.previous_amount, dec("11176.38"));
    assert_eq!(c1.to_date_amount, dec("23233.88"));
    assert_eq!(c1.pending_amount, dec("-973.88"));
    assert_eq!(c1.percent, Some(dec("104.38")));
    assert_eq!(c2.this_amount, dec("73767.58"));
    assert_eq!(c2.to_date_quantity, dec("50.433"));
    assert_eq!(c2.to_date_amount, dec("123598.68"));
    assert!(!c2.over_contract);
    assert_eq!(second.lines[2].this_amount, dec("123088.68"));

    assert_eq!(totals.gross, dec("208913.76"));
    assert_eq!(totals.amortization, dec("62674.13"));
    assert_eq!(totals.subtotal, dec("146239.63"));
    assert_eq!(totals.retentions[0].amount, dec("1044.57"));
    assert_eq!(totals.retentions_total, dec("2044.57"));
    assert_eq!(totals.net, dec("144195.06"));
    assert_eq!(second.tie_out.previous_matches_prior, Some(true));
    assert!(second.tie_out.lines_foot);
}

#[test]
fn worked_example_retention_on_subtotal() {
    let on_subtotal = RetentionTerms {
        name: "5 al millar".to_owned(),
        kind: RetentionKind::Percentage,
        base: RetentionBase::Subtotal,
        value: dec("0.5"),
    };

    let first = retention_amount(&on_subtotal, dec("61007.48"), dec("42705.24"));
    let second = retention_amount(&on_subtotal, dec("208913.76"), dec("146239.63"));

    assert_eq!(first, dec("213.53"));
    assert_eq!(second, dec("731.20"));
}

#[test]
fn worked_example_tax_at_sixteen_percent() {
    let tax = tax(dec("208913.76"), dec("62674.13"), dec("16"));

    assert_eq!(tax, dec("23398.34"));
}

#[test]
fn final_estimate_amortizes_what_remains() {
    let (contract, _, _) = worked_contract();

    let last = amortization(&contract, dec("1000.00"), dec("140000.00"), true);
    let ordinary = amortization(&contract, dec("1000.00"), dec("140000.00"), false);

    assert_eq!(last, dec("9948.74"));
    assert_eq!(ordinary, dec("300.00"));
}

#[test]
fn amortization_stops_at_the_advance() {
    let (contract, _, _) = worked_contract();

    let capped = amortization(&contract, dec("400000.00"), dec("100000.00"), false);
    let exhausted = amortization(&contract, dec("400000.00"), dec("149948.74"), false);

    assert_eq!(capped, dec("49948.74"));
    assert_eq!(exhausted, dec("0.00"));
}

#[test]
fn measurement_leaves_out_empty_dimensions() {
    let slab = measurement_quantity(Some(dec("12.5")), Some(dec("4")), Some(dec("0.15")), None);
    let beams = measurement_quantity(Some(dec("6")), None, None, Some(dec("3")));

    assert_eq!(slab, dec("7.5"));
    assert_eq!(beams, dec("18"));
}

#[test]
fn percent_is_absent_without_a_contracted_amount() {
    assert_eq!(percent_executed(dec("10.00"), Decimal::ZERO), None);
    assert_eq!(
        percent_executed(dec("1.00"), dec("3.00")),
        Some(dec("33.33"))
    );
}

fn money() -> impl Strategy<Value = Decimal> {
    (0i64..100_000_000).prop_map(|cents| Decimal::new(cents, 2))
}

fn quantity() -> impl Strategy<Value = Decimal> {
    (0i64..5_000_000).prop_map(|thousandths| Decimal::new(thousandths, 3))
}

prop_compose! {
    fn catalog()(rows in prop::collection::vec((quantity(), money()), 1..12))
        -> Vec<CatalogConcept>
    {
        rows.into_iter()
            .enumerate()
            .map(|(index, (quantity, unit_price))| CatalogConcept {
                concept_id: index as i64 + 1,
                code: format!("{:03}", index + 1),
                description: String::new(),
                unit: "pza".to_owned(),
                quantity,
                unit_price,
            })
            .collect()
    }
}

proptest! {
    /// Bills a random catalog over several estimates and checks every statement's tie-out.
    #[test]
    fn statements_foot_and_amortization_stays_within_the_advance(
        concepts in catalog(),
        estimates in prop::collection::vec(prop::collection::vec(quantity(), 12), 1..6),
        advance_percent in (0i64..=10_000).prop_map(|bp| Decimal::new(bp, 2)),
        tax_rate in prop::sample::select(vec![dec("0"), dec("8"), dec("16")]),
    ) {
        let contract = ContractTerms {
            amount: concepts.iter().map(|c| line_amount(c.quantity, c.unit_price)).sum(),
            advance_percent,
            tax_rate,
        };
        let retentions = vec![RetentionTerms {
            name: "Fondo de garantía".to_owned(),
            kind: RetentionKind::Percentage,
            base: RetentionBase::Subtotal,
            value: dec("5"),
        }];
        let mut previous = BTreeMap::new();
        let mut amortized = Decimal::ZERO;
        let mut prior_to_date = None;

        for (index, quantities) in estimates.iter().enumerate() {
            let lines: Vec<EstimateLine> = concepts
                .iter()
                .zip(quantities)
                .map(|(c, q)| EstimateLine {
                    concept_id: c.concept_id,
                    quantity: *q,
                    unit_price: c.unit_price,
                })
                .collect();
            let result = statement(&StatementInput {
                contract: &contract,
                concepts: &concepts,
                retentions: &retentions,
                previous: &previous,
                amortized_before: amortized,
                prior_to_date,
                lines: &lines,
                is_final: index + 1 == estimates.len(),
            });
            let totals = &result.totals;

            prop_assert!(result.tie_out.lines_foot);
            prop_assert_ne!(result.tie_out.previous_matches_prior, Some(false));
            prop_assert!(result.tie_out.amortization_within_advance);
            prop_assert!(totals.amortization >= Decimal::ZERO);
            prop_assert_eq!(totals.subtotal + totals.tax, totals.total);
            prop_assert_eq!(totals.total - totals.retentions_total, totals.net);
            for line in &result.lines {
                prop_assert_eq!(line.previous_quantity + line.this_quantity, line.to_date_quantity);
                prop_assert_eq!(line.to_date_amount.scale(), 2);
            }

            amortized = totals.amortized_to_date;
            prior_to_date = Some(totals.to_date);
            accumulate(&mut previous, &result);
        }

        // The final estimate recovers the whole advance.
        prop_assert_eq!(amortized, advance(&contract));
    }

    #[test]
    fn line_amounts_round_half_away_from_zero(quantity in quantity(), price in money()) {
        let exact = quantity * price;
        let amount = line_amount(quantity, price);

        prop_assert!((amount - exact).abs() <= dec("0.005"));
        if (amount - exact).abs() == dec("0.005") {
            prop_assert!(amount.abs() > exact.abs());
        }
    }
}
