//! Rows of a retention sheet (Nombre, Tipo, Valor and an optional Base) to the retentions
//! a contract takes on every estimate.

use calamine::Data;
use shared::dto::{RetentionBase, RetentionKind};
use shared::validate::{MONEY, PERCENT, limits};

use super::cells::{self, NumberColumn};
use super::header::{ColumnSpec, title_key};
use super::issues::keep;
use super::workbook::Table;
use super::{RetentionRow, RetentionValues, RowIssue, RowOutcome, issues};

pub(super) const WANTED: &str = "nombre, tipo, valor";

pub(super) const COLUMNS: [ColumnSpec; 4] = [
    ColumnSpec {
        field: "name",
        titles: &["nombre", "name", "retención", "concepto"],
        required: true,
        label: "nombre",
    },
    ColumnSpec {
        field: "kind",
        titles: &["tipo", "kind", "type"],
        required: true,
        label: "tipo",
    },
    ColumnSpec {
        field: "value",
        titles: &["valor", "value", "importe", "porcentaje", "%"],
        required: true,
        label: "valor",
    },
    ColumnSpec {
        field: "base",
        titles: &["base"],
        required: false,
        label: "base",
    },
];

const PERCENT_COLUMN: NumberColumn = NumberColumn {
    field: "value",
    shape: PERCENT,
    percent_sign: true,
};

const FIXED_COLUMN: NumberColumn = NumberColumn {
    field: "value",
    shape: MONEY,
    percent_sign: false,
};

/// Every filled row under the header.
pub(super) fn read_rows(table: &Table) -> Vec<RetentionRow> {
    let mut rows = Vec::new();
    for (index, row) in table.data_rows() {
        let cell = |field| {
            let column = table.header.column(field)?;
            row.get(column).filter(|value| !cells::is_blank(value))
        };
        let (name, kind, value, base) = (cell("name"), cell("kind"), cell("value"), cell("base"));
        if [name, kind, value, base].iter().all(Option::is_none) {
            continue;
        }

        let mut warnings = Vec::new();
        let outcome = read_row(name, kind, value, base, &mut warnings);
        let written_name = cells::text(name, "name").ok().flatten().unwrap_or_default();
        rows.push(RetentionRow {
            row: index + 1,
            outcome,
            warnings,
            written_name: cells::fold_whitespace(&written_name),
        });
    }
    rows
}

fn read_row(
    name: Option<&Data>,
    kind: Option<&Data>,
    value: Option<&Data>,
    base: Option<&Data>,
    warnings: &mut Vec<RowIssue>,
) -> RowOutcome<RetentionValues> {
    let mut errors = Vec::new();
    let name = keep(
        cells::required_text(name, "name", limits::NAME, true),
        &mut errors,
    );
    let kind = keep(read_kind(kind), &mut errors);
    let base = keep(read_base(base), &mut errors);

    // Without a kind there is no telling a percentage from an amount; read the value as a
    // percentage only to report what else is wrong with it.
    let column = match kind {
        Some(RetentionKind::Fixed) => FIXED_COLUMN,
        _ => PERCENT_COLUMN,
    };
    let value = match value {
        None => Err(issues::missing("value")),
        Some(value) => cells::number(value, column),
    };
    let value = keep(value, &mut errors).map(|number| {
        warnings.extend(number.rounded);
        number.value
    });

    match (name, kind, base, value) {
        (Some(name), Some(kind), Some(base), Some(value)) => RowOutcome::Parsed(RetentionValues {
            name,
            kind,
            base,
            value,
        }),
        _ => RowOutcome::Invalid(errors),
    }
}

fn read_kind(value: Option<&Data>) -> Result<RetentionKind, RowIssue> {
    let text = cells::required_text(value, "kind", limits::NAME, true)?;

    match title_key(&text).as_str() {
        "porcentaje" | "percentage" | "percent" | "%" => Ok(RetentionKind::Percentage),
        "monto" | "importe" | "fijo" | "montofijo" | "importefijo" | "fixed" | "amount" => {
            Ok(RetentionKind::Fixed)
        }
        _ => Err(issues::unknown_kind(&text)),
    }
}

fn read_base(value: Option<&Data>) -> Result<RetentionBase, RowIssue> {
    let Some(text) = cells::text(value, "base")? else {
        return Ok(RetentionBase::Gross);
    };

    match title_key(&text).as_str() {
        "" | "bruto" | "gross" | "importebruto" => Ok(RetentionBase::Gross),
        "subtotal" => Ok(RetentionBase::Subtotal),
        _ => Err(issues::unknown_base(&text)),
    }
}
