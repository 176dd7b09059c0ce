//! One rule of the catalog importer per test, each on a workbook written here.

use rust_decimal::Decimal;

use super::super::{RowOutcome, read_concepts};
use super::C::{Blank, Date, Error, N, T};
use super::{catalog, codes, dec, errors, one_row, parsed, xlsx};

#[test]
fn numbers_stored_as_text_are_read_as_written() {
    let cases = [
        ("4,850.00", "$ 48.30", "4850", "48.30"),
        ("1.234,56", "$1,234,567.89", "1234.56", "1234567.89"),
        ("12,5", " 120 ", "12.5", "120"),
        ("1,234", "\u{a0}98.10\u{a0}", "1234", "98.1"),
    ];

    for (quantity, price, expected_quantity, expected_price) in cases {
        let row = one_row(&[T("A1"), T("Concepto"), T("m2"), T(quantity), T(price)]);

        let values = parsed(&row);
        assert_eq!(values.quantity, dec(expected_quantity), "{quantity:?}");
        assert_eq!(values.unit_price, dec(expected_price), "{price:?}");
        assert!(row.warnings.is_empty(), "{:?}", row.warnings);
    }
}

#[test]
fn a_quantity_typed_as_2_675_imports_as_exactly_2_675() {
    let row = one_row(&[T("A1"), T("Concepto"), T("m3"), N(2.675), N(10.0)]);

    let quantity = parsed(&row).quantity;
    assert_eq!(quantity.to_string(), "2.675");
    assert_eq!(quantity.scale(), 3);
    assert!(row.warnings.is_empty());
}

#[test]
fn binary_noise_is_dropped_silently_but_typed_decimals_are_rounded_with_a_warning() {
    let noise = 0.1 + 0.2;
    let rows = catalog(&[
        &[T("A1"), T("Uno"), T("m"), N(noise), N(noise)],
        &[T("A2"), T("Dos"), T("m"), N(12.618328720000001), N(48.305)],
        &[T("A3"), T("Tres"), T("m"), T("1.23456"), T("1.999")],
    ])
    .rows;

    assert_eq!(parsed(&rows[0]).quantity, dec("0.3"));
    assert_eq!(parsed(&rows[0]).unit_price, dec("0.3"));
    assert!(rows[0].warnings.is_empty(), "{:?}", rows[0].warnings);

    assert_eq!(parsed(&rows[1]).quantity, dec("12.6183"));
    assert_eq!(parsed(&rows[1]).unit_price, dec("48.31"));
    let rounded = [
        ("quantity", "too_many_decimals_rounded"),
        ("unit_price", "too_many_decimals_rounded"),
    ];
    assert_eq!(codes(&rows[1].warnings), rounded);
    assert!(rows[1].warnings[0].message.contains("12.6183"));

    assert_eq!(parsed(&rows[2]).quantity, dec("1.2346"));
    assert_eq!(parsed(&rows[2]).unit_price, dec("2.00"));
    assert_eq!(codes(&rows[2].warnings), rounded);
}

#[test]
fn negative_numbers_and_text_that_is_no_number_are_errors() {
    let row = one_row(&[T("A1"), T("Concepto"), T("m"), N(-3.0), T("doce pesos")]);

    assert_eq!(
        codes(errors(&row)),
        [("quantity", "negative"), ("unit_price", "not_a_number")]
    );
    assert!(errors(&row)[1].message.contains("«doce pesos»"));
}

#[test]
fn huge_numbers_are_too_large() {
    let row = one_row(&[T("A1"), T("Concepto"), T("m"), N(1e21), N(1e300)]);

    assert_eq!(
        codes(errors(&row)),
        [("quantity", "too_large"), ("unit_price", "too_large")]
    );
}

#[test]
fn a_date_in_a_number_column_says_to_format_it_as_a_number() {
    let row = one_row(&[T("A1"), T("Concepto"), T("m"), Date(45000.0), Date(44197.0)]);

    let issues = errors(&row);
    assert_eq!(
        codes(issues),
        [
            ("quantity", "date_in_number_column"),
            ("unit_price", "date_in_number_column")
        ]
    );
    assert!(issues[0].message.contains("formatted as a date"));
    assert!(issues[0].message.contains("format the cell as a number"));
}

#[test]
fn error_cells_are_reported_with_their_error() {
    let row = one_row(&[
        T("A1"),
        T("Concepto"),
        T("m"),
        Error("#N/A"),
        Error("#DIV/0!"),
    ]);

    let issues = errors(&row);
    assert_eq!(
        codes(issues),
        [("quantity", "error_value"), ("unit_price", "error_value")]
    );
    assert!(issues[1].message.contains("#DIV/0!"));
}

#[test]
fn codes_keep_leading_zeros_and_numbers_lose_no_digits() {
    let rows = catalog(&[
        &[T("007"), T("Uno"), T("m"), N(1.0), N(1.0)],
        &[N(7.0), T("Dos"), T("m"), N(1.0), N(1.0)],
        &[N(1.5), T("Tres"), T("m"), N(1.0), N(1.0)],
        &[T("  AF-12 "), T("Cuatro"), T("m"), N(1.0), N(1.0)],
        &[
            T("-8086931554011838357"),
            T("Cinco"),
            T("m"),
            N(1.0),
            N(1.0),
        ],
    ])
    .rows;

    let codes: Vec<&str> = rows.iter().map(|row| parsed(row).code.as_str()).collect();
    assert_eq!(codes, ["007", "7", "1.5", "AF-12", "-8086931554011838357"]);
}

