//! The fixture workbooks: the project's own catalogs, files that broke spreadsheet readers
//! before (tafia/calamine's test files), and two real Mexican catalogs built from CSV.

use std::path::Path;

use rust_decimal::Decimal;
use shared::dto::RetentionKind;

use super::super::header::ColumnSpec;
use super::super::{ConceptRow, Format, RowOutcome, SheetError};
use super::super::{cells, read_concepts, read_retentions, workbook};
use super::C::{self, Blank, N, T};
use super::{codes, dec, parsed, xlsx};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(Path::new(FIXTURES).join(path)).unwrap()
}

/// Reads `<name>.xlsx` and checks it gives exactly the concepts of `<name>.expected.json`.
fn assert_matches_expected(name: &str) {
    let sheet = read_concepts(&fixture(&format!("{name}.xlsx")), name).unwrap();
    let expected: Vec<serde_json::Value> =
        serde_json::from_slice(&fixture(&format!("{name}.expected.json"))).unwrap();

    assert_eq!(sheet.rows.len(), expected.len());
    for (row, expected) in sheet.rows.iter().zip(&expected) {
        let values = parsed(row);
        let text = |field: &str| expected[field].as_str().unwrap().to_owned();
        assert_eq!(values.code, text("code"));
        assert_eq!(values.description, text("description"));
        assert!(
            values.unit.eq_ignore_ascii_case(&text("unit")),
            "{}",
            values.unit
        );
        assert_eq!(values.quantity, dec(&text("quantity")), "{}", values.code);
        assert_eq!(
            values.unit_price,
            dec(&text("unit_price")),
            "{}",
            values.code
        );
        assert!(row.warnings.is_empty(), "{:?}", row.warnings);
    }
}

#[test]
fn the_clean_catalog_gives_its_expected_concepts() {
    assert_matches_expected("catalogo-calle-hidalgo");
}

#[test]
fn the_office_catalog_gives_its_expected_concepts() {
    assert_matches_expected("catalogo-calle-hidalgo-formato-oficina");

    let sheet = read_concepts(
        &fixture("catalogo-calle-hidalgo-formato-oficina.xlsx"),
        "catalogo-calle-hidalgo-formato-oficina.xlsx",
    )
    .unwrap();
    assert_eq!(sheet.header_row, 5);
}

#[test]
fn the_retention_fixture_gives_its_three_retentions() {
    let sheet = read_retentions(&fixture("retenciones.xlsx"), "retenciones.xlsx").unwrap();

    let read: Vec<(String, RetentionKind, Decimal)> = sheet
        .rows
        .iter()
        .map(|row| match &row.outcome {
            RowOutcome::Parsed(values) => (values.name.clone(), values.kind, values.value),
            other => panic!("{other:?}"),
        })
        .collect();
    let expected = [
        (
            "Inspección y vigilancia (5 al millar)",
            RetentionKind::Percentage,
            "0.5",
        ),
        ("Fondo de garantía", RetentionKind::Percentage, "5"),
        ("Aportación a capacitación", RetentionKind::Fixed, "1250"),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(name, kind, value)| (name.to_string(), *kind, dec(value)))
        .collect();
    assert_eq!(read, expected);
}

#[test]
fn every_file_that_broke_a_reader_reads_or_fails_with_a_clear_message() {
    let folder = Path::new(FIXTURES).join("real/calamine");
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext != "md"))
        .collect();
    files.sort();
    assert!(files.len() >= 25, "{files:?}");

    for path in files {
        let name = path.file_name().unwrap().to_str().unwrap();
        let bytes = std::fs::read(&path).unwrap();
        for result in [
            read_concepts(&bytes, name).map(drop),
            read_retentions(&bytes, name).map(drop),
        ] {
            let Err(error) = result else { continue };
            let message = error.to_string();
            assert!(message.len() > 20, "{name}: {message}");
            assert!(
                !message.contains("{ ") && !message.contains("(\""),
                "{name}: {message}"
            );

            // None is a catalog, but calamine must open every one that is a workbook.
            let opened = matches!(
                error,
                SheetError::NoHeader { .. } | SheetError::MissingColumn { .. }
            );
            let unreadable = ["pass_protected.xlsx", "too_small.xls"].contains(&name);
            assert!(opened || unreadable, "{name}: {message}");
        }
    }
}

#[test]
fn a_password_protected_workbook_is_encrypted() {
    let bytes = fixture("real/calamine/pass_protected.xlsx");

    assert_eq!(
        read_concepts(&bytes, "pass_protected.xlsx"),
        Err(SheetError::Encrypted)
    );
    assert_eq!(
        read_concepts(&bytes, "pass_protected.xls"),
        Err(SheetError::Encrypted)
    );
}

#[test]
fn a_68_byte_text_named_xls_is_not_a_spreadsheet() {
    let bytes = fixture("real/calamine/too_small.xls");

    assert_eq!(
        read_concepts(&bytes, "too_small.xls"),
        Err(SheetError::NotASpreadsheet)
    );
}

#[test]
fn a_file_without_a_header_row_says_so() {
    let bytes = fixture("real/calamine/no-header.xlsx");

    let error = read_concepts(&bytes, "no-header.xlsx").unwrap_err();

    assert!(matches!(error, SheetError::NoHeader { .. }), "{error:?}");
}

