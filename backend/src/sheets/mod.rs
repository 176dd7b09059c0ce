//! Spreadsheets in and out: reading a contract's concept catalog or its retentions from a
//! workbook someone uploaded, and writing the catalog and an estimate's statement as `.xlsx`.
//!
//! Everything here is a pure function over bytes: no database, no HTTP. Reading never trusts
//! the file name or the position of things in the sheet. The format comes from the bytes, the
//! header row is found by its titles, and every data row comes back with an outcome
//! ([`RowOutcome`]) so one answer can list every row to fix instead of stopping at the first.
//!
//! What cannot be read at all (wrong format, a password, a broken file, no header) is a
//! [`SheetError`]; its message says what the user should do.

mod cells;
mod concepts;
mod export;
mod format;
mod grid;
mod header;
mod issues;
mod retentions;
mod workbook;

#[cfg(test)]
mod tests;

use rust_decimal::Decimal;
use shared::dto::{RetentionBase, RetentionKind};

pub use export::{CatalogExportRow, ExportError, StatementHeading};
pub use export::{catalog_workbook, statement_workbook};
pub use format::Format;

/// Largest upload read, in bytes: bigger files are refused before they are parsed.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// Most data rows (filled rows under the header) one file may hold.
pub const MAX_ROWS: usize = 5_000;

/// How many rows from the top are searched for the header row.
pub const HEADER_SEARCH_ROWS: u32 = 30;

/// Why a file could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    #[error(
        "the file is larger than {} MiB; split it or remove its images and try again",
        .max / (1024 * 1024)
    )]
    TooLarge { max: usize },

    #[error(
        "the file is not an Excel or LibreOffice workbook (.xlsx, .xls or .ods); open it in \
         your spreadsheet program and save it as .xlsx (a CSV or HTML export must be saved \
         that way too)"
    )]
    NotASpreadsheet,

    #[error(
        "the file is named {named} but holds an {actual} workbook; save it again as {named} \
         or rename it to {actual}"
    )]
    ExtensionMismatch { named: String, actual: Format },

    #[error("the workbook is password-protected; save it without a password and try again")]
    Encrypted,

    #[error(
        "the workbook is damaged or incomplete ({0}); open it in your spreadsheet program, \
         save it again and upload the new file"
    )]
    Corrupt(String),

    #[error("the workbook has no worksheets; add a sheet with the data and try again")]
    NoSheet,

    #[error(
        "no header row in the first {looked_at} rows of any sheet; add a row with the column \
         titles {wanted} above the data"
    )]
    NoHeader {
        looked_at: u32,
        wanted: &'static str,
    },

    #[error(
        "the header on row {header_row} of sheet «{sheet}» has no «{column}» column; add a \
         column with that title"
    )]
    MissingColumn {
        sheet: String,
        header_row: u32,
        column: &'static str,
    },

    #[error(
        "the sheet has more than {max} rows under the header; split it into files of at \
         most {max} rows"
    )]
    TooManyRows { max: usize },
}

/// A concept catalog as read from a workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct ConceptSheet {
    /// The worksheet the catalog was read from.
    pub sheet: String,
    /// The header row, 1-based as the spreadsheet program shows it.
    pub header_row: u32,
    /// Unit-price catalogs often have no quantity column; every quantity is then zero.
    pub has_quantity_column: bool,
    /// Every filled row under the header, in sheet order; blank rows are left out.
    pub rows: Vec<ConceptRow>,
}

/// One row of a concept catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct ConceptRow {
    /// 1-based, as the spreadsheet program shows it.
    pub row: u32,
    pub outcome: RowOutcome<ConceptValues>,
    /// Things read but worth a look (a price of zero, a value rounded); never block a row.
    pub warnings: Vec<RowIssue>,
    /// The row's texts as written, read leniently, so a row at fault can still be shown.
    pub written: Written,
}

