//! Files served outside server functions, each checking the person's access again. One place for
//! every download route:
//! - [`activity`]: `/activity.csv`, the audit log (administrators);
//! - [`exports`]: `/exports/{id}`, a finished portfolio export (the person who started it);
//! - [`settlement_files`]: one settlement file streamed from Dintero, and what every passed-through
//!   file shares (headers, file names, refusals);
//! - [`settlement_zip`]: the bulk ZIP route (its list, progress and manifest), written by
//!   [`zip_writer`], a streaming ZIP writer;
//! - [`report_files`]: an insight report's file, fetched from its signed URL on the server.

mod activity;
mod exports;
pub mod report_files;
pub mod settlement_files;
mod settlement_zip;
mod zip_writer;

use app::auth::session::{UserSession, USER_KEY};
use app::auth::Capability;
use app::state::AppState;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_sessions::Session;

pub use settlement_files::Uncompressed;

/// Every download route.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/activity.csv", get(activity::activity_csv))
        .route("/exports/{id}", get(exports::export_file))
        .route(
            "/accounts/{aid}/settlements/{settlement}/attachments/{attachment}",
            get(settlement_files::attachment),
        )
        .route(
            "/accounts/{aid}/settlements/files.zip",
            get(settlement_zip::settlement_zip),
        )
        .route("/accounts/{aid}/reports/{id}/file", get(report_files::report_file))
}

/// The person's language: their own choice (in their session), else the `lang` cookie, else the
/// browser's `Accept-Language` (see `app::i18n::locale_of`).
pub(crate) fn locale(headers: &axum::http::HeaderMap, user: Option<&UserSession>) -> app::i18n::Locale {
    app::i18n::locale_of(headers, user.and_then(|u| u.locale.as_deref()))
}

/// `Ok` when the signed-in person's scopes (under the partner's policy) grant `capability`;
/// otherwise the 403 answer, in the person's language, naming what is missing.
pub(crate) async fn allowed(
    state: &AppState,
    session: &Session,
    headers: &axum::http::HeaderMap,
    capability: Capability,
) -> Result<UserSession, Response> {
    match session.get::<UserSession>(USER_KEY).await {
        Ok(Some(user)) => match user.access(&state.policy).refusal(capability) {
            None => Ok(user),
            Some(refusal) => {
                tracing::info!(?capability, needs_one_of = ?refusal.one_of, by_policy = refusal.by_policy, "download refused");
                let language = locale(headers, Some(&user));
                let text = format!(
                    "{} {}",
                    language.text(app::i18n::key!("error.forbidden")),
                    refusal.in_words(language)
                );
                Err((
                    StatusCode::FORBIDDEN,
                    [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                    text,
                )
                    .into_response())
            }
        },
        _ => Err(StatusCode::UNAUTHORIZED.into_response()),
    }
}