#[test]
fn a_legacy_xls_is_read_by_content_and_a_wrong_name_is_a_mismatch() {
    let bytes = fixture("real/calamine/issue343.xls");

    let named_xlsx = read_concepts(&bytes, "issue343.xlsx").unwrap_err();
    let named_xls = read_concepts(&bytes, "issue343.xls").unwrap_err();

    assert_eq!(
        named_xlsx,
        SheetError::ExtensionMismatch {
            named: ".xlsx".to_owned(),
            actual: Format::Xls
        }
    );
    assert!(
        matches!(named_xls, SheetError::NoHeader { .. }),
        "{named_xls:?}"
    );
}

#[test]
fn a_19_digit_code_stored_as_text_stays_exact() {
    let spec = [ColumnSpec {
        field: "code",
        titles: &["col1"],
        required: true,
        label: "col1",
    }];
    let bytes = fixture("real/calamine/string-ref.xlsx");

    let table = workbook::read_table(&bytes, "string-ref.xlsx", &spec, "col1").unwrap();

    let (_, row) = table.data_rows().next().unwrap();
    let code = cells::required_text(row.get(0), "code", 40, false).unwrap();
    assert_eq!(code, "-8086931554011838357");
}

/// A minimal RFC 4180 reader: quoted fields with doubled quotes and line breaks inside.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// An xlsx built from a catalog CSV as the fixture notes ask: key and texts as text cells,
/// the price as a number when it is one, else as the text it is ("N/A") or nothing.
fn csv_catalog(path: &str) -> Vec<u8> {
    let text = String::from_utf8(fixture(path)).unwrap();
    let records = parse_csv(&text);

    let rows: Vec<Vec<C>> = records
        .iter()
        .enumerate()
        .map(|(index, record)| {
            record
                .iter()
                .enumerate()
                .map(|(column, field)| match field.parse::<f64>() {
                    Ok(number) if index > 0 && column == 3 => N(number),
                    _ if field.is_empty() => Blank,
                    _ => T(field),
                })
                .collect()
        })
        .collect();
    let rows: Vec<&[C]> = rows.iter().map(Vec::as_slice).collect();
    xlsx(&rows)
}

#[test]
fn the_cdmx_catalog_reports_groups_repeats_and_zero_prices() {
    let sheet =
        read_concepts(&csv_catalog("real/mx-catalogo/cdmx-cipu-catalogo.csv"), "a").unwrap();

    let rows = &sheet.rows;
    let count = |wanted: &dyn Fn(&ConceptRow) -> bool| rows.iter().filter(|r| wanted(r)).count();
    let has_error = |row: &ConceptRow, code: &str| match &row.outcome {
        RowOutcome::Invalid(errors) => errors.iter().any(|error| error.code == code),
        _ => false,
    };
    assert_eq!(rows.len(), 665);
    assert!(!sheet.has_quantity_column);
    assert_eq!(
        count(&|row| matches!(row.outcome, RowOutcome::Group { .. })),
        26
    );
    assert_eq!(
        count(&|row| matches!(row.outcome, RowOutcome::Parsed(_))),
        528
    );
    assert_eq!(count(&|row| has_error(row, "duplicate_code")), 88);
    assert_eq!(count(&|row| has_error(row, "missing")), 26);
    // Every row priced 0 is flagged, repeats included; 8 of the 13 are imported.
    let zero_price = |row: &ConceptRow| codes(&row.warnings) == [("unit_price", "zero_price")];
    assert_eq!(count(&zero_price), 13);
    let imported = |row: &ConceptRow| matches!(row.outcome, RowOutcome::Parsed(_));
    assert_eq!(count(&|row| zero_price(row) && imported(row)), 8);

    let heading = rows.iter().find(|row| row.row == 95).unwrap();
    assert!(matches!(&heading.outcome, RowOutcome::Group { code, .. } if code == "AF"));
    let repeat = rows.iter().find(|row| row.row == 120).unwrap();
    let RowOutcome::Invalid(errors) = &repeat.outcome else {
        panic!("{repeat:?}");
    };
    assert!(
        errors[0].message.contains("«AF13DD» is also on row 119"),
        "{errors:?}"
    );
}

#[test]
fn the_water_catalog_copied_from_a_pdf_reads_whole_with_folded_descriptions() {
    let path = "real/mx-catalogo/agua-potable-catalogo-conceptos.csv";
    let sheet = read_concepts(&csv_catalog(path), "agua.xlsx").unwrap();

    let concepts: Vec<_> = sheet.rows.iter().map(parsed).collect();
    assert_eq!(concepts.len(), 46);
    for concept in &concepts {
        assert!(
            !concept.description.contains("  "),
            "{}",
            concept.description
        );
        assert!(
            !concept.description.contains('\n'),
            "{}",
            concept.description
        );
        assert_eq!(concept.description.trim(), concept.description);
    }
    for symbol in ['½', 'Ø', '²'] {
        assert!(
            concepts.iter().any(|c| c.description.contains(symbol)),
            "{symbol}"
        );
    }
    assert_eq!(concepts[1].unit_price, Decimal::ZERO);
    assert_eq!(
        codes(&sheet.rows[1].warnings),
        [("unit_price", "zero_price")]
    );
}
