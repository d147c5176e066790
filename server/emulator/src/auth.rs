//! The bearer-token checks every handler uses (bearer, scope, account, and a merchant-level
//! endpoint's checks together), and `POST /v1/accounts/{partner_id}/auth/exchange_token` (01-auth.md).
//! The token endpoint itself is in [`crate::token`].

use axum::extract::{Path, State};
use axum::http::header::AUTHORIZATION;
use axum::http::HeaderMap;
use axum::{Extension, Json};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::jwt::Claims;
use crate::request_log::LogSubject;
use crate::sessions::USER_TOKEN_SECONDS;
use crate::state::Emulator;
use crate::world::normalize_oid;

/// The body of `POST /v1/accounts/{partner_id}/auth/exchange_token`.
#[derive(Debug, Deserialize)]
pub struct ExchangeRequest {
    account_id: Option<String>,
}

/// `POST /v1/accounts/{partner_id}/auth/exchange_token`: a partner token (the app's or a person's)
/// becomes a token on one of the partner's merchants, with the same principal and scopes.
pub async fn exchange_token(
    State(emulator): State<Emulator>,
    Path(partner_id): Path<String>,
    headers: HeaderMap,
    body: Option<Json<ExchangeRequest>>,
) -> Result<(Extension<LogSubject>, Json<Value>), ApiError> {
    let now = chrono::Utc::now().timestamp();
    let caller = bearer(&emulator, &headers, now)?;
    require_scope(&caller, &["admin:accounts", "read:accounts"])?;
    let partner_id = normalize_oid(&partner_id);
    if caller.account != partner_id {
        return Err(ApiError::forbidden("The token is not for this partner account"));
    }
    let account_id = body.and_then(|Json(b)| b.account_id).unwrap_or_default();
    if !is_account_id(&account_id) {
        return Err(ApiError::validation(vec![(
            "/account_id".into(),
            "should match pattern \"^[PT]{1}\\d{8}$\"".into(),
        )]));
    }
    let world = emulator.world.read().await;
    let partner = world
        .partner(&partner_id)
        .ok_or_else(|| ApiError::not_found(format!("Account {partner_id} not found")))?;
    if !partner.accounts.merchants.contains_key(&account_id) {
        return Err(ApiError::not_found(format!(
            "Account {account_id} not found under {partner_id}"
        )));
    }
    let claims = Claims {
        iss: format!("https://api.dintero.com/v1/accounts/{partner_id}/auth"),
        aud: format!("https://api.dintero.com/v1/accounts/{account_id}"),
        sub: caller.sub.clone(),
        iat: now,
        exp: (now + USER_TOKEN_SECONDS).min(caller.exp.max(now + 60)),
        scope: caller.scope.clone(),
        kind: caller.kind,
        account: account_id.clone(),
        jti: uuid::Uuid::new_v4().to_string(),
    };
    let answer = Json(json!({
        "access_token": emulator.access_token(&claims),
        "token_type": "Bearer",
        "expires_in": claims.exp - now,
    }));
    Ok((Extension(LogSubject(account_id)), answer))
}

/// `^[PT]{1}\d{8}$` (REFERENCE.md, "Identifier formats").
pub fn is_account_id(id: &str) -> bool {
    id.len() == 9 && (id.starts_with('T') || id.starts_with('P')) && id[1..].bytes().all(|b| b.is_ascii_digit())
}

/// 403 unless the token was issued on `account` (a merchant token for merchant paths, a partner
/// token for partner paths).
pub fn require_account(claims: &Claims, account: &str) -> Result<(), ApiError> {
    if claims.account == account {
        Ok(())
    } else {
        Err(ApiError::forbidden(format!("The token is not for account {account}")))
    }
}

/// The claims of the request's `Authorization: Bearer` token, or Dintero's 401.
pub fn bearer(emulator: &Emulator, headers: &HeaderMap, now: i64) -> Result<Claims, ApiError> {
    let token = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(|| ApiError::unauthorized("Missing bearer token"))?;
    emulator
        .signer
        .verify(token.trim(), now)
        .ok_or_else(|| ApiError::unauthorized("Invalid or expired access token"))
}

/// 403 in Dintero's envelope unless the token holds one of `scopes`.
pub fn require_scope(claims: &Claims, scopes: &[&str]) -> Result<(), ApiError> {
    if claims.has_any(scopes) {
        Ok(())
    } else {
        Err(ApiError::forbidden(format!(
            "Missing scope: one of {}",
            scopes.join(", ")
        )))
    }
}

/// Bearer, scope and account checks of a merchant-level endpoint, then that the merchant exists.
pub async fn merchant_claims(
    emulator: &Emulator,
    headers: &HeaderMap,
    aid: &str,
    scopes: &[&str],
) -> Result<Claims, ApiError> {
    let claims = bearer(emulator, headers, chrono::Utc::now().timestamp())?;
    require_scope(&claims, scopes)?;
    require_account(&claims, aid)?;
    if emulator.world.read().await.partner_of(aid).is_none() {
        return Err(ApiError::not_found(format!("Account {aid} not found")));
    }
    Ok(claims)
}
