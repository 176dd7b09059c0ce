//! Finding the header row by its titles: offices put title blocks, logos and merged cells
//! above the table, and name the columns in Spanish or English, with or without accents.

use calamine::Data;

use super::HEADER_SEARCH_ROWS;
use super::grid::Grid;

/// One column the importer looks for.
#[derive(Debug, Clone, Copy)]
pub(super) struct ColumnSpec {
    /// The field the column fills, as named in row issues.
    pub field: &'static str,
    /// Titles that name the column, compared after [`title_key`].
    pub titles: &'static [&'static str],
    pub required: bool,
    /// How an error names the column when it is missing.
    pub label: &'static str,
}

/// The header row and where each recognised column is.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Header {
    /// 0-based.
    pub row: u32,
    columns: Vec<(&'static str, u32)>,
}

impl Header {
    /// The 0-based column of a field, if the header has it.
    pub(super) fn column(&self, field: &str) -> Option<u32> {
        self.columns
            .iter()
            .find(|(name, _)| *name == field)
            .map(|(_, column)| *column)
    }
}

/// What the search for a header found in one sheet.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Search {
    Found(Header),
    /// A row that looks like a header but lacks a required column.
    Partial {
        row: u32,
        missing: &'static str,
    },
    NotFound,
}

/// Looks for the first row, among the first [`HEADER_SEARCH_ROWS`], that has every required
/// column of `spec`.
pub(super) fn find(grid: &Grid, spec: &[ColumnSpec]) -> Search {
    let mut best: Option<(usize, u32, &'static str)> = None;

    let top_rows = grid.rows().take_while(|(row, _)| *row < HEADER_SEARCH_ROWS);
    for (row, cells) in top_rows {
        let columns = recognise(cells.cells(), spec);
        let missing = spec
            .iter()
            .find(|column| column.required && !columns.iter().any(|(f, _)| *f == column.field));
        let Some(missing) = missing else {
            return Search::Found(Header { row, columns });
        };

        // Two titles make a row look like a header; remember the most convincing one.
        let recognised = columns.len();
        if recognised >= 2 && best.is_none_or(|(most, _, _)| recognised > most) {
            best = Some((recognised, row, missing.label));
        }
    }

    match best {
        Some((_, row, missing)) => Search::Partial { row, missing },
        None => Search::NotFound,
    }
}

/// The fields whose titles appear in a row. When several columns could fill a field, the
/// title listed first wins: "Clave" over "No.", which is often just a row number.
fn recognise<'a>(
    cells: impl Iterator<Item = (u32, &'a Data)>,
    spec: &[ColumnSpec],
) -> Vec<(&'static str, u32)> {
    let mut best: Vec<(&'static str, usize, u32)> = Vec::new();
    for (column, value) in cells {
        let Data::String(title) = value else {
            continue;
        };

        let key = title_key(title);
        for field in spec {
            let Some(rank) = field
                .titles
                .iter()
                .position(|wanted| title_key(wanted) == key)
            else {
                continue;
            };
            match best.iter_mut().find(|(name, _, _)| *name == field.field) {
                Some(found) if rank < found.1 => *found = (field.field, rank, column),
                Some(_) => {}
                None => best.push((field.field, rank, column)),
            }
        }
    }
    best.into_iter()
        .map(|(field, _, column)| (field, column))
        .collect()
}

/// A title reduced to what tells titles apart: lowercase, no accents, no text in
/// parentheses (units such as "(m3)" or "($)"), only letters, digits and '%'. So
/// "P. U.", "p.u." and "PU" match, and so do "Precio_Unitario" and "PRECIO\nUNITARIO".
pub(super) fn title_key(title: &str) -> String {
    let mut key = String::with_capacity(title.len());
    let mut depth = 0_u32;
    for c in title.chars().flat_map(char::to_lowercase) {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_alphanumeric() || c == '%' => key.push(without_accent(c)),
            _ => {}
        }
    }
    key
}

fn without_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'ä' | 'â' | 'ã' => 'a',
        'é' | 'è' | 'ë' | 'ê' => 'e',
        'í' | 'ì' | 'ï' | 'î' => 'i',
        'ó' | 'ò' | 'ö' | 'ô' | 'õ' => 'o',
        'ú' | 'ù' | 'ü' | 'û' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_match_without_case_accents_punctuation_or_units() {
        assert_eq!(title_key("P. U."), "pu");
        assert_eq!(title_key("Precio_Unitario"), "preciounitario");
        assert_eq!(title_key("PRECIO\nUNITARIO ($)"), "preciounitario");
        assert_eq!(
            title_key("DESCRIPCIÓN DEL CONCEPTO"),
            "descripciondelconcepto"
        );
        assert_eq!(title_key("Núm."), "num");
        assert_eq!(title_key("%"), "%");
    }
}
