//! How numbers and dates are written for people: Mexican style, `$1,234.56`, `9,800.00`,
//! `0.5 %`, `3 de diciembre de 2026`. The SPA and the PDFs print through these, so a figure
//! reads the same on screen and on paper.

use chrono::{Datelike, NaiveDate};

use crate::money::round_money;
use rust_decimal::Decimal;

/// An amount of money rounded to cents, with thousands separators: `$499,829.13`.
pub fn money(amount: Decimal) -> String {
    let rounded = round_money(amount).to_string();
    let (sign, digits) = match rounded.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", rounded.as_str()),
    };
    let (whole, cents) = digits.split_once('.').unwrap_or((digits, "00"));
    format!("{sign}${}.{cents}", group_thousands(whole))
}

/// A quantity with thousands separators and the decimals it has, at least two:
/// `9,800.00`, `20.333`. Trailing zeros the database pads with are dropped.
pub fn quantity(value: Decimal) -> String {
    let mut value = value.normalize();
    if value.scale() < 2 {
        value.rescale(2);
    }
    let text = value.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", text.as_str()),
    };
    match digits.split_once('.') {
        Some((whole, decimals)) => format!("{sign}{}.{decimals}", group_thousands(whole)),
        None => format!("{sign}{}", group_thousands(digits)),
    }
}

/// A percentage without padding zeros: `30 %`, `0.5 %`.
pub fn percent(value: Decimal) -> String {
    format!("{} %", value.normalize())
}

const MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// A date as Spanish prose: `3 de diciembre de 2026`.
pub fn long_date(date: NaiveDate) -> String {
    let month = MONTHS[date.month0() as usize];
    format!("{} de {month} de {}", date.day(), date.year())
}

/// A period of two dates: `del 1 al 15 de marzo de 2026`, naming month and year only
/// where they change.
pub fn period(start: NaiveDate, end: NaiveDate) -> String {
    let month = |date: NaiveDate| MONTHS[date.month0() as usize];
    if start.year() != end.year() {
        format!("del {} al {}", long_date(start), long_date(end))
    } else if start.month() != end.month() {
        let year = end.year();
        let (from, to) = (start.day(), end.day());
        format!(
            "del {from} de {} al {to} de {} de {year}",
            month(start),
            month(end)
        )
    } else {
        let (from, to) = (start.day(), end.day());
        format!("del {from} al {to} de {} de {}", month(end), end.year())
    }
}

fn group_thousands(whole: &str) -> String {
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn money_has_thousands_separators_and_cents() {
        assert_eq!(money(dec("499829.13")), "$499,829.13");
        assert_eq!(money(dec("1000")), "$1,000.00");
        assert_eq!(money(dec("999.995")), "$1,000.00");
        assert_eq!(money(dec("12.5")), "$12.50");
        assert_eq!(money(dec("0")), "$0.00");
    }

    #[test]
    fn quantities_keep_their_decimals_but_not_the_padding() {
        assert_eq!(quantity(dec("9800.0000")), "9,800.00");
        assert_eq!(quantity(dec("20.3330")), "20.333");
        assert_eq!(quantity(dec("0")), "0.00");
        assert_eq!(quantity(dec("-1234.5")), "-1,234.50");
    }

    #[test]
    fn percentages_drop_padding_zeros() {
        assert_eq!(percent(dec("30.0000")), "30 %");
        assert_eq!(percent(dec("0.5000")), "0.5 %");
    }

    #[test]
    fn dates_read_as_spanish_prose() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(long_date(date(2026, 12, 3)), "3 de diciembre de 2026");
        assert_eq!(
            period(date(2026, 3, 1), date(2026, 3, 15)),
            "del 1 al 15 de marzo de 2026"
        );
        assert_eq!(
            period(date(2026, 2, 16), date(2026, 3, 15)),
            "del 16 de febrero al 15 de marzo de 2026"
        );
        assert_eq!(
            period(date(2025, 12, 16), date(2026, 1, 15)),
            "del 16 de diciembre de 2025 al 15 de enero de 2026"
        );
    }

    #[test]
    fn negative_money_keeps_its_sign_in_front() {
        assert_eq!(money(dec("-973.88")), "-$973.88");
        assert_eq!(money(dec("-1234567.891")), "-$1,234,567.89");
    }
}
