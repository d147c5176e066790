//! Input kept across a failed form post made without JavaScript.
//!
//! Without JavaScript a failed server function sends the browser back to the form's page, with the
//! error in the URL but not what the person typed. The server function keeps the (non-secret)
//! fields in the session; the page takes them back once when it renders.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KeptInput(pub BTreeMap<String, String>);

impl KeptInput {
    /// The kept value of `field`, or empty.
    pub fn get(&self, field: &str) -> String {
        self.0.get(field).cloned().unwrap_or_default()
    }
}

#[cfg(feature = "ssr")]
fn key(form: &str) -> String {
    format!("backoffice.kept_input.{form}")
}

/// Field names whose values are never kept: passwords, codes, tokens and secrets.
#[cfg(feature = "ssr")]
fn is_secret(field: &str) -> bool {
    let field = field.to_ascii_lowercase();
    ["password", "code", "token", "secret"]
        .iter()
        .any(|s| field.contains(s))
}

/// Keeps the non-secret `fields` of `form` in `session` (a form is named after its server
/// function's endpoint), for the page to take back with [`take_kept_input`].
#[cfg(feature = "ssr")]
pub async fn keep_in(session: &tower_sessions::Session, form: &str, fields: Vec<(String, String)>) {
    let kept = KeptInput(fields.into_iter().filter(|(k, _)| !is_secret(k)).collect());
    if let Err(error) = session.insert(&key(form), kept).await {
        tracing::warn!(%error, "could not keep form input");
    }
}

/// Takes (and forgets) what was kept for `form`. A page takes it once per view: it reads it where
/// it runs once per request (its component's body), never inside a suspense's children.
#[server(endpoint = "take_kept_input")]
pub async fn take_kept_input(form: String) -> Result<KeptInput, AppError> {
    let session = crate::auth::session::session().await?;
    Ok(session
        .remove::<KeptInput>(&key(&form))
        .await
        .ok()
        .flatten()
        .unwrap_or_default())
}

/// Keeps `fields` of `form` when the request is a plain HTML form post (with JavaScript the
/// fields stay in the page by themselves).
#[cfg(feature = "ssr")]
pub async fn keep_input(form: &str, fields: &[(&str, &str)]) {
    let plain_form_post = use_context::<http::request::Parts>()
        .and_then(|p| {
            p.headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.contains("text/html"))
        })
        .unwrap_or(false);
    if !plain_form_post {
        return;
    }
    if let Ok(session) = crate::auth::session::session().await {
        let fields = fields.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        keep_in(&session, form, fields).await;
    }
}
