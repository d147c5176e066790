//! File downloads served outside server functions, each checking the person's access again:
//! `/activity.csv` (the audit log, admin) and `/exports/{id}` (a finished portfolio export, for the
//! person who started it).

use app::audit::{entries, ActivityFilter};
use app::auth::session::{UserSession, USER_KEY};
use app::auth::Capability;
use app::features::activity::ActivityQuery;
use app::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

/// Entries read from the store at a time while streaming the CSV.
const BATCH: u32 = 500;

/// `GET /activity.csv?person=&merchant=&action=&from=&to=`: the filtered audit log, newest
/// first, streamed in batches (never held whole).
pub async fn activity_csv(
    State(state): State<AppState>,
    session: Session,
    Query(query): Query<ActivityQuery>,
) -> Response {
    if let Err(refused) = allowed(&session, Capability::Activity).await {
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

/// Bytes read from an export's file at a time while streaming it.
const CHUNK: usize = 64 * 1024;

/// `GET /exports/{id}`: a finished portfolio export, streamed from its file, for the person who
/// started it (anyone else, or an unknown id: 404; not finished or failed: 409).
pub async fn export_file(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    headers: axum::http::HeaderMap,
) -> Response {
    let user = match allowed(&session, Capability::ViewMerchants).await {
        Ok(user) => user,
        Err(refused) => return refused,
    };
    let file = match state.exports.file(&id, &user) {
        Ok(file) => file,
        Err(error) => {
            let status = match error {
                app::AppError::NotFound => StatusCode::NOT_FOUND,
                _ => StatusCode::CONFLICT,
            };
            let text = locale(&headers).text(error.message_key());
            return (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response();
        }
    };
    let opened = match tokio::fs::File::open(&file.path).await {
        Ok(opened) => opened,
        Err(error) => {
            tracing::error!(%error, "could not open a finished export's file");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    // Fused: under compression the body may be polled again after its end.
    let body = futures_util::stream::unfold(Some(opened), |opened| async move {
        use tokio::io::AsyncReadExt;
        let mut opened = opened?;
        let mut chunk = vec![0; CHUNK];
        match opened.read(&mut chunk).await {
            Ok(0) => None,
            Ok(n) => {
                chunk.truncate(n);
                Some((Ok::<_, std::io::Error>(Bytes::from(chunk)), Some(opened)))
            }
            Err(error) => {
                tracing::error!(%error, "could not read an export's file");
                Some((Err(error), None))
            }
        }
    });
    let body = futures_util::StreamExt::fuse(body);
    (
        [
            (header::CONTENT_TYPE, file.format.content_type().to_owned()),
            (header::CONTENT_LENGTH, file.bytes.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", file.file_name),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        Body::from_stream(body),
    )
        .into_response()
}

/// The person's language, from the `lang` cookie the language switch sets.
pub(crate) fn locale(headers: &axum::http::HeaderMap) -> app::i18n::Locale {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().strip_prefix("lang="))
        .find_map(app::i18n::Locale::from_code)
        .unwrap_or_default()
}

/// `Ok` when the signed-in person's scopes grant `capability`; otherwise the 403 answer.
pub(crate) async fn allowed(session: &Session, capability: Capability) -> Result<UserSession, Response> {
    match session.get::<UserSession>(USER_KEY).await {
        Ok(Some(user)) if user.access().allows(capability) => Ok(user),
        Ok(Some(_)) => {
            tracing::info!(?capability, "download refused: the person's scopes do not grant this");
            Err((
                StatusCode::FORBIDDEN,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                "You do not have access to this download. Ask your administrator if you should have it.",
            )
                .into_response())
        }
        _ => Err(StatusCode::UNAUTHORIZED.into_response()),
    }
}
