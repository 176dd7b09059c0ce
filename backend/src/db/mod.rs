//! Small named queries, one module per resource. Each takes a pool, connection or
//! transaction; business queries take the caller's [`crate::auth::Tenant`].

pub mod companies;
pub mod contracts;
pub mod refresh_tokens;
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
