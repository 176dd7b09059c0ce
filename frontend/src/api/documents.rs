//! The files the server writes: an estimate's PDFs and statement, and a contract's catalog
//! as a spreadsheet. They need the token, which a plain link cannot send, so they are
//! fetched here and handed over as bytes.

use super::ApiError;
use super::http::get_file;

/// The paper size of a PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    /// "Carta", what Mexican offices print on.
    #[default]
    Letter,
    A4,
}

impl Paper {
    pub const ALL: [Paper; 2] = [Paper::Letter, Paper::A4];

    /// The value of `?paper=`.
    pub fn key(self) -> &'static str {
        match self {
            Paper::Letter => "letter",
            Paper::A4 => "a4",
        }
    }

    pub fn from_key(key: &str) -> Option<Paper> {
        Paper::ALL.into_iter().find(|paper| paper.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Paper::Letter => "Carta",
            Paper::A4 => "A4",
        }
    }
}

/// A file the server can write, and the name to save it under when it suggests none.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    path: String,
    params: Vec<(&'static str, String)>,
    fallback_name: String,
}

impl Document {
    /// `GET /api/v1/estimates/{id}/pdf`: the estimate ("Estimación").
    pub fn estimate_pdf(estimate_id: i64, paper: Paper) -> Document {
        Document::on_paper(
            format!("/api/v1/estimates/{estimate_id}/pdf"),
            paper,
            format!("estimacion-{estimate_id}.pdf"),
        )
    }

    /// `GET /api/v1/estimates/{id}/takeoff.pdf`: the take-off ("Números generadores").
    pub fn takeoff_pdf(estimate_id: i64, paper: Paper) -> Document {
        Document::on_paper(
            format!("/api/v1/estimates/{estimate_id}/takeoff.pdf"),
            paper,
            format!("numeros-generadores-{estimate_id}.pdf"),
        )
    }

    /// `GET /api/v1/estimates/{id}/subcontract-report.pdf`.
    pub fn subcontract_report_pdf(estimate_id: i64, paper: Paper) -> Document {
        Document::on_paper(
            format!("/api/v1/estimates/{estimate_id}/subcontract-report.pdf"),
            paper,
            format!("reporte-subcontratos-{estimate_id}.pdf"),
        )
    }

    /// `GET /api/v1/estimates/{id}/statement.xlsx`: the statement ("Estado de cuenta").
    pub fn statement_xlsx(estimate_id: i64) -> Document {
        Document {
            path: format!("/api/v1/estimates/{estimate_id}/statement.xlsx"),
            params: Vec::new(),
            fallback_name: format!("estado-de-cuenta-{estimate_id}.xlsx"),
        }
    }

    /// `GET /api/v1/contracts/{id}/concepts.xlsx`: the catalog, laid out as the import
    /// reads it.
    pub fn catalog_xlsx(contract_id: i64) -> Document {
        Document {
            path: format!("/api/v1/contracts/{contract_id}/concepts.xlsx"),
            params: Vec::new(),
            fallback_name: format!("catalogo-{contract_id}.xlsx"),
        }
    }

    fn on_paper(path: String, paper: Paper, fallback_name: String) -> Document {
        Document {
            path,
            params: vec![("paper", paper.key().to_string())],
            fallback_name,
        }
    }
}

/// A file as it arrived.
#[derive(Debug, Clone, PartialEq)]
pub struct Download {
    pub bytes: Vec<u8>,
    pub file_name: String,
    pub content_type: String,
}

/// Fetches `document`; a refusal is the server's problem, as for any other call.
pub async fn download(access_token: String, document: Document) -> Result<Download, ApiError> {
    let response = get_file(&access_token, &document.path, document.params.clone()).await?;

    let headers = response.headers();
    let file_name = headers
        .get("content-disposition")
        .and_then(|header| suggested_name(&header))
        .unwrap_or(document.fallback_name);
    let content_type = headers
        .get("content-type")
        .unwrap_or_else(|| "application/octet-stream".to_string());
    let bytes = response
        .binary()
        .await
        .map_err(|error| ApiError::Unexpected(error.to_string()))?;

    Ok(Download {
        bytes,
        file_name,
        content_type,
    })
}

/// The file name a `Content-Disposition` header suggests: `filename*` (RFC 6266, UTF-8 and
/// percent-encoded, so accents survive) before the plain `filename`. Any folder in it is
/// dropped: the browser decides where the file goes.
fn suggested_name(header: &str) -> Option<String> {
    let parameters = header.split(';').skip(1).filter_map(|part| {
        let (name, value) = part.split_once('=')?;
        Some((name.trim().to_ascii_lowercase(), value.trim()))
    });
    let mut plain = None;
    let mut extended = None;
    for (name, value) in parameters {
        match name.as_str() {
            "filename*" => extended = extended_value(value),
            "filename" => plain = Some(value.trim_matches('"').to_string()),
            _ => {}
        }
    }

    let name = extended.or(plain)?;
    let name = name.rsplit(['/', '\\']).next().unwrap_or_default().trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// `UTF-8''Estimaci%C3%B3n%201.pdf` → `Estimación 1.pdf`.
fn extended_value(value: &str) -> Option<String> {
    let (charset, rest) = value.split_once('\'')?;
    let (_language, encoded) = rest.split_once('\'')?;
    if !charset.eq_ignore_ascii_case("utf-8") {
        return None;
    }
    percent_decoded(encoded)
}

fn percent_decoded(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        if byte == b'%' {
            let hex = std::str::from_utf8(tail.get(..2)?).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
            rest = &tail[2..];
        } else {
            bytes.push(byte);
            rest = tail;
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extended_name_wins_and_keeps_its_accents() {
        let header = "attachment; filename=\"Estimacion 1.pdf\"; \
                      filename*=UTF-8''Estimaci%C3%B3n%201.pdf";

        assert_eq!(suggested_name(header).as_deref(), Some("Estimación 1.pdf"));
    }

    #[test]
    fn a_plain_name_is_taken_without_its_quotes_or_folders() {
        assert_eq!(
            suggested_name("attachment; filename=\"catalogo.xlsx\"").as_deref(),
            Some("catalogo.xlsx")
        );
        assert_eq!(
            suggested_name("attachment; filename=../../etc/estimacion.pdf").as_deref(),
            Some("estimacion.pdf")
        );
    }

    #[test]
    fn no_usable_name_falls_back() {
        assert_eq!(suggested_name("attachment"), None);
        assert_eq!(suggested_name("attachment; filename=\"\""), None);
        assert_eq!(suggested_name("inline; filename*=UTF-8''%ZZ"), None);
    }

    #[test]
    fn every_pdf_names_its_paper() {
        let document = Document::estimate_pdf(7, Paper::A4);

        assert_eq!(document.path, "/api/v1/estimates/7/pdf");
        assert_eq!(document.params, vec![("paper", "a4".to_string())]);
        assert_eq!(Paper::from_key("letter"), Some(Paper::Letter));
        assert_eq!(Paper::from_key("legal"), None);
    }
}
