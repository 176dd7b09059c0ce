//! The row issues the importer reports, in one place so that codes stay stable and every
//! message names the cell's value and says what to do.

use rust_decimal::Decimal;

use super::RowIssue;

/// Longest cell value quoted in a message; the rest is cut with "…".
const QUOTE_CHARS: usize = 40;

/// The value of a check, or `None` with its issue added to `errors`: a row reports every
/// fault at once.
pub(super) fn keep<T>(result: Result<T, RowIssue>, errors: &mut Vec<RowIssue>) -> Option<T> {
    result.map_err(|issue| errors.push(issue)).ok()
}

fn issue(field: &'static str, code: &'static str, message: String) -> RowIssue {
    RowIssue {
        field,
        code,
        message,
    }
}

/// How a message names a field.
fn label(field: &'static str) -> &'static str {
    match field {
        "code" => "the code",
        "description" => "the description",
        "unit" => "the unit",
        "quantity" => "the quantity",
        "unit_price" => "the unit price",
        "name" => "the name",
        "kind" => "the kind",
        "value" => "the value",
        "base" => "the base",
        other => other,
    }
}

/// A cell value as quoted in a message, shortened when long.
fn quote(value: &str) -> String {
    let value = value.trim();
    if value.chars().count() <= QUOTE_CHARS {
        return format!("«{value}»");
    }
    let start: String = value.chars().take(QUOTE_CHARS).collect();
    format!("«{start}…»")
}

pub(super) fn missing(field: &'static str) -> RowIssue {
    let what_to_type = match field {
        "code" => "type the concept's code (clave)",
        "description" => "type what the concept is",
        "unit" => "type the unit of measure, such as m2, m3 or pza",
        "unit_price" => "type the price of one unit",
        "name" => "type the retention's name",
        "kind" => "type porcentaje or monto",
        "value" => "type the percentage or the amount",
        _ => "type a value",
    };
    let message = format!("{} is empty; {what_to_type}", label(field));
    issue(field, "missing", message)
}

pub(super) fn not_a_number(field: &'static str, shown: &str) -> RowIssue {
    let message = format!(
        "{} {} is not a number; type it like 1234.56",
        label(field),
        quote(shown)
    );
    issue(field, "not_a_number", message)
}

pub(super) fn negative(field: &'static str, shown: &str) -> RowIssue {
    let message = format!(
        "{} {} is negative; type it without the minus sign",
        label(field),
        quote(shown)
    );
    issue(field, "negative", message)
}

pub(super) fn too_large(field: &'static str, shown: &str) -> RowIssue {
    let message = format!(
        "{} {} is too large (at most 14 digits before the point); check the value",
        label(field),
        quote(shown)
    );
    issue(field, "too_large", message)
}

pub(super) fn more_than(field: &'static str, shown: &str, max: Decimal) -> RowIssue {
    let message = format!(
        "{} {} is more than {max}; a percentage goes from 0 to {max}",
        label(field),
        quote(shown)
    );
    issue(field, "more_than_100", message)
}

pub(super) fn date_in_number_column(field: &'static str, serial: &str) -> RowIssue {
    let message = format!(
        "{} cell is formatted as a date or time (it holds {serial}); format the cell as a \
         number and type the value again",
        label(field)
    );
    issue(field, "date_in_number_column", message)
}

pub(super) fn date_in_text_column(field: &'static str, serial: &str) -> RowIssue {
    let message = format!(
        "{} cell is formatted as a date or time (it holds {serial}); format the cell as \
         text and type the value again",
        label(field)
    );
    issue(field, "date_in_text_column", message)
}

pub(super) fn error_value(field: &'static str, error: &str) -> RowIssue {
    let message = format!(
        "{} cell holds the error {error}; fix the formula or type the value",
        label(field)
    );
    issue(field, "error_value", message)
}

pub(super) fn too_long(field: &'static str, length: usize, max: usize) -> RowIssue {
    let message = format!(
        "{} has {length} characters and takes up to {max}; shorten it",
        label(field)
    );
    issue(field, "too_long", message)
}

pub(super) fn control_characters(field: &'static str) -> RowIssue {
    let message = format!(
        "{} holds control characters (such as NUL); delete them and type the text again",
        label(field)
    );
    issue(field, "control_characters", message)
}

pub(super) fn rounded(field: &'static str, shown: &str, value: Decimal) -> RowIssue {
    let message = format!(
        "{} {} has more decimals than are kept; it was rounded to {value}",
        label(field),
        quote(shown)
    );
    issue(field, "too_many_decimals_rounded", message)
}

pub(super) fn zero_price() -> RowIssue {
    let message = "the unit price is 0; check it, a concept at zero adds nothing to an \
                   estimate"
        .to_owned();
    issue("unit_price", "zero_price", message)
}

pub(super) fn duplicate_code(code: &str, earlier_row: u32) -> RowIssue {
    let message = format!(
        "code {} is also on row {earlier_row}; codes must be unique in a catalog",
        quote(code)
    );
    issue("code", "duplicate_code", message)
}

pub(super) fn unknown_kind(shown: &str) -> RowIssue {
    let message = format!(
        "{} is not a retention kind; write porcentaje (a percentage of the estimate) or \
         monto (a fixed amount)",
        quote(shown)
    );
    issue("kind", "unknown_kind", message)
}

pub(super) fn unknown_base(shown: &str) -> RowIssue {
    let message = format!(
        "{} is not a base for a retention; write bruto (the estimate's gross) or subtotal, \
         or leave it empty for bruto",
        quote(shown)
    );
    issue("base", "unknown_base", message)
}
