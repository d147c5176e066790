//! The writes, for people with `ConfigureReports`: create ([`create_report_configuration`]), change
//! ([`update_report_configuration`]) and delete ([`delete_report_configuration`], only when
//! confirmed) a settlement report configuration. Each checks its input before sending, is sent once
//! per form (`crate::submit`), goes through `audited`, and keeps what was typed when it fails
//! without JavaScript. A field Dintero refuses (its 400 with JSON pointers) is marked in the form.

use leptos::prelude::*;

use super::config_input::ConfigInput;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::validate::{AccountId, ResourceId};

/// Creates a configuration; back to the list, at the new one.
#[server(endpoint = "create_report_configuration")]
pub async fn create_report_configuration(
    aid: String,
    submission: String,
    #[server(default)] config: ConfigInput,
) -> Result<(), AppError> {
    use crate::audit::{audited, AuditAction};
    use crate::dintero::settlements::NewReportConfiguration;
    use crate::submit::first_time;

    let user = crate::auth::session::require(crate::auth::Capability::ConfigureReports).await?;
    let outcome = async {
        let aid = AccountId::from_form(&aid)?;
        let checked = config.check()?;
        let state = crate::state::app_state()?;
        let Some(sending) = first_time(&user.email, "create_report_configuration", &submission).await? else {
            return Ok(());
        };
        let summary = summary(&checked);
        let body = NewReportConfiguration {
            id: None,
            filetypes: checked.filetypes,
            destinations: checked.destinations,
            providers: checked.providers,
            filters: Some(checked.filters),
            send_every: None,
        };
        let refused = std::sync::Mutex::new(None);
        let created = audited(
            &user,
            AuditAction::ReportConfigCreate,
            Some(&aid),
            summary,
            noting_field(
                &refused,
                state
                    .dintero
                    .create_report_configuration(&user.access_token, &aid, &body),
            ),
        )
        .await
        .map_err(|e| refused_at_field(&refused, e))?;
        let to = list_href(&aid, "created", &created.id);
        sending.done(&to);
        Ok(())
    }
    .await;
    if outcome.is_err() {
        keep(&aid, "create_report_configuration", &submission, &config).await;
    }
    outcome
}

/// Changes configuration `id` to what the form says (Dintero replaces it whole; what the form does
/// not show, the deprecated `send_every` and the destinations' ids, is kept).
#[server(endpoint = "update_report_configuration")]
pub async fn update_report_configuration(
    aid: String,
    id: String,
    #[server(default)] submission: String,
    #[server(default)] config: ConfigInput,
) -> Result<(), AppError> {
    use crate::audit::{audited, AuditAction};
    use crate::dintero::settlements::ReportConfigurationUpdate;
    use crate::submit::first_time;

    let user = crate::auth::session::require(crate::auth::Capability::ConfigureReports).await?;
    let outcome = async {
        let aid = AccountId::from_form(&aid)?;
        let id = check_id(&id)?;
        let checked = config.check()?;
        let state = crate::state::app_state()?;
        let Some(sending) = first_time(&user.email, "update_report_configuration", &submission).await? else {
            return Ok(());
        };
        let existing = state
            .dintero
            .report_configuration(&user.access_token, &aid, &id)
            .await?;
        let summary = summary(&checked).field("id", id.as_str());
        let destinations = checked
            .destinations
            .into_iter()
            .map(|mut d| {
                d.id = existing
                    .destinations
                    .iter()
                    .find(|e| e.destination_type == d.destination_type && e.destination_value == d.destination_value)
                    .and_then(|e| e.id.clone());
                d
            })
            .collect();
        let body = ReportConfigurationUpdate {
            filetypes: checked.filetypes,
            destinations,
            providers: checked.providers,
            filters: Some(checked.filters),
            send_every: existing.send_every,
        };
        let refused = std::sync::Mutex::new(None);
        audited(
            &user,
            AuditAction::ReportConfigUpdate,
            Some(&aid),
            summary,
            noting_field(
                &refused,
                state
                    .dintero
                    .update_report_configuration(&user.access_token, &aid, &id, &body),
            ),
        )
        .await
        .map_err(|e| refused_at_field(&refused, e))?;
        let to = list_href(&aid, "saved", id.as_str());
        sending.done(&to);
        Ok(())
    }
    .await;
    if outcome.is_err() && ResourceId::parse(&id).is_ok() {
        keep(&aid, &format!("update_report_configuration:{id}"), &submission, &config).await;
    }
    outcome
}

/// Deletes configuration `id`, only with `confirm=yes` (the form's checkbox).
#[server(endpoint = "delete_report_configuration")]
pub async fn delete_report_configuration(
    aid: String,
    id: String,
    #[server(default)] submission: String,
    #[server(default)] confirm: String,
) -> Result<(), AppError> {
    use crate::audit::{audited, AuditAction, Summary};
    use crate::submit::first_time;

    let user = crate::auth::session::require(crate::auth::Capability::ConfigureReports).await?;
    let aid = AccountId::from_form(&aid)?;
    let id = check_id(&id)?;
    if confirm != "yes" {
        return Err(AppError::invalid(
            "confirm",
            crate::i18n::key!("reports.error.confirm_delete"),
        ));
    }
    let state = crate::state::app_state()?;
    let Some(sending) = first_time(&user.email, "delete_report_configuration", &submission).await? else {
        return Ok(());
    };
    audited(
        &user,
        AuditAction::ReportConfigDelete,
        Some(&aid),
        Summary::new().field("id", id.as_str()),
        state.dintero.delete_report_configuration(&user.access_token, &aid, &id),
    )
    .await?;
    let to = list_href(&aid, "deleted", id.as_str());
    sending.done(&to);
    Ok(())
}

