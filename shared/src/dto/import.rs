//! Catalogs read from spreadsheets: what `POST /contracts/{id}/concepts/import` and
//! `…/retentions/import` found in a file, row by row, before (`dry_run`) or after writing it.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{RetentionBase, RetentionKind};

/// How one row of the sheet fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Enum))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "server", oai(rename_all = "snake_case"))]
pub enum ImportRowStatus {
    /// Read whole; it is (or would be) written.
    Ok,
    /// At fault: nothing of the file is written until it is fixed.
    Error,
    /// A heading of a hierarchical catalog (no unit or price): reported, never written.
    Group,
}

/// A fault or a remark about one cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct ImportIssue {
    /// The column, by its API name: `code`, `description`, `unit`, `quantity`,
    /// `unit_price`, `name`, `kind`, `value` or `base`.
    pub field: String,
    /// Stable and machine-readable, for clients that word the message themselves:
    /// `missing`, `not_a_number`, `negative`, `date_in_number_column`, `too_long`,
    /// `duplicate_code`, `code_in_catalog`, `zero_price`, `too_many_decimals_rounded`, …
    pub code: String,
    pub message: String,
}

/// One row of a concept sheet, as read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct ConceptImportRow {
    /// The row number the spreadsheet program shows (the first row is 1).
    pub row: i32,
    pub status: ImportRowStatus,
    pub code: String,
    pub description: String,
    pub unit: String,
    #[serde(default)]
    pub quantity: Option<Decimal>,
    #[serde(default)]
    pub unit_price: Option<Decimal>,
    /// round(quantity × unit price), to cents.
    #[serde(default)]
    pub amount: Option<Decimal>,
    /// The unit is not in the company yet and is created with the import.
    pub new_unit: bool,
    pub errors: Vec<ImportIssue>,
    /// Remarks that do not stop the import, such as a zero price.
    pub warnings: Vec<ImportIssue>,
}

/// What a concept sheet holds, and what was written from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct ConceptImport {
    /// True when nothing was written because the request asked for a preview.
    pub dry_run: bool,
    /// The worksheet read.
    pub sheet: String,
    /// The row holding the column titles.
    pub header_row: i32,
    /// False for unit-price catalogs without a quantity column: quantities are then zero.
    pub has_quantity_column: bool,
    /// Every row with data below the header, in sheet order.
    pub rows: Vec<ConceptImportRow>,
    /// Rows read whole.
    pub ok_count: i64,
    pub error_count: i64,
    pub group_count: i64,
    /// Units that the import creates, as written in the sheet.
    pub new_units: Vec<String>,
    /// Σ amount of the rows read whole.
    pub amount: Decimal,
    /// Concepts written: `ok_count`, or 0 on a dry run.
    pub imported: i64,
}

/// One row of a retention sheet, as read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct RetentionImportRow {
    pub row: i32,
    pub status: ImportRowStatus,
    pub name: String,
    #[serde(default)]
    pub kind: Option<RetentionKind>,
    #[serde(default)]
    pub base: Option<RetentionBase>,
    #[serde(default)]
    pub value: Option<Decimal>,
    pub errors: Vec<ImportIssue>,
    pub warnings: Vec<ImportIssue>,
}

/// What a retention sheet holds, and what was written from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(poem_openapi::Object))]
pub struct RetentionImport {
    pub dry_run: bool,
    pub sheet: String,
    pub header_row: i32,
    pub rows: Vec<RetentionImportRow>,
    pub ok_count: i64,
    pub error_count: i64,
    /// Retentions written: `ok_count`, or 0 on a dry run.
    pub imported: i64,
}
