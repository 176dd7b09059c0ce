//! Customers and companies.

use shared::dto::CompanySummary;
use sqlx::{PgConnection, PgExecutor};

/// The customer named `name`, created when missing.
pub async fn ensure_customer(db: &mut PgConnection, name: &str) -> sqlx::Result<i64> {
    let existing = sqlx::query_scalar("SELECT id FROM customers WHERE lower(name) = lower($1)")
        .bind(name.trim())
        .fetch_optional(&mut *db)
        .await?;
    match existing {
        Some(id) => Ok(id),
        None => {
            sqlx::query_scalar("INSERT INTO customers (name) VALUES ($1) RETURNING id")
                .bind(name.trim())
                .fetch_one(db)
                .await
        }
    }
}

/// The customer's company named `name`, created when missing.
pub async fn ensure_company(
    db: &mut PgConnection,
    customer_id: i64,
    name: &str,
) -> sqlx::Result<i64> {
    let existing = sqlx::query_scalar(
        "SELECT id FROM companies WHERE customer_id = $1 AND lower(name) = lower($2)",
    )
    .bind(customer_id)
    .bind(name.trim())
    .fetch_optional(&mut *db)
    .await?;
    match existing {
        Some(id) => Ok(id),
        None => {
            sqlx::query_scalar(
                "INSERT INTO companies (customer_id, name) VALUES ($1, $2) RETURNING id",
            )
            .bind(customer_id)
            .bind(name.trim())
            .fetch_one(db)
            .await
        }
    }
}

pub async fn set_legal_details(
    db: impl PgExecutor<'_>,
    company_id: i64,
    legal_name: &str,
    tax_id: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE companies SET legal_name = $2, tax_id = $3 WHERE id = $1")
        .bind(company_id)
        .bind(legal_name)
        .bind(tax_id)
        .execute(db)
        .await?;
    Ok(())
}

/// The companies a user works in, by name.
pub async fn of_user(db: impl PgExecutor<'_>, user_id: i64) -> sqlx::Result<Vec<CompanySummary>> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT c.id, c.name FROM companies c
         JOIN company_users cu ON cu.company_id = c.id
         WHERE cu.user_id = $1
         ORDER BY lower(c.name), c.id",
    )
    .bind(user_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| CompanySummary { id, name })
        .collect())
}