/// Where a form's kept input is: the form (with the configuration's id when changing one) and the
/// merchant, so what was typed for one never fills another's form.
pub fn kept_key(form: &str, aid: &str) -> String {
    format!("{form}:{aid}")
}

/// The list after a change: `?created=<id>` (or `saved`, `deleted`), at the configuration's row.
#[cfg(feature = "ssr")]
fn list_href(aid: &AccountId, what: &str, id: &str) -> String {
    let id = crate::url::encode(id);
    format!("/accounts/{aid}/report-configurations?{what}={id}#{id}")
}

/// The configuration's id (a UUID), or the form's error.
#[cfg(feature = "ssr")]
fn check_id(id: &str) -> Result<ResourceId, AppError> {
    ResourceId::parse(id).map_err(|_| AppError::invalid("id", crate::i18n::key!("reports.error.config_id")))
}

/// The audit entry's summary: what is sent, e-mail addresses counted, not listed.
#[cfg(feature = "ssr")]
fn summary(checked: &super::config_input::CheckedConfig) -> crate::audit::Summary {
    use crate::dintero::settlements::DestinationType;
    let join = |items: Vec<String>| items.join(",");
    let emails = checked
        .destinations
        .iter()
        .filter(|d| d.destination_type == DestinationType::Email)
        .count();
    let account_email = checked
        .destinations
        .iter()
        .any(|d| d.destination_type == DestinationType::AccountEmail);
    crate::audit::Summary::new()
        .field(
            "filetypes",
            join(checked.filetypes.iter().map(|f| f.to_string()).collect()),
        )
        .field("providers", join(checked.providers.clone()))
        .field("account_email", account_email.to_string())
        .field("emails", emails.to_string())
        .field(
            "payout_destination_ids",
            join(checked.filters.iter().map(|f| f.value.clone()).collect()),
        )
}

/// `change`, noting in `refused` the form field a Dintero validation error (400/422) points at.
#[cfg(feature = "ssr")]
async fn noting_field<T>(
    refused: &std::sync::Mutex<Option<&'static str>>,
    change: impl std::future::Future<Output = Result<T, crate::dintero::DinteroError>>,
) -> Result<T, crate::dintero::DinteroError> {
    use crate::dintero::DinteroError;
    change.await.inspect_err(|error| {
        let field = match error {
            DinteroError::Api(failure) if matches!(failure.status, 400 | 422) => failure
                .errors
                .iter()
                .filter_map(|e| e.get("path").and_then(|p| p.as_str()))
                .find_map(super::config_input::field_of_pointer),
            _ => None,
        };
        if let Ok(mut slot) = refused.lock() {
            *slot = field;
        }
    })
}

/// Dintero's refusal at a form field as that field's error; any other error as it is.
#[cfg(feature = "ssr")]
fn refused_at_field(refused: &std::sync::Mutex<Option<&'static str>>, error: AppError) -> AppError {
    match refused.lock().ok().and_then(|slot| *slot) {
        Some(field) => AppError::invalid(field, crate::i18n::key!("reports.error.dintero_refused")),
        None => error,
    }
}

/// Keeps a failed plain post's fields for the form's page.
#[cfg(feature = "ssr")]
async fn keep(aid: &str, form: &str, submission: &str, config: &ConfigInput) {
    let Ok(aid) = AccountId::parse(aid) else {
        return;
    };
    let mut fields = vec![("submission".to_owned(), submission.to_owned())];
    fields.extend(config.kept_fields());
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    crate::auth::kept_input::keep_input(&kept_key(form, aid.as_str()), &refs).await;
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::dintero::{ApiFailure, DinteroError};

    fn refusal(status: u16, path: &str) -> DinteroError {
        DinteroError::Api(Box::new(ApiFailure {
            method: "POST".into(),
            path: "/v1/accounts/T1/settlements/reports/configuration".into(),
            status,
            code: Some("INVALID_REQUEST_PARAMETERS".into()),
            message: "Validation failed".into(),
            errors: vec![serde_json::json!({"path": path, "message": "should be an e-mail address"})],
            request_id: None,
            mfa_token: None,
        }))
    }

    async fn outcome(error: DinteroError) -> AppError {
        let refused = std::sync::Mutex::new(None);
        let sent = noting_field(&refused, async { Err::<(), _>(error) }).await;
        refused_at_field(&refused, AppError::from(sent.unwrap_err()))
    }

    #[tokio::test]
    async fn dintero_s_field_errors_point_at_the_form_s_fields() {
        assert_eq!(
            outcome(refusal(400, "/destinations/1/destination_value")).await,
            AppError::invalid("config[emails]", crate::i18n::key!("reports.error.dintero_refused"))
        );
        assert_eq!(
            outcome(refusal(422, "/filters/0/value")).await.field(),
            Some("config[sellers]")
        );
        // A field the form does not have, or another failure, is told as it is.
        assert!(matches!(
            outcome(refusal(400, "/send_every")).await,
            AppError::Upstream { status: 400, .. }
        ));
        assert_eq!(outcome(refusal(503, "/filetypes")).await, AppError::Unavailable);
    }
}
