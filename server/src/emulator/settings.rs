//! `GET /v1/accounts/{aid}/management/settings` (02-partner-accounts.md): an account's own view of itself.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use serde_json::Value;

use super::auth::{bearer, require_scope};
use super::error::ApiError;
use super::world::normalize_oid;
use super::Emulator;

pub async fn get(
    State(emulator): State<Emulator>,
    Path(aid): Path<String>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let claims = bearer(&emulator, &headers, chrono::Utc::now().timestamp())?;
    require_scope(&claims, &["admin:accounts", "read:accounts"])?;
    let aid = normalize_oid(&aid);
    if claims.account != aid {
        return Err(ApiError::forbidden("The token is not for this account"));
    }
    let world = emulator.world.read().await;
    let partner = world
        .partner(&aid)
        .ok_or_else(|| ApiError::not_found(format!("Account {aid} not found")))?;
    Ok(Json(serde_json::to_value(&partner.account).unwrap_or_default()))
}
