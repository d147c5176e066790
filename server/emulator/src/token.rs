//! `POST /v1/accounts/{oid}/auth/token` (01-auth.md): client credentials (HTTP Basic), password
//! (Bearer = the app's token; `403 mfa_required` with an `mfa_token` for people who need a second
//! factor), `mfa_oob` (also spelled `mfa-oob`, see [`crate::mfa`]) and `refresh_token`; and
//! `POST /v1/accounts/{oid}/auth/revoke`.

use axum::extract::{Path, State};
use axum::http::header::AUTHORIZATION;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use rand::distr::{Alphanumeric, SampleString};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::auth::{bearer, require_scope};
use crate::error::ApiError;
use crate::issued::SecretKind;
use crate::jwt::{Claims, TokenKind};
use crate::sessions::{PendingMfa, RefreshGrant, MFA_SECONDS};
use crate::state::Emulator;
use crate::world::{normalize_oid, Partner, User};

/// Lifetime of a client-credentials token (the reference's example: 86400 s).
const CLIENT_TOKEN_SECONDS: i64 = 86_400;

/// The token request body; `grant_type` decides which other fields are required.
#[derive(Debug, Default, Deserialize)]
pub struct TokenRequest {
    pub grant_type: Option<String>,
    pub audience: Option<String>,
    pub username: Option<String>,
    pub password: Option<String>,
    pub mfa_token: Option<String>,
    pub oob_code: Option<String>,
    pub binding_code: Option<String>,
    pub refresh_token: Option<String>,
}

pub async fn token(
    State(emulator): State<Emulator>,
    Path(oid): Path<String>,
    headers: HeaderMap,
    body: Option<Json<TokenRequest>>,
) -> Result<Json<Value>, ApiError> {
    let Json(body) = body.unwrap_or_default();
    let account = normalize_oid(&oid);
    if emulator.world.read().await.partner(&account).is_none() {
        return Err(ApiError::not_found(format!("Account {oid} not found")));
    }
    let now = chrono::Utc::now().timestamp();
    match body.grant_type.as_deref().unwrap_or_default() {
        "client_credentials" => client_credentials(&emulator, &account, &headers, &body, now).await,
        "password" => password(&emulator, &account, &headers, &body, now).await,
        "mfa_oob" | "mfa-oob" => oob_grant(&emulator, &account, &headers, &body, now).await,
        "refresh_token" => refresh(&emulator, &account, &headers, &body, now).await,
        "" => Err(required(&["grant_type"])),
        other => Err(ApiError::validation(vec![(
            "/grant_type".into(),
            format!("unsupported grant_type '{other}'"),
        )])),
    }
}

async fn client_credentials(
    emulator: &Emulator,
    account: &str,
    headers: &HeaderMap,
    body: &TokenRequest,
    now: i64,
) -> Result<Json<Value>, ApiError> {
    let (id, secret) =
        basic_credentials(headers).ok_or_else(|| ApiError::unauthorized("Missing or malformed Basic authorization"))?;
    let world = emulator.world.read().await;
    let partner = world
        .partner(account)
        .ok_or_else(|| ApiError::not_found("Account not found"))?;
    let client = partner
        .clients
        .iter()
        .find(|c| c.client_id == id && c.client_secret == secret)
        .ok_or_else(|| ApiError::unauthorized("Invalid client credentials"))?;
    let audience = audience(body, account)?;
    let claims = claims(
        account,
        &client.client_id,
        &client.scopes,
        TokenKind::Client,
        audience,
        now,
        CLIENT_TOKEN_SECONDS,
    );
    Ok(Json(issue(emulator, &claims, None)))
}

async fn password(
    emulator: &Emulator,
    account: &str,
    headers: &HeaderMap,
    body: &TokenRequest,
    now: i64,
) -> Result<Json<Value>, ApiError> {
    let caller = app_client(emulator, headers, account, now)?;
    require_present(&[
        ("username", &body.username),
        ("password", &body.password),
        ("audience", &body.audience),
    ])?;
    let audience = audience(body, account)?;
    let mut world = emulator.world.write().await;
    let partner = world
        .partner_mut(account)
        .ok_or_else(|| ApiError::not_found("Account not found"))?;
    let user = partner
        .user_by_email(body.username.as_deref().unwrap_or_default())
        .filter(|u| Some(u.password.as_str()) == body.password.as_deref())
        .cloned()
        .ok_or_else(|| ApiError::unauthorized("Invalid username or password"))?;
    if user.mfa_required {
        let mfa_token = format!("mfa_tk_{}", Alphanumeric.sample_string(&mut rand::rng(), 40));
        emulator.issued.record(SecretKind::MfaToken, &mfa_token);
        partner.auth.pending_mfa.insert(
            mfa_token.clone(),
            PendingMfa {
                user_id: user.id.clone(),
                audience,
                client_id: caller.sub,
                expires_at: now + MFA_SECONDS,
            },
        );
        let mut error = ApiError::new(
            StatusCode::FORBIDDEN,
            "mfa_required",
            "Multifactor authentication required",
        );
        error.extra = Some(("mfa_token", mfa_token));
        return Err(error);
    }
    Ok(Json(sign_in(emulator, partner, &user, &caller, audience, now)))
}

