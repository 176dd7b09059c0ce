//! Small named queries, one module per resource. Each takes a pool, connection or
//! transaction; business queries take the caller's [`crate::auth::Tenant`].

pub mod audit;
pub mod companies;
pub mod concepts;
pub mod contacts;
pub mod contracts;
pub mod counterparties;
pub mod documents;
pub mod estimates;
pub mod photos;
pub mod refresh_tokens;
pub mod reports;
pub mod retentions;
pub mod sites;
pub mod units;
pub mod users;

use sqlx::{PgPool, postgres::PgPoolOptions};

pub async fn connect(url: &str) -> anyhow::Result<PgPool> {
    let pool = PgPoolOptions::new()
        .max_connections(20)
        .acquire_timeout(std::time::Duration::from_secs(5))
        .connect(url)
        .await
        .map_err(|error| {
            anyhow::anyhow!("cannot connect to PostgreSQL at DATABASE_URL: {error}")
        })?;
    Ok(pool)
}

/// Creates the database DATABASE_URL names, so a fresh machine needs no psql.
pub async fn create_database_if_missing(url: &str) -> anyhow::Result<()> {
    use sqlx::{Postgres, migrate::MigrateDatabase};

    if !Postgres::database_exists(url).await? {
        Postgres::create_database(url).await?;
        tracing::info!("created the database named in DATABASE_URL");
    }
    Ok(())
}

pub async fn migrate(pool: &PgPool) -> anyhow::Result<()> {
    sqlx::migrate!("../migrations").run(pool).await?;
    Ok(())
}

/// Which page of a list to read: validated by the API, spliced into SQL only as bind values
/// (list queries are `AssertSqlSafe` for this reason alone),
/// except `order`, which is one of the resource's own whitelisted expressions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// An ILIKE pattern (see [`like_pattern`]), or none for every record.
    pub pattern: Option<String>,
    pub limit: i64,
    pub offset: i64,
    /// An `ORDER BY` clause built from a resource's whitelist; never user text.
    pub order: String,
}

/// An ILIKE pattern matching `text` anywhere, with LIKE's wildcards in it taken literally.
pub fn like_pattern(text: &str) -> String {
    let escaped = text
        .trim()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// Whether `error` is the violation of the unique index or constraint `name`.
pub fn violates(error: &sqlx::Error, name: &str) -> bool {
    match error {
        sqlx::Error::Database(database) => database.constraint() == Some(name),
        _ => false,
    }
}

/// A transaction whose changes the audit log attributes to the tenant's user.
///
/// Audited tables (contracts, concepts, retentions, estimates and their lines) log every
/// change through a trigger; this names who made it.
pub async fn begin(
    pool: &PgPool,
    tenant: &crate::auth::Tenant,
) -> sqlx::Result<sqlx::Transaction<'static, sqlx::Postgres>> {
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT set_config('construbot.user_id', $1, true)")
        .bind(tenant.user_id.to_string())
        .execute(&mut *tx)
        .await?;
    Ok(tx)
}
