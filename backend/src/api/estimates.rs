//! Estimates: `/contracts/{id}/estimates` and `/estimates/{id}`, their lines, take-offs,
//! statement and billing states.

use std::collections::HashMap;

use poem::web::Data;
use poem_openapi::{OpenApi, param::Path, payload::Json};
use rust_decimal::Decimal;
use shared::{
    Action, billing,
    dto::{
        BillingDate, Estimate, EstimateInput, EstimateLines, EstimateList, LinesInput, Measurement,
        Statement, Takeoff, TakeoffInput, UnlockInput,
    },
    money::round_money,
    validate::{Checks, QUANTITY},
};

use super::{ApiTags, Created, NoContent, contracts::contract_for};
use crate::{
    app::AppState,
    auth::{Session, Tenant},
    db::{self, contracts::Found, estimates::Fields},
    error::{ApiError, ApiResult},
};

/// Most take-off rows one line may have.
const MAX_MEASUREMENTS: usize = 2_000;

/// The estimate `id` and its contract, as the tenant may see them, checked for `action`.
pub async fn estimate_for(
    state: &AppState,
    tenant: &Tenant,
    id: i64,
    action: Action,
) -> ApiResult<(Estimate, Found)> {
    let estimate = db::estimates::find(&state.pool, tenant, id)
        .await?
        .ok_or_else(not_found)?;
    let contract = contract_for(state, tenant, estimate.contract_id, Action::ReadContract)
        .await
        .map_err(|_| not_found())?;
    tenant.require(action, contract.assigned)?;
    Ok((estimate, contract))
}

/// An estimate that is about to change: 409 once invoiced.
fn editable(estimate: &Estimate) -> ApiResult<()> {
    match estimate.invoiced_on {
        Some(date) => Err(ApiError::Conflict(format!(
            "estimate {} was invoiced on {date} and is locked; a director may unlock it \
             with a reason",
            estimate.number
        ))),
        None => Ok(()),
    }
}

pub struct EstimatesApi;

