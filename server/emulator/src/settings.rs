//! `GET`/`PUT /v1/accounts/{aid}/management/settings` (02-partner-accounts.md): an account's own
//! view of itself. For the partner account, its own record; for a merchant, its `Account` without
//! the partner-private fields.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::Value;

use crate::auth::{bearer, require_account, require_scope};
use crate::clock::ts;
use crate::error::ApiError;
use crate::state::Emulator;
use crate::world::normalize_oid;

/// Fields of `Account` that the merchant's own view leaves out (02-partner-accounts.md).
pub const PARTNER_PRIVATE: [&str; 9] = [
    "progression",
    "reseller_id",
    "account_manager",
    "permissions",
    "sale_channel",
    "price_package",
    "statistics",
    "approvals_payments_statuses",
    "approvals_payout_destinations_statuses",
];

/// Create-only inputs the partner's create body may carry (kept on the account by the accounts
/// area); the merchant's own view leaves them out too.
pub const PARTNER_INPUTS: [&str; 5] = [
    "invites",
    "invite_users",
    "invitation_note",
    "actions",
    "custom_price_package",
];

pub fn routes() -> Router<Emulator> {
    Router::new().route(
        "/v1/accounts/{aid}/management/settings",
        get(get_settings).put(put_settings),
    )
}

async fn get_settings(
    State(emulator): State<Emulator>,
    Path(aid): Path<String>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let claims = bearer(&emulator, &headers, chrono::Utc::now().timestamp())?;
    require_scope(&claims, &["admin:accounts", "read:accounts"])?;
    let aid = normalize_oid(&aid);
    require_account(&claims, &aid)?;
    let world = emulator.world.read().await;
    if let Some(partner) = world.partner(&aid) {
        return Ok(Json(serde_json::to_value(&partner.account).unwrap_or_default()));
    }
    let merchant = world
        .partner_of(&aid)
        .and_then(|p| p.accounts.merchants.get(&aid))
        .ok_or_else(|| ApiError::not_found(format!("Account {aid} not found")))?;
    Ok(Json(merchant_view(merchant)))
}

/// Updates `company`, `billing` and `services` of a merchant (all optional in the body).
async fn put_settings(
    State(emulator): State<Emulator>,
    Path(aid): Path<String>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Result<Json<Value>, ApiError> {
    let claims = bearer(&emulator, &headers, chrono::Utc::now().timestamp())?;
    require_scope(&claims, &["admin:accounts", "write:accounts"])?;
    let aid = normalize_oid(&aid);
    require_account(&claims, &aid)?;
    if !body.is_object() {
        return Err(ApiError::validation(vec![("/".into(), "should be object".into())]));
    }
    let mut world = emulator.world.write().await;
    let merchant = world
        .partner_of_mut(&aid)
        .and_then(|p| p.accounts.merchants.get_mut(&aid))
        .ok_or_else(|| ApiError::not_found(format!("Account {aid} not found")))?;
    for key in ["company", "billing", "services"] {
        if let Some(value) = body.get(key) {
            if !value.is_object() {
                return Err(ApiError::validation(vec![(
                    format!("/{key}"),
                    "should be object".into(),
                )]));
            }
            merge(&mut merchant[key], value);
        }
    }
    merchant["updated_at"] = Value::String(ts(chrono::Utc::now()));
    Ok(Json(merchant_view(merchant)))
}

/// The merchant's own view: the account without partner-private fields.
pub fn merchant_view(account: &Value) -> Value {
    let mut view = account.clone();
    if let Some(object) = view.as_object_mut() {
        for key in PARTNER_PRIVATE.into_iter().chain(PARTNER_INPUTS) {
            object.remove(key);
        }
    }
    view
}

/// Deep-merges `patch` into `target` (objects key by key; anything else replaces).
pub fn merge(target: &mut Value, patch: &Value) {
    match (target.as_object_mut(), patch.as_object()) {
        (Some(target), Some(patch)) => {
            for (key, value) in patch {
                merge(target.entry(key.clone()).or_insert(Value::Null), value);
            }
        }
        _ => *target = patch.clone(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_merchant_view_hides_partner_inputs() {
        let account =
            json!({"account_id": "T11200061", "invitation_note": "Velkommen", "progression": "applied", "company": {}});
        let view = merchant_view(&account);
        assert!(view.get("invitation_note").is_none() && view.get("progression").is_none());
        assert!(view.get("company").is_some());
    }
}
