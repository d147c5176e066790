//! The reads: a merchant's settlement report configurations ([`list_report_configurations`], needs
//! `Settlements`), what the new and edit forms start with ([`report_configuration_form`], needs
//! `ConfigureReports`), and its insight reports ([`list_reports`], needs `Reports`). Dintero is
//! asked with the person's token exchanged for one on the merchant.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::config_input::ConfigInput;
use crate::components::MerchantHead;
use crate::dintero::reports::ReportMetadata;
use crate::dintero::settlements::ReportConfiguration;
use crate::error::AppError;
use crate::i18n::key;
#[cfg(feature = "ssr")]
use crate::validate::{AccountId, ResourceId};

/// Rows per page of both lists.
pub const PAGE_SIZE: u32 = 25;

/// One page of configurations, and where the next starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfigList {
    pub merchant: MerchantHead,
    pub items: Vec<ReportConfiguration>,
    /// Dintero's `starting_after` of the next page.
    pub next: Option<String>,
    /// The person may create, change and delete (`ConfigureReports`).
    pub may_configure: bool,
}

/// What the new or edit form starts with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfigFormStart {
    pub merchant: MerchantHead,
    /// The configuration being changed; `None` for a new one.
    pub existing: Option<ReportConfiguration>,
    pub input: ConfigInput,
    /// The form's submission id (sent once, see `crate::submit`).
    pub submission: String,
    /// The delete form's submission id.
    pub delete_submission: String,
}

/// An insight report as the list shows it: everything but its `signed_url`, which never leaves the
/// server (the download goes through `/accounts/{aid}/reports/{id}/file`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRow {
    pub id: String,
    pub name: String,
    pub template_id: Option<String>,
    pub data_type: Option<String>,
    pub schedule: Option<String>,
    pub content_type: Option<String>,
    pub content_language: Option<String>,
    pub created_at: Option<String>,
    pub data_from: Option<String>,
    pub data_to: Option<String>,
    /// `(filter, value)`, e.g. `("operation_payout_destination", "PD001")`.
    pub filters: Vec<(String, String)>,
    pub downloadable: bool,
}

impl From<&ReportMetadata> for ReportRow {
    fn from(r: &ReportMetadata) -> Self {
        Self {
            id: r.id.clone(),
            name: r
                .custom_report_name
                .clone()
                .or_else(|| r.report_file_name.clone())
                .unwrap_or_else(|| r.id.clone()),
            template_id: r.template_id.clone(),
            data_type: r.data_type.clone(),
            schedule: r.schedule.clone(),
            content_type: r.content_type.clone(),
            content_language: r.content_language.clone(),
            created_at: r.created_at.clone(),
            data_from: r.data_from.clone(),
            data_to: r.data_to.clone(),
            filters: r
                .report_filters
                .iter()
                .map(|f| (f.filter.to_string(), f.value.clone()))
                .collect(),
            downloadable: r.signed_url.as_deref().is_some_and(|u| !u.is_empty()),
        }
    }
}

/// One page of insight reports, and where the next starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportList {
    pub merchant: MerchantHead,
    pub rows: Vec<ReportRow>,
    pub next: Option<String>,
}

/// A cursor or id as Dintero makes them (UUIDs, `rpt_...`): letters, digits, `-`, `_`, at most 100.
pub fn is_dintero_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 100 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A list cursor from the URL: empty, or a Dintero id.
pub fn check_cursor(starting_after: &str) -> Result<Option<String>, AppError> {
    let after = starting_after.trim();
    if after.is_empty() {
        Ok(None)
    } else if is_dintero_id(after) {
        Ok(Some(after.to_owned()))
    } else {
        Err(AppError::invalid("starting_after", key!("reports.error.cursor")))
    }
}

