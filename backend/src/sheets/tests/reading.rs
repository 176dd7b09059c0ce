//! What decides whether a file is read at all: its size, its real format, where the header
//! is, and how many rows it has.

use rust_xlsxwriter::{Format, Workbook};

use super::super::{MAX_BYTES, MAX_ROWS, SheetError, read_concepts};
use super::C::{N, T};
use super::{C, HEADER, catalog, parsed, xlsx, xlsx_sheets};

const ROW: [C<'static>; 5] = [T("A1"), T("Excavación"), T("m3"), N(10.0), N(62.75)];

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_parsed() {
    let bytes = vec![0_u8; MAX_BYTES + 1];

    let error = read_concepts(&bytes, "catalogo.xlsx").unwrap_err();

    assert_eq!(error, SheetError::TooLarge { max: MAX_BYTES });
    assert!(error.to_string().contains("larger than 10 MiB"));
}

#[test]
fn csv_and_html_are_not_spreadsheets_whatever_their_name() {
    let csv = "clave,concepto,unidad,pu\nA1,Excavación,m3,62.75\n".as_bytes();
    let html = "<html><body><table><tr><td>A1</td></tr></table></body></html>".as_bytes();

    assert_eq!(
        read_concepts(csv, "catalogo.csv"),
        Err(SheetError::NotASpreadsheet)
    );
    assert_eq!(
        read_concepts(html, "catalogo.xls"),
        Err(SheetError::NotASpreadsheet)
    );
    assert_eq!(
        read_concepts(b"", "catalogo.xlsx"),
        Err(SheetError::NotASpreadsheet)
    );
}

#[test]
fn an_extension_naming_another_format_is_a_mismatch() {
    let bytes = xlsx(&[&HEADER, &ROW]);

    let error = read_concepts(&bytes, "catalogo.xls").unwrap_err();

    assert_eq!(
        error.to_string(),
        "the file is named .xls but holds an .xlsx workbook; save it again as .xls or rename \
         it to .xlsx"
    );
}

#[test]
fn the_content_decides_when_the_extension_is_unknown_missing_or_in_capitals() {
    let bytes = xlsx(&[&HEADER, &ROW]);

    for name in [
        "catalogo",
        "catalogo.bin",
        "CATALOGO.XLSX",
        "catalogo.xlsm",
        "",
    ] {
        assert!(read_concepts(&bytes, name).is_ok(), "{name:?}");
    }
}

#[test]
fn a_truncated_workbook_is_corrupt_and_says_why() {
    let bytes = xlsx(&[&HEADER, &ROW]);

    let error = read_concepts(&bytes[..bytes.len() / 2], "catalogo.xlsx").unwrap_err();

    let SheetError::Corrupt(reason) = &error else {
        panic!("{error:?}");
    };
    assert!(!reason.is_empty());
    assert!(
        error
            .to_string()
            .starts_with("the workbook is damaged or incomplete (")
    );
}

#[test]
fn a_sheet_without_titles_has_no_header() {
    let bytes = xlsx(&[&ROW, &ROW]);

    let error = read_concepts(&bytes, "catalogo.xlsx").unwrap_err();

    assert_eq!(
        error,
        SheetError::NoHeader {
            looked_at: 30,
            wanted: "código, concepto, unidad, cantidad, precio unitario"
        }
    );
}

#[test]
fn a_header_without_a_price_names_the_missing_column() {
    let header = [T("Código"), T("Concepto"), T("Unidad"), T("Cantidad")];
    let bytes = xlsx(&[&header, &[T("A1"), T("Excavación"), T("m3"), N(10.0)]]);

    let error = read_concepts(&bytes, "catalogo.xlsx").unwrap_err();

    assert_eq!(
        error.to_string(),
        "the header on row 1 of sheet «Hoja1» has no «precio unitario» column; add a column \
         with that title"
    );
}

#[test]
fn the_header_is_found_by_its_titles_below_a_title_block() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let bold = Format::new().set_bold();
    sheet
        .merge_range(0, 0, 0, 5, "H. AYUNTAMIENTO — OBRAS PÚBLICAS", &bold)
        .unwrap();
    sheet
        .merge_range(1, 0, 1, 5, "CATÁLOGO DE CONCEPTOS", &bold)
        .unwrap();
    let titles = [
        "No.",
        "CLAVE",
        "DESCRIPCIÓN DEL CONCEPTO",
        "UNIDAD",
        "CANT.",
        "P. U. ($)",
    ];
    for (column, title) in titles.iter().enumerate() {
        sheet.write_string(4, column as u16, *title).unwrap();
    }
    let row = [N(1.0), T("PRE-01"), T("Trazo"), T("m2"), N(4850.0), N(9.85)];
    for (column, cell) in row.iter().enumerate() {
        super::write(sheet, 5, column as u16, *cell);
    }
    let bytes = workbook.save_to_buffer().unwrap();

    let sheet = read_concepts(&bytes, "catalogo.xlsx").unwrap();

    assert_eq!(sheet.header_row, 5);
    assert_eq!(sheet.rows[0].row, 6);
    assert_eq!(parsed(&sheet.rows[0]).code, "PRE-01");
}