#[OpenApi(tag = "ApiTags::Estimates")]
impl EstimatesApi {
    /// List a contract's estimates
    #[oai(
        path = "/contracts/:id/estimates",
        method = "get",
        operation_id = "list_estimates"
    )]
    async fn list(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<Json<EstimateList>> {
        let tenant = session.0;
        contract_for(&state, &tenant, id.0, Action::ReadContract).await?;
        let items = db::estimates::list(&state.pool, &tenant, id.0).await?;
        Ok(Json(EstimateList { items }))
    }

    /// Create the contract's next estimate
    ///
    /// The server numbers it n+1, safe under concurrent creation. Closed contracts take no
    /// new estimates (409).
    #[oai(
        path = "/contracts/:id/estimates",
        method = "post",
        operation_id = "create_estimate"
    )]
    async fn create(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        body: Json<EstimateInput>,
    ) -> ApiResult<Created<Estimate>> {
        let tenant = session.0;
        let contract = contract_for(&state, &tenant, id.0, Action::EditEstimate).await?;
        if !contract.contract.open {
            return Err(ApiError::Conflict(
                "the contract is closed; open it again to add estimates".into(),
            ));
        }
        let fields = checked_header(&state, &tenant, &contract, &body.0).await?;

        let mut tx = db::begin(&state.pool, &tenant).await?;
        let estimate_id = db::estimates::insert(&mut tx, &tenant, id.0, &fields).await?;
        tx.commit().await?;

        tracing::info!(
            contract.id = id.0,
            estimate.id = estimate_id,
            "estimate created"
        );
        let created = db::estimates::find(&state.pool, &tenant, estimate_id).await?;
        Ok(Created::Created(Json(created.ok_or_else(not_found)?)))
    }

    /// Read an estimate
    #[oai(path = "/estimates/:id", method = "get", operation_id = "get_estimate")]
    async fn get(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<Json<Estimate>> {
        let (estimate, _) = estimate_for(&state, &session.0, id.0, Action::ReadContract).await?;
        Ok(Json(estimate))
    }

    /// Replace an estimate's header
    #[oai(
        path = "/estimates/:id",
        method = "put",
        operation_id = "update_estimate"
    )]
    async fn update(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        body: Json<EstimateInput>,
    ) -> ApiResult<Json<Estimate>> {
        let tenant = session.0;
        let (estimate, contract) =
            estimate_for(&state, &tenant, id.0, Action::EditEstimate).await?;
        editable(&estimate)?;
        let fields = checked_header(&state, &tenant, &contract, &body.0).await?;

        let mut tx = db::begin(&state.pool, &tenant).await?;
        db::estimates::update(&mut tx, &tenant, id.0, &fields).await?;
        tx.commit().await?;
        reread(&state, &tenant, id.0).await
    }

    /// Delete an estimate
    ///
    /// Only the latest of its contract, and never an invoiced one (409), so numbers stay
    /// contiguous.
    #[oai(
        path = "/estimates/:id",
        method = "delete",
        operation_id = "delete_estimate"
    )]
    async fn delete(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<NoContent> {
        let tenant = session.0;
        let (estimate, _) = estimate_for(&state, &tenant, id.0, Action::BillEstimate).await?;
        editable(&estimate)?;
        let latest = db::estimates::latest_number(&state.pool, estimate.contract_id).await?;
        if estimate.number != latest {
            return Err(ApiError::Conflict(format!(
                "only the latest estimate ({latest}) can be deleted, so that numbers stay \
                 contiguous"
            )));
        }

        let mut tx = db::begin(&state.pool, &tenant).await?;
        db::estimates::delete(&mut tx, &tenant, id.0).await?;
        tx.commit().await?;
        Ok(NoContent::Done)
    }

    /// An estimate's lines
    #[oai(
        path = "/estimates/:id/lines",
        method = "get",
        operation_id = "list_estimate_lines"
    )]
    async fn lines(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<Json<EstimateLines>> {
        estimate_for(&state, &session.0, id.0, Action::ReadContract).await?;
        let items = db::estimates::lines(&state.pool, id.0).await?;
        Ok(Json(EstimateLines { items }))
    }

    /// Set quantities and notes of an estimate's lines
    ///
    /// All or none; every fault is named (`lines[2].quantity`). A concept of another
    /// contract is refused. On a contract that refuses over-contract quantities, a to-date
    /// quantity above the contracted one is refused too. Returns the new statement.
    #[oai(
        path = "/estimates/:id/lines",
        method = "put",
        operation_id = "set_estimate_lines"
    )]
    async fn set_lines(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        body: Json<LinesInput>,
    ) -> ApiResult<Json<Statement>> {
        let tenant = session.0;
        let (estimate, contract) =
            estimate_for(&state, &tenant, id.0, Action::EditEstimate).await?;
        editable(&estimate)?;
        let lines = checked_lines(&state, &estimate, &contract, &body.0).await?;

        let mut tx = db::begin(&state.pool, &tenant).await?;
        db::estimates::set_lines(&mut tx, &tenant, id.0, estimate.contract_id, &lines).await?;
        db::estimates::touch(&mut tx, id.0).await?;
        let statement = statement_of(&mut tx, &tenant, id.0).await?;
        tx.commit().await?;
        Ok(Json(statement))
    }

    /// A line's take-off
    #[oai(
        path = "/estimates/:id/lines/:concept_id/measurements",
        method = "get",
        operation_id = "get_takeoff"
    )]
    async fn takeoff(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        concept_id: Path<i64>,
    ) -> ApiResult<Json<Takeoff>> {
        let tenant = session.0;
        let (estimate, _) = estimate_for(&state, &tenant, id.0, Action::ReadContract).await?;
        db::concepts::find(&state.pool, &tenant, estimate.contract_id, concept_id.0)
            .await?
            .ok_or_else(|| ApiError::NotFound("no such concept in this contract".into()))?;
        takeoff_of(&state, id.0, concept_id.0).await.map(Json)
    }

    /// Replace a line's take-off
    ///
    /// The line's quantity becomes the sum of the rows' products; an empty take-off leaves
    /// the quantity at zero.
    #[oai(
        path = "/estimates/:id/lines/:concept_id/measurements",
        method = "put",
        operation_id = "replace_takeoff"
    )]
    async fn replace_takeoff(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        concept_id: Path<i64>,
        body: Json<TakeoffInput>,
    ) -> ApiResult<Json<Takeoff>> {
        let tenant = session.0;
        let (estimate, _) = estimate_for(&state, &tenant, id.0, Action::EditEstimate).await?;
        editable(&estimate)?;
        db::concepts::find(&state.pool, &tenant, estimate.contract_id, concept_id.0)
            .await?
            .ok_or_else(|| ApiError::NotFound("no such concept in this contract".into()))?;
        let rows = checked_takeoff(&body.0)?;
        let quantity = billing::takeoff_quantity(rows.iter().map(|row| {
            billing::measurement_quantity(row.length, row.width, row.height, row.pieces)
        }));

        let mut tx = db::begin(&state.pool, &tenant).await?;
        db::estimates::replace_takeoff(
            &mut tx,
            &tenant,
            id.0,
            estimate.contract_id,
            concept_id.0,
            &rows,
            quantity,
        )
        .await?;
        db::estimates::touch(&mut tx, id.0).await?;
        tx.commit().await?;
        takeoff_of(&state, id.0, concept_id.0).await.map(Json)
    }

    /// An estimate's statement
    ///
    /// Every concept of the contract with contracted, previous, this, to-date and pending
    /// quantities and amounts; the totals under them and the tie-out checks.
    #[oai(
        path = "/estimates/:id/statement",
        method = "get",
        operation_id = "get_estimate_statement"
    )]
    async fn statement(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
    ) -> ApiResult<Json<Statement>> {
        let tenant = session.0;
        estimate_for(&state, &tenant, id.0, Action::ReadContract).await?;
        let mut db = state.pool.acquire().await?;
        issued_or_current_statement(&mut db, &tenant, id.0)
            .await
            .map(Json)
    }

    /// Mark an estimate invoiced
    ///
    /// Freezes every line at its unit price and amount and locks the estimate.
    #[oai(
        path = "/estimates/:id/invoice",
        method = "post",
        operation_id = "invoice_estimate"
    )]
    async fn invoice(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        body: Json<BillingDate>,
    ) -> ApiResult<Json<Estimate>> {
        let tenant = session.0;
        let (estimate, _) = estimate_for(&state, &tenant, id.0, Action::BillEstimate).await?;
        editable(&estimate)?;

        let mut tx = db::begin(&state.pool, &tenant).await?;
        db::estimates::freeze_lines(&mut tx, id.0).await?;
        let issued = statement_of(&mut tx, &tenant, id.0).await?;
        let issued = serde_json::to_value(&issued).map_err(anyhow::Error::from)?;
        db::estimates::mark_invoiced(&mut tx, id.0, body.0.date, &issued).await?;
        tx.commit().await?;
        tracing::info!(estimate.id = id.0, "estimate invoiced");
        reread(&state, &tenant, id.0).await
    }

    /// Mark an estimate paid
    ///
    /// Only an invoiced estimate, on or after its invoice date.
    #[oai(
        path = "/estimates/:id/pay",
        method = "post",
        operation_id = "pay_estimate"
    )]
    async fn pay(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        body: Json<BillingDate>,
    ) -> ApiResult<Json<Estimate>> {
        let tenant = session.0;
        let (estimate, _) = estimate_for(&state, &tenant, id.0, Action::BillEstimate).await?;
        let Some(invoiced_on) = estimate.invoiced_on else {
            return Err(ApiError::Conflict(
                "the estimate is not invoiced yet; invoice it first".into(),
            ));
        };
        if estimate.paid_on.is_some() {
            return Err(ApiError::Conflict("the estimate is already paid".into()));
        }
        if body.0.date < invoiced_on {
            return Err(ApiError::invalid(
                "date",
                format!("it was invoiced on {invoiced_on}; payment cannot come before"),
            ));
        }

        let mut tx = db::begin(&state.pool, &tenant).await?;
        db::estimates::pay(&mut tx, id.0, body.0.date).await?;
        tx.commit().await?;
        reread(&state, &tenant, id.0).await
    }

    /// Unlock an invoiced estimate
    ///
    /// Level 3 and up, with a reason that is kept. The estimate becomes a draft again and
    /// follows the concepts' current prices.
    #[oai(
        path = "/estimates/:id/unlock",
        method = "post",
        operation_id = "unlock_estimate"
    )]
    async fn unlock(
        &self,
        state: Data<&AppState>,
        session: Session,
        id: Path<i64>,
        body: Json<UnlockInput>,
    ) -> ApiResult<Json<Estimate>> {
        let tenant = session.0;
        let (estimate, _) = estimate_for(&state, &tenant, id.0, Action::UnlockEstimate).await?;
        if estimate.invoiced_on.is_none() {
            return Err(ApiError::Conflict("the estimate is not locked".into()));
        }
        let mut checks = Checks::new();
        let reason = checks.required("reason", &body.0.reason, 1000);
        checks.finish()?;

        let mut tx = db::begin(&state.pool, &tenant).await?;
        db::estimates::unlock(&mut tx, &tenant, id.0, &reason).await?;
        tx.commit().await?;
        tracing::info!(estimate.id = id.0, "estimate unlocked");
        reread(&state, &tenant, id.0).await
    }
}

