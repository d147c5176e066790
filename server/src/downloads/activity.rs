//! `/activity.csv`: the audit log as CSV, for administrators.

use app::audit::{entries, ActivityFilter};
use app::auth::Capability;
use app::features::activity::ActivityQuery;
use app::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

use super::allowed;

/// Entries read from the store at a time while streaming the CSV.
const BATCH: u32 = 500;

/// `GET /activity.csv?person=&merchant=&action=&from=&to=`: the filtered audit log, newest
/// first, streamed in batches (never held whole).
pub async fn activity_csv(
    State(state): State<AppState>,
    session: Session,
    headers: axum::http::HeaderMap,
    Query(query): Query<ActivityQuery>,
) -> Response {
    if let Err(refused) = allowed(&state, &session, &headers, Capability::Activity).await {
        return refused;
    }
    let filter = match query.filter() {
        Ok(filter) => filter,
        Err(error) => return (StatusCode::UNPROCESSABLE_ENTITY, error.to_string()).into_response(),
    };
    let header_line = app::csv::line(&[
        "id",
        "time",
        "email",
        "user_id",
        "partner_id",
        "merchant",
        "action",
        "summary",
        "dintero_status",
        "request_id",
    ]);
    let first = Bytes::from(format!("{}{header_line}", app::csv::BOM));
    let rows = futures_util::stream::unfold(Some(None), move |cursor: Option<Option<i64>>| {
        let store = state.store.clone();
        let filter: ActivityFilter = filter.clone();
        async move {
            let before = cursor?;
            match entries(&store, &filter, before, BATCH).await {
                Ok(batch) if batch.is_empty() => None,
                Ok(batch) => {
                    let next = (batch.len() == BATCH as usize).then(|| batch.last().map(|e| e.id));
                    let text: String = batch
                        .iter()
                        .map(|e| {
                            app::csv::line(&[
                                e.id.to_string(),
                                app::format::iso_local(e.at),
                                e.email.clone(),
                                e.user_id.clone().unwrap_or_default(),
                                e.partner_id.clone(),
                                e.account_id.clone().unwrap_or_default(),
                                e.action.clone(),
                                e.summary.clone(),
                                e.status.map(|s| s.to_string()).unwrap_or_default(),
                                e.request_id.clone().unwrap_or_default(),
                            ])
                        })
                        .collect();
                    Some((Ok::<_, std::io::Error>(Bytes::from(text)), next))
                }
                Err(error) => {
                    // Breaking the stream off makes the download fail visibly, never silently short.
                    tracing::error!(%error, "could not read the audit log for the CSV");
                    Some((Err(std::io::Error::other("audit log read failed")), None))
                }
            }
        }
    });
    // Fused: the body may be polled again after its end, which a bare `unfold` does not allow.
    let body = futures_util::StreamExt::fuse(futures_util::StreamExt::chain(
        futures_util::stream::once(async move { Ok(first) }),
        rows,
    ));
    let filename = format!("activity-{}.csv", chrono::Utc::now().format("%Y-%m-%d"));
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        Body::from_stream(body),
    )
        .into_response()
}