#[test]
fn english_titles_are_recognised() {
    let header = [
        T("Code"),
        T("Description"),
        T("Unit"),
        T("Qty"),
        T("Unit price"),
        T("Total"),
    ];
    let bytes = xlsx(&[&header, &ROW]);

    let sheet = read_concepts(&bytes, "catalog.xlsx").unwrap();

    assert_eq!(parsed(&sheet.rows[0]).unit_price.to_string(), "62.75");
}

#[test]
fn a_header_below_row_30_is_not_looked_for() {
    let note = [T("nota")];
    let mut rows: Vec<&[C]> = vec![&note; 30];
    rows.push(&HEADER);
    rows.push(&ROW);

    let error = read_concepts(&xlsx(&rows), "catalogo.xlsx").unwrap_err();

    assert!(matches!(error, SheetError::NoHeader { .. }), "{error:?}");
}

#[test]
fn the_first_sheet_with_a_complete_header_is_read() {
    let notes: [&[C]; 2] = [&[T("Léame")], &[T("Código"), T("Concepto")]];
    let bytes = xlsx_sheets(&[("Notas", &notes), ("Catálogo", &[&HEADER, &ROW])]);

    let sheet = read_concepts(&bytes, "catalogo.xlsx").unwrap();

    assert_eq!(sheet.sheet, "Catálogo");
    assert_eq!(sheet.rows.len(), 1);
}

#[test]
fn blank_rows_are_skipped_anywhere() {
    let blank = [T("   "), T(" \u{a0} ")];
    let sheet = catalog(&[&ROW, &blank, &[], &ROW_2]);

    let rows: Vec<u32> = sheet.rows.iter().map(|row| row.row).collect();
    assert_eq!(rows, [2, 5]);
}

const ROW_2: [C<'static>; 5] = [T("A2"), T("Relleno"), T("m3"), N(5.0), N(100.0)];

#[test]
fn a_sheet_formatted_down_to_the_last_row_yields_only_its_data() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (row, cells) in [&HEADER, &ROW, &ROW_2].iter().enumerate() {
        for (column, cell) in cells.iter().enumerate() {
            super::write(sheet, row as u32, column as u16, *cell);
        }
    }
    let styled = Format::new().set_bold().set_num_format("#,##0.00");
    for row in (10..100_000).step_by(100).chain([99_999]) {
        for column in 0..6 {
            sheet.write_string(row, column, "  ").unwrap();
        }
    }
    for column in 0..6 {
        sheet.write_blank(1_048_575, column, &styled).unwrap();
    }
    let bytes = workbook.save_to_buffer().unwrap();

    let sheet = read_concepts(&bytes, "catalogo.xlsx").unwrap();

    assert_eq!(sheet.rows.len(), 2);
}

/// A catalog with `count` data rows.
fn catalog_of(count: usize) -> Vec<u8> {
    let codes: Vec<String> = (0..count).map(|n| format!("C{n}")).collect();
    let rows: Vec<[C; 5]> = codes
        .iter()
        .map(|code| [T(code), T("Concepto"), T("m"), N(1.0), N(1.0)])
        .collect();

    let mut all: Vec<&[C]> = vec![&HEADER];
    all.extend(rows.iter().map(|row| row.as_slice()));
    xlsx(&all)
}

#[test]
fn more_than_the_row_limit_is_refused() {
    let at_limit = read_concepts(&catalog_of(MAX_ROWS), "a.xlsx").unwrap();
    let over = read_concepts(&catalog_of(MAX_ROWS + 1), "a.xlsx");
    let far_over = read_concepts(&catalog_of(3 * MAX_ROWS), "a.xlsx");

    assert_eq!(at_limit.rows.len(), MAX_ROWS);
    assert_eq!(over, Err(SheetError::TooManyRows { max: MAX_ROWS }));
    assert_eq!(far_over, Err(SheetError::TooManyRows { max: MAX_ROWS }));
}

#[test]
fn corrupt_reasons_read_as_sentences() {
    let mut bytes = xlsx(&[&HEADER, &ROW]);
    let directory = bytes.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
    bytes[directory + 1] = b'X';

    let error = read_concepts(&bytes, "catalogo.xlsx").unwrap_err();

    let SheetError::Corrupt(reason) = &error else {
        panic!("{error:?}");
    };
    assert!(!reason.contains("(\""), "{reason}");
}
