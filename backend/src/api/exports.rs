//! `/contracts/{id}/concepts.xlsx` and `/estimates/{id}/statement.xlsx`: spreadsheets to
//! exchange with clients and subcontractors.

use poem::web::Data;
use poem_openapi::{ApiResponse, OpenApi, param::Path, payload::Binary};
use shared::{Action, format};

use super::{
    ApiTags,
    contracts::contract_for,
    estimates::{estimate_for, issued_or_current_statement},
};
use crate::{
    app::AppState,
    auth::Session,
    db,
    documents::estimate::contract_code,
    error::ApiResult,
    sheets::{self, CatalogExportRow, StatementHeading},
};

/// A workbook to download.
#[derive(ApiResponse)]
pub enum Workbook {
    /// The .xlsx file.
    #[oai(
        status = 200,
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )]
    Xlsx(
        Binary<Vec<u8>>,
        /// `attachment; filename="catalogo-<folio>.xlsx"` and the like.
        #[oai(header = "content-disposition")]
        String,
    ),
}

pub struct ExportsApi;

#[OpenApi(tag = "ApiTags::Documents")]
impl ExportsApi {
    /// The catalog as a spreadsheet
    ///
    /// Código, Concepto, Unidad, Cantidad, Precio unitario and Importe: the layout
    /// `POST /contracts/{id}/concepts/import` reads, so a catalog can go out and come back.
    #[oai(
        path = "/contracts/:id/concepts.xlsx",
        method = "get",
        operation_id = "export_concepts"
    )]
    async fn export_concepts(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<Workbook> {
        let tenant = session.0;
        let found = contract_for(&state, &tenant, id.0, Action::ReadContract).await?;
        let concepts = db::concepts::all(&state.pool, &tenant, id.0).await?;

        let rows: Vec<CatalogExportRow> = concepts
            .into_iter()
            .map(|concept| CatalogExportRow {
                code: concept.code,
                description: concept.description,
                unit: concept.unit,
                quantity: concept.quantity,
                unit_price: concept.unit_price,
            })
            .collect();
        let title = format!(
            "{} · {}",
            contract_code(&found.contract),
            found.contract.name
        );
        let bytes = sheets::catalog_workbook(&title, &rows).map_err(anyhow::Error::from)?;
        let name = format!(
            "attachment; filename=\"catalogo-{}.xlsx\"",
            found.contract.folio
        );
        Ok(Workbook::Xlsx(Binary(bytes), name))
    }

    /// The estimate's statement as a spreadsheet
    ///
    /// Every concept with its contracted, previous, this, to-date and pending quantities and
    /// amounts, then the totals down to the net payable.
    #[oai(
        path = "/estimates/:id/statement.xlsx",
        method = "get",
        operation_id = "export_statement"
    )]
    async fn export_statement(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<Workbook> {
        let tenant = session.0;
        let (estimate, found) = estimate_for(&state, &tenant, id.0, Action::ReadContract).await?;
        let mut db = state.pool.acquire().await?;
        let statement = issued_or_current_statement(&mut db, &tenant, id.0).await?;
        let letterhead = db::documents::letterhead(&mut *db, &tenant).await?;
        drop(db);

        let contract = &found.contract;
        let heading = StatementHeading {
            company: letterhead.name,
            contract: format!("{} — {}", contract_code(contract), contract.name),
            estimate: format!("Estimación {}", estimate.number),
            period: format::period(estimate.period_start, estimate.period_end),
        };
        let bytes =
            sheets::statement_workbook(&heading, &statement).map_err(anyhow::Error::from)?;
        let name = format!(
            "attachment; filename=\"estimacion-{}-{}.xlsx\"",
            contract.folio, estimate.number
        );
        Ok(Workbook::Xlsx(Binary(bytes), name))
    }
}
