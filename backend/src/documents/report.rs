//! The subcontract report document's model.

use serde::Serialize;
use shared::{
    dto::{Contract, Estimate, SubcontractReport, SubcontractReportRow},
    format,
};

use super::{Head, Paper, Signature, estimate};
use crate::db::documents::{Letterhead, Signer};

#[derive(Debug, Serialize)]
pub struct ReportModel {
    #[serde(flatten)]
    pub head: Head,
    pub facts: Vec<(String, String)>,
    pub rows: Vec<ReportCells>,
    pub totals: ReportTotals,
    pub signatures: Vec<Signature>,
}

#[derive(Debug, Serialize)]
pub struct ReportCells {
    pub folio: String,
    pub contract: String,
    pub counterparty: String,
    pub number: String,
    pub period: String,
    pub contracted: String,
    pub previous: String,
    pub this: String,
    pub to_date: String,
}

#[derive(Debug, Serialize)]
pub struct ReportTotals {
    pub contracted: String,
    pub previous: String,
    pub this: String,
    pub to_date: String,
}

pub struct ReportFacts<'a> {
    pub letterhead: &'a Letterhead,
    pub contract: &'a Contract,
    pub estimate: &'a Estimate,
    pub report: &'a SubcontractReport,
    pub signers: &'a [Option<Signer>; 3],
    pub paper: Paper,
}

pub fn model(facts: &ReportFacts) -> ReportModel {
    let ReportFacts {
        contract,
        estimate,
        report,
        ..
    } = facts;
    let totals = &report.totals;

    ReportModel {
        head: Head::new(
            facts.letterhead,
            facts.paper,
            format!("Reporte de subcontratos · Estimación {}", estimate.number),
            format::period(report.period_start, report.period_end),
            format!(
                "Contrato {} · {}",
                estimate::contract_code(contract),
                contract.name
            ),
        ),
        facts: estimate::header_facts(contract, estimate),
        rows: report.rows.iter().map(cells).collect(),
        totals: ReportTotals {
            contracted: format::money(totals.contracted),
            previous: format::money(totals.previous),
            this: format::money(totals.this),
            to_date: format::money(totals.to_date),
        },
        signatures: estimate::signatures(facts.signers),
    }
}

fn cells(row: &SubcontractReportRow) -> ReportCells {
    ReportCells {
        folio: row.contract_folio.to_string(),
        contract: row.contract_name.clone(),
        counterparty: row.counterparty_name.clone(),
        number: row.number.to_string(),
        period: format::period(row.period_start, row.period_end),
        contracted: format::money(row.contracted),
        previous: format::money(row.previous),
        this: format::money(row.this),
        to_date: format::money(row.to_date),
    }
}
