//! `/v1/accounts/{oid}/management/users` (11-team-and-access.md, "Account users"): the partner's
//! people. List, invite (`POST`), change (`PUT /{uid}`) and remove (`DELETE /{uid}`).
//!
//! Limits, written down: only the partner's own users are kept (merchants have none yet); roles
//! (`roles[{id}]`) are not kept, people get `scope[]` only; an invited person can sign in at once
//! with the demo password (Dintero would e-mail an invitation). As Dintero says of roles, a caller
//! may only grant scopes it holds itself (`admin:accounts` holds them all): 403 otherwise.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use serde_json::Value;

use crate::auth::{bearer, require_scope};
use crate::error::ApiError;
use crate::jwt::Claims;
use crate::state::Emulator;
use crate::validate::{object_body, optional_string, required_string};
use crate::world::{normalize_oid, Partner, User};

const READ: [&str; 2] = ["admin:accounts", "read:accounts"];
const WRITE: [&str; 2] = ["admin:accounts", "write:accounts"];

/// The user as Dintero shows it: with `configuration.mfa` (the emulator's second factor is a code
/// by SMS).
fn shown(user: &User) -> Value {
    let mut value = serde_json::to_value(user).unwrap_or_default();
    value["configuration"] = serde_json::json!({
        "mfa": {"sms": {"enabled": user.mfa_required}, "totp": {"enabled": false}}
    });
    value
}

/// The bearer's claims when they hold one of `scopes` on `oid`, and `oid` normalised.
fn caller(emulator: &Emulator, headers: &HeaderMap, oid: &str, scopes: &[&str]) -> Result<(Claims, String), ApiError> {
    let claims = bearer(emulator, headers, chrono::Utc::now().timestamp())?;
    require_scope(&claims, scopes)?;
    let oid = normalize_oid(oid);
    if claims.account != oid {
        return Err(ApiError::forbidden("The token is not for this account"));
    }
    Ok((claims, oid))
}

fn partner<'w>(world: &'w mut crate::world::World, oid: &str) -> Result<&'w mut Partner, ApiError> {
    world
        .partner_mut(oid)
        .ok_or_else(|| ApiError::not_found(format!("Account {oid} not found")))
}

/// `scope[]` of a body: absent, or strings that are not blank; the caller must hold each.
fn scopes(
    body: &Value,
    claims: &Claims,
    failures: &mut Vec<(String, String)>,
) -> Result<Option<Vec<String>>, ApiError> {
    let Some(given) = body.get("scope").filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let Some(items) = given.as_array() else {
        failures.push(("/scope".into(), "should be array".into()));
        return Ok(None);
    };
    let mut scopes = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match item.as_str().map(str::trim) {
            Some(s) if !s.is_empty() && !s.contains(char::is_whitespace) => scopes.push(s.to_owned()),
            _ => failures.push((format!("/scope/{i}"), "should be a non-empty string".into())),
        }
    }
    if !claims.has_any(&["admin:accounts"]) {
        if let Some(beyond) = scopes.iter().find(|s| !claims.has_any(&[s.as_str()])) {
            return Err(ApiError::forbidden(format!(
                "You cannot grant a scope you do not hold yourself: {beyond}"
            )));
        }
    }
    Ok(Some(scopes))
}

pub async fn list(
    State(emulator): State<Emulator>,
    Path(oid): Path<String>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let (_, oid) = caller(&emulator, &headers, &oid, &READ)?;
    let world = emulator.world.read().await;
    let partner = world
        .partner(&oid)
        .ok_or_else(|| ApiError::not_found(format!("Account {oid} not found")))?;
    Ok(Json(Value::Array(partner.users.iter().map(shown).collect())))
}

/// Invites a person: `email` (required, one per account), `name`, `scope[]`.
pub async fn create(
    State(emulator): State<Emulator>,
    Path(oid): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let (claims, oid) = caller(&emulator, &headers, &oid, &WRITE)?;
    let body = object_body(&body)?;
    let mut failures = Vec::new();
    required_string(&body, "email", Some(255), &mut failures);
    optional_string(&body, "name", Some(255), &mut failures);
    let email = body["email"].as_str().unwrap_or_default().trim().to_owned();
    if failures.is_empty() && (!email.contains('@') || email.contains(char::is_whitespace)) {
        failures.push(("/email".into(), "should match format \"email\"".into()));
    }
    let scopes = scopes(&body, &claims, &mut failures)?;
    if !failures.is_empty() {
        return Err(ApiError::validation(failures));
    }
    let mut world = emulator.world.write().await;
    let partner = partner(&mut world, &oid)?;
    if partner.user_by_email(&email).is_some() {
        return Err(ApiError::validation(vec![(
            "/email".into(),
            "a user with this e-mail exists on the account".into(),
        )]));
    }
    let user = User {
        id: uuid::Uuid::new_v4().to_string(),
        email,
        name: body["name"].as_str().unwrap_or_default().trim().to_owned(),
        password: crate::world::DEMO_PASSWORD.to_owned(),
        scopes: scopes.unwrap_or_default(),
        authentication_type: None,
        created_at: chrono::Utc::now().to_rfc3339(),
        last_seen_at: None,
        phone_number: String::new(),
        mfa_required: false,
    };
    let answer = shown(&user);
    partner.users.push(user);
    Ok(Json(answer))
}

/// Changes a person's `name` and, when given, replaces their `scope[]`.
pub async fn update(
    State(emulator): State<Emulator>,
    Path((oid, uid)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let (claims, oid) = caller(&emulator, &headers, &oid, &WRITE)?;
    let body = object_body(&body)?;
    let mut failures = Vec::new();
    optional_string(&body, "name", Some(255), &mut failures);
    let scopes = scopes(&body, &claims, &mut failures)?;
    if !failures.is_empty() {
        return Err(ApiError::validation(failures));
    }
    let mut world = emulator.world.write().await;
    let partner = partner(&mut world, &oid)?;
    let user = partner
        .users
        .iter_mut()
        .find(|u| u.id == uid)
        .ok_or_else(|| ApiError::not_found(format!("User {uid} not found")))?;
    if let Some(name) = body["name"].as_str() {
        user.name = name.trim().to_owned();
    }
    if let Some(scopes) = scopes {
        user.scopes = scopes;
    }
    Ok(Json(shown(user)))
}

/// Removes a person from the account; answers with the removed user.
pub async fn remove(
    State(emulator): State<Emulator>,
    Path((oid, uid)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let (_, oid) = caller(&emulator, &headers, &oid, &WRITE)?;
    let mut world = emulator.world.write().await;
    let partner = partner(&mut world, &oid)?;
    let at = partner
        .users
        .iter()
        .position(|u| u.id == uid)
        .ok_or_else(|| ApiError::not_found(format!("User {uid} not found")))?;
    let user = partner.users.remove(at);
    Ok(Json(shown(&user)))
}
