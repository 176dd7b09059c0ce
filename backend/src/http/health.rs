//! `/health` (the process answers) and `/ready` (its dependencies answer too).

use poem::{IntoResponse, Response, handler, http::StatusCode, web::Data, web::Json};
use serde_json::json;

use crate::app::AppState;

#[handler]
pub fn health() -> Json<serde_json::Value> {
    Json(json!({ "status": "ok" }))
}

#[handler]
pub async fn ready(state: Data<&AppState>) -> Response {
    let postgres = sqlx::query("SELECT 1").execute(&state.pool).await;
    let redis = state.redis.ping().await;
    let describe = |ok: bool| if ok { "ok" } else { "unavailable" };

    if let Err(error) = &postgres {
        tracing::warn!(error = %error, "not ready: PostgreSQL does not answer");
    }
    if let Err(error) = &redis {
        tracing::warn!(error = %error, "not ready: Redis does not answer");
    }
    let all_ok = postgres.is_ok() && redis.is_ok();
    let status = if all_ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let body = json!({
        "status": describe(all_ok),
        "postgres": describe(postgres.is_ok()),
        "redis": describe(redis.is_ok()),
    });
    Json(body).with_status(status).into_response()
}
