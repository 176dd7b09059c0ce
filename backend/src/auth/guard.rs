//! The tenancy guard: every authenticated operation takes a [`Session`], which yields the
//! [`Tenant`] that scopes its queries. Database functions take `&Tenant`, not loose ids, so a
//! query cannot forget which company it works in.

use poem::Request;
use poem_openapi::{SecurityScheme, auth::Bearer};
use shared::{AccessLevel, Action, access::permits};

use crate::{
    app::AppState,
    db,
    error::{ApiError, ApiResult},
};

/// The caller of an authenticated request, checked against the database on every request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tenant {
    pub user_id: i64,
    pub customer_id: i64,
    /// The active company; every business query is scoped to it.
    pub company_id: i64,
    /// The level now in the database, not the one in the token.
    pub level: AccessLevel,
}

impl Tenant {
    /// Whether the permission table lets this user do `action`.
    pub fn may(&self, action: Action, assigned: bool) -> bool {
        permits(self.level, assigned, action)
    }

    /// 403 unless the permission table lets this user do `action`.
    pub fn require(&self, action: Action, assigned: bool) -> ApiResult<()> {
        if self.may(action, assigned) {
            Ok(())
        } else {
            Err(ApiError::Forbidden(format!(
                "a {} may not do this; ask a director of the company",
                self.level.label()
            )))
        }
    }
}

/// A JWT access token from `POST /auth/login` or `POST /auth/refresh`.
#[derive(SecurityScheme)]
#[oai(ty = "bearer", bearer_format = "JWT", checker = "check_access_token")]
pub struct Session(pub Tenant);

async fn check_access_token(request: &Request, bearer: Bearer) -> poem::Result<Tenant> {
    let state = request
        .data::<AppState>()
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("AppState is not attached")))?;
    let unauthorized =
        || ApiError::Unauthorized("the access token is missing, expired or invalid".to_owned());

    let claims = state
        .tokens
        .verify_access(&bearer.token)
        .ok_or_else(unauthorized)?;
    let user_id: i64 = claims.sub.parse().map_err(|_| unauthorized())?;

    let member = db::users::find_membership(&state.pool, user_id, claims.cmp)
        .await
        .map_err(ApiError::from)?
        .ok_or_else(unauthorized)?;
    let still_valid = member.active
        && member.customer_id == claims.cus
        && claims.iat >= member.sessions_valid_after.timestamp();
    if !still_valid {
        return Err(unauthorized().into());
    }

    let level = AccessLevel::from_number(member.level).ok_or_else(unauthorized)?;
    Ok(Tenant {
        user_id,
        customer_id: member.customer_id,
        company_id: claims.cmp,
        level,
    })
}
