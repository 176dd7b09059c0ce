//! The filled cells of one worksheet, kept sparse: sheets "formatted down to the last row"
//! declare a million rows and hold a few hundred, and only those are kept.

use std::collections::BTreeMap;

use calamine::Data;

use super::cells;

/// The filled rows of a sheet, in row order. Blank cells and rows are not stored.
#[derive(Debug, Default)]
pub(super) struct Grid {
    rows: BTreeMap<u32, Vec<(u32, Data)>>,
    /// Reading stopped at the row cap: there are more filled rows than kept.
    truncated: bool,
    cap: usize,
}

impl Grid {
    /// A grid that keeps at most `cap` filled rows.
    pub(super) fn with_cap(cap: usize) -> Grid {
        Grid {
            cap,
            ..Grid::default()
        }
    }

    /// Stores a cell at 0-based `(row, column)`; blank cells are dropped. Returns `false`
    /// once the grid is full, to tell the reader to stop.
    pub(super) fn push(&mut self, (row, column): (u32, u32), value: Data) -> bool {
        if cells::is_blank(&value) {
            return true;
        }

        if !self.rows.contains_key(&row) && self.rows.len() >= self.cap {
            self.truncated = true;
            return false;
        }
        self.rows.entry(row).or_default().push((column, value));
        true
    }

    pub(super) fn truncated(&self) -> bool {
        self.truncated
    }

    /// Filled rows as `(0-based row, cells)`.
    pub(super) fn rows(&self) -> impl Iterator<Item = (u32, Row<'_>)> {
        self.rows.iter().map(|(row, cells)| (*row, Row { cells }))
    }

    /// Filled rows strictly below `row`.
    pub(super) fn rows_below(&self, row: u32) -> impl Iterator<Item = (u32, Row<'_>)> {
        self.rows
            .range(row + 1..)
            .map(|(row, cells)| (*row, Row { cells }))
    }
}

/// The filled cells of one row.
#[derive(Debug, Clone, Copy)]
pub(super) struct Row<'a> {
    cells: &'a [(u32, Data)],
}

impl<'a> Row<'a> {
    /// The value in a 0-based column, if filled.
    pub(super) fn get(&self, column: u32) -> Option<&'a Data> {
        self.cells
            .iter()
            .find(|(at, _)| *at == column)
            .map(|(_, value)| value)
    }

    pub(super) fn cells(&self) -> impl Iterator<Item = (u32, &'a Data)> {
        self.cells.iter().map(|(column, value)| (*column, value))
    }
}
