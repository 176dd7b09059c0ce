//! OpenDocument spreadsheets, written by hand as a stored (uncompressed) zip: enough for
//! LibreOffice's format without a zip crate.

use super::super::{Format, SheetError, read_concepts};
use super::{dec, parsed};

const ODS_MIMETYPE: &str = "application/vnd.oasis.opendocument.spreadsheet";

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0_u32;
    for byte in data {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip whose entries are stored in the given order, without compression.
fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = Vec::new();
    let mut directory = Vec::new();
    for (name, data) in entries {
        let offset = zip.len() as u32;
        let fields = entry_fields(name, data);
        zip.extend_from_slice(&0x0403_4b50_u32.to_le_bytes());
        zip.extend_from_slice(&fields);
        zip.extend_from_slice(name.as_bytes());
        zip.extend_from_slice(data);

        directory.extend_from_slice(&0x0201_4b50_u32.to_le_bytes());
        directory.extend_from_slice(&20_u16.to_le_bytes());
        directory.extend_from_slice(&fields);
        directory.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        directory.extend_from_slice(&0_u32.to_le_bytes()); // external attributes
        directory.extend_from_slice(&offset.to_le_bytes());
        directory.extend_from_slice(name.as_bytes());
    }

    let directory_offset = zip.len() as u32;
    zip.extend_from_slice(&directory);
    zip.extend_from_slice(&0x0605_4b50_u32.to_le_bytes());
    zip.extend_from_slice(&[0; 4]);
    zip.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    zip.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    zip.extend_from_slice(&(directory.len() as u32).to_le_bytes());
    zip.extend_from_slice(&directory_offset.to_le_bytes());
    zip.extend_from_slice(&0_u16.to_le_bytes());
    zip
}

/// The header fields local and central entries share, from "version needed" to "extra".
fn entry_fields(name: &str, data: &[u8]) -> Vec<u8> {
    let mut fields = Vec::new();
    fields.extend_from_slice(&20_u16.to_le_bytes());
    fields.extend_from_slice(&[0; 8]); // flags, method (stored), time, date
    fields.extend_from_slice(&crc32(data).to_le_bytes());
    fields.extend_from_slice(&(data.len() as u32).to_le_bytes());
    fields.extend_from_slice(&(data.len() as u32).to_le_bytes());
    fields.extend_from_slice(&(name.len() as u16).to_le_bytes());
    fields.extend_from_slice(&0_u16.to_le_bytes());
    fields
}

const CONTENT_START: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8"?>"#,
    r#"<office:document-content office:version="1.2""#,
    r#" xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0""#,
    r#" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0""#,
    r#" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">"#,
    r#"<office:body><office:spreadsheet><table:table table:name="Hoja1">"#,
);
const CONTENT_END: &str =
    "</table:table></office:spreadsheet></office:body></office:document-content>";
const MANIFEST_START: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8"?>"#,
    r#"<manifest:manifest manifest:version="1.2""#,
    r#" xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">"#,
    r#"<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>"#,
);

/// An OpenDocument package with the given mimetype and rows of cells: text, except in the
/// quantity and price columns (from the fourth on) where what parses as f64 is a number.
fn opendocument(mimetype: &str, rows: &[&[&str]]) -> Vec<u8> {
    let mut content = CONTENT_START.to_owned();
    for row in rows {
        content.push_str("<table:table-row>");
        for (column, cell) in row.iter().enumerate() {
            let kind = match cell.parse::<f64>() {
                Ok(_) if column >= 3 => {
                    format!(r#"office:value-type="float" office:value="{cell}""#)
                }
                _ => r#"office:value-type="string""#.to_owned(),
            };
            content.push_str(&format!(
                "<table:table-cell {kind}><text:p>{cell}</text:p></table:table-cell>"
            ));
        }
        content.push_str("</table:table-row>");
    }
    content.push_str(CONTENT_END);
    let root = format!(r#"manifest:full-path="/" manifest:media-type="{mimetype}""#);
    let manifest = format!("{MANIFEST_START}<manifest:file-entry {root}/></manifest:manifest>");

    stored_zip(&[
        ("mimetype", mimetype.as_bytes()),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
    ])
}

const ROWS: [&[&str]; 2] = [
    &[
        "Código",
        "Concepto",
        "Unidad",
        "Cantidad",
        "Precio unitario",
    ],
    &["007", "Excavación", "m3", "2.675", "1,234.50"],
];

#[test]
fn an_ods_workbook_is_told_by_its_mimetype_and_read() {
    let bytes = opendocument(ODS_MIMETYPE, &ROWS);

    let sheet = read_concepts(&bytes, "catalogo.ods").unwrap();

    let values = parsed(&sheet.rows[0]);
    assert_eq!(values.code, "007");
    assert_eq!(values.quantity, dec("2.675"));
    assert_eq!(values.unit_price, dec("1234.50"));
}

#[test]
fn an_ods_workbook_named_xlsx_is_a_mismatch() {
    let bytes = opendocument(ODS_MIMETYPE, &ROWS);

    let error = read_concepts(&bytes, "catalogo.xlsx").unwrap_err();

    assert_eq!(
        error,
        SheetError::ExtensionMismatch {
            named: ".xlsx".to_owned(),
            actual: Format::Ods
        }
    );
}

#[test]
fn an_opendocument_text_is_not_a_spreadsheet() {
    let bytes = opendocument("application/vnd.oasis.opendocument.text", &ROWS);

    let error = read_concepts(&bytes, "catalogo.odt").unwrap_err();

    assert_eq!(error, SheetError::NotASpreadsheet);
}
