//! `/contracts/{id}/concepts/import` and `/retentions/import`: catalogs from spreadsheets.
//!
//! A preview (`dry_run=true`) answers every row as read and writes nothing. Without it, the
//! file is written whole in one transaction, or, when any row is at fault, not at all.

use std::collections::{HashMap, HashSet};

use poem::web::Data;
use poem_openapi::{
    Multipart, OpenApi,
    param::{Path, Query},
    payload::Json,
    types::multipart::Upload,
};
use rust_decimal::Decimal;
use shared::{
    Action, billing,
    dto::{
        ConceptImport, ConceptImportRow, ImportIssue, ImportRowStatus, RetentionImport,
        RetentionImportRow,
    },
    money::round_money,
    problem::FieldError,
};

use super::{ApiTags, concepts::code_taken, contracts::contract_for};
use crate::{
    app::AppState,
    auth::Session,
    db,
    error::{ApiError, ApiResult},
    sheets::{self, ConceptRow, ConceptSheet, RetentionRow, RetentionSheet, RowIssue, RowOutcome},
};

/// The uploaded workbook.
#[derive(Multipart)]
pub struct SheetUpload {
    /// A workbook (.xlsx, .xls or .ods) of at most 10 MiB. Its format is read from its
    /// content; a name that says otherwise is refused.
    file: Upload,
}

pub struct ImportsApi;

#[OpenApi(prefix_path = "/contracts", tag = "ApiTags::Documents")]
impl ImportsApi {
    /// Import concepts from a spreadsheet
    ///
    /// The header row is found by its titles (código/clave, concepto/descripción, unidad,
    /// cantidad, precio unitario/P.U., in Spanish or English) within the first 30 rows;
    /// title blocks above it are skipped. Units are matched regardless of case and created
    /// when missing. Heading rows of hierarchical catalogs (no unit or price, or "N/A") are
    /// reported as `group` and never written. Without a quantity column, quantities are 0.
    /// With `dry_run=true` nothing is written; otherwise a row at fault answers 422 naming
    /// it as `rows.<row>.<column>`, where `<row>` is the sheet's own row number.
    #[oai(
        path = "/:id/concepts/import",
        method = "post",
        operation_id = "import_concepts"
    )]
    async fn import_concepts(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        /// Read and report only, writing nothing (default false).
        dry_run: Query<Option<bool>>,
        body: SheetUpload,
    ) -> ApiResult<Json<ConceptImport>> {
        let tenant = session.0;
        contract_for(&state, &tenant, id.0, Action::EditContract).await?;
        let dry_run = dry_run.0.unwrap_or(false);
        let (file_name, bytes) = received(body.file).await?;
        let sheet = sheets::read_concepts(&bytes, &file_name).map_err(unreadable)?;

        let units = db::units::by_name(&state.pool, &tenant).await?;
        let taken: HashSet<String> = db::concepts::codes(&state.pool, id.0)
            .await?
            .into_iter()
            .map(|(code, _)| code)
            .collect();
        let mut report = concept_report(&sheet, &units, &taken, dry_run);
        if dry_run {
            return Ok(Json(report));
        }
        refuse_faults(report.rows.iter().map(|row| (row.row, &row.errors)))?;
        if report.ok_count == 0 {
            return Err(nothing_to_import("concepts"));
        }

        let mut tx = db::begin(&state.pool, &tenant).await?;
        let unit_ids = db::units::ensure_many(&mut tx, &tenant, &report.new_units).await?;
        let fields = concept_fields(&sheet, &unit_ids)?;
        db::concepts::insert_many(&mut tx, &tenant, id.0, &fields)
            .await
            .map_err(|error| code_taken(error, "file"))?;
        tx.commit().await?;
        tracing::info!(
            contract.id = id.0,
            concepts = fields.len(),
            new_units = report.new_units.len(),
            file = file_name,
            "catalog imported"
        );

        report.imported = fields.len() as i64;
        Ok(Json(report))
    }

    /// Import retentions from a spreadsheet
    ///
    /// Columns nombre, tipo ("porcentaje" or "monto") and valor, and optionally base
    /// ("bruto" or "subtotal"); found by their titles as for concepts. All or none, as for
    /// concepts; `dry_run=true` writes nothing.
    #[oai(
        path = "/:id/retentions/import",
        method = "post",
        operation_id = "import_retentions"
    )]
    async fn import_retentions(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        /// Read and report only, writing nothing (default false).
        dry_run: Query<Option<bool>>,
        body: SheetUpload,
    ) -> ApiResult<Json<RetentionImport>> {
        let tenant = session.0;
        contract_for(&state, &tenant, id.0, Action::EditContract).await?;
        let dry_run = dry_run.0.unwrap_or(false);
        let (file_name, bytes) = received(body.file).await?;
        let sheet = sheets::read_retentions(&bytes, &file_name).map_err(unreadable)?;

        let mut report = retention_report(&sheet, dry_run);
        if dry_run {
            return Ok(Json(report));
        }
        refuse_faults(report.rows.iter().map(|row| (row.row, &row.errors)))?;
        if report.ok_count == 0 {
            return Err(nothing_to_import("retentions"));
        }

        let mut tx = db::begin(&state.pool, &tenant).await?;
        for fields in retention_fields(&sheet) {
            db::retentions::insert(&mut *tx, &tenant, id.0, &fields).await?;
        }
        tx.commit().await?;
        tracing::info!(
            contract.id = id.0,
            retentions = report.ok_count,
            file = file_name,
            "retentions imported"
        );

        report.imported = report.ok_count;
        Ok(Json(report))
    }
}