async fn refresh(
    emulator: &Emulator,
    account: &str,
    headers: &HeaderMap,
    body: &TokenRequest,
    now: i64,
) -> Result<Json<Value>, ApiError> {
    let caller = app_client(emulator, headers, account, now)?;
    let refresh_token = body
        .refresh_token
        .as_deref()
        .ok_or_else(|| required(&["refresh_token"]))?;
    let world = emulator.world.read().await;
    let partner = world
        .partner(account)
        .ok_or_else(|| ApiError::not_found("Account not found"))?;
    let grant = partner
        .auth
        .refresh_tokens
        .get(refresh_token)
        .filter(|g| g.client_id == caller.sub)
        .ok_or_else(|| ApiError::unauthorized("Invalid or revoked refresh token"))?;
    let user = partner
        .user_by_id(&grant.user_id)
        .ok_or_else(|| ApiError::unauthorized("The user no longer exists"))?;
    let claims = claims(
        account,
        &user.id,
        &user.scopes,
        TokenKind::User,
        grant.audience.clone(),
        now,
        partner.auth.user_token_seconds(),
    );
    Ok(Json(issue(emulator, &claims, Some(refresh_token.to_owned()))))
}

/// Signs `user` in: their token, and a refresh token when the calling client may have them.
pub fn sign_in(
    emulator: &Emulator,
    partner: &mut Partner,
    user: &User,
    caller: &Claims,
    audience: String,
    now: i64,
) -> Value {
    let account = partner.account.account_id.clone();
    // Dintero's `last_seen_at` of the user (the partner's users list shows it).
    if let Some(seen) = partner.users.iter_mut().find(|u| u.id == user.id) {
        seen.last_seen_at = chrono::DateTime::from_timestamp(now, 0).map(|t| t.to_rfc3339());
    }
    let claims = claims(
        &account,
        &user.id,
        &user.scopes,
        TokenKind::User,
        audience.clone(),
        now,
        partner.auth.user_token_seconds(),
    );
    let refresh = caller.has_any(&["create:accounts:auth:refresh_token"]).then(|| {
        let token = format!("rt_{}", Alphanumeric.sample_string(&mut rand::rng(), 48));
        partner.auth.refresh_tokens.insert(
            token.clone(),
            RefreshGrant {
                user_id: user.id.clone(),
                audience,
                client_id: caller.sub.clone(),
            },
        );
        token
    });
    issue(emulator, &claims, refresh)
}

/// `POST /v1/accounts/{oid}/auth/revoke` with `{token}`: the refresh token no longer works. Answers
/// `{}` whether or not it was known (INF, as OAuth revocation does).
pub async fn revoke(
    State(emulator): State<Emulator>,
    Path(oid): Path<String>,
    headers: HeaderMap,
    body: Option<Json<Value>>,
) -> Result<Json<Value>, ApiError> {
    let account = normalize_oid(&oid);
    let caller = bearer(&emulator, &headers, chrono::Utc::now().timestamp())?;
    require_scope(
        &caller,
        &["admin:accounts", "write:accounts", "create:accounts:auth:refresh_token"],
    )?;
    let token = body
        .as_ref()
        .and_then(|Json(b)| b["token"].as_str())
        .ok_or_else(|| required(&["token"]))?;
    let mut world = emulator.world.write().await;
    let partner = world
        .partner_mut(&account)
        .ok_or_else(|| ApiError::not_found(format!("Account {oid} not found")))?;
    partner.auth.refresh_tokens.remove(token);
    Ok(Json(json!({})))
}

/// The app's own client token on `account`, allowed to sign people in.
pub fn app_client(emulator: &Emulator, headers: &HeaderMap, account: &str, now: i64) -> Result<Claims, ApiError> {
    let caller = bearer(emulator, headers, now)?;
    if caller.kind != TokenKind::Client || caller.account != account {
        return Err(ApiError::forbidden(
            "The bearer token may not sign people in on this account",
        ));
    }
    require_scope(
        &caller,
        &["admin:accounts", "write:accounts", "write:accounts:/auth/users"],
    )?;
    Ok(caller)
}

