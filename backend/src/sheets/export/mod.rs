//! Writing `.xlsx` files people open in Excel or LibreOffice: the contract's catalog, in the
//! layout the importer reads back, and an estimate's statement.

mod catalog;
mod statement;

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, XlsxError};

pub use catalog::{CatalogExportRow, catalog_workbook};
pub use statement::{StatementHeading, statement_workbook};

/// Why a workbook could not be written; only text beyond Excel's limits (32,767 characters a
/// cell) gets here, so it is a server fault rather than the user's.
#[derive(Debug, thiserror::Error)]
#[error("the spreadsheet could not be written: {0}")]
pub struct ExportError(#[from] XlsxError);

/// Money as people read it in Mexico.
const MONEY_FORMAT: &str = "$#,##0.00";
/// Quantities keep the four decimals the server stores.
const QUANTITY_FORMAT: &str = "#,##0.0000";
/// Percentages are stored as the number shown (45.5 for 45.5 %), not as a fraction.
const PERCENT_FORMAT: &str = "0.00\" %\"";

/// The cell formats both exports use.
struct Formats {
    title: Format,
    header: Format,
    text: Format,
    wrapped: Format,
    quantity: Format,
    money: Format,
    bold_money: Format,
    percent: Format,
    label: Format,
    bold_label: Format,
}

impl Formats {
    fn new() -> Formats {
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_border_bottom(FormatBorder::Thin);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header,
            text: Format::new().set_align(FormatAlign::Top),
            wrapped: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            quantity: Format::new()
                .set_num_format(QUANTITY_FORMAT)
                .set_align(FormatAlign::Top),
            money: Format::new()
                .set_num_format(MONEY_FORMAT)
                .set_align(FormatAlign::Top),
            bold_money: Format::new().set_num_format(MONEY_FORMAT).set_bold(),
            percent: Format::new().set_num_format(PERCENT_FORMAT),
            label: Format::new().set_align(FormatAlign::Right),
            bold_label: Format::new().set_align(FormatAlign::Right).set_bold(),
        }
    }
}

/// A decimal as the f64 a cell stores. Through its text, so a value of up to 15 significant
/// digits comes back from the file exactly as it went in.
fn cell_number(value: Decimal) -> f64 {
    value.to_string().parse().unwrap_or_default()
}
