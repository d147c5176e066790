//! What every handler of the accounts area checks first: the bearer token on the partner, a
//! well-formed `aid`, the partner the path names; and the area's 404.

use axum::http::HeaderMap;

use crate::auth::{bearer, is_account_id, require_account, require_scope};
use crate::error::ApiError;
use crate::jwt::Claims;
use crate::state::Emulator;
use crate::world::{normalize_oid, Partner, World};

/// Bearer, scope and "a token on this partner" checks of a partner path.
pub fn partner_claims(
    emulator: &Emulator,
    headers: &HeaderMap,
    oid: &str,
    scopes: &[&str],
) -> Result<Claims, ApiError> {
    let claims = bearer(emulator, headers, chrono::Utc::now().timestamp())?;
    require_scope(&claims, scopes)?;
    require_account(&claims, &partner_id(oid))?;
    Ok(claims)
}

/// 400 unless `aid` matches `^[PT]\d{8}$`.
pub fn check_aid(aid: &str) -> Result<(), ApiError> {
    if is_account_id(aid) {
        Ok(())
    } else {
        Err(ApiError::validation(vec![(
            "/aid".into(),
            "should match pattern \"^[PT]{1}\\d{8}$\"".into(),
        )]))
    }
}

/// The partner `oid` names, or 404.
pub fn partner<'a>(world: &'a World, oid: &str) -> Result<&'a Partner, ApiError> {
    world
        .partner(oid)
        .ok_or_else(|| ApiError::not_found(format!("Account {oid} not found")))
}

pub fn partner_mut<'a>(world: &'a mut World, oid: &str) -> Result<&'a mut Partner, ApiError> {
    world
        .partner_mut(oid)
        .ok_or_else(|| ApiError::not_found(format!("Account {oid} not found")))
}

/// The partner id as a partner path names it (`T112` → `T11200000`).
pub fn partner_id(oid: &str) -> String {
    normalize_oid(oid)
}

/// 404 for a merchant the partner does not have.
pub fn not_found(aid: &str) -> ApiError {
    ApiError::not_found(format!("Account {aid} not found"))
}
