//! What the import dialog shows of a spreadsheet, in one shape for concepts and retentions:
//! the sheet's figures, and each row as the text of its cells with its issues worded in
//! Spanish. The server names every issue by a stable `code`; its English `message` stays
//! as the fallback and the tooltip.

use rust_decimal::Decimal;
use shared::dto::{
    ConceptImport, ConceptImportRow, ImportIssue, ImportRowStatus, RetentionBase, RetentionImport,
    RetentionImportRow, RetentionKind,
};
use web_sys::File;

use crate::api::ApiError;
use crate::api::imports::{import_concepts, import_retentions};
use crate::format;
use crate::session::Session;

/// What a sheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    Concepts,
    Retentions,
}

/// A column of the preview: the row's field it shows, and its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub field: &'static str,
    pub label: &'static str,
    pub numeric: bool,
}

const fn column(field: &'static str, label: &'static str, numeric: bool) -> Column {
    Column {
        field,
        label,
        numeric,
    }
}

const CONCEPT_COLUMNS: [Column; 6] = [
    column("code", "Clave", false),
    column("description", "Descripción", false),
    column("unit", "Unidad", false),
    column("quantity", "Cantidad", true),
    column("unit_price", "P. unitario", true),
    column("amount", "Importe", true),
];

const RETENTION_COLUMNS: [Column; 4] = [
    column("name", "Nombre", false),
    column("kind", "Tipo", false),
    column("base", "Base", false),
    column("value", "Valor", true),
];

impl ImportKind {
    /// Names the kind in `data-testid`s: `import-concepts`, `import-retentions`.
    pub fn key(self) -> &'static str {
        match self {
            ImportKind::Concepts => "concepts",
            ImportKind::Retentions => "retentions",
        }
    }

    /// The button that opens the dialog, and the dialog's title.
    pub fn title(self) -> &'static str {
        match self {
            ImportKind::Concepts => "Importar catálogo",
            ImportKind::Retentions => "Importar retenciones",
        }
    }

    /// The columns the sheet needs, said before a file is chosen.
    pub fn hint(self) -> &'static str {
        match self {
            ImportKind::Concepts => {
                "Archivo de Excel o LibreOffice (.xlsx, .xls, .ods) con una fila de títulos: \
                 clave, descripción, unidad, cantidad y precio unitario."
            }
            ImportKind::Retentions => {
                "Archivo de Excel o LibreOffice (.xlsx, .xls, .ods) con una fila de títulos: \
                 nombre, tipo (porcentaje o monto), valor y, si aplica, base."
            }
        }
    }

    pub fn columns(self) -> &'static [Column] {
        match self {
            ImportKind::Concepts => &CONCEPT_COLUMNS,
            ImportKind::Retentions => &RETENTION_COLUMNS,
        }
    }

    /// "Importar 20 conceptos".
    pub fn confirm_label(self, count: i64) -> String {
        format!("Importar {count} {}", self.noun(count))
    }

    /// "Se importaron 20 conceptos".
    pub fn done_message(self, count: i64) -> String {
        let verb = if count == 1 { "importó" } else { "importaron" };
        format!("Se {verb} {count} {}", self.noun(count))
    }

    fn noun(self, count: i64) -> &'static str {
        match (self, count == 1) {
            (ImportKind::Concepts, true) => "concepto",
            (ImportKind::Concepts, false) => "conceptos",
            (ImportKind::Retentions, true) => "retención",
            (ImportKind::Retentions, false) => "retenciones",
        }
    }

    /// Sends the file: a preview with `dry_run`, else the import itself.
    pub async fn upload(
        self,
        session: Session,
        contract_id: i64,
        file: File,
        dry_run: bool,
    ) -> Result<Preview, ApiError> {
        match self {
            ImportKind::Concepts => session
                .call(move |token| import_concepts(token, contract_id, file.clone(), dry_run))
                .await
                .map(Preview::of_concepts),
            ImportKind::Retentions => session
                .call(move |token| import_retentions(token, contract_id, file.clone(), dry_run))
                .await
                .map(Preview::of_retentions),
        }
    }
}

/// What the server found in the sheet (or wrote from it).
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub sheet: String,
    pub header_row: i32,
    /// False for unit-price catalogs, whose quantities become zero.
    pub has_quantity_column: bool,
    pub ok_count: i64,
    pub error_count: i64,
    /// Headings of a hierarchical catalog; retention sheets have none.
    pub group_count: Option<i64>,
    pub new_units: Vec<String>,
    /// The catalog's amount; retention sheets have none.
    pub amount: Option<Decimal>,
    /// Rows written: 0 on a dry run.
    pub imported: i64,
    pub rows: Vec<PreviewRow>,
}

