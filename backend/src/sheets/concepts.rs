//! Rows of a concept catalog ("catálogo de conceptos") to concepts, group headings or the
//! reasons a row cannot be imported.

use std::collections::HashMap;

use calamine::Data;
use rust_decimal::Decimal;
use shared::validate::{MONEY, QUANTITY, limits};

use super::cells::{self, NumberColumn};
use super::grid::Row;
use super::header::ColumnSpec;
use super::issues::keep;
use super::workbook::Table;
use super::{ConceptRow, ConceptValues, RowIssue, RowOutcome, Written, issues};

/// The titles a catalog's header is recognised by, as the error names them.
pub(super) const WANTED: &str = "código, concepto, unidad, cantidad, precio unitario";

pub(super) const COLUMNS: [ColumnSpec; 6] = [
    ColumnSpec {
        field: "code",
        titles: &["código", "clave", "code", "key", "cve", "id", "núm", "no"],
        required: true,
        label: "código",
    },
    ColumnSpec {
        field: "description",
        titles: &[
            "descripción del concepto",
            "descripción",
            "concepto",
            "description",
            "concept",
        ],
        required: true,
        label: "concepto",
    },
    ColumnSpec {
        field: "unit",
        titles: &["unidad", "unit", "unid", "ud", "u"],
        required: true,
        label: "unidad",
    },
    ColumnSpec {
        field: "quantity",
        titles: &["cantidad", "quantity", "qty", "cant"],
        required: false,
        label: "cantidad",
    },
    ColumnSpec {
        field: "unit_price",
        titles: &["precio unitario", "p.u.", "unit price", "precio", "price"],
        required: true,
        label: "precio unitario",
    },
    // Recognised so that it counts towards a header, never read: the server computes
    // amounts itself.
    ColumnSpec {
        field: "amount",
        titles: &["importe", "amount", "total"],
        required: false,
        label: "importe",
    },
];

const QUANTITY_COLUMN: NumberColumn = NumberColumn {
    field: "quantity",
    shape: QUANTITY,
    percent_sign: false,
};

const PRICE_COLUMN: NumberColumn = NumberColumn {
    field: "unit_price",
    shape: MONEY,
    percent_sign: false,
};

/// The cells of one row that the catalog reads; `None` when blank.
struct Cells<'a> {
    code: Option<&'a Data>,
    description: Option<&'a Data>,
    unit: Option<&'a Data>,
    quantity: Option<&'a Data>,
    unit_price: Option<&'a Data>,
}

impl Cells<'_> {
    fn is_blank(&self) -> bool {
        [
            self.code,
            self.description,
            self.unit,
            self.quantity,
            self.unit_price,
        ]
        .iter()
        .all(Option::is_none)
    }
}

/// Every filled row under the header, with later repeats of a code marked as errors.
pub(super) fn read_rows(table: &Table) -> Vec<ConceptRow> {
    let has_quantity = table.header.column("quantity").is_some();
    let mut first_row_of_code: HashMap<String, u32> = HashMap::new();

    let mut rows = Vec::new();
    for (index, row) in table.data_rows() {
        let cells = cells_of(table, row);
        if cells.is_blank() {
            continue;
        }

        let row = index + 1;
        let (mut outcome, code, warnings) = read_row(&cells, has_quantity);
        if let Some(code) = code {
            let earlier = *first_row_of_code.entry(code.to_lowercase()).or_insert(row);
            if earlier != row {
                outcome = with_error(outcome, issues::duplicate_code(&code, earlier));
            }
        }
        rows.push(ConceptRow {
            row,
            outcome,
            warnings,
            written: Written {
                code: loose_text(cells.code, false),
                description: loose_text(cells.description, true),
                unit: loose_text(cells.unit, true),
            },
        });
    }
    rows
}

fn cells_of<'a>(table: &Table, row: Row<'a>) -> Cells<'a> {
    let cell = |field| {
        let column = table.header.column(field)?;
        row.get(column).filter(|value| !cells::is_blank(value))
    };
    Cells {
        code: cell("code"),
        description: cell("description"),
        unit: cell("unit"),
        quantity: cell("quantity"),
        unit_price: cell("unit_price"),
    }
}

