//! The estimate document's model: the statement with every figure written out.

use rust_decimal::Decimal;
use serde::Serialize;
use shared::{
    dto::{Contract, Estimate, RetentionKind, Statement, StatementLine},
    format,
};

use super::{Head, Paper, Signature, SummaryRow};
use crate::db::documents::{Letterhead, NotedLine, Signer};

#[derive(Debug, Serialize)]
pub struct EstimateModel {
    #[serde(flatten)]
    pub head: Head,
    pub facts: Vec<(String, String)>,
    pub lines: Vec<LineCells>,
    pub columns: ColumnTotals,
    pub totals: Vec<SummaryRow>,
    pub notes: Vec<String>,
    pub signatures: Vec<Signature>,
}

/// One concept row: quantity and amount for each column group.
#[derive(Debug, Serialize)]
pub struct LineCells {
    pub code: String,
    pub description: String,
    pub unit: String,
    pub price: String,
    pub cq: String,
    pub ca: String,
    pub pq: String,
    pub pa: String,
    pub tq: String,
    pub ta: String,
    pub aq: String,
    pub aa: String,
    pub rq: String,
    pub ra: String,
    pub pct: String,
    /// Billed beyond the contracted quantity: the to-date quantity is marked.
    pub over: bool,
}

#[derive(Debug, Serialize)]
pub struct ColumnTotals {
    pub contracted: String,
    pub previous: String,
    pub this: String,
    pub to_date: String,
    pub pending: String,
}

/// Everything the estimate document is made from.
pub struct EstimateFacts<'a> {
    pub letterhead: &'a Letterhead,
    pub contract: &'a Contract,
    pub estimate: &'a Estimate,
    pub statement: &'a Statement,
    /// Drafted, supervised, authorized.
    pub signers: &'a [Option<Signer>; 3],
    pub notes: &'a [NotedLine],
    pub paper: Paper,
}

pub fn model(facts: &EstimateFacts) -> EstimateModel {
    let EstimateFacts {
        contract,
        estimate,
        statement,
        ..
    } = facts;
    let totals = &statement.totals;

    EstimateModel {
        head: Head::new(
            facts.letterhead,
            facts.paper,
            format!("Estimación {}", estimate.number),
            state(estimate),
            format!("Contrato {} · {}", contract_code(contract), contract.name),
        ),
        facts: header_facts(contract, estimate),
        lines: statement.lines.iter().map(line_cells).collect(),
        columns: ColumnTotals {
            contracted: format::money(totals.contracted),
            previous: format::money(totals.previous),
            this: format::money(totals.this),
            to_date: format::money(totals.to_date),
            pending: format::money(totals.contracted - totals.to_date),
        },
        totals: summary(contract, estimate, statement),
        notes: line_notes(statement, facts.notes),
        signatures: signatures(facts.signers),
    }
}

/// The contract's code, or its folio when it has none.
pub fn contract_code(contract: &Contract) -> String {
    if contract.code.trim().is_empty() {
        format!("folio {}", contract.folio)
    } else {
        contract.code.clone()
    }
}

/// Draft, invoiced or paid, as the subtitle says it.
pub fn state(estimate: &Estimate) -> String {
    match (estimate.invoiced_on, estimate.paid_on) {
        (_, Some(paid)) => format!("Pagada el {}", format::long_date(paid)),
        (Some(invoiced), None) => format!("Facturada el {}", format::long_date(invoiced)),
        (None, None) => "Borrador: las cifras pueden cambiar".to_owned(),
    }
}