/// One row of the sheet, its cells in [`ImportKind::columns`] order.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewRow {
    /// The row number the spreadsheet program shows.
    pub row: i32,
    pub status: ImportRowStatus,
    pub cells: Vec<String>,
    /// Errors first, then warnings.
    pub issues: Vec<Issue>,
}

impl PreviewRow {
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|issue| issue.is_error)
    }

    /// Whether an error points at the cell of `field`, to mark it.
    pub fn faulty(&self, field: &str) -> bool {
        self.issues
            .iter()
            .any(|issue| issue.is_error && issue.field == field)
    }
}

/// A fault or remark about one cell, worded for the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub field: String,
    pub code: String,
    /// "Precio unitario: No es un número".
    pub text: String,
    /// What the server said, shown as the tooltip.
    pub server_message: String,
    pub is_error: bool,
}

impl Issue {
    fn of(issue: ImportIssue, is_error: bool) -> Issue {
        let said = wording(&issue.code).unwrap_or(&issue.message);
        let text = match field_label(&issue.field) {
            Some(label) => format!("{label}: {said}"),
            None => said.to_string(),
        };
        Issue {
            text,
            field: issue.field,
            code: issue.code,
            server_message: issue.message,
            is_error,
        }
    }
}

/// What to say when the server refuses the file: its detail, and what it said about the
/// `file` field when the detail does not say it already.
pub fn refusal(error: &ApiError) -> String {
    let message = error.message();
    match error.field_message("file") {
        Some(about_file) if !message.contains(&about_file) => format!("{message} {about_file}"),
        _ => message,
    }
}

/// The Spanish for an issue's `code`; `None` for codes this app does not know yet.
pub fn wording(code: &str) -> Option<&'static str> {
    let text = match code {
        "missing" => "Falta el dato",
        "not_a_number" => "No es un número",
        "negative" => "No puede ser negativo",
        "date_in_number_column" => "La celda tiene formato de fecha; dele formato de número",
        "too_long" => "Texto demasiado largo",
        "duplicate_code" => "Clave repetida en el archivo",
        "code_in_catalog" => "La clave ya está en el catálogo",
        "zero_price" => "Precio cero",
        "too_many_decimals_rounded" => "Se redondeó",
        "error_value" => "La celda tiene un error de fórmula",
        "unknown_kind" => "Tipo desconocido: use porcentaje o monto",
        _ => return None,
    };
    Some(text)
}

/// The column an issue is about, as the sheet's headings would call it.
fn field_label(field: &str) -> Option<&'static str> {
    let label = match field {
        "code" => "Clave",
        "description" => "Descripción",
        "unit" => "Unidad",
        "quantity" => "Cantidad",
        "unit_price" => "Precio unitario",
        "amount" => "Importe",
        "name" => "Nombre",
        "kind" => "Tipo",
        "value" => "Valor",
        "base" => "Base",
        _ => return None,
    };
    Some(label)
}

fn issues(errors: Vec<ImportIssue>, warnings: Vec<ImportIssue>) -> Vec<Issue> {
    let errors = errors.into_iter().map(|issue| Issue::of(issue, true));
    let warnings = warnings.into_iter().map(|issue| Issue::of(issue, false));
    errors.chain(warnings).collect()
}

/// A figure the server could not read shows as a dash; its issue says why.
fn or_dash(value: Option<Decimal>, show: impl Fn(Decimal) -> String) -> String {
    value.map_or_else(|| "—".to_string(), show)
}

impl Preview {
    fn of_concepts(found: ConceptImport) -> Preview {
        Preview {
            sheet: found.sheet,
            header_row: found.header_row,
            has_quantity_column: found.has_quantity_column,
            ok_count: found.ok_count,
            error_count: found.error_count,
            group_count: Some(found.group_count),
            new_units: found.new_units,
            amount: Some(found.amount),
            imported: found.imported,
            rows: found.rows.into_iter().map(concept_row).collect(),
        }
    }

    fn of_retentions(found: RetentionImport) -> Preview {
        Preview {
            sheet: found.sheet,
            header_row: found.header_row,
            has_quantity_column: true,
            ok_count: found.ok_count,
            error_count: found.error_count,
            group_count: None,
            new_units: Vec::new(),
            amount: None,
            imported: found.imported,
            rows: found.rows.into_iter().map(retention_row).collect(),
        }
    }
}

