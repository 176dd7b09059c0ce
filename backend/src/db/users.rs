//! Users and their company memberships.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};

/// What login needs to know about an email.
#[derive(Debug, sqlx::FromRow)]
pub struct LoginCandidate {
    pub id: i64,
    pub customer_id: i64,
    pub password_hash: String,
    pub level: i16,
    pub active: bool,
}

pub async fn find_for_login(
    db: impl PgExecutor<'_>,
    email: &str,
) -> sqlx::Result<Option<LoginCandidate>> {
    sqlx::query_as(
        "SELECT id, customer_id, password_hash, level, active
         FROM users WHERE lower(email) = lower($1)",
    )
    .bind(email.trim())
    .fetch_optional(db)
    .await
}

/// A user as seen from one of their companies.
#[derive(Debug, sqlx::FromRow)]
pub struct Membership {
    pub customer_id: i64,
    pub level: i16,
    pub active: bool,
    pub sessions_valid_after: DateTime<Utc>,
}

/// The user, if they belong to `company_id`.
pub async fn find_membership(
    db: impl PgExecutor<'_>,
    user_id: i64,
    company_id: i64,
) -> sqlx::Result<Option<Membership>> {
    sqlx::query_as(
        "SELECT u.customer_id, u.level, u.active, u.sessions_valid_after
         FROM users u
         JOIN company_users cu ON cu.user_id = u.id AND cu.company_id = $2
         WHERE u.id = $1",
    )
    .bind(user_id)
    .bind(company_id)
    .fetch_optional(db)
    .await
}

/// The user's active company, or their first company by name when none is set.
pub async fn working_company(db: impl PgExecutor<'_>, user_id: i64) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "SELECT cu.company_id
         FROM users u
         JOIN company_users cu ON cu.user_id = u.id
         JOIN companies c ON c.id = cu.company_id
         WHERE u.id = $1
         ORDER BY (cu.company_id = u.active_company_id) DESC, lower(c.name), c.id
         LIMIT 1",
    )
    .bind(user_id)
    .fetch_optional(db)
    .await
}

#[derive(Debug, sqlx::FromRow)]
pub struct Profile {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub position: String,
    pub level: i16,
    pub customer_id: i64,
    pub customer_name: String,
    pub password_hash: String,
}

pub async fn profile(db: impl PgExecutor<'_>, user_id: i64) -> sqlx::Result<Profile> {
    sqlx::query_as(
        "SELECT u.id, u.email, u.name, u.position, u.level, u.customer_id,
                c.name AS customer_name, u.password_hash
         FROM users u JOIN customers c ON c.id = u.customer_id
         WHERE u.id = $1",
    )
    .bind(user_id)
    .fetch_one(db)
    .await
}

pub async fn set_active_company(
    db: impl PgExecutor<'_>,
    user_id: i64,
    company_id: i64,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET active_company_id = $2 WHERE id = $1")
        .bind(user_id)
        .bind(company_id)
        .execute(db)
        .await?;
    Ok(())
}

/// Stores a new password hash and invalidates every access token issued before now.
pub async fn set_password(
    db: &mut PgConnection,
    user_id: i64,
    password_hash: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET password_hash = $2, sessions_valid_after = now() WHERE id = $1")
        .bind(user_id)
        .bind(password_hash)
        .execute(db)
        .await?;
    Ok(())
}

pub struct NewUser<'a> {
    pub customer_id: i64,
    pub email: &'a str,
    pub password_hash: &'a str,
    pub name: &'a str,
    pub position: &'a str,
    pub level: i16,
    pub active_company_id: i64,
}

/// Creates a user, or returns the existing one with that email in the same customer.
/// Returns `None` when the email belongs to another customer.
pub async fn upsert(db: &mut PgConnection, user: &NewUser<'_>) -> sqlx::Result<Option<i64>> {
    let existing: Option<(i64, i64)> =
        sqlx::query_as("SELECT id, customer_id FROM users WHERE lower(email) = lower($1)")
            .bind(user.email)
            .fetch_optional(&mut *db)
            .await?;
    if let Some((id, customer_id)) = existing {
        return Ok((customer_id == user.customer_id).then_some(id));
    }

    let id = sqlx::query_scalar(
        "INSERT INTO users (customer_id, email, password_hash, name, position, level,
                            active_company_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(user.customer_id)
    .bind(user.email.trim())
    .bind(user.password_hash)
    .bind(user.name)
    .bind(user.position)
    .bind(user.level)
    .bind(user.active_company_id)
    .fetch_one(db)
    .await?;
    Ok(Some(id))
}

pub async fn add_to_company(
    db: impl PgExecutor<'_>,
    customer_id: i64,
    company_id: i64,
    user_id: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO company_users (customer_id, company_id, user_id) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING",
    )
    .bind(customer_id)
    .bind(company_id)
    .bind(user_id)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn set_active(db: impl PgExecutor<'_>, user_id: i64, active: bool) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET active = $2 WHERE id = $1")
        .bind(user_id)
        .bind(active)
        .execute(db)
        .await?;
    Ok(())
}

/// The ids of the active users who work in `company_id`.
pub async fn member_ids(db: impl PgExecutor<'_>, company_id: i64) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "SELECT u.id FROM company_users cu JOIN users u ON u.id = cu.user_id
         WHERE cu.company_id = $1 AND u.active",
    )
    .bind(company_id)
    .fetch_all(db)
    .await
}

/// The active users who work in `company_id`, by name: (id, name, email, position, level).
pub async fn members(
    db: impl PgExecutor<'_>,
    company_id: i64,
) -> sqlx::Result<Vec<(i64, String, String, String, i16)>> {
    sqlx::query_as(
        "SELECT u.id, u.name, u.email, u.position, u.level
         FROM company_users cu JOIN users u ON u.id = cu.user_id
         WHERE cu.company_id = $1 AND u.active ORDER BY lower(u.name), u.id",
    )
    .bind(company_id)
    .fetch_all(db)
    .await
}