/// The `audience`, which must name this account (`.../v1/accounts/{account}`).
fn audience(body: &TokenRequest, account: &str) -> Result<String, ApiError> {
    let audience = body.audience.clone().ok_or_else(|| required(&["audience"]))?;
    if audience
        .trim_end_matches('/')
        .ends_with(&format!("/v1/accounts/{account}"))
    {
        Ok(audience)
    } else {
        Err(ApiError::forbidden(format!(
            "The audience '{audience}' is not granted to this client"
        )))
    }
}

pub fn claims(
    account: &str,
    sub: &str,
    scopes: &[String],
    kind: TokenKind,
    audience: String,
    now: i64,
    lifetime: i64,
) -> Claims {
    Claims {
        iss: format!("https://api.dintero.com/v1/accounts/{account}/auth"),
        aud: audience,
        sub: sub.to_owned(),
        iat: now,
        exp: now + lifetime,
        scope: scopes.join(" "),
        kind,
        account: account.to_owned(),
        jti: uuid::Uuid::new_v4().to_string(),
    }
}

/// Dintero's `AccessToken` for `claims` (both tokens are remembered as issued).
pub fn issue(emulator: &Emulator, claims: &Claims, refresh_token: Option<String>) -> Value {
    let mut body = json!({
        "access_token": emulator.access_token(claims),
        "token_type": "Bearer",
        "expires_in": claims.exp - claims.iat,
    });
    if let Some(refresh_token) = refresh_token {
        emulator.issued.record(SecretKind::RefreshToken, &refresh_token);
        body["refresh_token"] = Value::String(refresh_token);
    }
    body
}

/// 400 naming each of `fields` whose value is absent.
pub fn require_present(fields: &[(&str, &Option<String>)]) -> Result<(), ApiError> {
    let missing: Vec<&str> = fields.iter().filter(|(_, v)| v.is_none()).map(|(k, _)| *k).collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(required(&missing))
    }
}

/// 400 naming each missing field.
pub fn required(fields: &[&str]) -> ApiError {
    ApiError::validation(
        fields
            .iter()
            .map(|f| (format!("/{f}"), format!("should have required property '{f}'")))
            .collect(),
    )
}

fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let encoded = headers.get(AUTHORIZATION)?.to_str().ok()?.strip_prefix("Basic ")?;
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}

/// The `mfa_oob` grant. A wrong code uses up one of the challenge's attempts; the last one voids it.
async fn oob_grant(
    emulator: &Emulator,
    account: &str,
    headers: &HeaderMap,
    body: &TokenRequest,
    now: i64,
) -> Result<Json<Value>, ApiError> {
    let caller = app_client(emulator, headers, account, now)?;
    require_present(&[
        ("mfa_token", &body.mfa_token),
        ("oob_code", &body.oob_code),
        ("binding_code", &body.binding_code),
    ])?;
    let mfa_token = body.mfa_token.as_deref().unwrap_or_default();
    let oob_code = body.oob_code.as_deref().unwrap_or_default();
    let binding_code = body.binding_code.as_deref().unwrap_or_default();
    let mut world = emulator.world.write().await;
    let partner = world
        .partner_mut(account)
        .ok_or_else(|| ApiError::not_found("Account not found"))?;
    let challenge = partner
        .auth
        .challenges
        .get_mut(oob_code)
        .filter(|c| c.mfa_token == mfa_token && c.expires_at > now && c.attempts_left > 0)
        .ok_or_else(|| invalid_grant("The code has expired; ask for a new one"))?;
    if challenge.binding_code != binding_code.trim() {
        challenge.attempts_left -= 1;
        if challenge.attempts_left == 0 {
            partner.auth.challenges.remove(oob_code);
            return Err(invalid_grant("Too many wrong codes; ask for a new one"));
        }
        return Err(invalid_grant("The code is wrong"));
    }
    partner.auth.challenges.retain(|_, c| c.mfa_token != mfa_token);
    let pending = partner
        .auth
        .pending_mfa
        .remove(mfa_token)
        .ok_or_else(|| invalid_grant("The MFA token is invalid or has expired; sign in again"))?;
    let user = partner
        .user_by_id(&pending.user_id)
        .cloned()
        .ok_or_else(|| invalid_grant("Unknown user"))?;
    Ok(Json(sign_in(emulator, partner, &user, &caller, pending.audience, now)))
}

/// Dintero's refusal of a grant's codes or tokens (403 `invalid_grant`).
pub fn invalid_grant(message: &str) -> ApiError {
    ApiError::new(StatusCode::FORBIDDEN, "invalid_grant", message)
}
