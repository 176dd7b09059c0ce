//! One cell to a text or a decimal, the way a person meant it: numbers typed as text with
//! thousands separators and `$`, real numbers carrying binary noise, codes with leading zeros.

use std::str::FromStr;

use calamine::Data;
use rust_decimal::{Decimal, RoundingStrategy};
use shared::validate::{DecimalShape, has_control_characters};

use super::RowIssue;
use super::issues;

/// Whether a cell holds nothing a person would call a value.
pub(super) fn is_blank(value: &Data) -> bool {
    match value {
        Data::Empty => true,
        Data::String(text) => text.trim().is_empty(),
        _ => false,
    }
}

/// The text of a cell of a text column, untrimmed; `None` when blank. A number becomes its
/// shortest decimal form: 7.0 is "7", so a code typed as a number does not gain a ".0".
pub(super) fn text(value: Option<&Data>, field: &'static str) -> Result<Option<String>, RowIssue> {
    let Some(value) = value.filter(|value| !is_blank(value)) else {
        return Ok(None);
    };

    match value {
        Data::String(text) => Ok(Some(text.clone())),
        Data::Float(number) => Ok(Some(format!("{number}"))),
        Data::Int(number) => Ok(Some(number.to_string())),
        Data::Bool(flag) => Ok(Some(if *flag { "TRUE" } else { "FALSE" }.to_owned())),
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => {
            Err(issues::date_in_text_column(field, &value.to_string()))
        }
        Data::Error(error) => Err(issues::error_value(field, &error.to_string())),
        Data::Empty => Ok(None),
    }
}

/// Folds line breaks, tabs and runs of spaces (also `_x000D_` escapes a reader left behind)
/// into single spaces, and trims.
pub(super) fn fold_whitespace(text: &str) -> String {
    let text = text.replace("_x000D_", " ").replace("_x000d_", " ");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A text cell that must be filled: trimmed (folded too when `fold`), at most `max`
/// characters, and free of control characters (PostgreSQL refuses NUL).
pub(super) fn required_text(
    value: Option<&Data>,
    field: &'static str,
    max: usize,
    fold: bool,
) -> Result<String, RowIssue> {
    let Some(raw) = text(value, field)? else {
        return Err(issues::missing(field));
    };

    let text = if fold {
        fold_whitespace(&raw)
    } else {
        raw.trim().to_owned()
    };
    if has_control_characters(&text) {
        return Err(issues::control_characters(field));
    }
    let length = text.chars().count();
    if length > max {
        return Err(issues::too_long(field, length, max));
    }
    Ok(text)
}

/// How one decimal column is read.
#[derive(Debug, Clone, Copy)]
pub(super) struct NumberColumn {
    pub field: &'static str,
    pub shape: DecimalShape,
    /// Accept a trailing `%`, as in "5 %".
    pub percent_sign: bool,
}

/// A decimal read from a cell: at most the column's decimals, without trailing zeros.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Number {
    pub value: Decimal,
    /// Set when the cell had more decimals than the column keeps.
    pub rounded: Option<RowIssue>,
}

/// Reads a filled cell of a decimal column.
pub(super) fn number(value: &Data, column: NumberColumn) -> Result<Number, RowIssue> {
    let field = column.field;
    let (exact, shown, from_float) = match value {
        Data::Float(number) => (decimal_from_f64(*number), format!("{number}"), true),
        Data::Int(number) => (Some(Decimal::from(*number)), number.to_string(), false),
        Data::String(text) => (
            parse_text(text, column.percent_sign),
            text.trim().to_owned(),
            false,
        ),
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => {
            return Err(issues::date_in_number_column(field, &value.to_string()));
        }
        Data::Error(error) => return Err(issues::error_value(field, &error.to_string())),
        Data::Bool(_) | Data::Empty => (None, value.to_string(), false),
    };
    let Some(exact) = exact else {
        return Err(not_a_number_or_too_large(value, field, &shown));
    };

    check_range(exact, column, &shown)?;
    Ok(round(exact, column, &shown, from_float))
}

fn not_a_number_or_too_large(value: &Data, field: &'static str, shown: &str) -> RowIssue {
    match value {
        Data::Float(number) if number.is_finite() => issues::too_large(field, shown),
        _ => issues::not_a_number(field, shown),
    }
}

fn check_range(exact: Decimal, column: NumberColumn, shown: &str) -> Result<(), RowIssue> {
    if exact.is_sign_negative() && !exact.is_zero() {
        return Err(issues::negative(column.field, shown));
    }

    let integer_digits = match exact.trunc() {
        whole if whole.is_zero() => 0,
        whole => whole.abs().to_string().len() as u32,
    };
    if integer_digits > column.shape.integer_digits {
        return Err(issues::too_large(column.field, shown));
    }

    match column.shape.max {
        Some(max) if exact > max => Err(issues::more_than(column.field, shown, max)),
        _ => Ok(()),
    }
}

fn round(exact: Decimal, column: NumberColumn, shown: &str, from_float: bool) -> Number {
    let mut value =
        exact.round_dp_with_strategy(column.shape.scale, RoundingStrategy::MidpointAwayFromZero);
    let changed = value != exact && !(from_float && is_float_noise(exact, value));
    let rounded = changed.then(|| issues::rounded(column.field, shown, value));

    // Trailing zeros say nothing about the value ("4,850.00" is 4850), and "-0" is zero.
    value = value.normalize();
    if value.is_zero() {
        value = Decimal::ZERO;
    }
    Number { value, rounded }
}

