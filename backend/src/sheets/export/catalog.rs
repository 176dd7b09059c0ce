//! The contract's catalog as a workbook, laid out so that [`super::super::read_concepts`]
//! reads it back unchanged.

use rust_decimal::{Decimal, RoundingStrategy};
use rust_xlsxwriter::{Formula, Workbook, Worksheet};

use super::{ExportError, Formats, cell_number};

/// One concept as the catalog export writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogExportRow {
    pub code: String,
    pub description: String,
    pub unit: String,
    pub quantity: Decimal,
    pub unit_price: Decimal,
}

const SHEET_NAME: &str = "Catálogo";
const HEADER_ROW: u32 = 2;
const TITLES: [&str; 6] = [
    "Código",
    "Concepto",
    "Unidad",
    "Cantidad",
    "Precio unitario",
    "Importe",
];
const WIDTHS: [f64; 6] = [14.0, 60.0, 10.0, 14.0, 16.0, 18.0];

/// A workbook with one sheet: the contract's name, then a table of its concepts with each
/// amount as a formula.
pub fn catalog_workbook(
    contract_name: &str,
    concepts: &[CatalogExportRow],
) -> Result<Vec<u8>, ExportError> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET_NAME)?;

    sheet.write_string_with_format(0, 0, contract_name, &formats.title)?;
    for (column, (title, width)) in TITLES.iter().zip(WIDTHS).enumerate() {
        let column = column as u16;
        sheet.write_string_with_format(HEADER_ROW, column, *title, &formats.header)?;
        sheet.set_column_width(column, width)?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;

    for (offset, concept) in concepts.iter().enumerate() {
        write_concept(sheet, HEADER_ROW + 1 + offset as u32, concept, &formats)?;
    }
    Ok(workbook.save_to_buffer()?)
}

fn write_concept(
    sheet: &mut Worksheet,
    row: u32,
    concept: &CatalogExportRow,
    formats: &Formats,
) -> Result<(), ExportError> {
    // The code is text even when it looks like a number, so "007" keeps its zeros.
    sheet.write_string_with_format(row, 0, &concept.code, &formats.text)?;
    sheet.write_string_with_format(row, 1, &concept.description, &formats.wrapped)?;
    sheet.write_string_with_format(row, 2, &concept.unit, &formats.text)?;
    sheet.write_number_with_format(row, 3, cell_number(concept.quantity), &formats.quantity)?;
    sheet.write_number_with_format(row, 4, cell_number(concept.unit_price), &formats.money)?;

    // The cached result lets readers that do not calculate (and the importer) see it.
    let amount = (concept.quantity * concept.unit_price)
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let line = row + 1;
    let formula = Formula::new(format!("=ROUND(D{line}*E{line},2)")).set_result(amount.to_string());
    sheet.write_formula_with_format(row, 5, formula, &formats.money)?;
    Ok(())
}
