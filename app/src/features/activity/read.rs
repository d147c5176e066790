//! [`list_activity`]: one page of the audit log for the Activity page.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::audit::{ActivityFilter, ActivityPage};
use crate::error::AppError;
use crate::i18n::key;

/// Entries per page.
#[cfg(feature = "ssr")]
pub const PAGE_SIZE: u32 = 50;

/// The Activity page's query, as typed in the filter form and kept in the URL.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActivityQuery {
    #[serde(default)]
    pub person: String,
    #[serde(default)]
    pub merchant: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub before: Option<i64>,
}

impl ActivityQuery {
    /// The filter this query stands for, or the field that is wrong.
    pub fn filter(&self) -> Result<ActivityFilter, AppError> {
        let date = |field: &str, value: &str| {
            let value = value.trim();
            if value.is_empty() {
                return Ok(None);
            }
            chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| AppError::invalid(field, key!("activity.error.date")))
        };
        let text = |value: &str| Some(value.trim().to_owned()).filter(|v| !v.is_empty());
        let action = text(&self.action);
        if let Some(action) = &action {
            if crate::audit::AuditAction::parse(action).is_none() {
                return Err(AppError::invalid("action", key!("activity.error.action")));
            }
        }
        let filter = ActivityFilter {
            person: text(&self.person),
            merchant: text(&self.merchant).map(|m| m.to_uppercase()),
            action,
            from: date("from", &self.from)?,
            to: date("to", &self.to)?,
        };
        if let (Some(from), Some(to)) = (filter.from, filter.to) {
            if to < from {
                return Err(AppError::invalid("to", key!("activity.error.range")));
            }
        }
        Ok(filter)
    }

    /// The query string of this query without its paging, for links and the CSV export.
    pub fn filter_query(&self) -> String {
        let pairs = [
            ("person", &self.person),
            ("merchant", &self.merchant),
            ("action", &self.action),
            ("from", &self.from),
            ("to", &self.to),
        ];
        pairs
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| format!("{k}={}", crate::url::encode(v.trim())))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// Up to [`PAGE_SIZE`] entries matching `query`, newest first. Admin only.
#[server(endpoint = "list_activity")]
pub async fn list_activity(query: ActivityQuery) -> Result<ActivityPage, AppError> {
    crate::auth::session::require(crate::auth::Capability::Activity).await?;
    let filter = query.filter()?;
    let state = crate::state::app_state()?;
    let mut entries = crate::audit::entries(&state.store, &filter, query.before, PAGE_SIZE + 1)
        .await
        .map_err(|error| {
            tracing::error!(%error, "could not read the audit log");
            AppError::Internal
        })?;
    let more = entries.len() > PAGE_SIZE as usize;
    entries.truncate(PAGE_SIZE as usize);
    let older = more.then(|| entries.last().map(|e| e.id)).flatten();
    Ok(ActivityPage { entries, older })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_becomes_a_filter_or_names_the_wrong_field() {
        let query = ActivityQuery {
            person: " kari ".into(),
            merchant: "t11200001".into(),
            from: "2026-11-01".into(),
            ..Default::default()
        };
        let filter = query.filter().unwrap();
        assert_eq!(filter.person.as_deref(), Some("kari"));
        assert_eq!(filter.merchant.as_deref(), Some("T11200001"));
        assert_eq!(filter.from, "2026-11-01".parse().ok());
        let field = |q: ActivityQuery| q.filter().unwrap_err().field().map(str::to_owned);
        let bad_date = ActivityQuery {
            from: "1.11.2026".into(),
            ..Default::default()
        };
        assert_eq!(field(bad_date).as_deref(), Some("from"));
        let backwards = ActivityQuery {
            from: "2026-11-02".into(),
            to: "2026-11-01".into(),
            ..Default::default()
        };
        assert_eq!(field(backwards).as_deref(), Some("to"));
        let unknown = ActivityQuery {
            action: "drop.tables".into(),
            ..Default::default()
        };
        assert_eq!(field(unknown).as_deref(), Some("action"));
    }

    #[test]
    fn the_filter_query_keeps_the_filters_encoded_and_drops_paging() {
        let query = ActivityQuery {
            person: "kari nordmann@x".into(),
            action: "account.update".into(),
            before: Some(9),
            ..Default::default()
        };
        assert_eq!(query.filter_query(), "person=kari%20nordmann%40x&action=account.update");
    }
}
