//! What every settlements handler checks first: the bearer token on the merchant and the scopes of
//! each kind of read or write; and the merchant with the area's store.

use axum::http::HeaderMap;
use serde_json::Value;

use super::store::Store;
use crate::auth::{bearer, require_account, require_scope};
use crate::error::ApiError;
use crate::state::Emulator;
use crate::world::World;

/// READ-SETTLEMENTS (08-settlements-reports-payout.md).
pub const READ_SETTLEMENTS: [&str; 6] = [
    "admin:billing",
    "read:billing",
    "admin:reports",
    "read:reports",
    "admin:settlements",
    "read:settlements",
];
/// CREATE-CONFIG.
pub const CREATE_CONFIG: [&str; 4] = [
    "admin:billing",
    "admin:reports",
    "admin:settlements",
    "write:settlements",
];
/// WRITE-CONFIG.
pub const WRITE_CONFIG: [&str; 4] = [
    "admin:billing",
    "write:billing",
    "admin:settlements",
    "write:settlements",
];
/// Report metadata.
pub const READ_REPORTS: [&str; 2] = ["admin:reports", "read:reports"];
/// Seller balances and transfers (`admin:payout` accepted too, INF).
pub const READ_PAYOUT: [&str; 2] = ["admin:payout", "read:payout"];

/// Bearer, one of `scopes`, and a token issued on `aid` (merchant-level endpoints).
pub fn authorize(emulator: &Emulator, headers: &HeaderMap, aid: &str, scopes: &[&str]) -> Result<(), ApiError> {
    let claims = bearer(emulator, headers, chrono::Utc::now().timestamp())?;
    require_scope(&claims, scopes)?;
    require_account(&claims, aid)
}

/// The merchant's `Account` JSON and the area's store, or 404.
pub fn parts<'a>(world: &'a mut World, aid: &str) -> Result<(&'a Value, &'a mut Store), ApiError> {
    let partner = world
        .partner_of_mut(aid)
        .ok_or_else(|| ApiError::not_found(format!("Account {aid} not found")))?;
    let account = partner
        .accounts
        .merchants
        .get(aid)
        .ok_or_else(|| ApiError::not_found(format!("Account {aid} not found")))?;
    Ok((account, &mut partner.settlements))
}