/// A concept row's texts as the sheet has them, whatever its outcome.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    pub code: String,
    pub description: String,
    pub unit: String,
}

/// What became of one data row.
#[derive(Debug, Clone, PartialEq)]
pub enum RowOutcome<T> {
    /// Every value was read.
    Parsed(T),
    /// The row cannot be imported; at least one issue says why.
    Invalid(Vec<RowIssue>),
    /// A heading of a hierarchical catalog (no unit and no price): reported, not imported.
    Group { code: String, description: String },
}

/// A concept's values, ready to be checked against the contract.
#[derive(Debug, Clone, PartialEq)]
pub struct ConceptValues {
    pub code: String,
    /// Line breaks and runs of spaces folded to single spaces.
    pub description: String,
    /// As written; units are matched without regard to case.
    pub unit: String,
    /// At most four decimals, trailing zeros dropped; zero when the sheet has no quantity
    /// column.
    pub quantity: Decimal,
    /// At most two decimals, trailing zeros dropped.
    pub unit_price: Decimal,
}

/// A fault or a warning about one cell of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowIssue {
    /// "code", "description", "unit", "quantity", "unit_price", "name", "kind", "value" or
    /// "base".
    pub field: &'static str,
    /// A stable machine code: "missing", "not_a_number", "negative", "too_large",
    /// "date_in_number_column", "date_in_text_column", "error_value", "too_long",
    /// "control_characters", "too_many_decimals_rounded", "zero_price", "duplicate_code",
    /// "unknown_kind", "unknown_base", "more_than_100".
    pub code: &'static str,
    /// English; names the cell value and says what to do.
    pub message: String,
}

/// The retentions of a contract as read from a workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct RetentionSheet {
    pub sheet: String,
    /// 1-based.
    pub header_row: u32,
    pub rows: Vec<RetentionRow>,
}

/// One row of a retention sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct RetentionRow {
    /// 1-based.
    pub row: u32,
    pub outcome: RowOutcome<RetentionValues>,
    pub warnings: Vec<RowIssue>,
    /// The name as written, so a row at fault can still be shown.
    pub written_name: String,
}

/// A retention's values.
#[derive(Debug, Clone, PartialEq)]
pub struct RetentionValues {
    pub name: String,
    pub kind: RetentionKind,
    /// Gross when the sheet has no base column or the cell is empty.
    pub base: RetentionBase,
    /// A percentage (0 to 100, four decimals) or a fixed amount (two decimals).
    pub value: Decimal,
}

/// Reads a concept catalog from an uploaded workbook.
///
/// The table is on the first worksheet whose header (among the first 30 rows) has the
/// code, description, unit and unit price titles; quantity is optional. Blank rows are
/// skipped, headings without unit and price come back as [`RowOutcome::Group`], and a code
/// repeated in the file is an error on its later rows. `file_name` is only used to catch a
/// file whose extension names another format.
pub fn read_concepts(bytes: &[u8], file_name: &str) -> Result<ConceptSheet, SheetError> {
    let table = workbook::read_table(bytes, file_name, &concepts::COLUMNS, concepts::WANTED)?;

    let has_quantity_column = table.header.column("quantity").is_some();
    let rows = concepts::read_rows(&table);
    Ok(ConceptSheet {
        sheet: table.sheet,
        header_row: table.header.row + 1,
        has_quantity_column,
        rows,
    })
}

/// Reads a contract's retentions from an uploaded workbook: name, kind (porcentaje or monto),
/// value and an optional base (bruto or subtotal).
pub fn read_retentions(bytes: &[u8], file_name: &str) -> Result<RetentionSheet, SheetError> {
    let table = workbook::read_table(bytes, file_name, &retentions::COLUMNS, retentions::WANTED)?;

    let rows = retentions::read_rows(&table);
    Ok(RetentionSheet {
        sheet: table.sheet,
        header_row: table.header.row + 1,
        rows,
    })
}
