//! Printed documents: the estimate, its take-off and the subcontract report, set by typst from
//! templates kept beside this file.
//!
//! Each document is a plain serialisable model (`estimate.rs`, `takeoff.rs`, …) with every
//! figure already written out by `shared::format`, so the PDF reads exactly like the screen.
//! The model reaches typst as JSON bytes in `sys.inputs`, never as template source: user text
//! cannot become markup. Rendered files are kept in object storage (`cache.rs`).

pub mod cache;
pub mod estimate;
pub mod report;
pub mod takeoff;

use std::sync::Arc;

use tokio::sync::Semaphore;

use rust_decimal::Decimal;
use serde::Serialize;
use typst::foundations::{Array, Bytes, Dict, IntoValue, Value};
use typst_as_lib::TypstEngine;
use typst_layout::PagedDocument;

use crate::db::documents::{Letterhead, Signer};

/// Fonts are part of the binary, so a server without any system font prints the same PDF.
const FONTS: [&[u8]; 2] = [
    include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
    include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf"),
];

const TEMPLATES: [(&str, &str); 4] = [
    ("common.typ", include_str!("templates/common.typ")),
    ("estimate.typ", include_str!("templates/estimate.typ")),
    ("takeoff.typ", include_str!("templates/takeoff.typ")),
    (
        "subcontract_report.typ",
        include_str!("templates/subcontract_report.typ"),
    ),
];

/// Bumped when a template changes, so that PDFs kept from the old one are not served.
pub const TEMPLATE_VERSION: u32 = 1;

/// The documents there are templates for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    Estimate,
    Takeoff,
    SubcontractReport,
}

impl Template {
    fn file(self) -> &'static str {
        match self {
            Template::Estimate => "estimate.typ",
            Template::Takeoff => "takeoff.typ",
            Template::SubcontractReport => "subcontract_report.typ",
        }
    }

    /// The name used in storage keys and download file names.
    pub fn slug(self) -> &'static str {
        match self {
            Template::Estimate => "estimacion",
            Template::Takeoff => "generadores",
            Template::SubcontractReport => "subcontratos",
        }
    }
}

/// Paper size; every document is landscape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, poem_openapi::Enum)]
#[oai(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    Letter,
    A4,
}

impl Paper {
    /// typst's name for it.
    pub fn typst_name(self) -> &'static str {
        match self {
            Paper::Letter => "us-letter",
            Paper::A4 => "a4",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Paper::Letter => "carta",
            Paper::A4 => "a4",
        }
    }
}

/// What a document is made from: the model, as JSON, and the images it shows.
pub struct Sources {
    pub model: Vec<u8>,
    /// The company's logo, as stored (PNG or JPEG).
    pub logo: Option<Vec<u8>>,
    /// Photos the model refers to by index.
    pub photos: Vec<Vec<u8>>,
}

/// The typst engine with the templates and fonts loaded; built once, shared by all requests.
#[derive(Clone)]
pub struct Renderer {
    engine: Arc<TypstEngine>,
    /// One rendering per core at most: more would only slow every request down.
    permits: Arc<Semaphore>,
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("typst could not set the document: {0}")]
    Typst(String),
    #[error("typst could not write the PDF: {0}")]
    Pdf(String),
}

impl Default for Renderer {
    fn default() -> Self {
        Renderer::new()
    }
}

impl Renderer {
    pub fn new() -> Renderer {
        let engine = TypstEngine::builder()
            .fonts(FONTS)
            .with_static_source_file_resolver(TEMPLATES)
            .build();
        let cores = std::thread::available_parallelism().map_or(1, |cores| cores.get());
        Renderer {
            engine: Arc::new(engine),
            permits: Arc::new(Semaphore::new(cores)),
        }
    }

    /// [`Renderer::render`] on a blocking thread, waiting for a free core first.
    pub async fn render_pdf(
        &self,
        template: Template,
        sources: Sources,
    ) -> Result<Vec<u8>, RenderError> {
        let _permit = self.permits.acquire().await;
        let renderer = self.clone();
        tokio::task::spawn_blocking(move || renderer.render(template, &sources))
            .await
            .map_err(|error| RenderError::Typst(format!("the rendering thread failed: {error}")))?
    }

    /// Sets the document and writes it as PDF. CPU-bound (about half a second for a
    /// thousand concepts): call it from `spawn_blocking`.
    pub fn render(&self, template: Template, sources: &Sources) -> Result<Vec<u8>, RenderError> {
        let inputs = inputs(sources);

        let compiled = self
            .engine
            .compile_with_input::<_, _, PagedDocument>(template.file(), inputs);
        for warning in &compiled.warnings {
            tracing::warn!(template = template.file(), message = %warning.message, "typst warning");
        }
        let document = compiled
            .output
            .map_err(|error| RenderError::Typst(error.to_string()))?;

        typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
            .map_err(|errors| RenderError::Pdf(format!("{errors:?}")))
    }
}

