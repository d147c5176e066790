//! What the token endpoint remembers between calls: refresh tokens, pending MFA sign-ins and
//! their out-of-band challenges, and the outbox of codes that would go out by SMS or e-mail; and how
//! long people's tokens and MFA codes live.

use std::collections::HashMap;

use serde::Serialize;

/// Lifetime of a person's token (the reference's password example: 14400 s).
pub const USER_TOKEN_SECONDS: i64 = 14_400;
/// How long an MFA token and a challenge's code stay valid (seconds).
pub const MFA_SECONDS: i64 = 300;
/// Wrong codes allowed per challenge before it is void.
pub const MFA_ATTEMPTS: u32 = 3;

#[derive(Debug, Clone, Default)]
pub struct AuthStore {
    /// Refresh token → the person it signs in again.
    pub refresh_tokens: HashMap<String, RefreshGrant>,
    /// `mfa_token` from an `mfa_required` answer → the sign-in waiting for its second factor.
    pub pending_mfa: HashMap<String, PendingMfa>,
    /// `oob_code` → the challenge sent for it.
    pub challenges: HashMap<String, Challenge>,
    /// Every code "sent", oldest first.
    pub outbox: Vec<OutboxMessage>,
    /// A shorter lifetime for people's tokens, set through the control plane to test renewal.
    pub user_token_seconds: Option<i64>,
}

impl AuthStore {
    /// How long a person's token issued now lives.
    pub fn user_token_seconds(&self) -> i64 {
        self.user_token_seconds.unwrap_or(USER_TOKEN_SECONDS)
    }
}

#[derive(Debug, Clone)]
pub struct RefreshGrant {
    pub user_id: String,
    pub audience: String,
    /// The API client that obtained it; only that client may use it.
    pub client_id: String,
}

#[derive(Debug, Clone)]
pub struct PendingMfa {
    pub user_id: String,
    pub audience: String,
    pub client_id: String,
    pub expires_at: i64,
}

#[derive(Debug, Clone)]
pub struct Challenge {
    pub mfa_token: String,
    pub binding_code: String,
    pub expires_at: i64,
    pub attempts_left: u32,
}

/// A message the emulator would have sent (`/__emulator/outbox`).
#[derive(Debug, Clone, Serialize)]
pub struct OutboxMessage {
    pub to: String,
    pub channel: String,
    pub code: String,
    pub sent_at: String,
}