/// One page of the merchant's settlement report configurations.
#[server(endpoint = "list_report_configurations")]
pub async fn list_report_configurations(
    aid: String,
    #[server(default)] starting_after: String,
) -> Result<ConfigList, AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::Settlements).await?;
    let aid = AccountId::parse(&aid)?;
    let after = check_cursor(&starting_after)?;
    let state = crate::state::app_state()?;
    let merchant = crate::features::sellers::read::merchant_head(&state, &user.access_token, &aid).await?;
    let page = state
        .dintero
        .report_configurations(&user.access_token, &aid, Some(PAGE_SIZE), after.as_deref())
        .await?;
    Ok(ConfigList {
        merchant,
        next: page.starting_after.filter(|s| !s.is_empty()),
        items: page.items,
        may_configure: user
            .access(&state.policy)
            .allows(crate::auth::Capability::ConfigureReports),
    })
}

/// The new form (`id` empty) or the edit form of configuration `id`, each with its submission ids.
#[server(endpoint = "report_configuration_form")]
pub async fn report_configuration_form(
    aid: String,
    #[server(default)] id: String,
) -> Result<ConfigFormStart, AppError> {
    use crate::submit::new_submission;

    let user = crate::auth::session::require(crate::auth::Capability::ConfigureReports).await?;
    let aid = AccountId::parse(&aid)?;
    let id = if id.is_empty() {
        None
    } else {
        Some(ResourceId::parse(&id)?)
    };
    let state = crate::state::app_state()?;
    let merchant = crate::features::sellers::read::merchant_head(&state, &user.access_token, &aid).await?;
    let existing = match &id {
        None => None,
        Some(id) => Some(state.dintero.report_configuration(&user.access_token, &aid, id).await?),
    };
    let input = existing
        .as_ref()
        .map(ConfigInput::from_configuration)
        .unwrap_or_else(|| ConfigInput {
            filetypes: [("pdf".to_owned(), "on".to_owned())].into(),
            account_email: "on".to_owned(),
            ..Default::default()
        });
    Ok(ConfigFormStart {
        merchant,
        existing,
        input,
        submission: new_submission(),
        delete_submission: new_submission(),
    })
}

/// One page of the merchant's insight reports, newest first, without their signed URLs.
#[server(endpoint = "list_reports")]
pub async fn list_reports(aid: String, #[server(default)] starting_after: String) -> Result<ReportList, AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::Reports).await?;
    let aid = AccountId::parse(&aid)?;
    let after = check_cursor(&starting_after)?;
    let state = crate::state::app_state()?;
    let merchant = crate::features::sellers::read::merchant_head(&state, &user.access_token, &aid).await?;
    let page = state
        .dintero
        .report_metadata(&user.access_token, &aid, Some(PAGE_SIZE), after.as_deref())
        .await?;
    Ok(ReportList {
        merchant,
        rows: page.reports.iter().map(ReportRow::from).collect(),
        next: page.starting_after.filter(|s| !s.is_empty()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_row_never_carries_the_signed_url() {
        let meta: ReportMetadata = serde_json::from_value(serde_json::json!({
            "id": "rpt_T11200002_202605_pdf",
            "report_file_name": "2026-05-monthly.pdf",
            "signed_url": "http://127.0.0.1:1/files/reports/rpt_T11200002_202605_pdf?signature=deadbeef",
            "report_filters": [{"filter": "operation_payout_destination", "value": "PD001"}]
        }))
        .unwrap();
        let row = ReportRow::from(&meta);
        assert!(row.downloadable);
        assert_eq!(row.name, "2026-05-monthly.pdf");
        assert_eq!(
            row.filters,
            [("operation_payout_destination".to_owned(), "PD001".to_owned())]
        );
        let json = serde_json::to_string(&row).unwrap();
        assert!(!json.contains("signature") && !json.contains("http"), "{json}");
    }

    #[test]
    fn cursors_are_dintero_ids() {
        assert_eq!(check_cursor("").unwrap(), None);
        assert_eq!(check_cursor("rpt_T1_2026").unwrap().as_deref(), Some("rpt_T1_2026"));
        assert!(check_cursor("a&b=c").is_err());
    }
}
