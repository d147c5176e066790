//! What the MATCH and VMSS handlers check first: the bearer token and its scopes, and a well-formed
//! `aid` the token was issued on.

use axum::http::HeaderMap;

use crate::auth::{bearer, is_account_id, require_account, require_scope};
use crate::error::ApiError;
use crate::state::Emulator;

/// Bearer, one of `scopes`, a well-formed `aid` the token was issued on; the `aid` back.
pub async fn authorize(
    emulator: &Emulator,
    headers: &HeaderMap,
    aid: &str,
    scopes: &[&str],
) -> Result<String, ApiError> {
    let claims = bearer(emulator, headers, chrono::Utc::now().timestamp())?;
    require_scope(&claims, scopes)?;
    if !is_account_id(aid) {
        return Err(ApiError::validation(vec![(
            "/aid".into(),
            "should match pattern \"^[PT]{1}\\d{8}$\"".into(),
        )]));
    }
    require_account(&claims, aid)?;
    Ok(aid.to_owned())
}
