//! `/members`: the people who work in the active company.

use poem::web::Data;
use poem_openapi::{OpenApi, payload::Json};
use shared::{
    AccessLevel,
    dto::{Member, MemberList},
};

use super::ApiTags;
use crate::{app::AppState, auth::Session, db, error::ApiResult};

pub struct MembersApi;

#[OpenApi(prefix_path = "/members", tag = "ApiTags::Me")]
impl MembersApi {
    /// The active users of the active company
    ///
    /// Any level: names are what one picks from when assigning users to a contract.
    #[oai(path = "/", method = "get", operation_id = "list_members")]
    async fn list(&self, state: Data<&AppState>, session: Session) -> ApiResult<Json<MemberList>> {
        let rows = db::users::members(&state.pool, session.0.company_id).await?;
        let items = rows
            .into_iter()
            .filter_map(|(id, name, email, position, level)| {
                Some(Member {
                    id,
                    name,
                    email,
                    position,
                    level: AccessLevel::from_number(level)?,
                })
            })
            .collect();
        Ok(Json(MemberList { items }))
    }
}
