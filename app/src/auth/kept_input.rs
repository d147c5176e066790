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

/// Takes (and forgets) what was kept for `form`.
#[server(endpoint = "take_kept_input")]
pub async fn take_kept_input(form: String) -> Result<KeptInput, AppError> {
    let session = crate::auth::session::session().await?;
    let kept = session.remove::<KeptInput>(&key(&form)).await.ok().flatten();
    Ok(kept.unwrap_or_default())
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
        let kept = KeptInput(fields.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect());
        if let Err(error) = session.insert(&key(form), kept).await {
            tracing::warn!(%error, "could not keep form input");
        }
    }
}