/// The row's outcome, its code when one was read (to look for repeats) and its warnings.
fn read_row(
    cells: &Cells,
    has_quantity: bool,
) -> (RowOutcome<ConceptValues>, Option<String>, Vec<RowIssue>) {
    if is_group(cells) {
        let outcome = RowOutcome::Group {
            code: loose_text(cells.code, false),
            description: loose_text(cells.description, true),
        };
        return (outcome, None, Vec::new());
    }

    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let code = cells::required_text(cells.code, "code", limits::CONCEPT_CODE, false);
    let code = keep(code, &mut errors);
    let description = cells::required_text(
        cells.description,
        "description",
        limits::CONCEPT_DESCRIPTION,
        true,
    );
    let description = keep(description, &mut errors);
    let unit = keep(read_unit(cells.unit), &mut errors);
    let quantity = read_quantity(cells.quantity, has_quantity, &mut warnings);
    let quantity = keep(quantity, &mut errors);
    let unit_price = keep(read_price(cells.unit_price, &mut warnings), &mut errors);

    let outcome = match (code.clone(), description, unit, quantity, unit_price) {
        (Some(code), Some(description), Some(unit), Some(quantity), Some(unit_price)) => {
            RowOutcome::Parsed(ConceptValues {
                code,
                description,
                unit,
                quantity,
                unit_price,
            })
        }
        _ => RowOutcome::Invalid(errors),
    };
    (outcome, code, warnings)
}

/// A heading of a hierarchical catalog: a code or a title, and no unit, price or quantity
/// (or "N/A" and "-" in their place).
fn is_group(cells: &Cells) -> bool {
    let labelled = cells.code.is_some() || cells.description.is_some();
    let absent = |value: Option<&Data>| value.is_none_or(is_placeholder);
    labelled && absent(cells.unit) && absent(cells.unit_price) && absent(cells.quantity)
}

/// "N/A" or a dash: what catalogs write where a value does not apply.
fn is_placeholder(value: &Data) -> bool {
    let Data::String(text) = value else {
        return false;
    };
    let text = text.trim().to_lowercase();
    matches!(text.as_str(), "n/a" | "na" | "-" | "--" | "–" | "—")
}

fn read_unit(value: Option<&Data>) -> Result<String, RowIssue> {
    let value = value.filter(|value| !is_placeholder(value));
    cells::required_text(value, "unit", limits::UNIT_NAME, true)
}

fn read_quantity(
    value: Option<&Data>,
    has_quantity: bool,
    warnings: &mut Vec<RowIssue>,
) -> Result<Decimal, RowIssue> {
    if !has_quantity {
        return Ok(Decimal::ZERO);
    }
    let Some(value) = value.filter(|value| !is_placeholder(value)) else {
        warnings.push(RowIssue {
            message: "the quantity is empty; it was read as 0".to_owned(),
            ..issues::missing("quantity")
        });
        return Ok(Decimal::ZERO);
    };

    let number = cells::number(value, QUANTITY_COLUMN)?;
    warnings.extend(number.rounded);
    Ok(number.value)
}

fn read_price(value: Option<&Data>, warnings: &mut Vec<RowIssue>) -> Result<Decimal, RowIssue> {
    let Some(value) = value.filter(|value| !is_placeholder(value)) else {
        return Err(issues::missing("unit_price"));
    };

    let number = cells::number(value, PRICE_COLUMN)?;
    warnings.extend(number.rounded);
    if number.value.is_zero() {
        warnings.push(issues::zero_price());
    }
    Ok(number.value)
}

/// Text of a group heading, read leniently: a heading is only reported.
fn loose_text(value: Option<&Data>, fold: bool) -> String {
    let text = cells::text(value, "code")
        .ok()
        .flatten()
        .unwrap_or_default();
    if fold {
        cells::fold_whitespace(&text)
    } else {
        text.trim().to_owned()
    }
}

fn with_error<T>(outcome: RowOutcome<T>, issue: RowIssue) -> RowOutcome<T> {
    match outcome {
        RowOutcome::Invalid(mut errors) => {
            errors.push(issue);
            RowOutcome::Invalid(errors)
        }
        _ => RowOutcome::Invalid(vec![issue]),
    }
}
