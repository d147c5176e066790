//! Multifactor sign-in (01-auth.md, "MFA flow"): `POST /v1/accounts/{aid}/auth/mfa/challenge` sends
//! a binding code out of band (to the outbox, `/__emulator/outbox`); the `mfa_oob` grant that trades
//! `mfa_token` + `oob_code` + `binding_code` for the person's token is the token endpoint's
//! (`token.rs`).

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use rand::distr::{Alphanumeric, SampleString};
use rand::Rng;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::clock::ts;
use crate::error::ApiError;
use crate::issued::SecretKind;
use crate::sessions::{Challenge, OutboxMessage, MFA_ATTEMPTS, MFA_SECONDS};
use crate::state::Emulator;
use crate::token::{app_client, invalid_grant, required};
use crate::world::normalize_oid;

#[derive(Debug, Deserialize)]
pub struct ChallengeRequest {
    challenge_type: Option<String>,
    mfa_token: Option<String>,
    oob_channel: Option<String>,
}

pub async fn challenge(
    State(emulator): State<Emulator>,
    Path(aid): Path<String>,
    headers: HeaderMap,
    body: Option<Json<ChallengeRequest>>,
) -> Result<Json<Value>, ApiError> {
    let account = normalize_oid(&aid);
    let now = chrono::Utc::now().timestamp();
    app_client(&emulator, &headers, &account, now)?;
    let Some(Json(body)) = body else {
        return Err(required(&["challenge_type", "mfa_token"]));
    };
    match (body.challenge_type.as_deref(), body.mfa_token.as_deref()) {
        (Some("oob"), Some(_)) => {}
        (Some(other), Some(_)) => {
            return Err(ApiError::validation(vec![(
                "/challenge_type".into(),
                format!("should be 'oob', not '{other}'"),
            )]))
        }
        (None, _) => return Err(required(&["challenge_type"])),
        (_, None) => return Err(required(&["mfa_token"])),
    }
    let channel = body.oob_channel.as_deref().unwrap_or("sms");
    if channel != "sms" && channel != "email" {
        return Err(ApiError::validation(vec![(
            "/oob_channel".into(),
            "should be 'sms' or 'email'".into(),
        )]));
    }
    let mfa_token = body.mfa_token.unwrap_or_default();
    let mut world = emulator.world.write().await;
    let partner = world
        .partner_mut(&account)
        .ok_or_else(|| ApiError::not_found(format!("Account {aid} not found")))?;
    let pending = partner
        .auth
        .pending_mfa
        .get(&mfa_token)
        .filter(|p| p.expires_at > now)
        .cloned()
        .ok_or_else(|| invalid_grant("The MFA token is invalid or has expired; sign in again"))?;
    let user = partner
        .user_by_id(&pending.user_id)
        .cloned()
        .ok_or_else(|| invalid_grant("Unknown user"))?;
    let oob_code = format!("Fe26.2**{}", Alphanumeric.sample_string(&mut rand::rng(), 32));
    emulator.issued.record(SecretKind::OobCode, &oob_code);
    let binding_code = format!("{:06}", rand::rng().random_range(0..1_000_000));
    partner.auth.challenges.insert(
        oob_code.clone(),
        Challenge {
            mfa_token,
            binding_code: binding_code.clone(),
            expires_at: now + MFA_SECONDS,
            attempts_left: MFA_ATTEMPTS,
        },
    );
    partner.auth.outbox.push(OutboxMessage {
        to: if channel == "sms" {
            user.phone_number.clone()
        } else {
            user.email.clone()
        },
        channel: channel.to_owned(),
        code: binding_code,
        sent_at: ts(chrono::Utc::now()),
    });
    Ok(Json(
        json!({"challenge_type": "oob", "binding_method": "prompt", "oob_code": oob_code}),
    ))
}