pub fn header_facts(contract: &Contract, estimate: &Estimate) -> Vec<(String, String)> {
    let mut facts = vec![
        ("Cliente".to_owned(), contract.counterparty.name.clone()),
        ("Contrato".to_owned(), contract_code(contract)),
        (
            "Periodo".to_owned(),
            format::period(estimate.period_start, estimate.period_end),
        ),
        ("Obra".to_owned(), contract.name.clone()),
        (
            "Monto contratado".to_owned(),
            format::money(contract.amount),
        ),
        (
            "Fecha".to_owned(),
            format::long_date(document_date(estimate)),
        ),
    ];
    if let Some(site) = &contract.site {
        facts.push(("Frente".to_owned(), site.name.clone()));
    }
    if estimate.is_final {
        facts.push(("Tipo".to_owned(), "Estimación finiquito".to_owned()));
    }
    facts
}

/// The date the document carries: when it was invoiced, else the end of its period.
fn document_date(estimate: &Estimate) -> chrono::NaiveDate {
    estimate.invoiced_on.unwrap_or(estimate.period_end)
}

fn line_cells(line: &StatementLine) -> LineCells {
    let quantity = |value: Decimal| format::quantity(value);
    LineCells {
        code: line.code.clone(),
        description: line.description.clone(),
        unit: line.unit.clone(),
        price: format::money(line.unit_price),
        cq: quantity(line.contracted_quantity),
        ca: format::money(line.contracted_amount),
        pq: quantity(line.previous_quantity),
        pa: format::money(line.previous_amount),
        tq: quantity(line.this_quantity),
        ta: format::money(line.this_amount),
        aq: quantity(line.to_date_quantity),
        aa: format::money(line.to_date_amount),
        rq: quantity(line.pending_quantity),
        ra: format::money(line.pending_amount),
        pct: line.percent.map(format::percent).unwrap_or_default(),
        over: line.over_contract,
    }
}

/// Gross to net payable. Amortization and retentions show when the estimate says so; the
/// tax only when the contract has a rate.
fn summary(contract: &Contract, estimate: &Estimate, statement: &Statement) -> Vec<SummaryRow> {
    let totals = &statement.totals;
    let mut rows = vec![SummaryRow::new(
        "Importe de esta estimación",
        totals.gross,
        false,
    )];

    if estimate.show_advance {
        let label = format!(
            "Amortización del anticipo ({})",
            format::percent(contract.advance_percent)
        );
        rows.push(SummaryRow::new(&label, -totals.amortization, false));
        rows.push(SummaryRow::new("Subtotal", totals.subtotal, true));
    }
    if !contract.tax_rate.is_zero() {
        let label = format!("IVA ({})", format::percent(contract.tax_rate));
        rows.push(SummaryRow::new(&label, totals.tax, false));
    }
    rows.push(SummaryRow::new("Total", totals.total, true));

    if estimate.show_retentions && !totals.retentions.is_empty() {
        for retention in &totals.retentions {
            let label = match retention.kind {
                RetentionKind::Percentage => {
                    format!("{} ({})", retention.name, format::percent(retention.value))
                }
                RetentionKind::Fixed => retention.name.clone(),
            };
            rows.push(SummaryRow::new(&label, -retention.amount, false));
        }
        rows.push(SummaryRow::new(
            "Total de retenciones",
            -totals.retentions_total,
            false,
        ));
    }
    rows.push(SummaryRow::new("Neto a pagar", totals.net, true));
    rows
}

/// Notes typed on lines, prefixed by their concept's code.
fn line_notes(statement: &Statement, notes: &[NotedLine]) -> Vec<String> {
    notes
        .iter()
        .filter(|line| !line.notes.trim().is_empty())
        .filter_map(|line| {
            let concept = statement
                .lines
                .iter()
                .find(|l| l.concept_id == line.concept_id)?;
            Some(format!("{}: {}", concept.code, line.notes.trim()))
        })
        .collect()
}

pub fn signatures(signers: &[Option<Signer>; 3]) -> Vec<Signature> {
    let roles = ["Elaboró", "Supervisó", "Autorizó"];
    roles
        .iter()
        .zip(signers)
        .map(|(role, signer)| Signature::new(role, signer.as_ref()))
        .collect()
}
