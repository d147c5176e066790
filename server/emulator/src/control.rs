//! The control plane, outside Dintero's namespace: `/__emulator/...`.
//!
//! - `POST /__emulator/reset` puts the world back as seeded (and clears faults and the request log);
//! - `POST /__emulator/seed?merchants=N&seed=S` seeds a new world (N up to 20,000);
//! - `GET /__emulator/requests` lists the last requests received (method, path, query string, status; never bodies);
//! - `GET`/`POST`/`DELETE /__emulator/faults` lists, adds ([`FaultSpec`] as JSON) and clears faults;
//! - `POST /__emulator/auth/tokens` with `{"user_token_seconds": n}` shortens the lifetime of people's
//!   tokens issued from now on (`null` restores 4 hours), and with `{"revoke_refresh_tokens": true}`
//!   makes every refresh token issued so far worthless (to test renewal and its failure);
//! - `GET /__emulator/issued-secrets` lists every secret handed out (see [`crate::issued`]).
//!
//! The request log is [`crate::request_log`]'s, the faults [`crate::faults`]'; each area adds its own
//! control routes (`<area>::control_routes`).

use axum::extract::{Query, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::faults::FaultSpec;
use crate::issued::{IssuedSecret, SecretKind};
use crate::request_log::RequestEntry;
use crate::state::Emulator;
use crate::{accounts, approvals, compliance, pricing, seed, settlements};

/// The most merchants `/__emulator/seed` makes (for benchmarks).
pub const MAX_MERCHANTS: usize = 20_000;

pub fn router() -> Router<Emulator> {
    Router::new()
        .route("/__emulator/reset", post(reset))
        .route("/__emulator/seed", post(reseed))
        .route("/__emulator/outbox", get(outbox))
        .route("/__emulator/users/mfa", post(require_mfa))
        .route("/__emulator/auth/tokens", post(token_settings))
        .route("/__emulator/requests", get(requests).delete(clear_requests))
        .route("/__emulator/issued-secrets", get(issued_secrets))
        .route(
            "/__emulator/faults",
            get(list_faults).post(add_fault).delete(clear_faults),
        )
        .merge(accounts::control_routes())
        .merge(approvals::control_routes())
        .merge(pricing::control_routes())
        .merge(compliance::control_routes())
        .merge(settlements::control_routes())
}

#[derive(Debug, Deserialize)]
struct TokenSettings {
    #[serde(default)]
    user_token_seconds: Option<i64>,
    #[serde(default)]
    revoke_refresh_tokens: bool,
}

async fn token_settings(State(emulator): State<Emulator>, Json(settings): Json<TokenSettings>) -> Json<Value> {
    let mut world = emulator.world.write().await;
    let mut revoked = 0;
    for partner in world.partners.values_mut() {
        partner.auth.user_token_seconds = settings.user_token_seconds.map(|s| s.max(1));
        if settings.revoke_refresh_tokens {
            revoked += partner.auth.refresh_tokens.len();
            partner.auth.refresh_tokens.clear();
        }
    }
    Json(json!({"user_token_seconds": settings.user_token_seconds, "revoked_refresh_tokens": revoked}))
}

async fn reset(State(emulator): State<Emulator>) -> Json<Value> {
    let mut world = emulator.world.write().await;
    *world = seed::world(world.seed, world.merchants);
    emulator.requests.clear();
    emulator.faults.clear();
    Json(json!({"reset": true, "seed": world.seed, "merchants": world.merchants}))
}

#[derive(Debug, Deserialize)]
struct SeedQuery {
    merchants: Option<usize>,
    seed: Option<u64>,
}

async fn reseed(State(emulator): State<Emulator>, Query(query): Query<SeedQuery>) -> Result<Json<Value>, ApiError> {
    let merchants = query.merchants.unwrap_or(seed::DEFAULT_MERCHANTS);
    if merchants > MAX_MERCHANTS {
        return Err(ApiError::validation(vec![(
            "/merchants".into(),
            format!("should be <= {MAX_MERCHANTS}"),
        )]));
    }
    let mut world = emulator.world.write().await;
    let seed_number = query.seed.unwrap_or(world.seed);
    // Seeding 20,000 merchants takes a while: do it off the async workers.
    let fresh = tokio::task::spawn_blocking(move || seed::world(seed_number, merchants))
        .await
        .map_err(|_| {
            ApiError::new(
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                "seed_failed",
                "Seeding failed",
            )
        })?;
    *world = fresh;
    emulator.requests.clear();
    Ok(Json(json!({"seed": seed_number, "merchants": merchants})))
}

/// The codes that would have gone out by SMS or e-mail, newest last.
async fn outbox(State(emulator): State<Emulator>) -> Json<Value> {
    let world = emulator.world.read().await;
    let messages: Vec<_> = world.partners.values().flat_map(|p| p.auth.outbox.clone()).collect();
    Json(json!(messages))
}

#[derive(Debug, Deserialize)]
struct MfaSetting {
    email: String,
    required: bool,
}

/// Makes a person's sign-in need (or not need) a second factor.
async fn require_mfa(
    State(emulator): State<Emulator>,
    Json(setting): Json<MfaSetting>,
) -> Result<Json<Value>, ApiError> {
    let mut world = emulator.world.write().await;
    let user = world
        .partners
        .values_mut()
        .flat_map(|p| p.users.iter_mut())
        .find(|u| u.email.eq_ignore_ascii_case(&setting.email))
        .ok_or_else(|| ApiError::not_found(format!("No user {}", setting.email)))?;
    user.mfa_required = setting.required;
    Ok(Json(json!({"email": user.email, "mfa_required": user.mfa_required})))
}

/// `{"secrets": [{"kind", "value"}]}`: the tokens handed out, oldest first, then the API clients'
/// secrets.
async fn issued_secrets(State(emulator): State<Emulator>) -> Json<Value> {
    let mut secrets = emulator.issued.list();
    let world = emulator.world.read().await;
    secrets.extend(
        world
            .partners
            .values()
            .flat_map(|p| p.clients.iter())
            .map(|c| IssuedSecret {
                kind: SecretKind::ClientSecret,
                value: c.client_secret.clone(),
            }),
    );
    Json(json!({ "secrets": secrets }))
}

async fn list_faults(State(emulator): State<Emulator>) -> Json<Vec<FaultSpec>> {
    Json(emulator.faults.list())
}

async fn add_fault(State(emulator): State<Emulator>, Json(spec): Json<FaultSpec>) -> Json<Value> {
    emulator.faults.add(spec);
    Json(json!({"faults": emulator.faults.list().len()}))
}

async fn clear_faults(State(emulator): State<Emulator>) -> Json<Value> {
    emulator.faults.clear();
    Json(json!({"cleared": true}))
}

async fn requests(State(emulator): State<Emulator>) -> Json<Vec<RequestEntry>> {
    Json(emulator.requests.entries())
}

async fn clear_requests(State(emulator): State<Emulator>) -> Json<Value> {
    emulator.requests.clear();
    Json(json!({"cleared": true}))
}
