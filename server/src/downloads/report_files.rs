//! `GET /accounts/{aid}/reports/{id}/file?after=...`: one insight report's file, streamed from
//! Dintero's pre-signed URL to the browser chunk by chunk, never held whole.
//!
//! Dintero has no report-by-id endpoint, so the report is found again in the metadata list, from
//! the page the link was on (`after`, that page's cursor) onwards, which also gives a fresh
//! `signed_url`. The browser never sees that URL: it is fetched here, and only when it is on
//! Dintero's own origin (the client refuses any other). If the file is broken off, the body ends in
//! an error, so the browser fails the download instead of keeping a short file.

use app::auth::Capability;
use app::dintero::reports::ReportMetadata;
use app::secret::Secret;
use app::state::AppState;
use app::validate::{AccountId, OpaqueId};
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;
use tower_sessions::Session;

use super::settlement_files::{clean_file_name, file_response, refused};
use super::{allowed, locale};

/// Metadata pages read at most while looking for a report (100 reports each).
const MAX_PAGES: usize = 10;

#[derive(Debug, Default, Deserialize)]
pub struct From {
    /// The cursor of the list page the link was on.
    #[serde(default)]
    after: Option<String>,
}

pub async fn report_file(
    State(state): State<AppState>,
    session: Session,
    Path((aid, id)): Path<(String, String)>,
    Query(from): Query<From>,
    headers: axum::http::HeaderMap,
) -> Response {
    let user = match allowed(&state, &session, &headers, Capability::Reports).await {
        Ok(user) => user,
        Err(refused) => return refused,
    };
    let language = locale(&headers, Some(&user));
    let after = from.after.filter(|a| !a.is_empty());
    let cursor_ok = after.as_deref().is_none_or(app::features::reports::read::is_dintero_id);
    let (Ok(aid), Ok(id), true) = (AccountId::parse(&aid), OpaqueId::parse(&id), cursor_ok) else {
        return refused(language, app::AppError::NotFound);
    };
    let report = match find(&state, &user.access_token, &aid, &id, after).await {
        Ok(Some(report)) => report,
        Ok(None) => return refused(language, app::AppError::NotFound),
        Err(error) => {
            tracing::info!(%error, "the insight reports could not be read from Dintero");
            return refused(language, error.into());
        }
    };
    let file = match state.dintero.report_file(&report).await {
        Ok(file) => file,
        Err(error) => {
            tracing::info!(%error, "an insight report's file could not be read");
            return refused(language, error.into());
        }
    };
    let name = report
        .report_file_name
        .as_deref()
        .and_then(clean_file_name)
        .unwrap_or_else(|| format!("{aid}_{id}"));
    let content_type = file
        .content_type
        .clone()
        .or_else(|| report.content_type.clone())
        .unwrap_or_else(|| "application/octet-stream".to_owned());
    file_response(file, content_type, &name)
}

/// The report `id` of `aid`, looked for from the page after `after` on, at most [`MAX_PAGES`].
async fn find(
    state: &AppState,
    token: &Secret,
    aid: &AccountId,
    id: &OpaqueId,
    mut after: Option<String>,
) -> Result<Option<ReportMetadata>, app::dintero::DinteroError> {
    for _ in 0..MAX_PAGES {
        let page = state
            .dintero
            .report_metadata(token, aid, Some(100), after.as_deref())
            .await?;
        if let Some(report) = page.reports.into_iter().find(|r| r.id == id.as_str()) {
            return Ok(Some(report));
        }
        match page.starting_after.filter(|s| !s.is_empty()) {
            Some(next) => after = Some(next),
            None => return Ok(None),
        }
    }
    Ok(None)
}
