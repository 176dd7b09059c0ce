//! `/me`: the signed-in user.

use poem::web::Data;
use poem_openapi::{OpenApi, payload::Json};
use shared::{
    Action,
    dto::{
        ChangePasswordRequest, CustomerSummary, MIN_PASSWORD_CHARS, Me, SwitchCompanyRequest,
        TokenPair, UserSummary,
    },
};
use uuid::Uuid;

use super::ApiTags;
use crate::{
    app::AppState,
    auth::{Session, password},
    db,
    error::{ApiError, ApiResult},
    http::session::issue_session,
};

pub struct MeApi;

#[OpenApi(prefix_path = "/me", tag = "ApiTags::Me")]
impl MeApi {
    /// The signed-in user, their companies and the active one
    #[oai(path = "/", method = "get", operation_id = "get_me")]
    async fn get_me(&self, state: Data<&AppState>, session: Session) -> ApiResult<Json<Me>> {
        let tenant = session.0;
        let profile = db::users::profile(&state.pool, tenant.user_id).await?;
        let companies = db::companies::of_user(&state.pool, tenant.user_id).await?;
        let active_company = companies
            .iter()
            .find(|company| company.id == tenant.company_id)
            .cloned()
            .ok_or_else(|| ApiError::Unauthorized("the active company is gone".into()))?;

        Ok(Json(Me {
            user: UserSummary {
                id: profile.id,
                email: profile.email,
                name: profile.name,
                position: profile.position,
            },
            customer: CustomerSummary {
                id: profile.customer_id,
                name: profile.customer_name,
            },
            companies,
            active_company,
            level: tenant.level,
        }))
    }

    /// Switch the active company
    ///
    /// Only to a company the user works in (else 404). Returns a new session whose access
    /// token works in that company.
    #[oai(
        path = "/active-company",
        method = "put",
        operation_id = "switch_active_company"
    )]
    async fn switch_active_company(
        &self,
        state: Data<&AppState>,
        session: Session,
        body: Json<SwitchCompanyRequest>,
    ) -> ApiResult<Json<TokenPair>> {
        let tenant = session.0;
        tenant.require(Action::SwitchCompany, false)?;

        let member =
            db::users::find_membership(&state.pool, tenant.user_id, body.company_id).await?;
        if member.is_none() {
            return Err(ApiError::NotFound(format!(
                "no company {} among yours",
                body.company_id
            )));
        }
        db::users::set_active_company(&state.pool, tenant.user_id, body.company_id).await?;

        tracing::info!(
            user.id = tenant.user_id,
            company.id = body.company_id,
            "switched company"
        );
        Ok(Json(
            issue_session(&state, tenant.user_id, Uuid::new_v4()).await?,
        ))
    }

    /// Change one's password
    ///
    /// Needs the current password. Ends every other session of the user and returns a new one
    /// for this device.
    #[oai(path = "/password", method = "put", operation_id = "change_password")]
    async fn change_password(
        &self,
        state: Data<&AppState>,
        session: Session,
        body: Json<ChangePasswordRequest>,
    ) -> ApiResult<Json<TokenPair>> {
        let tenant = session.0;
        if body.new_password.chars().count() < MIN_PASSWORD_CHARS {
            let message = format!("use at least {MIN_PASSWORD_CHARS} characters");
            return Err(ApiError::invalid("new_password", message));
        }

        let profile = db::users::profile(&state.pool, tenant.user_id).await?;
        let current = body.current_password.clone();
        if !password::verify(current, Some(profile.password_hash)).await? {
            return Err(ApiError::invalid(
                "current_password",
                "this is not your current password",
            ));
        }
        let new_hash = password::hash(body.new_password.clone()).await?;

        let mut tx = state.pool.begin().await?;
        db::users::set_password(&mut tx, tenant.user_id, &new_hash).await?;
        db::refresh_tokens::revoke_all_of_user(&mut *tx, tenant.user_id).await?;
        tx.commit().await?;

        tracing::info!(
            user.id = tenant.user_id,
            "password changed; other sessions ended"
        );
        Ok(Json(
            issue_session(&state, tenant.user_id, Uuid::new_v4()).await?,
        ))
    }
}