fn concept_row(row: ConceptImportRow) -> PreviewRow {
    let unit = if row.new_unit {
        format!("{} (nueva)", row.unit)
    } else {
        row.unit
    };
    let cells = vec![
        row.code,
        row.description,
        unit,
        or_dash(row.quantity, format::quantity),
        or_dash(row.unit_price, format::money),
        or_dash(row.amount, format::money),
    ];

    PreviewRow {
        row: row.row,
        status: row.status,
        cells,
        issues: issues(row.errors, row.warnings),
    }
}

fn retention_row(row: RetentionImportRow) -> PreviewRow {
    let kind = match row.kind {
        Some(RetentionKind::Percentage) => "Porcentaje",
        Some(RetentionKind::Fixed) => "Monto fijo",
        None => "—",
    };
    // A fixed amount is taken whole: it has no base.
    let base = match (row.kind, row.base) {
        (Some(RetentionKind::Fixed), _) | (_, None) => "—",
        (_, Some(RetentionBase::Gross)) => "Importe bruto",
        (_, Some(RetentionBase::Subtotal)) => "Subtotal",
    };
    let value = match row.kind {
        Some(RetentionKind::Fixed) => or_dash(row.value, format::money),
        Some(RetentionKind::Percentage) => or_dash(row.value, format::percent),
        None => or_dash(row.value, |value| value.normalize().to_string()),
    };

    PreviewRow {
        row: row.row,
        status: row.status,
        cells: vec![row.name, kind.to_string(), base.to_string(), value],
        issues: issues(row.errors, row.warnings),
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn issue(field: &str, code: &str, message: &str) -> ImportIssue {
        ImportIssue {
            field: field.to_string(),
            code: code.to_string(),
            message: message.to_string(),
        }
    }

    fn decimal(text: &str) -> Option<Decimal> {
        Some(Decimal::from_str(text).unwrap())
    }

    #[test]
    fn an_issue_is_worded_from_its_code_and_keeps_the_server_message() {
        let worded = Issue::of(issue("unit_price", "not_a_number", "not a number"), true);

        assert_eq!(worded.text, "Precio unitario: No es un número");
        assert_eq!(worded.server_message, "not a number");
    }

    #[test]
    fn an_unknown_code_falls_back_to_the_server_message() {
        let worded = Issue::of(issue("colour", "too_pink", "the cell is too pink"), false);

        assert_eq!(worded.text, "the cell is too pink");
        assert!(!worded.is_error);
    }

    #[test]
    fn a_concept_row_shows_its_figures_and_marks_a_new_unit() {
        let row = ConceptImportRow {
            row: 14,
            status: ImportRowStatus::Error,
            code: "PAV-02".to_string(),
            description: "Pavimento".to_string(),
            unit: "m2".to_string(),
            quantity: decimal("4850"),
            unit_price: None,
            amount: None,
            new_unit: true,
            errors: vec![issue("unit_price", "missing", "missing")],
            warnings: vec![issue("quantity", "too_many_decimals_rounded", "rounded")],
        };

        let shown = concept_row(row);

        assert_eq!(shown.cells[2], "m2 (nueva)");
        assert_eq!(shown.cells[4], "—");
        assert!(shown.has_errors());
        assert!(shown.faulty("unit_price"));
        assert!(!shown.faulty("quantity"), "a warning marks no cell");
        assert_eq!(shown.issues[1].text, "Cantidad: Se redondeó");
    }

    #[test]
    fn a_fixed_retention_has_no_base() {
        let row = RetentionImportRow {
            row: 3,
            status: ImportRowStatus::Ok,
            name: "Cuota sindical".to_string(),
            kind: Some(RetentionKind::Fixed),
            base: Some(RetentionBase::Gross),
            value: decimal("1000"),
            errors: Vec::new(),
            warnings: Vec::new(),
        };

        let shown = retention_row(row);

        assert_eq!(shown.cells[1..3], ["Monto fijo", "—"]);
    }

    #[test]
    fn labels_agree_in_number() {
        assert_eq!(
            ImportKind::Concepts.confirm_label(20),
            "Importar 20 conceptos"
        );
        assert_eq!(
            ImportKind::Retentions.done_message(1),
            "Se importó 1 retención"
        );
    }
}
