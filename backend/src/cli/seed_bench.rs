//! `construbot seed-bench`: a large dataset for `make bench`, generated in the database.
//!
//! Two companies; across them 200 contracts and 100 subcontracts of 150 concepts each, and
//! 8 estimates per contract that each bill 60 % of the concepts. Set-based statements make
//! it in seconds rather than hours of single inserts.

use shared::AccessLevel;
use sqlx::PgPool;

use super::create_user::{CreateUser, create_user};
use crate::{auth::Tenant, db};

pub const BENCH_CUSTOMER: &str = "Constructora de Pruebas de Carga";
pub const BENCH_EMAIL: &str = "bench@bench.construbot.mx";
const COMPANIES: [&str; 2] = ["Obras de Carga Norte", "Obras de Carga Sur"];
const CONTRACTS_PER_COMPANY: i64 = 100;
const SUBCONTRACTS_PER_COMPANY: i64 = 50;
const CONCEPTS: i64 = 150;
const ESTIMATES: i64 = 8;

pub async fn seed_bench(pool: &PgPool, password: &str) -> anyhow::Result<()> {
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM customers WHERE name = $1")
        .bind(BENCH_CUSTOMER)
        .fetch_optional(pool)
        .await?;
    if exists.is_some() {
        tracing::info!("the bench dataset is already loaded");
        return Ok(());
    }

    for company in COMPANIES {
        let user_id = create_user(
            pool,
            &CreateUser {
                email: BENCH_EMAIL.to_owned(),
                password: password.to_owned(),
                level: AccessLevel::Director,
                customer: BENCH_CUSTOMER.to_owned(),
                company: company.to_owned(),
                name: Some("Usuario de pruebas de carga".to_owned()),
                position: String::new(),
            },
        )
        .await?;
        let (customer_id, company_id): (i64, i64) = sqlx::query_as(
            "SELECT c.customer_id, c.id FROM companies c JOIN customers u ON u.id = c.customer_id
             WHERE u.name = $1 AND c.name = $2",
        )
        .bind(BENCH_CUSTOMER)
        .bind(company)
        .fetch_one(pool)
        .await?;
        let tenant = Tenant {
            user_id,
            customer_id,
            company_id,
            level: AccessLevel::Director,
        };
        seed_company(pool, &tenant).await?;
        tracing::info!(company, "bench company loaded");
    }
    // Fresh statistics, as autovacuum would gather them in a while, so that the first
    // measurements see the plans a running server gets.
    sqlx::query("ANALYZE").execute(pool).await?;
    Ok(())
}

async fn seed_company(pool: &PgPool, tenant: &Tenant) -> anyhow::Result<()> {
    let mut tx = db::begin(pool, tenant).await?;
    let company = tenant.company_id;
    let total = CONTRACTS_PER_COMPANY + SUBCONTRACTS_PER_COMPANY;

    sqlx::query(
        "INSERT INTO counterparties (company_id, kind, name)
         VALUES ($1, 'client', 'Cliente de carga'),
                ($1, 'subcontractor', 'Subcontratista de carga')",
    )
    .bind(company)
    .execute(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO units (company_id, name) VALUES ($1, 'm3')")
        .bind(company)
        .execute(&mut *tx)
        .await?;

    // Folios 1..100 are contracts; 101..150 subcontracts of contracts 1..50.
    sqlx::query(
        "INSERT INTO contracts (company_id, folio, code, name, short_name, date,
                                counterparty_id, amount, advance_percent, tax_rate)
         SELECT $1, n, 'CB-' || lpad(n::text, 4, '0'), 'Contrato de carga ' || n, 'Carga ' || n,
                DATE '2026-01-01',
                (SELECT id FROM counterparties WHERE company_id = $1
                   AND kind = CASE WHEN n <= $2 THEN 'client' ELSE 'subcontractor' END),
                5000000.00, 20, 16
         FROM generate_series(1, $3::bigint) AS n",
    )
    .bind(company)
    .bind(CONTRACTS_PER_COMPANY)
    .bind(total)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE contracts c SET parent_id = p.id
         FROM contracts p
         WHERE c.company_id = $1 AND p.company_id = $1 AND c.folio > $2
           AND p.folio = c.folio - $2",
    )
    .bind(company)
    .bind(CONTRACTS_PER_COMPANY)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE companies SET last_contract_folio = $2 WHERE id = $1")
        .bind(company)
        .bind(total)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO contract_users (contract_id, user_id)
         SELECT id, $2 FROM contracts WHERE company_id = $1",
    )
    .bind(company)
    .bind(tenant.user_id)
    .execute(&mut *tx)
    .await?;

    seed_catalogs(&mut tx, company).await?;
    seed_estimates(&mut tx, company).await?;
    tx.commit().await?;
    Ok(())
}

async fn seed_catalogs(tx: &mut sqlx::PgConnection, company: i64) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO concepts (company_id, contract_id, position, code, description, unit_id,
                               quantity, unit_price)
         SELECT $1, c.id, k, 'K-' || lpad(k::text, 3, '0'),
                'Concepto de carga ' || k || ': excavación, relleno y compactación por capas',
                (SELECT id FROM units WHERE company_id = $1),
                100 + k * 3.25, 50 + (k * 37 % 900) + 0.45
         FROM contracts c, generate_series(1, $2::integer) AS k
         WHERE c.company_id = $1",
    )
    .bind(company)
    .bind(CONCEPTS as i32)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO retentions (company_id, contract_id, name, kind, value)
         SELECT $1, id, '5 al millar', 'percentage', 0.5 FROM contracts WHERE company_id = $1",
    )
    .bind(company)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Eight estimates per contract, each billing 6 % of 60 % of the concepts (90 of 150).
/// The first six are marked invoiced without a kept statement, so that every statement the
/// bench asks for is computed, as a draft's is.
async fn seed_estimates(tx: &mut sqlx::PgConnection, company: i64) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO estimates (company_id, contract_id, number, period_start, period_end,
                                invoiced_on, paid_on)
         SELECT $1, c.id, e, DATE '2026-01-01' + (e - 1) * 14, DATE '2026-01-01' + e * 14 - 1,
                CASE WHEN e <= 6 THEN DATE '2026-01-01' + e * 14 + 2 END,
                CASE WHEN e <= 4 THEN DATE '2026-01-01' + e * 14 + 20 END
         FROM contracts c, generate_series(1, $2::integer) AS e
         WHERE c.company_id = $1",
    )
    .bind(company)
    .bind(ESTIMATES as i32)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO estimate_lines (company_id, estimate_id, contract_id, concept_id, quantity)
         SELECT $1, e.id, e.contract_id, k.id, round(k.quantity * 0.06, 2)
         FROM estimates e JOIN concepts k ON k.contract_id = e.contract_id
         WHERE e.company_id = $1 AND (k.position + e.number) % 5 < 3",
    )
    .bind(company)
    .execute(&mut *tx)
    .await?;
    Ok(())
}
