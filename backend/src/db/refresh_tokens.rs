//! Refresh-token families: one per login, one live token at a time.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

pub async fn insert(
    db: impl PgExecutor<'_>,
    user_id: i64,
    family_id: Uuid,
    token_hash: &[u8],
    expires_at: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
         VALUES ($1, $2, $3, $4)",
    )
    .bind(user_id)
    .bind(family_id)
    .bind(token_hash)
    .bind(expires_at)
    .execute(db)
    .await?;
    Ok(())
}

/// What presenting a refresh token turned out to be.
pub enum Presented {
    /// A live token, now used up. The caller issues the next one in the same family.
    Fresh { user_id: i64, family_id: Uuid },
    /// A token that was already used or revoked: its family has been revoked.
    Replayed { user_id: i64 },
    /// Unknown or expired.
    Invalid,
}

/// Uses a token up, atomically: of two concurrent presentations only one is `Fresh`.
pub async fn consume(db: &mut PgConnection, token_hash: &[u8]) -> sqlx::Result<Presented> {
    let fresh: Option<(i64, Uuid)> = sqlx::query_as(
        "UPDATE refresh_tokens SET used_at = now()
         WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
         RETURNING user_id, family_id",
    )
    .bind(token_hash)
    .fetch_optional(&mut *db)
    .await?;
    if let Some((user_id, family_id)) = fresh {
        return Ok(Presented::Fresh { user_id, family_id });
    }

    let spent: Option<(i64, Uuid)> = sqlx::query_as(
        "SELECT user_id, family_id FROM refresh_tokens
         WHERE token_hash = $1 AND (used_at IS NOT NULL OR revoked_at IS NOT NULL)",
    )
    .bind(token_hash)
    .fetch_optional(&mut *db)
    .await?;
    match spent {
        Some((user_id, family_id)) => {
            revoke_family(db, family_id).await?;
            Ok(Presented::Replayed { user_id })
        }
        None => Ok(Presented::Invalid),
    }
}

pub async fn revoke_family(db: impl PgExecutor<'_>, family_id: Uuid) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE refresh_tokens SET revoked_at = now()
         WHERE family_id = $1 AND revoked_at IS NULL",
    )
    .bind(family_id)
    .execute(db)
    .await?;
    Ok(())
}

/// Revokes the family a token belongs to (logout). Unknown tokens are ignored.
pub async fn revoke_family_of(db: impl PgExecutor<'_>, token_hash: &[u8]) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE refresh_tokens SET revoked_at = now()
         WHERE revoked_at IS NULL
           AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)",
    )
    .bind(token_hash)
    .execute(db)
    .await?;
    Ok(())
}

/// Ends every session of a user: password change, deactivation.
pub async fn revoke_all_of_user(db: impl PgExecutor<'_>, user_id: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL",
    )
    .bind(user_id)
    .execute(db)
    .await?;
    Ok(())
}
