//! What the pricing handlers check first: the bearer token on the partner and its scopes, and the
//! scopes of the writes.

use axum::http::HeaderMap;

use crate::auth::{bearer, require_account, require_scope};
use crate::error::ApiError;
use crate::jwt::Claims;
use crate::state::Emulator;
use crate::world::normalize_oid;

/// The scopes of create, update and assign: `admin:dintero` per the reference, `admin:accounts` **INF**.
pub const ADMIN_SCOPES: [&str; 2] = ["admin:dintero", "admin:accounts"];

/// Bearer, scope and account checks of a partner-level endpoint; the partner's full id.
pub async fn partner_claims(
    emulator: &Emulator,
    headers: &HeaderMap,
    oid: &str,
    scopes: &[&str],
) -> Result<(Claims, String), ApiError> {
    let claims = bearer(emulator, headers, chrono::Utc::now().timestamp())?;
    require_scope(&claims, scopes)?;
    let oid = normalize_oid(oid);
    require_account(&claims, &oid)?;
    if emulator.world.read().await.partner(&oid).is_none() {
        return Err(ApiError::not_found(format!("Account {oid} not found")));
    }
    Ok((claims, oid))
}