#[test]
fn descriptions_are_folded_and_units_trimmed_keeping_case() {
    let description = "  Tubo de PVC\r\nde ½\"  Ø\t\tclase 7,\n\n m²  ";
    let row = one_row(&[T("A1"), T(description), T("  M3 "), N(1.0), N(1.0)]);

    let values = parsed(&row);
    assert_eq!(values.description, "Tubo de PVC de ½\" Ø clase 7, m²");
    assert_eq!(values.unit, "M3");
}

#[test]
fn headings_of_a_hierarchical_catalog_are_groups() {
    let rows = catalog(&[
        &[
            T("AF"),
            T("Trazo y nivelación."),
            T("N/A"),
            T("n/a"),
            T("N/A"),
        ],
        &[T("AF12"), T("Levantamientos."), Blank, Blank, Blank],
        &[T("AF13"), T("Trazos."), T("-"), Blank, T("-")],
        &[Blank, T("PRELIMINARES"), Blank, Blank, Blank],
    ])
    .rows;

    let group = |code: &str, description: &str| RowOutcome::Group {
        code: code.to_owned(),
        description: description.to_owned(),
    };
    assert_eq!(rows[0].outcome, group("AF", "Trazo y nivelación."));
    assert_eq!(rows[1].outcome, group("AF12", "Levantamientos."));
    assert_eq!(rows[2].outcome, group("AF13", "Trazos."));
    assert_eq!(rows[3].outcome, group("", "PRELIMINARES"));
}

#[test]
fn a_unit_without_a_price_is_an_error_and_a_zero_price_a_warning() {
    let rows = catalog(&[
        &[
            T("BK14"),
            T("Desmontaje de tubos."),
            T("pieza"),
            Blank,
            Blank,
        ],
        &[
            T("BK15"),
            T("Desmontaje de cancel."),
            T("pieza"),
            N(3.0),
            T("N/A"),
        ],
        &[T("BK16"), T("Desmantelamiento."), T("m2"), N(3.0), N(0.0)],
    ])
    .rows;

    assert_eq!(codes(errors(&rows[0])), [("unit_price", "missing")]);
    assert_eq!(codes(errors(&rows[1])), [("unit_price", "missing")]);
    assert_eq!(parsed(&rows[2]).unit_price, Decimal::ZERO);
    assert_eq!(codes(&rows[2].warnings), [("unit_price", "zero_price")]);
}

#[test]
fn missing_texts_are_all_reported_at_once() {
    let row = one_row(&[Blank, Blank, Blank, N(1.0), N(5.0)]);

    assert_eq!(
        codes(errors(&row)),
        [
            ("code", "missing"),
            ("description", "missing"),
            ("unit", "missing")
        ]
    );
}

#[test]
fn texts_over_the_database_limits_are_too_long() {
    let code = "C".repeat(41);
    let description = "d".repeat(4001);
    let unit = "u".repeat(31);
    let row = one_row(&[T(&code), T(&description), T(&unit), N(1.0), N(5.0)]);

    assert_eq!(
        codes(errors(&row)),
        [
            ("code", "too_long"),
            ("description", "too_long"),
            ("unit", "too_long")
        ]
    );
    assert!(errors(&row)[0].message.contains("41 characters"));
}

#[test]
fn texts_at_the_limits_are_accepted() {
    let code = "Ñ".repeat(40);
    let row = one_row(&[
        T(&code),
        T(&"d".repeat(4000)),
        T(&"u".repeat(30)),
        N(1.0),
        N(5.0),
    ]);

    assert_eq!(parsed(&row).code, code);
}

#[test]
fn control_characters_are_refused() {
    let row = one_row(&[
        T("A1"),
        T("Campana\u{7} extractora"),
        T("pza"),
        N(1.0),
        N(5.0),
    ]);

    assert_eq!(codes(errors(&row)), [("description", "control_characters")]);
}

#[test]
fn a_repeated_code_is_an_error_on_the_later_row_naming_the_earlier() {
    let rows = catalog(&[
        &[T("AF12"), T("Uno"), T("m"), N(1.0), N(1.0)],
        &[T("AF13"), T("Dos"), T("m"), N(1.0), N(1.0)],
        &[T("af12"), T("Tres"), T("m"), N(1.0), N(1.0)],
        &[T("AF12"), T("Cuatro"), T("m"), N(1.0), Blank],
    ])
    .rows;

    parsed(&rows[0]);
    parsed(&rows[1]);
    assert_eq!(codes(errors(&rows[2])), [("code", "duplicate_code")]);
    assert_eq!(
        errors(&rows[2])[0].message,
        "code «af12» is also on row 2; codes must be unique in a catalog"
    );
    assert_eq!(
        codes(errors(&rows[3])),
        [("unit_price", "missing"), ("code", "duplicate_code")]
    );
}

#[test]
fn a_unit_price_catalog_without_quantities_reads_every_quantity_as_zero() {
    let header = [C_CODE, C_DESCRIPTION, C_UNIT, C_PRICE];
    let bytes = xlsx(&[&header, &[T("A1"), T("Uno"), T("m"), N(12.5)]]);

    let sheet = read_concepts(&bytes, "precios.xlsx").unwrap();

    assert!(!sheet.has_quantity_column);
    assert_eq!(parsed(&sheet.rows[0]).quantity, Decimal::ZERO);
    assert!(sheet.rows[0].warnings.is_empty());
}

#[test]
fn an_empty_quantity_reads_as_zero_with_a_warning() {
    let row = one_row(&[T("A1"), T("Uno"), T("m"), Blank, N(12.5)]);

    assert_eq!(parsed(&row).quantity, Decimal::ZERO);
    assert_eq!(codes(&row.warnings), [("quantity", "missing")]);
}

const C_CODE: super::C<'static> = T("Clave");
const C_DESCRIPTION: super::C<'static> = T("Descripción");
const C_UNIT: super::C<'static> = T("Unidad");
const C_PRICE: super::C<'static> = T("P.U.");
