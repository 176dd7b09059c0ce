//! Printed documents over HTTP, read back with poppler (pdftotext, pdfinfo, pdfimages): the
//! worked example's figures, user text printed as typed, paper sizes, long catalogs, photos,
//! the logo, and PDFs kept until the estimate changes.

mod common;

use std::{io::Write, process::Command};

use common::{
    TestApp,
    example::{Example, new_estimate, set_lines, worked_example},
    images::{encoded, sideways_jpeg},
    problem, spawn_app,
};
use reqwest::{Method, StatusCode};
use serde_json::json;
use shared::AccessLevel;
use sqlx::PgPool;

/// Runs a poppler tool over the PDF and returns what it printed.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let mut file = tempfile_named("pdf");
    file.1.write_all(pdf).unwrap();
    let path = file.0.to_str().unwrap().to_owned();
    let mut full: Vec<&str> = args.to_vec();
    full.push(&path);
    if tool == "pdftotext" {
        full.push("-");
    }
    let output = Command::new(tool)
        .args(&full)
        .output()
        .unwrap_or_else(|error| panic!("{tool} could not run ({error}); install poppler-utils"));
    assert!(
        output.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::remove_file(&file.0).ok();
    String::from_utf8(output.stdout).unwrap()
}

fn tempfile_named(extension: &str) -> (std::path::PathBuf, std::fs::File) {
    let path =
        std::env::temp_dir().join(format!("construbot-{}.{extension}", uuid::Uuid::new_v4()));
    let file = std::fs::File::create(&path).unwrap();
    (path, file)
}

fn text_of(pdf: &[u8]) -> String {
    poppler("pdftotext", &["-layout"], pdf)
}

/// pdfinfo's "Pages" and "Page size" lines.
fn pages_and_size(pdf: &[u8]) -> (usize, String) {
    let info = poppler("pdfinfo", &[], pdf);
    let field = |name: &str| {
        info.lines()
            .find_map(|line| line.strip_prefix(name))
            .map(|value| value.trim().to_owned())
            .unwrap_or_default()
    };
    (field("Pages:").parse().unwrap(), field("Page size:"))
}

/// Width × height of every image in the PDF (not of their transparency masks).
fn image_sizes(pdf: &[u8]) -> Vec<(u32, u32)> {
    poppler("pdfimages", &["-list"], pdf)
        .lines()
        .skip(2)
        .filter_map(|line| {
            let cells: Vec<&str> = line.split_whitespace().collect();
            if cells.get(2) != Some(&"image") {
                return None;
            }
            Some((cells.get(3)?.parse().ok()?, cells.get(4)?.parse().ok()?))
        })
        .collect()
}

struct Pdf {
    bytes: Vec<u8>,
    source: String,
    disposition: String,
}

async fn download(app: &TestApp, path: &str, token: &str) -> Pdf {
    let response = app.get(path, token).await;
    assert_eq!(response.status(), StatusCode::OK, "GET {path}");
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let header = |name: &str| response.headers()[name].to_str().unwrap().to_owned();
    let source = header("x-document-source");
    let disposition = header("content-disposition");
    let bytes = response.bytes().await.unwrap().to_vec();
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF: {path}");
    Pdf {
        bytes,
        source,
        disposition,
    }
}

/// The example with its two estimates billed as DOMAIN.md's worked example.
async fn billed_example(app: &TestApp) -> (Example, i64, i64) {
    let example = worked_example(app).await;
    let first = new_estimate(app, &example, "2026-05-01", "2026-05-15").await;
    set_lines(app, &example, first, &["60.25", "20.333", "0"]).await;
    let second = new_estimate(app, &example, "2026-05-16", "2026-05-31").await;
    set_lines(app, &example, second, &["65.00", "30.1", "4500.5"]).await;
    (example, first, second)
}

