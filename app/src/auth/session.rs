//! The signed-in person's part of the tower-sessions session: a typed bucket under one key.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::auth::roles::{Access, Capability};
use crate::error::AppError;
use crate::secret::Secret;

/// The session key of [`UserSession`].
pub const USER_KEY: &str = "backoffice.user";
/// The session key of [`PendingMfa`].
pub const PENDING_MFA_KEY: &str = "backoffice.pending_mfa";

/// A sign-in waiting for its one-time code. Server-side only.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PendingMfa {
    pub email: String,
    pub mfa_token: Secret,
    /// The challenge's `oob_code`, once a code has been sent.
    pub oob_code: Option<Secret>,
    /// Where the last code went: `sms` or `email`.
    pub channel: Option<String>,
    /// Where to go after signing in.
    pub next: String,
}

/// Who is signed in, with their Dintero token. Server-side only.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UserSession {
    pub email: String,
    pub name: Option<String>,
    pub user_id: Option<String>,
    pub scopes: Vec<String>,
    pub access_token: Secret,
    pub token_expires_at: DateTime<Utc>,
    /// Dintero's refresh token, when the app's client may have them.
    #[serde(default)]
    pub refresh_token: Option<Secret>,
    pub partner_name: Option<String>,
    pub signed_in_at: DateTime<Utc>,
    /// The language the person chose (from the store at sign-in, changed by the language switch).
    #[serde(default)]
    pub locale: Option<String>,
}

/// Starts the signed-in session for `email` with Dintero's `token`: reads who the person is and
/// the partner's name (shown in the header; not fatal if unreadable), gives the session a new id
/// (so an id known before sign-in is worth nothing after), and keeps the token server-side only.
pub async fn establish(
    state: &crate::state::AppState,
    email: &str,
    token: crate::dintero::auth::AccessToken,
) -> Result<(), AppError> {
    use chrono::Duration;

    let person = match state.dintero.partner_users().await {
        Ok(users) => users.into_iter().find(|u| u.email.eq_ignore_ascii_case(email)),
        Err(error) => {
            tracing::warn!(%error, "could not read the partner's users");
            None
        }
    };
    let partner_name = match state.dintero.partner_settings().await {
        Ok(account) => account.company.and_then(|c| c.display_name.or(c.business_name)),
        Err(error) => {
            tracing::warn!(%error, "could not read the partner's settings");
            None
        }
    };
    let now = Utc::now();
    let user = UserSession {
        email: person
            .as_ref()
            .map(|p| p.email.clone())
            .unwrap_or_else(|| email.to_owned()),
        name: person.as_ref().and_then(|p| p.name.clone()),
        user_id: person.as_ref().map(|p| p.id.clone()),
        scopes: person.map(|p| p.scope).unwrap_or_default(),
        access_token: Secret::new(token.access_token),
        token_expires_at: now + Duration::seconds(token.expires_in),
        refresh_token: token.refresh_token.map(Secret::new),
        partner_name,
        signed_in_at: now,
        locale: crate::i18n::preference::read(&state.store, email)
            .await
            .map(|l| l.code().to_owned()),
    };
    let session = session().await?;
    session.cycle_id().await.map_err(|_| AppError::Internal)?;
    let _ = session.remove::<PendingMfa>(PENDING_MFA_KEY).await;
    session.insert(USER_KEY, user).await.map_err(|_| AppError::Internal)?;
    tracing::info!("person signed in");
    Ok(())
}

/// The request's tower-sessions session.
pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>().await.map_err(|error| {
        tracing::error!(%error, "no session layer");
        AppError::Internal
    })
}

/// The signed-in person, or `None`.
pub async fn user(session: &Session) -> Result<Option<UserSession>, AppError> {
    session.get::<UserSession>(USER_KEY).await.map_err(|error| {
        tracing::error!(%error, "session store failed");
        AppError::Internal
    })
}

/// The signed-in person, or [`AppError::Unauthenticated`]; the first line of a protected server
/// function that every signed-in person may use.
pub async fn require_user() -> Result<UserSession, AppError> {
    let session = session().await?;
    match user(&session).await? {
        Some(user) if user.token_expires_at > Utc::now() => Ok(user),
        _ => Err(AppError::Unauthenticated),
    }
}

/// The signed-in person if their scopes grant `capability`, else [`AppError::Forbidden`]; the
/// first line of every protected server function and download.
pub async fn require(capability: Capability) -> Result<UserSession, AppError> {
    // Taken before anything is awaited (while a page streams, its context may be gone after).
    let policy = crate::state::app_state()?.policy;
    let user = require_user().await?;
    match user.access(&policy).refusal(capability) {
        None => Ok(user),
        Some(refusal) => {
            tracing::info!(?capability, needs_one_of = ?refusal.one_of, by_policy = refusal.by_policy, "refused");
            Err(AppError::Forbidden)
        }
    }
}

impl UserSession {
    /// What the person's scopes allow under the partner's `policy`.
    pub fn access(&self, policy: &crate::auth::Policy) -> Access {
        Access::under(&self.scopes, policy)
    }

    /// Takes a renewed Dintero token (keeping the refresh token when Dintero sent no new one).
    pub fn renewed(mut self, token: crate::dintero::auth::AccessToken) -> Self {
        self.access_token = Secret::new(token.access_token);
        self.token_expires_at = Utc::now() + chrono::Duration::seconds(token.expires_in);
        if let Some(refresh) = token.refresh_token {
            self.refresh_token = Some(Secret::new(refresh));
        }
        self
    }
}
