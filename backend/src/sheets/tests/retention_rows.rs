//! The retention importer's rules, each on a workbook written here.

use shared::dto::{RetentionBase, RetentionKind};

use super::super::{RetentionRow, RetentionValues, RowOutcome, read_retentions};
use super::C::{Blank, N, T};
use super::{C, codes, dec, xlsx};

fn retentions(header: &[C], rows: &[&[C]]) -> Vec<RetentionRow> {
    let mut all: Vec<&[C]> = vec![header];
    all.extend_from_slice(rows);
    read_retentions(&xlsx(&all), "retenciones.xlsx")
        .unwrap()
        .rows
}

const HEADER: [C<'static>; 4] = [T("Nombre"), T("Tipo"), T("Valor"), T("Base")];

fn values(row: &RetentionRow) -> &RetentionValues {
    match &row.outcome {
        RowOutcome::Parsed(values) => values,
        other => panic!("row {} is not parsed: {other:?}", row.row),
    }
}

fn error_codes(row: &RetentionRow) -> Vec<(&'static str, &'static str)> {
    match &row.outcome {
        RowOutcome::Invalid(errors) => codes(errors),
        other => panic!("row {} is not invalid: {other:?}", row.row),
    }
}

#[test]
fn kinds_are_read_in_spanish_or_english_without_regard_to_case_or_accents() {
    let kinds = [
        ("Porcentaje", RetentionKind::Percentage),
        ("PERCENTAGE", RetentionKind::Percentage),
        ("%", RetentionKind::Percentage),
        ("Monto", RetentionKind::Fixed),
        ("importe", RetentionKind::Fixed),
        ("Fijo", RetentionKind::Fixed),
        ("fixed", RetentionKind::Fixed),
        ("Amount", RetentionKind::Fixed),
    ];

    for (kind, expected) in kinds {
        let rows = retentions(&HEADER, &[&[T("Fondo"), T(kind), N(5.0)]]);
        assert_eq!(values(&rows[0]).kind, expected, "{kind:?}");
    }
}

#[test]
fn percentages_take_a_percent_sign_and_stop_at_100() {
    let rows = retentions(
        &HEADER,
        &[
            &[T("Uno"), T("porcentaje"), T("5 %")],
            &[T("Dos"), T("porcentaje"), T("0.5%")],
            &[T("Tres"), T("porcentaje"), N(120.0)],
            &[T("Cuatro"), T("porcentaje"), N(0.123456)],
        ],
    );

    assert_eq!(values(&rows[0]).value, dec("5"));
    assert_eq!(values(&rows[1]).value, dec("0.5"));
    assert_eq!(error_codes(&rows[2]), [("value", "more_than_100")]);
    assert_eq!(values(&rows[3]).value, dec("0.1235"));
    assert_eq!(
        codes(&rows[3].warnings),
        [("value", "too_many_decimals_rounded")]
    );
}

#[test]
fn fixed_amounts_are_money() {
    let rows = retentions(
        &HEADER,
        &[
            &[T("Uno"), T("monto"), T("$1,250.00")],
            &[T("Dos"), T("monto"), N(10.005)],
            &[T("Tres"), T("monto"), N(250_000.0)],
        ],
    );

    assert_eq!(values(&rows[0]).value, dec("1250"));
    assert_eq!(values(&rows[1]).value, dec("10.01"));
    assert_eq!(
        codes(&rows[1].warnings),
        [("value", "too_many_decimals_rounded")]
    );
    assert_eq!(values(&rows[2]).value, dec("250000"));
}

#[test]
fn bases_default_to_gross() {
    let rows = retentions(
        &HEADER,
        &[
            &[T("Uno"), T("porcentaje"), N(5.0), T("Importe bruto")],
            &[T("Dos"), T("porcentaje"), N(5.0), T("SUBTOTAL")],
            &[T("Tres"), T("porcentaje"), N(5.0), Blank],
            &[T("Cuatro"), T("porcentaje"), N(5.0), T("neto")],
        ],
    );

    assert_eq!(values(&rows[0]).base, RetentionBase::Gross);
    assert_eq!(values(&rows[1]).base, RetentionBase::Subtotal);
    assert_eq!(values(&rows[2]).base, RetentionBase::Gross);
    assert_eq!(error_codes(&rows[3]), [("base", "unknown_base")]);
}

#[test]
fn unknown_kinds_and_missing_cells_are_all_reported() {
    let rows = retentions(
        &HEADER,
        &[
            &[T("Fondo"), T("variable"), T("cinco")],
            &[Blank, Blank, N(5.0)],
        ],
    );

    assert_eq!(
        error_codes(&rows[0]),
        [("kind", "unknown_kind"), ("value", "not_a_number")]
    );
    assert_eq!(
        error_codes(&rows[1]),
        [("name", "missing"), ("kind", "missing")]
    );
}

#[test]
fn other_titles_and_no_base_column_are_understood() {
    let header = [T("Retención"), T("Type"), T("%")];

    let rows = retentions(&header, &[&[T("5 al millar"), T("porcentaje"), N(0.5)]]);

    let expected = RetentionValues {
        name: "5 al millar".to_owned(),
        kind: RetentionKind::Percentage,
        base: RetentionBase::Gross,
        value: dec("0.5"),
    };
    assert_eq!(values(&rows[0]), &expected);
}