/// The upload's name and bytes, refused unread when it is too large.
async fn received(upload: Upload) -> ApiResult<(String, Vec<u8>)> {
    if upload.size() > sheets::MAX_BYTES {
        return Err(ApiError::PayloadTooLarge(
            sheets::SheetError::TooLarge {
                max: sheets::MAX_BYTES,
            }
            .to_string(),
        ));
    }
    let file_name = upload.file_name().unwrap_or_default().to_owned();
    let bytes = upload.into_vec().await.map_err(anyhow::Error::from)?;
    Ok((file_name, bytes))
}

/// A file that cannot be read at all is a fault of the `file` field.
fn unreadable(error: sheets::SheetError) -> ApiError {
    let message = error.to_string();
    ApiError::Validation {
        detail: message.clone(),
        errors: vec![FieldError {
            field: "file".to_owned(),
            message,
        }],
    }
}

fn nothing_to_import(what: &str) -> ApiError {
    ApiError::invalid(
        "file",
        format!("the sheet holds no {what} to import, only headings or blank rows"),
    )
}

/// 422 naming every cell at fault, when there is any.
fn refuse_faults<'a>(rows: impl Iterator<Item = (i32, &'a Vec<ImportIssue>)>) -> ApiResult<()> {
    let errors: Vec<FieldError> = rows
        .flat_map(|(row, issues)| {
            issues.iter().map(move |issue| FieldError {
                field: format!("rows.{row}.{}", issue.field),
                message: issue.message.clone(),
            })
        })
        .collect();
    if errors.is_empty() {
        return Ok(());
    }
    let rows: HashSet<&str> = errors
        .iter()
        .filter_map(|error| error.field.split('.').nth(1))
        .collect();
    Err(ApiError::Validation {
        detail: format!(
            "{} row(s) of the sheet are at fault and nothing was imported; fix them and \
             upload the file again (a preview with dry_run=true lists them)",
            rows.len()
        ),
        errors,
    })
}

fn issue(issue: &RowIssue) -> ImportIssue {
    ImportIssue {
        field: issue.field.to_owned(),
        code: issue.code.to_owned(),
        message: issue.message.clone(),
    }
}

fn concept_report(
    sheet: &ConceptSheet,
    units: &HashMap<String, i64>,
    taken: &HashSet<String>,
    dry_run: bool,
) -> ConceptImport {
    let rows: Vec<ConceptImportRow> = sheet
        .rows
        .iter()
        .map(|row| concept_row(row, units, taken))
        .collect();
    let count = |status| rows.iter().filter(|row| row.status == status).count() as i64;

    let mut new_units: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    for row in rows.iter().filter(|row| row.new_unit) {
        if seen.insert(row.unit.to_lowercase()) {
            new_units.push(row.unit.clone());
        }
    }
    let amount = rows.iter().filter_map(|row| row.amount).sum::<Decimal>();

    ConceptImport {
        dry_run,
        sheet: sheet.sheet.clone(),
        header_row: sheet.header_row as i32,
        has_quantity_column: sheet.has_quantity_column,
        ok_count: count(ImportRowStatus::Ok),
        error_count: count(ImportRowStatus::Error),
        group_count: count(ImportRowStatus::Group),
        rows,
        new_units,
        amount: round_money(amount),
        imported: 0,
    }
}