/// Whether rounding only removed what binary floating point added (0.1 + 0.2 gives
/// 0.30000000000000004), rather than decimals someone typed.
fn is_float_noise(exact: Decimal, rounded: Decimal) -> bool {
    (exact - rounded).abs() <= exact.abs() * Decimal::new(1, 14)
}

/// The f64 as the shortest decimal that reads back as the same f64: what the spreadsheet
/// program shows, not the binary expansion (2.675 stays 2.675, not 2.67499999…).
fn decimal_from_f64(number: f64) -> Option<Decimal> {
    if !number.is_finite() {
        return None;
    }
    // Display never uses exponents; far below a column's scale is zero for every purpose.
    if number.abs() < 1e-20 {
        return Some(Decimal::ZERO);
    }
    Decimal::from_str(&format!("{number}")).ok()
}

/// Reads a number typed as text: "4,850.00", "$ 48.30", "1.234,56", "12,5", "5 %".
///
/// With both ',' and '.', the last one is the decimal separator. With only commas, they
/// are thousands separators when every group after one has three digits (Mexico writes
/// 1,234 for one thousand two hundred thirty-four), else the comma is the decimal point.
pub(super) fn parse_text(text: &str, percent_sign: bool) -> Option<Decimal> {
    let mut text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    text = text.replace('$', "");
    for currency in ["MXN", "mxn", "Mxn"] {
        text = text.replace(currency, "");
    }
    if percent_sign && text.ends_with('%') {
        text.pop();
    }

    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text.as_str()),
    };
    let plain = without_separators(digits)?;

    let well_formed = plain.chars().any(|c| c.is_ascii_digit())
        && plain.chars().all(|c| c.is_ascii_digit() || c == '.');
    let value = Decimal::from_str(&plain).ok().filter(|_| well_formed)?;
    Some(if negative { -value } else { value })
}

/// The digits with thousands separators removed and '.' as the decimal point.
fn without_separators(digits: &str) -> Option<String> {
    let decimal = match (digits.rfind(','), digits.rfind('.')) {
        (Some(comma), Some(point)) if comma > point => ',',
        (Some(_), Some(_)) => '.',
        (Some(_), None) => return Some(single_separator(digits, ',')),
        (None, Some(_)) => return Some(single_separator(digits, '.')),
        (None, None) => return Some(digits.to_owned()),
    };

    let thousands = if decimal == ',' { '.' } else { ',' };
    let (integer, fraction) = digits.rsplit_once(decimal)?;
    if !in_groups_of_three(integer, thousands) {
        return None;
    }
    Some(format!("{}.{fraction}", integer.replace(thousands, "")))
}

/// Only one kind of separator. Commas are thousands separators when they group digits in
/// threes (but not after a lone zero, as in "0,500"); points only when there are several,
/// as in "1.234.567". Otherwise the separator is the decimal point.
fn single_separator(digits: &str, separator: char) -> String {
    let several = digits.matches(separator).count() > 1;
    let thousands = (separator == ',' || several)
        && in_groups_of_three(digits, separator)
        && !digits.starts_with('0');

    if thousands {
        digits.replace(separator, "")
    } else {
        digits.replace(separator, ".")
    }
}

fn in_groups_of_three(integer: &str, separator: char) -> bool {
    let mut groups = integer.split(separator);
    let first = groups.next().unwrap_or_default();
    (1..=3).contains(&first.len()) && groups.all(|group| group.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn numbers_typed_as_text_are_read_the_way_they_are_written() {
        let cases = [
            ("4,850.00", "4850"),
            ("$ 48.30", "48.3"),
            ("$1,234,567.89", "1234567.89"),
            ("1.234,56", "1234.56"),
            ("12,5", "12.5"),
            (" 120 ", "120"),
            ("1,234", "1234"),
            ("0,500", "0.5"),
            ("1.234.567", "1234567"),
            ("\u{a0}2\u{a0}500.75 MXN", "2500.75"),
            ("-3", "-3"),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_text(text, false), Some(dec(expected)), "{text:?}");
        }
    }

    #[test]
    fn text_that_is_not_a_number_is_refused() {
        for text in ["", "N/A", "-", "abc", "1,2,3", "1e3", "12.5.6,7", "5 %"] {
            assert_eq!(parse_text(text, false), None, "{text:?}");
        }
        assert_eq!(parse_text("5 %", true), Some(dec("5")));
    }

    #[test]
    fn floats_go_through_their_shortest_decimal_form() {
        assert_eq!(decimal_from_f64(2.675), Some(dec("2.675")));
        assert_eq!(decimal_from_f64(1e-7), Some(dec("0.0000001")));
        assert_eq!(decimal_from_f64(1e21), Some(dec("1000000000000000000000")));
        assert_eq!(decimal_from_f64(1e300), None);
        assert_eq!(decimal_from_f64(1e-30), Some(Decimal::ZERO));
    }

    #[test]
    fn folding_leaves_single_spaces() {
        let text = "  Tubo\r\nde  ½\"\t Ø_x000D_ 2 m² ";
        assert_eq!(fold_whitespace(text), "Tubo de ½\" Ø 2 m²");
    }
}