async fn reread(state: &AppState, tenant: &Tenant, id: i64) -> ApiResult<Json<Estimate>> {
    let estimate = db::estimates::find(&state.pool, tenant, id).await?;
    Ok(Json(estimate.ok_or_else(not_found)?))
}

/// The statement of estimate `id` as its data stands now, computed by the shared crate from
/// one read.
/// The statement as issued once invoiced, else as the catalog stands now.
pub async fn issued_or_current_statement(
    db: &mut sqlx::PgConnection,
    tenant: &Tenant,
    id: i64,
) -> ApiResult<Statement> {
    if let Some(issued) = db::estimates::frozen_statement(&mut *db, id).await? {
        let issued = serde_json::from_value(issued).map_err(anyhow::Error::from)?;
        return Ok(issued);
    }
    statement_of(db, tenant, id).await
}

pub async fn statement_of(
    db: &mut sqlx::PgConnection,
    tenant: &Tenant,
    id: i64,
) -> ApiResult<Statement> {
    let estimate = db::estimates::find(&mut *db, tenant, id)
        .await?
        .ok_or_else(not_found)?;
    let data = db::estimates::statement_data(db, &estimate).await?;

    let grosses: Vec<(Decimal, bool)> = data
        .earlier
        .iter()
        .map(|(is_final, lines)| {
            let gross = lines
                .iter()
                .map(|line| billing::line_amount(line.quantity, line.unit_price))
                .sum();
            (round_money(gross), *is_final)
        })
        .collect();
    let previous = data.previous();
    let prior_to_date =
        (!grosses.is_empty()).then(|| round_money(grosses.iter().map(|(gross, _)| gross).sum()));

    Ok(billing::statement(&billing::StatementInput {
        contract: &data.terms,
        concepts: &data.concepts,
        retentions: &data.retentions,
        previous: &previous,
        amortized_before: billing::amortized_before(&data.terms, &grosses),
        prior_to_date,
        lines: &data.lines,
        is_final: estimate.is_final,
    }))
}