fn concept_row(
    row: &ConceptRow,
    units: &HashMap<String, i64>,
    taken: &HashSet<String>,
) -> ConceptImportRow {
    let mut read = ConceptImportRow {
        row: row.row as i32,
        status: ImportRowStatus::Ok,
        code: String::new(),
        description: String::new(),
        unit: String::new(),
        quantity: None,
        unit_price: None,
        amount: None,
        new_unit: false,
        errors: Vec::new(),
        warnings: row.warnings.iter().map(issue).collect(),
    };
    match &row.outcome {
        RowOutcome::Parsed(values) => {
            read.code = values.code.clone();
            read.description = values.description.clone();
            read.unit = values.unit.clone();
            read.quantity = Some(values.quantity);
            read.unit_price = Some(values.unit_price);
            read.amount = Some(billing::line_amount(values.quantity, values.unit_price));
            read.new_unit = !units.contains_key(&values.unit.to_lowercase());
            if taken.contains(&values.code.to_lowercase()) {
                read.status = ImportRowStatus::Error;
                read.errors.push(ImportIssue {
                    field: "code".to_owned(),
                    code: "code_in_catalog".to_owned(),
                    message: format!(
                        "«{}» is already in the contract's catalog; give it another code or \
                         leave the row out",
                        values.code
                    ),
                });
            }
        }
        RowOutcome::Invalid(issues) => {
            read.status = ImportRowStatus::Error;
            read.errors = issues.iter().map(issue).collect();
            read.code = row.written.code.clone();
            read.description = row.written.description.clone();
            read.unit = row.written.unit.clone();
        }
        RowOutcome::Group { code, description } => {
            read.status = ImportRowStatus::Group;
            read.code = code.clone();
            read.description = description.clone();
        }
    }
    read
}

/// The rows read whole, with their unit's id.
fn concept_fields(
    sheet: &ConceptSheet,
    unit_ids: &HashMap<String, i64>,
) -> ApiResult<Vec<db::concepts::Fields>> {
    let mut fields = Vec::with_capacity(sheet.rows.len());
    for row in &sheet.rows {
        let RowOutcome::Parsed(values) = &row.outcome else {
            continue;
        };
        let unit_id = *unit_ids
            .get(&values.unit.to_lowercase())
            .ok_or_else(|| anyhow::anyhow!("unit «{}» was not created", values.unit))?;
        fields.push(db::concepts::Fields {
            code: values.code.clone(),
            description: values.description.clone(),
            unit_id,
            quantity: values.quantity,
            unit_price: values.unit_price,
        });
    }
    Ok(fields)
}

fn retention_report(sheet: &RetentionSheet, dry_run: bool) -> RetentionImport {
    let rows: Vec<RetentionImportRow> = sheet.rows.iter().map(retention_row).collect();
    let count = |status| rows.iter().filter(|row| row.status == status).count() as i64;
    RetentionImport {
        dry_run,
        sheet: sheet.sheet.clone(),
        header_row: sheet.header_row as i32,
        ok_count: count(ImportRowStatus::Ok),
        error_count: count(ImportRowStatus::Error),
        rows,
        imported: 0,
    }
}

fn retention_row(row: &RetentionRow) -> RetentionImportRow {
    let mut read = RetentionImportRow {
        row: row.row as i32,
        status: ImportRowStatus::Ok,
        name: String::new(),
        kind: None,
        base: None,
        value: None,
        errors: Vec::new(),
        warnings: row.warnings.iter().map(issue).collect(),
    };
    match &row.outcome {
        RowOutcome::Parsed(values) => {
            read.name = values.name.clone();
            read.kind = Some(values.kind);
            read.base = Some(values.base);
            read.value = Some(values.value);
        }
        RowOutcome::Invalid(issues) => {
            read.status = ImportRowStatus::Error;
            read.errors = issues.iter().map(issue).collect();
            read.name = row.written_name.clone();
        }
        RowOutcome::Group { description, .. } => {
            read.status = ImportRowStatus::Group;
            read.name = description.clone();
        }
    }
    read
}

fn retention_fields(sheet: &RetentionSheet) -> Vec<db::retentions::Fields> {
    sheet
        .rows
        .iter()
        .filter_map(|row| match &row.outcome {
            RowOutcome::Parsed(values) => Some(db::retentions::Fields {
                name: values.name.clone(),
                kind: values.kind,
                base: values.base,
                value: values.value,
            }),
            _ => None,
        })
        .collect()
}
