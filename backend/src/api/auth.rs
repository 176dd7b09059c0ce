//! `/auth`: login, refresh, logout.

use poem::web::{Data, RemoteAddr};
use poem_openapi::{OpenApi, payload::Json};
use shared::dto::{LoginRequest, RefreshRequest, TokenPair};
use uuid::Uuid;

use super::{ApiTags, NoContent};
use crate::{
    app::AppState,
    auth::{password, rate_limit, tokens},
    db::{self, refresh_tokens::Presented},
    error::{ApiError, ApiResult},
    http::session::issue_session,
};

const BAD_CREDENTIALS: &str = "wrong email or password";

pub struct AuthApi;

#[OpenApi(prefix_path = "/auth", tag = "ApiTags::Auth")]
impl AuthApi {
    /// Log in with email and password
    ///
    /// Answers the same 401 for an unknown email, a wrong password and an inactive user.
    /// Attempts are limited per email and per client address (429 with Retry-After).
    #[oai(path = "/login", method = "post", operation_id = "login")]
    async fn login(
        &self,
        state: Data<&AppState>,
        remote: &RemoteAddr,
        body: Json<LoginRequest>,
    ) -> ApiResult<Json<TokenPair>> {
        let email = body.email.trim();
        if email.is_empty() || shared::validate::has_control_characters(email) {
            return Err(ApiError::invalid("email", "type the email you log in with"));
        }
        if body.password.is_empty() {
            return Err(ApiError::invalid("password", "type your password"));
        }

        let ip = remote.as_socket_addr().map(|address| address.ip());
        rate_limit::check_login(&state.redis, state.config.login_limits, email, ip).await?;

        let candidate = db::users::find_for_login(&state.pool, email).await?;
        let stored_hash = candidate.as_ref().map(|user| user.password_hash.clone());
        let password_ok = password::verify(body.password.clone(), stored_hash).await?;
        let user = match candidate {
            Some(user) if password_ok && user.active => user,
            _ => {
                tracing::info!("login refused");
                return Err(ApiError::Unauthorized(BAD_CREDENTIALS.to_owned()));
            }
        };

        let pair = issue_session(&state, user.id, Uuid::new_v4()).await?;
        tracing::info!(
            user.id = user.id,
            customer.id = user.customer_id,
            "logged in"
        );
        Ok(Json(pair))
    }

    /// Trade a refresh token for a new session
    ///
    /// Refresh tokens work once. Presenting one that was already used ends every session
    /// descended from the same login, since it was probably stolen.
    #[oai(path = "/refresh", method = "post", operation_id = "refresh")]
    async fn refresh(
        &self,
        state: Data<&AppState>,
        body: Json<RefreshRequest>,
    ) -> ApiResult<Json<TokenPair>> {
        let invalid =
            || ApiError::Unauthorized("the refresh token is invalid; log in again".into());
        let hash = tokens::refresh_token_hash(body.refresh_token.trim());

        let mut tx = state.pool.begin().await?;
        let presented = db::refresh_tokens::consume(&mut tx, &hash).await?;
        tx.commit().await?;

        match presented {
            Presented::Fresh { user_id, family_id } => {
                let pair = issue_session(&state, user_id, family_id).await?;
                Ok(Json(pair))
            }
            Presented::Replayed { user_id } => {
                tracing::warn!(
                    user.id = user_id,
                    "a used refresh token was presented again; \
                    its session family is revoked"
                );
                Err(invalid())
            }
            Presented::Invalid => Err(invalid()),
        }
    }

    /// Log out
    ///
    /// Ends the session the refresh token belongs to. Unknown tokens are ignored.
    #[oai(path = "/logout", method = "post", operation_id = "logout")]
    async fn logout(
        &self,
        state: Data<&AppState>,
        body: Json<RefreshRequest>,
    ) -> ApiResult<NoContent> {
        let hash = tokens::refresh_token_hash(body.refresh_token.trim());
        db::refresh_tokens::revoke_family_of(&state.pool, &hash).await?;
        Ok(NoContent::Done)
    }
}
