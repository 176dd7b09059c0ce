//! Tests of the spreadsheet module. Each rule builds the workbook it needs with
//! rust_xlsxwriter; the fixtures under `tests/fixtures` cover real files.

mod concept_rows;
mod export;
mod fixtures;
mod ods;
mod reading;
mod retention_rows;

use std::str::FromStr;

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet};

use super::{ConceptRow, ConceptSheet, ConceptValues, RowIssue, RowOutcome, read_concepts};

/// A cell a test writes.
#[derive(Debug, Clone, Copy)]
pub(super) enum C<'a> {
    /// A text cell.
    T(&'a str),
    /// A number cell.
    N(f64),
    /// A number formatted as a date.
    Date(f64),
    /// A formula whose cached result is an error such as "#DIV/0!".
    Error(&'a str),
    /// Nothing written.
    Blank,
}

pub(super) const HEADER: [C<'static>; 5] = [
    C::T("Código"),
    C::T("Concepto"),
    C::T("Unidad"),
    C::T("Cantidad"),
    C::T("Precio unitario"),
];

pub(super) fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// A workbook whose sheets hold `rows` from A1 down.
pub(super) fn xlsx_sheets(sheets: &[(&str, &[&[C]])]) -> Vec<u8> {
    let mut workbook = Workbook::new();
    for (name, rows) in sheets {
        let sheet = workbook.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (row, cells) in rows.iter().enumerate() {
            for (column, cell) in cells.iter().enumerate() {
                write(sheet, row as u32, column as u16, *cell);
            }
        }
    }
    workbook.save_to_buffer().unwrap()
}

pub(super) fn xlsx(rows: &[&[C]]) -> Vec<u8> {
    xlsx_sheets(&[("Hoja1", rows)])
}

pub(super) fn write(sheet: &mut Worksheet, row: u32, column: u16, cell: C) {
    match cell {
        C::T(text) => sheet.write_string(row, column, text).map(drop),
        C::N(number) => sheet.write_number(row, column, number).map(drop),
        C::Date(serial) => {
            let date = Format::new().set_num_format("dd/mm/yyyy");
            sheet
                .write_number_with_format(row, column, serial, &date)
                .map(drop)
        }
        C::Error(error) => {
            let formula = Formula::new("=1/0").set_result(error);
            sheet.write_formula(row, column, formula).map(drop)
        }
        C::Blank => Ok(()),
    }
    .unwrap();
}

/// Reads a catalog whose header is [`HEADER`] and whose data rows are `rows`.
pub(super) fn catalog(rows: &[&[C]]) -> ConceptSheet {
    let mut all: Vec<&[C]> = vec![&HEADER];
    all.extend_from_slice(rows);
    read_concepts(&xlsx(&all), "catalogo.xlsx").unwrap()
}

/// The one data row of a catalog.
pub(super) fn one_row(cells: &[C]) -> ConceptRow {
    let mut sheet = catalog(&[cells]);
    assert_eq!(sheet.rows.len(), 1, "{:?}", sheet.rows);
    sheet.rows.remove(0)
}

pub(super) fn parsed(row: &ConceptRow) -> &ConceptValues {
    match &row.outcome {
        RowOutcome::Parsed(values) => values,
        other => panic!("row {} is not parsed: {other:?}", row.row),
    }
}

pub(super) fn errors(row: &ConceptRow) -> &[RowIssue] {
    match &row.outcome {
        RowOutcome::Invalid(errors) => errors,
        other => panic!("row {} is not invalid: {other:?}", row.row),
    }
}

/// `(field, code)` of each issue, to compare in one assert.
pub(super) fn codes(issues: &[RowIssue]) -> Vec<(&'static str, &'static str)> {
    issues
        .iter()
        .map(|issue| (issue.field, issue.code))
        .collect()
}
