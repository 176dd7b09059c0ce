//! Field checks that the server enforces and the browser runs before sending, so a form
//! shows the same message the API would answer with.
//!
//! A [`Checks`] collects every fault of a request instead of stopping at the first, so one
//! answer names all the fields to fix.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::problem::FieldError;

/// Longest texts the database keeps, in characters.
pub mod limits {
    pub const NAME: usize = 200;
    pub const LEGAL_NAME: usize = 300;
    pub const TAX_ID: usize = 20;
    pub const ADDRESS: usize = 500;
    pub const POSITION: usize = 200;
    pub const EMAIL: usize = 254;
    pub const PHONE: usize = 40;
    pub const UNIT_NAME: usize = 30;
    pub const UNIT_DESCRIPTION: usize = 200;
    pub const CONTRACT_CODE: usize = 60;
    pub const CONTRACT_NAME: usize = 500;
    pub const SHORT_NAME: usize = 80;
    pub const CONCEPT_CODE: usize = 40;
    pub const CONCEPT_DESCRIPTION: usize = 4000;
}

/// How a decimal field is stored: digits after the point, and digits before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecimalShape {
    pub scale: u32,
    pub integer_digits: u32,
    /// Largest value allowed, e.g. 100 for a percentage.
    pub max: Option<Decimal>,
}

/// Money amounts and unit prices: cents, up to 99,999,999,999,999.99.
pub const MONEY: DecimalShape = DecimalShape {
    scale: 2,
    integer_digits: 14,
    max: None,
};

/// Quantities of concepts and estimates: four decimals.
pub const QUANTITY: DecimalShape = DecimalShape {
    scale: 4,
    integer_digits: 14,
    max: None,
};

/// Percentages (advance, tax rate, retentions): 0 to 100 with four decimals.
pub const PERCENT: DecimalShape = DecimalShape {
    scale: 4,
    integer_digits: 3,
    max: Some(Decimal::ONE_HUNDRED),
};

/// The faults found so far in one request.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Checks {
    pub errors: Vec<FieldError>,
}

impl Checks {
    pub fn new() -> Checks {
        Checks::default()
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn fail(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.errors.push(FieldError {
            field: field.into(),
            message: message.into(),
        });
    }

    /// A text that must not be blank; returns it trimmed.
    pub fn required(&mut self, field: &str, value: &str, max: usize) -> String {
        let value = value.trim();
        if value.is_empty() {
            self.fail(field, "type a value; it cannot be empty");
        } else {
            self.max_length(field, value, max);
        }
        value.to_owned()
    }

    /// A text that may be blank; returns it trimmed.
    pub fn optional(&mut self, field: &str, value: &str, max: usize) -> String {
        let value = value.trim();
        self.max_length(field, value, max);
        value.to_owned()
    }

    fn max_length(&mut self, field: &str, value: &str, max: usize) {
        if has_control_characters(value) {
            self.fail(
                field,
                "remove the control characters (such as NUL) from the text; only line \
                 breaks and tabs are kept",
            );
            return;
        }
        let length = value.chars().count();
        if length > max {
            self.fail(
                field,
                format!("takes up to {max} characters and has {length}; shorten it"),
            );
        }
    }

    /// A decimal sent as text ("1234.56"), zero or more, that fits `shape`.
    pub fn decimal(&mut self, field: &str, text: &str, shape: DecimalShape) -> Option<Decimal> {
        match parse_decimal(text, shape) {
            Ok(value) => Some(value),
            Err(message) => {
                self.fail(field, message);
                None
            }
        }
    }

    /// `Ok(())` when nothing was found, else the faults.
    pub fn finish(self) -> Result<(), Vec<FieldError>> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }
}

/// Whether `text` holds control characters other than line breaks and tabs: PostgreSQL
/// refuses NUL, and none of them belongs in a name or a description.
pub fn has_control_characters(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// Reads a non-negative decimal written with a point ("1234.56"), as the API takes it.
///
/// Thousands separators, signs and exponents are refused rather than guessed at: the API is
/// exact, and spreadsheet import has its own, lenient reader.
pub fn parse_decimal(text: &str, shape: DecimalShape) -> Result<Decimal, String> {
    let text = text.trim();
    let well_formed = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        && text.chars().filter(|c| *c == '.').count() <= 1;
    let value = match Decimal::from_str(text) {
        Ok(value) if well_formed => value,
        _ => return Err(format!("«{text}» is not a number; write it like 1234.56")),
    };

    if value.is_sign_negative() && !value.is_zero() {
        return Err("cannot be negative".to_owned());
    }
    let value = value.normalize();
    if value.scale() > shape.scale {
        return Err(format!(
            "takes up to {} decimals; round the value",
            shape.scale
        ));
    }
    if let Some(max) = shape.max.filter(|max| value > *max) {
        return Err(format!("cannot be more than {max}"));
    }
    let integer_digits = value
        .trunc()
        .abs()
        .to_string()
        .trim_start_matches('0')
        .len();
    if integer_digits as u32 > shape.integer_digits {
        return Err(format!(
            "takes up to {} digits before the point",
            shape.integer_digits
        ));
    }

    let mut value = value.abs();
    value.rescale(shape.scale);
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn decimals_are_read_exactly_at_their_scale() {
        assert_eq!(parse_decimal("2.675", QUANTITY), Ok(dec("2.6750")));
        assert_eq!(parse_decimal(" 1234.5 ", MONEY), Ok(dec("1234.50")));
        assert_eq!(parse_decimal("0", MONEY).unwrap().to_string(), "0.00");
        assert_eq!(parse_decimal("-0", MONEY).unwrap().to_string(), "0.00");
        assert_eq!(parse_decimal("100", PERCENT), Ok(dec("100")));
    }

    #[test]
    fn what_is_not_a_plain_non_negative_decimal_is_refused() {
        for text in ["", "abc", "1,234.50", "1e3", "1.2.3", "$5", "+5"] {
            assert!(parse_decimal(text, MONEY).is_err(), "{text:?}");
        }
        assert_eq!(
            parse_decimal("-3", QUANTITY),
            Err("cannot be negative".to_owned())
        );
        assert!(
            parse_decimal("1.005", MONEY)
                .unwrap_err()
                .contains("decimals")
        );
        assert!(
            parse_decimal("100.01", PERCENT)
                .unwrap_err()
                .contains("100")
        );
        assert!(parse_decimal("123456789012345", MONEY).is_err());
        assert!(parse_decimal("12345678901234", MONEY).is_ok());
    }

    #[test]
    fn trailing_zeros_do_not_count_as_decimals() {
        assert_eq!(parse_decimal("12.500000", MONEY), Ok(dec("12.50")));
    }

    #[test]
    fn checks_collect_every_fault() {
        let mut checks = Checks::new();
        let name = checks.required("name", "   ", limits::NAME);
        checks.optional("tax_id", &"X".repeat(21), limits::TAX_ID);
        checks.decimal("amount", "-1", MONEY);

        let errors = checks.finish().unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "tax_id", "amount"]);
        assert_eq!(name, "");
    }

    #[test]
    fn control_characters_are_refused_but_line_breaks_kept() {
        let mut checks = Checks::new();
        checks.required("name", "a\u{0}b", limits::NAME);
        checks.optional("notes", "uno\ndos\tcon\r\n", limits::NAME);
        checks.optional("label", "campana\u{7}", limits::NAME);

        let fields: Vec<_> = checks.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "label"]);
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        let mut checks = Checks::new();
        checks.required("name", &"ñ".repeat(200), limits::NAME);
        assert!(checks.is_empty());
    }
}
