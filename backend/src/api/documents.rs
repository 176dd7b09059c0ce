//! `/estimates/{id}/pdf`, `/takeoff.pdf` and `/subcontract-report.pdf`: printed documents,
//! rendered by typst and kept in object storage until the estimate changes.

use object_store::path::Path as ObjectPath;
use poem::web::Data;
use poem_openapi::{
    ApiResponse, OpenApi,
    param::{Path, Query},
    payload::Binary,
};
use serde::Serialize;
use shared::{
    Action,
    dto::{Contract, Estimate, Statement},
};
use sqlx::PgConnection;

use super::{
    ApiTags,
    estimates::{estimate_for, issued_or_current_statement},
    reports::subcontract_report_of,
};
use crate::{
    app::AppState,
    auth::{Session, Tenant},
    db::{
        self,
        documents::{Letterhead, NotedLine, Signer},
    },
    documents::{
        Paper, Sources, Template,
        cache::{self, DocumentKey},
        estimate::{self, EstimateFacts},
        report::{self, ReportFacts},
        takeoff::{self, TakeoffFacts},
    },
    error::{ApiError, ApiResult},
};

/// A rendered document.
#[derive(ApiResponse)]
pub enum PdfDocument {
    /// The PDF.
    #[oai(status = 200, content_type = "application/pdf")]
    Pdf(
        Binary<Vec<u8>>,
        /// `attachment; filename="estimacion-<folio>-<number>.pdf"` and the like.
        #[oai(header = "content-disposition")]
        String,
        /// `kept` when an unchanged document was served from storage, `rendered` otherwise.
        #[oai(header = "x-document-source")]
        String,
    ),
}

pub struct DocumentsApi;

#[OpenApi(prefix_path = "/estimates", tag = "ApiTags::Documents")]
impl DocumentsApi {
    /// The estimate as a PDF
    ///
    /// Header, every concept of the contract (contracted, previous, this estimate, to date,
    /// pending), totals down to the net payable, and signature blocks. Landscape; the table
    /// header repeats on every page. An invoiced estimate prints its issued figures.
    #[oai(path = "/:id/pdf", method = "get", operation_id = "get_estimate_pdf")]
    async fn estimate_pdf(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        /// `letter` (default) or `a4`.
        paper: Query<Option<Paper>>,
    ) -> ApiResult<PdfDocument> {
        let tenant = session.0;
        let (estimate, found) = estimate_for(&state, &tenant, id.0, Action::ReadContract).await?;
        let paper = paper.0.unwrap_or_default();

        let mut db = state.pool.acquire().await?;
        let printed = Printed::read(&mut db, &tenant, id.0).await?;
        drop(db);

        let model = estimate::model(&printed.facts(&found.contract, &estimate, paper));
        let letterhead = &printed.letterhead;
        let request = Request::new(&tenant, &estimate, found.contract.folio, paper, letterhead);
        deliver(&state, request, Template::Estimate, &model, &[]).await
    }

    /// The estimate's take-off as a PDF
    ///
    /// Per concept billed: its measurement rows with the quantity they add up to, its notes
    /// and its photos, scaled to fit the page.
    #[oai(
        path = "/:id/takeoff.pdf",
        method = "get",
        operation_id = "get_takeoff_pdf"
    )]
    async fn takeoff_pdf(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        /// `letter` (default) or `a4`.
        paper: Query<Option<Paper>>,
    ) -> ApiResult<PdfDocument> {
        let tenant = session.0;
        let (estimate, found) = estimate_for(&state, &tenant, id.0, Action::ReadContract).await?;
        let paper = paper.0.unwrap_or_default();

        let mut db = state.pool.acquire().await?;
        let printed = Printed::read(&mut db, &tenant, id.0).await?;
        let measurements = db::documents::measurements(&mut *db, id.0).await?;
        let photos = db::documents::photos(&mut *db, id.0).await?;
        drop(db);

        let model = takeoff::model(&TakeoffFacts {
            estimate: printed.facts(&found.contract, &estimate, paper),
            measurements: &measurements,
            photos: &photos,
        });
        let photo_keys: Vec<&str> = photos.iter().map(|p| p.object_key.as_str()).collect();
        let letterhead = &printed.letterhead;
        let request = Request::new(&tenant, &estimate, found.contract.folio, paper, letterhead);
        deliver(&state, request, Template::Takeoff, &model, &photo_keys).await
    }

    /// The subcontract report as a PDF
    ///
    /// What the direct subcontracts billed in the estimate's period, as
    /// `GET /estimates/{id}/subcontract-report` answers it.
    #[oai(
        path = "/:id/subcontract-report.pdf",
        method = "get",
        operation_id = "get_subcontract_report_pdf"
    )]
    async fn subcontract_report_pdf(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        /// `letter` (default) or `a4`.
        paper: Query<Option<Paper>>,
    ) -> ApiResult<PdfDocument> {
        let tenant = session.0;
        let (estimate, found) = estimate_for(&state, &tenant, id.0, Action::ReadContract).await?;
        let paper = paper.0.unwrap_or_default();

        let report = subcontract_report_of(&state, &tenant, &estimate).await?;
        let letterhead = db::documents::letterhead(&state.pool, &tenant).await?;
        let signers = db::documents::signers(&state.pool, &tenant, id.0).await?;

        let model = report::model(&ReportFacts {
            letterhead: &letterhead,
            contract: &found.contract,
            estimate: &estimate,
            report: &report,
            signers: &signers,
            paper,
        });
        let request = Request::new(&tenant, &estimate, found.contract.folio, paper, &letterhead);
        deliver(&state, request, Template::SubcontractReport, &model, &[]).await
    }
}

