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
    let state = crate::state::app_state()?;
    let access = user.access();
    Ok(CurrentUser {
        email: user.email,
        name: user.name,
        access,
        scopes: user.scopes,
        partner_id: state.dintero.partner_id().to_owned(),
        partner_name: user.partner_name,
        dintero_url: state.dintero.base_url().to_owned(),
        embedded_emulator: state.info.embedded_emulator,
    })
}
