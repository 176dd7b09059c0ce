//! Issuing a session: an access token for the user's working company and the next refresh
//! token of a family.

use chrono::Utc;
use shared::dto::TokenPair;
use uuid::Uuid;

use crate::{
    app::AppState,
    auth::tokens::{self, ACCESS_TOKEN_SECS, REFRESH_TOKEN_SECS},
    db,
    error::{ApiError, ApiResult},
};

pub async fn issue_session(
    state: &AppState,
    user_id: i64,
    family_id: Uuid,
) -> ApiResult<TokenPair> {
    let no_session = || ApiError::Unauthorized("this user cannot log in now".to_owned());

    let company_id = db::users::working_company(&state.pool, user_id)
        .await?
        .ok_or_else(|| {
            ApiError::Forbidden("this user works in no company; ask a director to add you".into())
        })?;
    let member = db::users::find_membership(&state.pool, user_id, company_id)
        .await?
        .filter(|member| member.active)
        .ok_or_else(no_session)?;

    let access_token =
        state
            .tokens
            .issue_access(user_id, member.customer_id, company_id, member.level)?;
    let refresh_token = tokens::new_refresh_token();
    let expires_at = Utc::now() + chrono::Duration::seconds(REFRESH_TOKEN_SECS);
    let hash = tokens::refresh_token_hash(&refresh_token);
    db::refresh_tokens::insert(&state.pool, user_id, family_id, &hash, expires_at).await?;

    Ok(TokenPair {
        access_token,
        token_type: "Bearer".to_owned(),
        expires_in: ACCESS_TOKEN_SECS,
        refresh_token,
        refresh_expires_in: REFRESH_TOKEN_SECS,
    })
}
