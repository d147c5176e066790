//! [`get_current_user`]: who is signed in, without anything secret.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What pages may know about the signed-in person and their partner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub email: String,
    pub name: Option<String>,
    pub scopes: Vec<String>,
    /// What the scopes allow; pages offer only this (the server checks again).
    pub access: crate::auth::Access,
    pub partner_id: String,
    pub partner_name: Option<String>,
    /// The Dintero base URL the app talks to.
    pub dintero_url: String,
    pub embedded_emulator: bool,
}

impl CurrentUser {
    /// The name to greet the person with.
    pub fn display_name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.email)
    }

    /// True when the person's scopes grant `capability`.
    pub fn may(&self, capability: crate::auth::Capability) -> bool {
        self.access.allows(capability)
    }

    /// Test accounts start with `T`, live ones with `P` (REFERENCE.md).
    pub fn is_test_partner(&self) -> bool {
        self.partner_id.starts_with('T')
    }
}

/// The signed-in person, or `Unauthenticated`.
#[server(endpoint = "current_user")]
pub async fn get_current_user() -> Result<CurrentUser, AppError> {
    let user = crate::auth::session::require_user().await?;
    Ok(CurrentUser::of(user, &crate::state::app_state()?))
}

/// The person the sign-in guard let through for the request being rendered, read without waiting
/// (the guard puts the session's user into the request); `None` on a public page or in the browser.
pub fn signed_in_now() -> Option<CurrentUser> {
    #[cfg(feature = "ssr")]
    {
        let parts = use_context::<http::request::Parts>()?;
        let user = parts.extensions.get::<crate::auth::session::UserSession>()?.clone();
        Some(CurrentUser::of(user, &crate::state::app_state().ok()?))
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

#[cfg(feature = "ssr")]
impl CurrentUser {
    /// What a page may know of `user` (nothing secret).
    pub fn of(user: crate::auth::session::UserSession, state: &crate::state::AppState) -> Self {
        let access = user.access(&state.policy);
        CurrentUser {
            email: user.email,
            name: user.name,
            access,
            scopes: user.scopes,
            partner_id: state.dintero.partner_id().to_owned(),
            partner_name: user.partner_name,
            dintero_url: state.dintero.base_url().to_owned(),
            embedded_emulator: state.info.embedded_emulator,
        }
    }
}
