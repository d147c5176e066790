//! `GET /v1/accounts/{oid}/management/users` (01-auth.md, "Account users"): the account's people.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use serde_json::Value;

use crate::auth::{bearer, require_scope};
use crate::error::ApiError;
use crate::state::Emulator;
use crate::world::normalize_oid;

pub async fn list(
    State(emulator): State<Emulator>,
    Path(oid): Path<String>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let claims = bearer(&emulator, &headers, chrono::Utc::now().timestamp())?;
    require_scope(&claims, &["admin:accounts", "read:accounts"])?;
    let oid = normalize_oid(&oid);
    if claims.account != oid {
        return Err(ApiError::forbidden("The token is not for this account"));
    }
    let world = emulator.world.read().await;
    let partner = world
        .partner(&oid)
        .ok_or_else(|| ApiError::not_found(format!("Account {oid} not found")))?;
    // `configuration.mfa` as Dintero shows it: the emulator's second factor is a code by SMS.
    let users: Vec<Value> = partner
        .users
        .iter()
        .map(|user| {
            let mut value = serde_json::to_value(user).unwrap_or_default();
            value["configuration"] = serde_json::json!({
                "mfa": {"sms": {"enabled": user.mfa_required}, "totp": {"enabled": false}}
            });
            value
        })
        .collect();
    Ok(Json(Value::Array(users)))
}
