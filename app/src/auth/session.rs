//! The signed-in person's part of the tower-sessions session: a typed bucket under one key.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::error::AppError;
use crate::secret::Secret;

/// The session key of [`UserSession`].
pub const USER_KEY: &str = "backoffice.user";

/// Who is signed in, with their Dintero token. Server-side only.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UserSession {
    pub email: String,
    pub name: Option<String>,
    pub user_id: Option<String>,
    pub scopes: Vec<String>,
    pub access_token: Secret,
    pub token_expires_at: DateTime<Utc>,
    pub partner_name: Option<String>,
    pub signed_in_at: DateTime<Utc>,
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

/// The signed-in person, or [`AppError::Unauthenticated`]; the first line of every protected
/// server function.
pub async fn require_user() -> Result<UserSession, AppError> {
    let session = session().await?;
    match user(&session).await? {
        Some(user) if user.token_expires_at > Utc::now() => Ok(user),
        _ => Err(AppError::Unauthenticated),
    }
}
