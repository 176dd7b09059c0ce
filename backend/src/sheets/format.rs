//! Which kind of workbook a file really is, told from its first bytes: people rename files,
//! and systems export HTML or CSV under an `.xls` name.

use std::fmt;
use std::io::Cursor;

use calamine::{Reader, Xlsx, XlsxError};

use super::SheetError;

/// A workbook format the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Office Open XML (Excel 2007 and later, also `.xlsm`).
    Xlsx,
    /// The legacy binary format of Excel 97–2003.
    Xls,
    /// OpenDocument, as LibreOffice saves it.
    Ods,
}

impl Format {
    /// The usual extension, with its dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Xlsx => ".xlsx",
            Format::Xls => ".xls",
            Format::Ods => ".ods",
        }
    }

    fn from_extension(extension: &str) -> Option<Format> {
        match extension.to_ascii_lowercase().as_str() {
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            "xls" => Some(Format::Xls),
            "ods" => Some(Format::Ods),
            _ => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const ODS_MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";
const OPENDOCUMENT_MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.";

/// The format the bytes hold, checked against the extension of `file_name` when it names
/// one of the formats read.
pub(super) fn detect(bytes: &[u8], file_name: &str) -> Result<Format, SheetError> {
    let actual = sniff(bytes)?;

    let extension = file_name.rsplit_once('.').map(|(_, extension)| extension);
    let named = extension.and_then(Format::from_extension);
    match named {
        Some(named) if named != actual => Err(SheetError::ExtensionMismatch {
            named: format!(".{}", extension.unwrap_or_default().to_ascii_lowercase()),
            actual,
        }),
        _ => Ok(actual),
    }
}

fn sniff(bytes: &[u8]) -> Result<Format, SheetError> {
    if bytes.starts_with(ZIP_MAGIC) {
        return match first_zip_entry(bytes) {
            Some(("mimetype", content)) if content.starts_with(ODS_MIMETYPE) => Ok(Format::Ods),
            // A text document or a presentation: a zip, but no spreadsheet.
            Some(("mimetype", content)) if content.starts_with(OPENDOCUMENT_MIMETYPE) => {
                Err(SheetError::NotASpreadsheet)
            }
            _ => Ok(Format::Xlsx),
        };
    }

    if bytes.starts_with(CFB_MAGIC) {
        // Excel encrypts an .xlsx by wrapping it in the same container an .xls uses.
        return if is_encrypted_ooxml(bytes) {
            Err(SheetError::Encrypted)
        } else {
            Ok(Format::Xls)
        };
    }

    Err(SheetError::NotASpreadsheet)
}

/// The name and, when stored uncompressed, the content of a zip's first local entry.
/// OpenDocument requires `mimetype` to be exactly that, so no zip reader is needed.
fn first_zip_entry(bytes: &[u8]) -> Option<(&str, &[u8])> {
    let u16_at = |at: usize| Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?));
    let u32_at = |at: usize| Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?));

    let compression = u16_at(8)?;
    let stored_size = u32_at(18)? as usize;
    let name_length = usize::from(u16_at(26)?);
    let extra_length = usize::from(u16_at(28)?);

    let name = std::str::from_utf8(bytes.get(30..30 + name_length)?).ok()?;
    let content_start = 30 + name_length + extra_length;
    let content = if compression == 0 {
        bytes.get(content_start..content_start + stored_size)?
    } else {
        &[]
    };
    Some((name, content))
}

/// Whether a CFB container holds an encrypted OOXML package; calamine looks for the
/// `EncryptedPackage` stream before it tries to unzip anything.
fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    matches!(Xlsx::new(Cursor::new(bytes)), Err(XlsxError::Password))
}