async fn checked_header(
    state: &AppState,
    tenant: &Tenant,
    contract: &Found,
    input: &EstimateInput,
) -> ApiResult<Fields> {
    let mut checks = Checks::new();
    if input.period_end < input.period_start {
        checks.fail("period_end", "the period cannot end before it starts");
    }
    let members = db::users::member_ids(&state.pool, tenant.company_id).await?;
    for (field, user) in [
        ("drafted_by_id", input.drafted_by_id),
        ("supervised_by_id", input.supervised_by_id),
    ] {
        if user.is_some_and(|id| !members.contains(&id)) {
            checks.fail(field, "no such user in the active company");
        }
    }
    if let Some(contact_id) = input.authorized_by_id {
        let contact = db::contacts::find(&state.pool, tenant, contact_id).await?;
        if contact.is_none_or(|c| c.counterparty_id != contract.contract.counterparty.id) {
            checks.fail(
                "authorized_by_id",
                "no such contact of the contract's counterparty",
            );
        }
    }
    checks.finish()?;

    Ok(Fields {
        period_start: input.period_start,
        period_end: input.period_end,
        drafted_by_id: input.drafted_by_id,
        supervised_by_id: input.supervised_by_id,
        authorized_by_id: input.authorized_by_id,
        show_advance: input.show_advance,
        show_retentions: input.show_retentions,
        is_final: input.is_final,
    })
}