#[sqlx::test(migrations = "../migrations")]
async fn the_estimate_pdf_prints_the_worked_example(pool: PgPool) {
    let app = spawn_app(pool).await;
    let (example, first, second) = billed_example(&app).await;

    let pdf = download(
        &app,
        &format!("/api/v1/estimates/{first}/pdf"),
        &example.token,
    )
    .await;
    let text = text_of(&pdf.bytes);
    for figure in [
        "Estimación 1",
        "Municipio de Querétaro",
        "Caja rompedora de presión",
        "del 1 al 15 de mayo de 2026",
        "$61,007.48",
        "-$18,302.24",
        "$41,400.20",
        "$499,829.13",
        "Neto a pagar",
        "Página 1 de 1",
    ] {
        assert!(text.contains(figure), "«{figure}» missing from:\n{text}");
    }
    assert!(
        pdf.disposition.contains("estimacion-"),
        "{}",
        pdf.disposition
    );

    let pdf = download(
        &app,
        &format!("/api/v1/estimates/{second}/pdf"),
        &example.token,
    )
    .await;
    let text = text_of(&pdf.bytes);
    for figure in ["Estimación 2", "$144,195.06", "104.38 %", "-$973.88"] {
        assert!(text.contains(figure), "«{figure}» missing from:\n{text}");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn an_unchanged_estimate_is_rendered_once(pool: PgPool) {
    let app = spawn_app(pool).await;
    let (example, first, _) = billed_example(&app).await;
    let path = format!("/api/v1/estimates/{first}/pdf");

    let rendered = download(&app, &path, &example.token).await;
    let kept = download(&app, &path, &example.token).await;
    assert_eq!(
        (rendered.source.as_str(), kept.source.as_str()),
        ("rendered", "kept")
    );
    assert_eq!(rendered.bytes, kept.bytes);

    set_lines(&app, &example, first, &["61", "20.333", "0"]).await;
    let changed = download(&app, &path, &example.token).await;
    assert_eq!(changed.source, "rendered");
    assert!(text_of(&changed.bytes).contains("$61,146.60"));

    // A draft follows the catalog, which does not bump the estimate's revision.
    let concept = example.concepts[0];
    let response = app
        .send(
            Method::PUT,
            &format!(
                "/api/v1/contracts/{}/concepts/{concept}",
                example.contract_id
            ),
            &example.token,
            Some(
                &json!({ "code": "C1", "description": "Excavación a mano", "unit_id":
                unit_of(&app, concept).await, "quantity": "120.00", "unit_price": "185.50" }),
            ),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let after_catalog = download(&app, &path, &example.token).await;
    assert_eq!(after_catalog.source, "rendered");
    assert!(text_of(&after_catalog.bytes).contains("Excavación a mano"));
}

async fn unit_of(app: &TestApp, concept: i64) -> i64 {
    sqlx::query_scalar("SELECT unit_id FROM concepts WHERE id = $1")
        .bind(concept)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn user_text_prints_as_typed_never_as_markup(pool: PgPool) {
    let app = spawn_app(pool).await;
    let example = worked_example(&app).await;
    let tricky = [
        "#set page(width: 1cm) *negritas* _cursiva_ $x^2$ @ref <etiqueta> [corchetes]",
        "1. no es una lista",
        "-- ni un guion largo \"comillas\" 'simples' \\ diagonal",
        "Tubo Ø 6\" ½ ¾ m² m³ 20 °C ñ á ü ¿ ¡ ≤ ≥ ± × – — “ ” …",
    ];
    let unit = unit_of(&app, example.concepts[0]).await;
    let concepts: Vec<_> = tricky
        .iter()
        .enumerate()
        .map(|(index, text)| {
            json!({ "code": format!("T{index}"), "description": text, "unit_id": unit,
                    "quantity": "1", "unit_price": "10" })
        })
        .collect();
    app.create(
        &format!("/api/v1/contracts/{}/concepts", example.contract_id),
        &example.token,
        &json!({ "concepts": concepts }),
    )
    .await;
    let estimate = new_estimate(&app, &example, "2026-05-01", "2026-05-15").await;

    let pdf = download(
        &app,
        &format!("/api/v1/estimates/{estimate}/pdf"),
        &example.token,
    )
    .await;
    let (pages, size) = pages_and_size(&pdf.bytes);
    assert_eq!(pages, 1, "markup in the text must not change the page");
    assert!(size.starts_with("792 x 612"), "{size}");
    // In content order, so a description wrapped in its cell reads as one run of words.
    let raw = poppler("pdftotext", &["-raw"], &pdf.bytes);
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    for typed in tricky {
        let typed = typed.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&typed), "«{typed}» missing from:\n{text}");
    }

    let fonts = poppler("pdffonts", &[], &pdf.bytes);
    assert!(fonts.contains("DejaVuSans"), "{fonts}");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_thousand_concepts_print_on_many_pages_with_the_header_on_each(pool: PgPool) {
    let app = spawn_app(pool).await;
    let example = worked_example(&app).await;
    let unit = unit_of(&app, example.concepts[0]).await;
    let concepts: Vec<_> = (0..997)
        .map(|index| {
            json!({ "code": format!("L{index:04}"), "description": format!("Partida {index}"),
                    "unit_id": unit, "quantity": "10", "unit_price": "1.5" })
        })
        .collect();
    app.create(
        &format!("/api/v1/contracts/{}/concepts", example.contract_id),
        &example.token,
        &json!({ "concepts": concepts }),
    )
    .await;
    let estimate = new_estimate(&app, &example, "2026-05-01", "2026-05-15").await;

    let path = format!("/api/v1/estimates/{estimate}/pdf?paper=a4");
    let pdf = download(&app, &path, &example.token).await;
    let (pages, size) = pages_and_size(&pdf.bytes);
    assert!(pages > 10, "{pages} pages");
    assert!(
        size.starts_with("841.89 x 595.2"),
        "A4 landscape, got {size}"
    );

    let text = text_of(&pdf.bytes);
    let pages_text: Vec<&str> = text
        .split('\u{c}')
        .filter(|page| !page.trim().is_empty())
        .collect();
    assert_eq!(pages_text.len(), pages);
    for (number, page) in pages_text.iter().enumerate() {
        let has_rows = page.contains(" L0");
        let has_header = page.contains("Clave") && page.contains("Esta estimación");
        assert!(
            !has_rows || has_header,
            "page {} has concepts but no header",
            number + 1
        );
        let footer = format!("Página {} de {pages}", number + 1);
        assert!(
            page.contains(&footer),
            "«{footer}» missing on page {}",
            number + 1
        );
    }
    assert!(text.contains("L0996"));
}

#[sqlx::test(migrations = "../migrations")]
async fn the_takeoff_shows_rows_quantities_and_upright_photos(pool: PgPool) {
    let app = spawn_app(pool).await;
    let example = worked_example(&app).await;
    let estimate = new_estimate(&app, &example, "2026-05-01", "2026-05-15").await;
    let concept = example.concepts[0];
    let response = app
        .send(
            Method::PUT,
            &format!("/api/v1/estimates/{estimate}/lines/{concept}/measurements"),
            &example.token,
            Some(&json!({ "rows": [
                { "label": "Eje A-B, tramo 1", "length": "12.5", "width": "2", "height": "1.2" },
                { "label": "Eje B-C", "length": "4", "pieces": "3" },
            ]})),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let photo = app
        .http
        .post(format!(
            "{}/api/v1/estimates/{estimate}/lines/{concept}/photos",
            app.base
        ))
        .bearer_auth(&example.token)
        .header("content-type", "image/jpeg")
        .body(sideways_jpeg(300, 200))
        .send()
        .await
        .unwrap();
    assert_eq!(photo.status(), StatusCode::CREATED);

    let path = format!("/api/v1/estimates/{estimate}/takeoff.pdf");
    let pdf = download(&app, &path, &example.token).await;
    let text = text_of(&pdf.bytes);
    for expected in [
        "Números generadores",
        "Eje A-B, tramo 1",
        "30.00",
        "12.00",
        "42.00",
        "C1",
    ] {
        assert!(
            text.contains(expected),
            "«{expected}» missing from:\n{text}"
        );
    }
    assert!(
        !text.contains("C2 —"),
        "concepts the estimate does not bill are left out"
    );
    assert_eq!(image_sizes(&pdf.bytes), [(200, 300)], "the photo, upright");
}

#[sqlx::test(migrations = "../migrations")]
async fn the_logo_heads_the_documents_once_a_director_sets_it(pool: PgPool) {
    let app = spawn_app(pool).await;
    let (example, first, _) = billed_example(&app).await;
    let logo = |token: &str, bytes: Vec<u8>| {
        app.http
            .put(format!("{}/api/v1/company/logo", app.base))
            .bearer_auth(token.to_owned())
            .header("content-type", "image/png")
            .body(bytes)
            .send()
    };
    let editor = app
        .token_for("editor@acme.mx", AccessLevel::Coordinador, "Acme Obras")
        .await;

    let refused = logo(&editor, encoded(900, 300, image::ImageFormat::Png))
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let not_image = logo(&example.token, b"GIF89a nothing".to_vec())
        .await
        .unwrap();
    problem(not_image, StatusCode::UNPROCESSABLE_ENTITY).await;
    let set = logo(&example.token, encoded(900, 300, image::ImageFormat::Png))
        .await
        .unwrap();
    assert_eq!(set.status(), StatusCode::NO_CONTENT);

    let pdf = download(
        &app,
        &format!("/api/v1/estimates/{first}/pdf"),
        &example.token,
    )
    .await;
    assert_eq!(pdf.source, "rendered", "a new logo is a new document");
    assert_eq!(image_sizes(&pdf.bytes), [(600, 200)]);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_subcontract_report_pdf_lists_the_subcontracts(pool: PgPool) {
    let app = spawn_app(pool).await;
    let (example, first, _) = billed_example(&app).await;

    let pdf = download(
        &app,
        &format!("/api/v1/estimates/{first}/subcontract-report.pdf"),
        &example.token,
    )
    .await;
    let text = text_of(&pdf.bytes);
    assert!(text.contains("Reporte de subcontratos"), "{text}");
    assert!(
        text.contains("Ningún subcontrato estimó en este periodo"),
        "{text}"
    );

    let stranger = app
        .token_for("otro@rival.mx", AccessLevel::Director, "Rival")
        .await;
    for path in ["pdf", "takeoff.pdf", "subcontract-report.pdf"] {
        let response = app
            .get(&format!("/api/v1/estimates/{first}/{path}"), &stranger)
            .await;
        problem(response, StatusCode::NOT_FOUND).await;
    }
}
