//! An estimate's statement ("estado de cuenta de la estimación") as a workbook: the same
//! figures as the PDF, in cells a contractor can check and sum again.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Workbook, Worksheet};
use shared::dto::{RetentionKind, Statement, StatementLine, StatementTotals};

use super::{ExportError, Formats, cell_number};

/// The lines above the table: who, which contract, which estimate, which period.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementHeading {
    pub company: String,
    /// "code — name".
    pub contract: String,
    /// "Estimación 2".
    pub estimate: String,
    pub period: String,
}

const SHEET_NAME: &str = "Estimación";
const GROUP_ROW: u32 = 5;
const FIRST_LINE_ROW: u32 = GROUP_ROW + 2;

/// Columns A to D and O span both header rows; the five pairs under a group title hold a
/// quantity and an amount.
const SINGLE_TITLES: [(u16, &str); 4] =
    [(0, "Código"), (1, "Concepto"), (2, "Unidad"), (3, "P.U.")];
const PAIR_TITLES: [&str; 5] = [
    "Contratado",
    "Anterior",
    "Esta estimación",
    "Acumulado",
    "Por ejercer",
];
const PERCENT_COLUMN: u16 = 14;
const WIDTHS: [f64; 15] = [
    12.0, 48.0, 8.0, 13.0, 12.0, 15.0, 12.0, 15.0, 12.0, 15.0, 12.0, 15.0, 12.0, 15.0, 8.0,
];
/// Summary labels sit right-aligned beside this estimate's amount column, their value in it.
const LABEL_COLUMN: u16 = 8;
const VALUE_COLUMN: u16 = 9;

/// A workbook with one sheet: the heading, one row per concept, and the totals.
pub fn statement_workbook(
    heading: &StatementHeading,
    statement: &Statement,
) -> Result<Vec<u8>, ExportError> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET_NAME)?;

    write_heading(sheet, heading, &formats)?;
    write_titles(sheet, &formats)?;
    let mut row = FIRST_LINE_ROW;
    for line in &statement.lines {
        write_line(sheet, row, line, &formats)?;
        row += 1;
    }
    write_column_totals(sheet, row, statement, &formats)?;
    write_summary(sheet, row + 2, &statement.totals, &formats)?;

    Ok(workbook.save_to_buffer()?)
}

fn write_heading(
    sheet: &mut Worksheet,
    heading: &StatementHeading,
    formats: &Formats,
) -> Result<(), ExportError> {
    sheet.write_string_with_format(0, 0, &heading.company, &formats.title)?;
    sheet.write_string(1, 0, &heading.contract)?;
    sheet.write_string_with_format(2, 0, &heading.estimate, &formats.title)?;
    sheet.write_string(3, 0, &heading.period)?;
    Ok(())
}

fn write_titles(sheet: &mut Worksheet, formats: &Formats) -> Result<(), ExportError> {
    let header = &formats.header;
    for (column, title) in SINGLE_TITLES {
        sheet.merge_range(GROUP_ROW, column, GROUP_ROW + 1, column, title, header)?;
    }
    for (pair, title) in PAIR_TITLES.iter().enumerate() {
        let first = 4 + 2 * pair as u16;
        sheet.merge_range(GROUP_ROW, first, GROUP_ROW, first + 1, title, header)?;
        sheet.write_string_with_format(GROUP_ROW + 1, first, "Cantidad", header)?;
        sheet.write_string_with_format(GROUP_ROW + 1, first + 1, "Importe", header)?;
    }
    let (top, bottom) = (GROUP_ROW, GROUP_ROW + 1);
    sheet.merge_range(top, PERCENT_COLUMN, bottom, PERCENT_COLUMN, "%", header)?;

    for (column, width) in WIDTHS.iter().enumerate() {
        sheet.set_column_width(column as u16, *width)?;
    }
    sheet.set_freeze_panes(FIRST_LINE_ROW, 2)?;
    Ok(())
}

fn write_line(
    sheet: &mut Worksheet,
    row: u32,
    line: &StatementLine,
    formats: &Formats,
) -> Result<(), ExportError> {
    sheet.write_string_with_format(row, 0, &line.code, &formats.text)?;
    sheet.write_string_with_format(row, 1, &line.description, &formats.wrapped)?;
    sheet.write_string_with_format(row, 2, &line.unit, &formats.text)?;
    sheet.write_number_with_format(row, 3, cell_number(line.unit_price), &formats.money)?;

    let pairs = [
        (line.contracted_quantity, line.contracted_amount),
        (line.previous_quantity, line.previous_amount),
        (line.this_quantity, line.this_amount),
        (line.to_date_quantity, line.to_date_amount),
        (line.pending_quantity, line.pending_amount),
    ];
    for (pair, (quantity, amount)) in pairs.into_iter().enumerate() {
        let first = 4 + 2 * pair as u16;
        sheet.write_number_with_format(row, first, cell_number(quantity), &formats.quantity)?;
        sheet.write_number_with_format(row, first + 1, cell_number(amount), &formats.money)?;
    }

    if let Some(percent) = line.percent {
        let percent = cell_number(percent);
        sheet.write_number_with_format(row, PERCENT_COLUMN, percent, &formats.percent)?;
    }
    Ok(())
}

/// The row under the lines that adds up each amount column.
fn write_column_totals(
    sheet: &mut Worksheet,
    row: u32,
    statement: &Statement,
    formats: &Formats,
) -> Result<(), ExportError> {
    let totals = &statement.totals;
    let pending: Decimal = statement.lines.iter().map(|line| line.pending_amount).sum();
    let amounts = [
        totals.contracted,
        totals.previous,
        totals.this,
        totals.to_date,
        pending,
    ];

    sheet.write_string_with_format(row, 1, "Totales", &formats.bold_label)?;
    for (pair, amount) in amounts.into_iter().enumerate() {
        let column = 5 + 2 * pair as u16;
        sheet.write_number_with_format(row, column, cell_number(amount), &formats.bold_money)?;
    }
    Ok(())
}

/// From this estimate's gross down to what the client pays.
fn write_summary(
    sheet: &mut Worksheet,
    first_row: u32,
    totals: &StatementTotals,
    formats: &Formats,
) -> Result<(), ExportError> {
    let mut lines = vec![
        ("Importe bruto".to_owned(), totals.gross),
        ("Amortización del anticipo".to_owned(), totals.amortization),
        ("Subtotal".to_owned(), totals.subtotal),
        ("IVA".to_owned(), totals.tax),
        ("Total".to_owned(), totals.total),
    ];
    for retention in &totals.retentions {
        let label = match retention.kind {
            RetentionKind::Percentage => {
                format!("{} ({} %)", retention.name, retention.value.normalize())
            }
            RetentionKind::Fixed => retention.name.clone(),
        };
        lines.push((label, retention.amount));
    }
    lines.push(("Total retenciones".to_owned(), totals.retentions_total));

    let mut row = first_row;
    for (label, amount) in lines {
        sheet.write_string_with_format(row, LABEL_COLUMN, label, &formats.label)?;
        sheet.write_number_with_format(row, VALUE_COLUMN, cell_number(amount), &formats.money)?;
        row += 1;
    }
    let net = cell_number(totals.net);
    sheet.write_string_with_format(row, LABEL_COLUMN, "Neto a pagar", &formats.bold_label)?;
    sheet.write_number_with_format(row, VALUE_COLUMN, net, &formats.bold_money)?;
    Ok(())
}
