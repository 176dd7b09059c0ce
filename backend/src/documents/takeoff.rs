//! The take-off document's model: per concept billed, its measurement rows and photos.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;
use shared::{billing, dto::StatementLine, format};

use super::{
    Head, Signature,
    estimate::{self, EstimateFacts},
};
use crate::db::documents::{MeasuredRow, StoredPhoto};

#[derive(Debug, Serialize)]
pub struct TakeoffModel {
    #[serde(flatten)]
    pub head: Head,
    pub facts: Vec<(String, String)>,
    pub concepts: Vec<ConceptTakeoff>,
    pub signatures: Vec<Signature>,
}

#[derive(Debug, Serialize)]
pub struct ConceptTakeoff {
    pub code: String,
    pub description: String,
    pub unit: String,
    /// The line's quantity: the rows' sum, or what was typed when there are none.
    pub quantity: String,
    pub notes: String,
    pub rows: Vec<RowCells>,
    pub photos: Vec<PhotoRef>,
}

#[derive(Debug, Serialize)]
pub struct RowCells {
    pub label: String,
    pub length: String,
    pub width: String,
    pub height: String,
    pub pieces: String,
    pub quantity: String,
}

/// A photo by its place in the list of photo files handed to typst.
#[derive(Debug, Serialize)]
pub struct PhotoRef {
    pub index: usize,
    pub caption: String,
}

pub struct TakeoffFacts<'a> {
    /// What the estimate document is made from.
    pub estimate: EstimateFacts<'a>,
    pub measurements: &'a [MeasuredRow],
    /// The photos whose bytes are handed to typst, in that order.
    pub photos: &'a [StoredPhoto],
}

pub fn model(facts: &TakeoffFacts) -> TakeoffModel {
    let base = &facts.estimate;
    let contract = base.contract;
    let estimate = base.estimate;
    let mut rows = group_by_concept(facts.measurements, |row| row.concept_id, measured_cells);
    let mut photos = group_by_concept(
        facts.photos.iter().enumerate(),
        |(_, photo)| photo.concept_id,
        |(index, photo)| PhotoRef {
            index,
            caption: photo.caption.clone(),
        },
    );
    let notes: BTreeMap<i64, &str> = base
        .notes
        .iter()
        .map(|line| (line.concept_id, line.notes.as_str()))
        .collect();

    let billed: Vec<&StatementLine> = base
        .statement
        .lines
        .iter()
        .filter(|line| {
            !line.this_quantity.is_zero()
                || rows.contains_key(&line.concept_id)
                || photos.contains_key(&line.concept_id)
        })
        .collect();
    let concepts = billed
        .into_iter()
        .map(|line| ConceptTakeoff {
            rows: rows.remove(&line.concept_id).unwrap_or_default(),
            photos: photos.remove(&line.concept_id).unwrap_or_default(),
            notes: notes.get(&line.concept_id).unwrap_or(&"").trim().to_owned(),
            ..concept_heading(line)
        })
        .collect();

    TakeoffModel {
        head: Head::new(
            base.letterhead,
            base.paper,
            format!("Números generadores · Estimación {}", estimate.number),
            estimate::state(estimate),
            format!(
                "Contrato {} · {}",
                estimate::contract_code(contract),
                contract.name
            ),
        ),
        facts: estimate::header_facts(contract, estimate),
        concepts,
        signatures: estimate::signatures(base.signers),
    }
}

/// Items grouped by their concept, in their original order within each concept.
fn group_by_concept<T, U>(
    items: impl IntoIterator<Item = T>,
    concept_id: impl Fn(&T) -> i64,
    cells: impl Fn(T) -> U,
) -> BTreeMap<i64, Vec<U>> {
    let mut grouped: BTreeMap<i64, Vec<U>> = BTreeMap::new();
    for item in items {
        grouped
            .entry(concept_id(&item))
            .or_default()
            .push(cells(item));
    }
    grouped
}

fn concept_heading(line: &StatementLine) -> ConceptTakeoff {
    ConceptTakeoff {
        code: line.code.clone(),
        description: line.description.clone(),
        unit: line.unit.clone(),
        quantity: format::quantity(line.this_quantity),
        notes: String::new(),
        rows: Vec::new(),
        photos: Vec::new(),
    }
}

fn measured_cells(row: &MeasuredRow) -> RowCells {
    let dimension = |value: Option<Decimal>| value.map(format::quantity).unwrap_or_default();
    let product = billing::measurement_quantity(row.length, row.width, row.height, row.pieces);
    RowCells {
        label: row.label.clone(),
        length: dimension(row.length),
        width: dimension(row.width),
        height: dimension(row.height),
        pieces: dimension(row.pieces),
        quantity: format::quantity(product),
    }
}