/// Checks the lines against the contract's catalog and, where the contract says so,
/// against the contracted quantities.
async fn checked_lines(
    state: &AppState,
    estimate: &Estimate,
    contract: &Found,
    input: &LinesInput,
) -> ApiResult<Vec<db::estimates::LineChange>> {
    let mut db = state.pool.acquire().await?;
    let data = db::estimates::statement_data(&mut db, estimate).await?;
    let catalog: HashMap<i64, &billing::CatalogConcept> = data
        .concepts
        .iter()
        .map(|concept| (concept.concept_id, concept))
        .collect();
    let previous = data.previous();

    let mut checks = Checks::new();
    let mut lines = Vec::with_capacity(input.lines.len());
    let mut seen: HashMap<i64, usize> = HashMap::new();
    for (index, line) in input.lines.iter().enumerate() {
        let field = |name: &str| format!("lines[{index}].{name}");
        if let Some(first) = seen.get(&line.concept_id) {
            checks.fail(
                field("concept_id"),
                format!("the concept is already in lines[{first}]; send each concept once"),
            );
            continue;
        }
        seen.insert(line.concept_id, index);
        let Some(concept) = catalog.get(&line.concept_id) else {
            checks.fail(field("concept_id"), "no such concept in this contract");
            continue;
        };
        let notes = checks.optional(&field("notes"), &line.notes, 2000);
        let Some(quantity) = checks.decimal(&field("quantity"), &line.quantity, QUANTITY) else {
            continue;
        };
        let before = previous
            .get(&line.concept_id)
            .map(|b| b.quantity)
            .unwrap_or_default();
        if contract.contract.refuse_over_contract && before + quantity > concept.quantity {
            checks.fail(
                field("quantity"),
                format!(
                    "{} to date would exceed the {} contracted for {}; this contract refuses \
                     over-contract quantities",
                    before + quantity,
                    concept.quantity.normalize(),
                    concept.code
                ),
            );
        }
        lines.push(db::estimates::LineChange {
            concept_id: line.concept_id,
            quantity,
            notes,
        });
    }
    checks.finish()?;
    Ok(lines)
}

fn checked_takeoff(input: &TakeoffInput) -> ApiResult<Vec<db::estimates::MeasurementRow>> {
    if input.rows.len() > MAX_MEASUREMENTS {
        return Err(ApiError::invalid(
            "rows",
            format!("a take-off takes up to {MAX_MEASUREMENTS} rows"),
        ));
    }
    let mut checks = Checks::new();
    let mut rows = Vec::with_capacity(input.rows.len());
    for (index, row) in input.rows.iter().enumerate() {
        let mut dimension = |name: &str, text: &Option<String>| {
            let text = text.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
            checks.decimal(&format!("rows[{index}].{name}"), text, QUANTITY)
        };
        let length = dimension("length", &row.length);
        let width = dimension("width", &row.width);
        let height = dimension("height", &row.height);
        let pieces = dimension("pieces", &row.pieces);
        let label = checks.optional(&format!("rows[{index}].label"), &row.label, 200);
        rows.push(db::estimates::MeasurementRow {
            label,
            length,
            width,
            height,
            pieces,
        });
    }
    checks.finish()?;
    Ok(rows)
}

async fn takeoff_of(state: &AppState, id: i64, concept_id: i64) -> ApiResult<Takeoff> {
    let rows = db::estimates::takeoff(&state.pool, id, concept_id).await?;
    let rows: Vec<Measurement> = rows
        .into_iter()
        .map(|(label, length, width, height, pieces)| Measurement {
            quantity: billing::measurement_quantity(length, width, height, pieces),
            label,
            length,
            width,
            height,
            pieces,
        })
        .collect();
    let quantity = billing::takeoff_quantity(rows.iter().map(|row| row.quantity));
    Ok(Takeoff {
        concept_id,
        rows,
        quantity,
    })
}

fn not_found() -> ApiError {
    ApiError::NotFound("no such estimate in the active company".to_owned())
}
