//! [`audited`]: sends one change to Dintero and appends exactly one audit entry for it, whatever
//! Dintero answered, before the server function responds.

use std::future::Future;

use super::log::{append, NewEntry};
use super::AuditAction;
use crate::auth::session::UserSession;
use crate::dintero::receipt::capture;
use crate::dintero::DinteroError;
use crate::error::AppError;
use crate::state::app_state;
use crate::validate::AccountId;

/// A short account of a change's input: `field=value` pairs, never secrets, personal ids masked.
#[derive(Debug, Clone, Default)]
pub struct Summary(Vec<(&'static str, String)>);

impl Summary {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `field=value` (skipped when the value is empty).
    pub fn field(mut self, field: &'static str, value: impl Into<String>) -> Self {
        let value: String = value.into();
        let value = value.trim();
        if !value.is_empty() {
            self.0.push((field, shorten(value)));
        }
        self
    }

    /// Adds a personal id (national id, phone) with all but its last four characters masked
    /// ([`crate::format::last_four`]).
    pub fn masked(self, field: &'static str, value: &str) -> Self {
        self.field(field, crate::format::last_four(value))
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, (field, value)) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{field}={value}")?;
        }
        Ok(())
    }
}

/// Long free text (comments, descriptions) is kept to its first 200 characters.
fn shorten(value: &str) -> String {
    const MAX: usize = 200;
    match value.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &value[..end]),
        None => value.to_owned(),
    }
}

/// Runs `change` (one or more Dintero writes) and appends one entry with what Dintero answered to
/// the last write: its status and request id, or no status when no answer came. `merchant` is the
/// parsed id the change is sent to, so the entry names the account that is written. If the entry
/// cannot be written the person is told (500), even though Dintero may have made the change.
pub async fn audited<T>(
    user: &UserSession,
    action: AuditAction,
    merchant: Option<&AccountId>,
    summary: Summary,
    change: impl Future<Output = Result<T, DinteroError>>,
) -> Result<T, AppError> {
    let state = app_state()?;
    let (outcome, receipts) = capture(change).await;
    let last = receipts.last();
    let status = last
        .and_then(|r| r.status)
        .or_else(|| outcome.as_ref().err().and_then(DinteroError::status));
    let request_id = last.and_then(|r| r.request_id.clone()).or_else(|| match &outcome {
        Err(DinteroError::Api(failure)) => failure.request_id.clone(),
        _ => None,
    });
    let entry = NewEntry {
        at: chrono::Utc::now(),
        user_id: user.user_id.clone(),
        email: user.email.clone(),
        partner_id: state.dintero.partner_id().to_owned(),
        account_id: merchant.map(|aid| aid.as_str().to_owned()),
        action,
        summary: summary.to_string(),
        status,
        request_id,
    };
    if let Err(error) = append(&state.store, entry).await {
        tracing::error!(%error, action = action.as_str(), "could not write the audit log");
        return Err(AppError::Internal);
    }
    outcome.map_err(AppError::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_lists_fields_masks_personal_ids_and_shortens_long_text() {
        let summary = Summary::new()
            .field("progression", "live")
            .field("empty", "  ")
            .masked("national_id", "01017012345")
            .field("comment", "x".repeat(250));
        let text = summary.to_string();
        assert!(text.starts_with("progression=live; national_id=•••••••2345; comment=xxx"));
        assert!(text.ends_with("x…"));
        assert!(!text.contains("01017012345"));
    }
}