fn inputs(sources: &Sources) -> Dict {
    let mut inputs = Dict::new();
    let model = Bytes::new(sources.model.clone());
    inputs.insert("document".into(), model.into_value());

    if let Some(logo) = &sources.logo {
        inputs.insert("logo".into(), Bytes::new(logo.clone()).into_value());
    }
    let photos: Array = sources
        .photos
        .iter()
        .map(|photo| Value::Bytes(Bytes::new(photo.clone())))
        .collect();
    inputs.insert("photos".into(), photos.into_value());
    inputs
}

/// What heads and foots every page.
#[derive(Debug, Serialize)]
pub struct Head {
    pub title: String,
    pub subtitle: String,
    pub paper: &'static str,
    pub footer: String,
    pub company: CompanyHead,
}

#[derive(Debug, Serialize)]
pub struct CompanyHead {
    pub name: String,
    /// The legal name, or the trade name when none is recorded.
    pub legal_name: String,
    pub tax_id: String,
}

impl Head {
    pub fn new(
        letterhead: &Letterhead,
        paper: Paper,
        title: String,
        subtitle: String,
        footer: String,
    ) -> Head {
        let legal_name = if letterhead.legal_name.trim().is_empty() {
            letterhead.name.clone()
        } else {
            letterhead.legal_name.clone()
        };
        Head {
            title,
            subtitle,
            paper: paper.typst_name(),
            footer,
            company: CompanyHead {
                name: letterhead.name.clone(),
                legal_name,
                tax_id: letterhead.tax_id.clone(),
            },
        }
    }
}

/// A signature block; an empty name leaves a line to sign on.
#[derive(Debug, Serialize)]
pub struct Signature {
    pub role: String,
    pub name: String,
    pub position: String,
}

impl Signature {
    pub fn new(role: &str, signer: Option<&Signer>) -> Signature {
        Signature {
            role: role.to_owned(),
            name: signer.map(|s| s.name.clone()).unwrap_or_default(),
            position: signer.map(|s| s.position.clone()).unwrap_or_default(),
        }
    }
}

/// A label and amount under a table.
#[derive(Debug, Serialize)]
pub struct SummaryRow {
    pub label: String,
    pub amount: String,
    pub strong: bool,
}

impl SummaryRow {
    pub fn new(label: &str, amount: Decimal, strong: bool) -> SummaryRow {
        SummaryRow {
            label: label.to_owned(),
            amount: shared::format::money(amount),
            strong,
        }
    }
}

#[cfg(test)]
mod tests {
    use typst::text::Font;

    use super::*;

    /// Every character real Mexican catalogs use, as the issue lists them.
    const CATALOG_CHARACTERS: &str = "ØøÑñÁáÉéÍíÓóÚúÜü¿¡½¾¼²³°≤≥±×–—“”‘’…$#*_@<>[]\"'";

    #[test]
    fn the_embedded_fonts_cover_every_character_of_real_catalogs() {
        for face in FONTS {
            let font = Font::new(Bytes::new(face.to_vec()), 0).expect("an embedded font");
            let missing: String = CATALOG_CHARACTERS
                .chars()
                .filter(|c| !font.info().coverage.contains(*c as u32))
                .collect();
            assert_eq!(missing, "", "{} lacks glyphs", font.info().family);
        }
    }

    #[test]
    fn every_template_sets_a_minimal_document() {
        let renderer = Renderer::new();
        let head = serde_json::json!({
            "title": "Estimación 1", "subtitle": "Borrador", "paper": "us-letter",
            "footer": "Contrato 1", "facts": [["Cliente", "Municipio"]], "signatures": [],
            "company": { "name": "Acme", "legal_name": "Acme S.A. de C.V.", "tax_id": "" },
        });
        let mut estimate = head.clone();
        estimate["lines"] = serde_json::json!([]);
        estimate["notes"] = serde_json::json!([]);
        estimate["totals"] = serde_json::json!([{ "label": "Neto", "amount": "$1.00",
            "strong": true }]);
        estimate["columns"] = serde_json::json!({ "contracted": "$0.00", "previous": "$0.00",
            "this": "$0.00", "to_date": "$0.00", "pending": "$0.00" });
        let mut takeoff = head.clone();
        takeoff["concepts"] = serde_json::json!([]);
        let mut report = head;
        report["rows"] = serde_json::json!([]);
        report["totals"] = serde_json::json!({ "contracted": "$0.00", "previous": "$0.00",
            "this": "$0.00", "to_date": "$0.00" });

        for (template, model) in [
            (Template::Estimate, estimate),
            (Template::Takeoff, takeoff),
            (Template::SubcontractReport, report),
        ] {
            let sources = Sources {
                model: serde_json::to_vec(&model).unwrap(),
                logo: None,
                photos: Vec::new(),
            };
            let pdf = renderer.render(template, &sources);
            assert!(
                pdf.as_ref().is_ok_and(|pdf| pdf.starts_with(b"%PDF-")),
                "{template:?}: {pdf:?}"
            );
        }
    }
}