/// What the estimate and its take-off both print besides the contract and the estimate.
struct Printed {
    statement: Statement,
    letterhead: Letterhead,
    signers: [Option<Signer>; 3],
    notes: Vec<NotedLine>,
}

impl Printed {
    async fn read(db: &mut PgConnection, tenant: &Tenant, estimate_id: i64) -> ApiResult<Printed> {
        Ok(Printed {
            statement: issued_or_current_statement(db, tenant, estimate_id).await?,
            letterhead: db::documents::letterhead(&mut *db, tenant).await?,
            signers: db::documents::signers(&mut *db, tenant, estimate_id).await?,
            notes: db::documents::line_notes(&mut *db, estimate_id).await?,
        })
    }

    fn facts<'a>(
        &'a self,
        contract: &'a Contract,
        estimate: &'a Estimate,
        paper: Paper,
    ) -> EstimateFacts<'a> {
        EstimateFacts {
            letterhead: &self.letterhead,
            contract,
            estimate,
            statement: &self.statement,
            signers: &self.signers,
            notes: &self.notes,
            paper,
        }
    }
}

/// Which document of which estimate is asked for.
struct Request<'a> {
    company_id: i64,
    estimate: &'a Estimate,
    folio: i64,
    paper: Paper,
    logo_key: Option<&'a str>,
}

impl<'a> Request<'a> {
    fn new(
        tenant: &Tenant,
        estimate: &'a Estimate,
        folio: i64,
        paper: Paper,
        letterhead: &'a Letterhead,
    ) -> Request<'a> {
        Request {
            company_id: tenant.company_id,
            estimate,
            folio,
            paper,
            logo_key: letterhead.logo_key.as_deref(),
        }
    }
}

/// Serves the kept rendering of this exact document, or renders and keeps it.
async fn deliver<M: Serialize>(
    state: &AppState,
    request: Request<'_>,
    template: Template,
    model: &M,
    photo_keys: &[&str],
) -> ApiResult<PdfDocument> {
    let model = serde_json::to_vec(model).map_err(anyhow::Error::from)?;
    let mut image_keys: Vec<&str> = request.logo_key.into_iter().collect();
    image_keys.extend_from_slice(photo_keys);
    let key = DocumentKey::new(
        request.company_id,
        request.estimate.id,
        template,
        request.paper,
        request.estimate.revision,
        &cache::fingerprint(&model, &image_keys),
    );
    let file_name = format!(
        "attachment; filename=\"{}-{}-{}.pdf\"",
        template.slug(),
        request.folio,
        request.estimate.number
    );

    if let Some(pdf) = cache::fetch(state.storage.as_ref(), &key).await {
        return Ok(PdfDocument::Pdf(Binary(pdf), file_name, "kept".into()));
    }

    let sources = Sources {
        model,
        logo: match request.logo_key {
            Some(logo) => Some(read_image(state, logo).await?),
            None => None,
        },
        photos: read_images(state, photo_keys).await?,
    };
    let started = std::time::Instant::now();
    let pdf = state
        .renderer
        .render_pdf(template, sources)
        .await
        .map_err(anyhow::Error::from)?;
    tracing::info!(
        estimate.id = request.estimate.id,
        document = template.slug(),
        bytes = pdf.len(),
        millis = started.elapsed().as_millis() as u64,
        "document rendered"
    );

    cache::keep(state.storage.as_ref(), &key, &pdf).await;
    Ok(PdfDocument::Pdf(Binary(pdf), file_name, "rendered".into()))
}

async fn read_images(state: &AppState, keys: &[&str]) -> ApiResult<Vec<Vec<u8>>> {
    let mut images = Vec::with_capacity(keys.len());
    for key in keys {
        images.push(read_image(state, key).await?);
    }
    Ok(images)
}

async fn read_image(state: &AppState, key: &str) -> ApiResult<Vec<u8>> {
    let unreadable = |error: object_store::Error| {
        tracing::error!(key, %error, "an image of a document is missing from storage");
        ApiError::Internal(anyhow::anyhow!("image {key} could not be read: {error}"))
    };
    let found = state
        .storage
        .get(&ObjectPath::from(key))
        .await
        .map_err(unreadable)?;
    let bytes = found.bytes().await.map_err(unreadable)?;
    Ok(bytes.to_vec())
}
