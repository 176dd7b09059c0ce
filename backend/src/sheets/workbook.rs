//! Opening a workbook with calamine and finding the table in it: the first worksheet whose
//! header row has every required column.

use std::io::Cursor;

use calamine::{DataRef, Ods, OdsError, Reader, SheetType, Xls, XlsError, Xlsx, XlsxError};

use super::grid::Grid;
use super::header::{self, ColumnSpec, Header, Search};
use super::{Format, HEADER_SEARCH_ROWS, MAX_BYTES, MAX_ROWS, SheetError, format};

/// The sheet a table was found in, its header, and its filled cells.
#[derive(Debug)]
pub(super) struct Table {
    pub sheet: String,
    pub header: Header,
    pub grid: Grid,
}

impl Table {
    /// The filled rows under the header, as `(0-based row, cells)`.
    pub(super) fn data_rows(&self) -> impl Iterator<Item = (u32, super::grid::Row<'_>)> {
        self.grid.rows_below(self.header.row)
    }
}

/// Filled rows kept per sheet: enough to tell that a sheet whose header sits as low as it
/// may has more than [`MAX_ROWS`] rows under it, without keeping a million.
const ROW_CAP: usize = MAX_ROWS + HEADER_SEARCH_ROWS as usize + 1;

/// Opens the workbook in `bytes` and finds the table described by `spec`.
pub(super) fn read_table(
    bytes: &[u8],
    file_name: &str,
    spec: &[ColumnSpec],
    wanted: &'static str,
) -> Result<Table, SheetError> {
    if bytes.len() > MAX_BYTES {
        return Err(SheetError::TooLarge { max: MAX_BYTES });
    }
    let format = format::detect(bytes, file_name)?;
    let mut book = Book::open(bytes, format)?;

    let names = book.worksheet_names();
    if names.is_empty() {
        return Err(SheetError::NoSheet);
    }

    // A sheet with a complete header wins over an earlier one that only looks like it.
    let mut first_partial = None;
    for sheet in names {
        let grid = book.grid(&sheet)?;
        match header::find(&grid, spec) {
            Search::Found(header) => {
                return checked_size(Table {
                    sheet,
                    header,
                    grid,
                });
            }
            Search::Partial { row, missing } => {
                first_partial.get_or_insert(SheetError::MissingColumn {
                    sheet,
                    header_row: row + 1,
                    column: missing,
                });
            }
            Search::NotFound => {}
        }
    }

    Err(first_partial.unwrap_or(SheetError::NoHeader {
        looked_at: HEADER_SEARCH_ROWS,
        wanted,
    }))
}

fn checked_size(table: Table) -> Result<Table, SheetError> {
    let too_many = table.grid.truncated() || table.data_rows().count() > MAX_ROWS;
    if too_many {
        return Err(SheetError::TooManyRows { max: MAX_ROWS });
    }
    Ok(table)
}

/// A workbook open for reading, whichever its format.
enum Book<'a> {
    Xlsx(Xlsx<Cursor<&'a [u8]>>),
    Xls(Xls<Cursor<&'a [u8]>>),
    Ods(Ods<Cursor<&'a [u8]>>),
}

impl<'a> Book<'a> {
    fn open(bytes: &'a [u8], format: Format) -> Result<Book<'a>, SheetError> {
        let reader = Cursor::new(bytes);
        match format {
            Format::Xlsx => Xlsx::new(reader).map(Book::Xlsx).map_err(xlsx_error),
            Format::Xls => Xls::new(reader).map(Book::Xls).map_err(xls_error),
            Format::Ods => Ods::new(reader).map(Book::Ods).map_err(ods_error),
        }
    }

    /// Worksheets in workbook order; chart sheets and macro sheets hold no table.
    fn worksheet_names(&self) -> Vec<String> {
        let sheets = match self {
            Book::Xlsx(book) => book.sheets_metadata(),
            Book::Xls(book) => book.sheets_metadata(),
            Book::Ods(book) => book.sheets_metadata(),
        };
        sheets
            .iter()
            .filter(|sheet| sheet.typ == SheetType::WorkSheet)
            .map(|sheet| sheet.name.clone())
            .collect()
    }

    fn grid(&mut self, sheet: &str) -> Result<Grid, SheetError> {
        let mut grid = Grid::with_cap(ROW_CAP);
        let range = match self {
            Book::Xlsx(book) => return xlsx_grid(book, sheet, grid),
            Book::Xls(book) => book.worksheet_range(sheet).map_err(xls_error)?,
            Book::Ods(book) => book.worksheet_range(sheet).map_err(ods_error)?,
        };

        let (top, left) = range.start().unwrap_or_default();
        for (row, column, value) in range.used_cells() {
            let at = (top + row as u32, left + column as u32);
            if !grid.push(at, value.clone()) {
                break;
            }
        }
        Ok(grid)
    }
}

/// Streams an xlsx sheet cell by cell, so a used range declared down to row 1,048,576 is
/// never laid out as a dense table.
fn xlsx_grid(
    book: &mut Xlsx<Cursor<&[u8]>>,
    sheet: &str,
    mut grid: Grid,
) -> Result<Grid, SheetError> {
    let mut cells = match book.worksheet_cells_reader(sheet) {
        Ok(cells) => cells,
        Err(XlsxError::NotAWorksheet(_)) => return Ok(grid),
        Err(error) => return Err(xlsx_error(error)),
    };

    while let Some(cell) = cells.next_cell().map_err(xlsx_error)? {
        let blank = match cell.get_value() {
            DataRef::Empty => true,
            DataRef::SharedString(text) => text.trim().is_empty(),
            DataRef::String(text) => text.trim().is_empty(),
            _ => false,
        };
        if !blank && !grid.push(cell.get_position(), cell.get_value().clone().into()) {
            break;
        }
    }
    Ok(grid)
}

fn xlsx_error(error: XlsxError) -> SheetError {
    match error {
        XlsxError::Password => SheetError::Encrypted,
        other => corrupt(other.to_string()),
    }
}

fn xls_error(error: XlsError) -> SheetError {
    match error {
        XlsError::Password => SheetError::Encrypted,
        other => corrupt(other.to_string()),
    }
}

fn ods_error(error: OdsError) -> SheetError {
    match error {
        OdsError::Password => SheetError::Encrypted,
        other => corrupt(other.to_string()),
    }
}

/// Calamine's reason, minus the Rust debug notation some of its causes print with:
/// `Zip error: InvalidArchive("Invalid Central Directory header")` reads as
/// `Zip error: Invalid Central Directory header`.
fn corrupt(reason: String) -> SheetError {
    let reason = match (reason.find("(\""), reason.rfind("\")")) {
        (Some(open), Some(close)) if open < close => {
            let head = reason[..open].trim_end_matches(char::is_alphanumeric);
            format!("{head}{}", &reason[open + 2..close])
        }
        _ => reason,
    };
    SheetError::Corrupt(reason)
}
