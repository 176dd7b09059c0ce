//! The quantities typed into the estimate editor, against what the server last answered;
//! the live statement follows both.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use rust_decimal::Decimal;
use shared::dto::{EstimateLines, LineInput, LinesInput, Statement};
use shared::problem::FieldError;

use crate::api::ApiError;
use crate::live_statement::{Basis, parse_quantity, quantity_text};

/// One concept's line as typed.
#[derive(Clone, Copy)]
pub struct LineDraft {
    pub concept_id: i64,
    /// What the input holds.
    pub text: RwSignal<String>,
    /// The quantity the server holds.
    pub saved: RwSignal<Decimal>,
    /// The line's notes ("observaciones") as typed.
    pub notes: RwSignal<String>,
    /// The notes the server holds.
    saved_notes: RwSignal<String>,
    /// The quantity comes from take-off rows, so it is not typed.
    pub measured: RwSignal<bool>,
}

impl LineDraft {
    /// The typed quantity; `None` when it is not a valid one.
    pub fn typed(&self) -> Option<Decimal> {
        parse_quantity(&self.text.get())
    }

    /// Whether the typed quantity differs from the server's; notes move no figure.
    pub fn quantity_changed(&self) -> bool {
        self.typed() != Some(self.saved.get())
    }

    pub fn notes_changed(&self) -> bool {
        self.notes
            .with(|notes| self.saved_notes.with(|saved| notes.trim() != saved))
    }

    pub fn is_changed(&self) -> bool {
        self.quantity_changed() || self.notes_changed()
    }
}

/// The editor's state. Copy, so every row and button shares it.
#[derive(Clone, Copy)]
pub struct Draft {
    lines: StoredValue<Vec<LineDraft>>,
    /// The server's last statement of the estimate.
    server: RwSignal<Statement>,
    /// What the statement would be with the typed quantities.
    pub live: Memo<Statement>,
    /// The concept ids of the last save, in order: the server names `lines[i]` by them.
    sent: RwSignal<Vec<i64>>,
}

impl Draft {
    pub fn new(basis: Arc<Basis>, statement: Statement, lines: &EstimateLines) -> Draft {
        let by_concept: BTreeMap<i64, (String, bool)> = lines
            .items
            .iter()
            .map(|line| {
                let measured = line.measurement_count > 0;
                (line.concept_id, (line.notes.clone(), measured))
            })
            .collect();
        let drafts: Vec<LineDraft> = statement
            .lines
            .iter()
            .map(|line| {
                let (notes, measured) = by_concept
                    .get(&line.concept_id)
                    .cloned()
                    .unwrap_or_default();
                LineDraft {
                    concept_id: line.concept_id,
                    text: RwSignal::new(quantity_text(line.this_quantity)),
                    saved: RwSignal::new(line.this_quantity),
                    notes: RwSignal::new(notes.clone()),
                    saved_notes: RwSignal::new(notes),
                    measured: RwSignal::new(measured),
                }
            })
            .collect();
        let lines = StoredValue::new(drafts);
        let server = RwSignal::new(statement);

        // Nothing typed: the server's figures as they are, frozen prices and all.
        let live = Memo::new(move |_| {
            let drafts = lines.get_value();
            if !drafts.iter().any(LineDraft::quantity_changed) {
                return server.get();
            }
            let quantities: Vec<(i64, Decimal)> = drafts
                .iter()
                .map(|line| (line.concept_id, line.typed().unwrap_or(line.saved.get())))
                .collect();
            basis.statement(&quantities)
        });

        Draft {
            lines,
            server,
            live,
            sent: RwSignal::new(Vec::new()),
        }
    }

    /// The rows of the grid, in the statement's order.
    pub fn lines(&self) -> Vec<LineDraft> {
        self.lines.get_value()
    }

    pub fn is_changed(&self) -> bool {
        self.lines
            .with_value(|lines| lines.iter().any(LineDraft::is_changed))
    }

    /// The changed lines as the server takes them, or complaints named as the server would
    /// name them (`lines[i].quantity`).
    pub fn changes(&self) -> Result<LinesInput, ApiError> {
        let changed: Vec<LineDraft> = self
            .lines()
            .into_iter()
            .filter(|line| line.is_changed())
            .collect();
        self.sent
            .set(changed.iter().map(|line| line.concept_id).collect());

        let mut errors = Vec::new();
        let mut lines = Vec::new();
        for (index, line) in changed.iter().enumerate() {
            match line.typed() {
                Some(quantity) => lines.push(LineInput {
                    concept_id: line.concept_id,
                    quantity: quantity.normalize().to_string(),
                    notes: line.notes.get_untracked().trim().to_string(),
                }),
                None => errors.push(FieldError {
                    field: format!("lines[{index}].quantity"),
                    message: "escribe una cantidad no negativa, de hasta 4 decimales".into(),
                }),
            }
        }
        if errors.is_empty() {
            Ok(LinesInput { lines })
        } else {
            Err(ApiError::invalid_fields(errors))
        }
    }

    /// The name of a line's field (`quantity`, `notes`) in the last save, if it was sent.
    pub fn field_of(&self, concept_id: i64, name: &str) -> Option<String> {
        let index = self
            .sent
            .with(|sent| sent.iter().position(|id| *id == concept_id))?;
        Some(format!("lines[{index}].{name}"))
    }

    /// Takes the server's statement after a save: every input shows what the server keeps.
    pub fn accept(&self, statement: Statement) {
        let quantities: BTreeMap<i64, Decimal> = statement
            .lines
            .iter()
            .map(|line| (line.concept_id, line.this_quantity))
            .collect();
        for line in self.lines() {
            let quantity = quantities
                .get(&line.concept_id)
                .copied()
                .unwrap_or_default();
            line.saved.set(quantity);
            line.text.set(quantity_text(quantity));
            let notes = line.notes.get_untracked().trim().to_string();
            line.saved_notes.set(notes.clone());
            line.notes.set(notes);
        }
        self.server.set(statement);
    }

    /// Takes the server's statement after one line's take-off changed, keeping what is
    /// typed in the other lines.
    pub fn accept_takeoff(&self, concept_id: i64, measured: bool, statement: Statement) {
        let quantity = statement
            .lines
            .iter()
            .find(|line| line.concept_id == concept_id)
            .map(|line| line.this_quantity)
            .unwrap_or_default();
        if let Some(line) = self
            .lines()
            .into_iter()
            .find(|l| l.concept_id == concept_id)
        {
            line.saved.set(quantity);
            line.text.set(quantity_text(quantity));
            line.measured.set(measured);
        }
        self.server.set(statement);
    }
}
