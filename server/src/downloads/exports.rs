//! `/exports/{id}`: a finished portfolio export, for the person who started it.

use app::auth::Capability;
use app::features::merchants::export::ExportJobs;
use app::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

use super::{allowed, locale};

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
    let user = match allowed(&state, &session, &headers, Capability::ViewMerchants).await {
        Ok(user) => user,
        Err(refused) => return refused,
    };
    let language = locale(&headers, Some(&user));
    let jobs = match state.shared::<ExportJobs>() {
        Ok(jobs) => jobs,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let file = match jobs.file(&id, &user) {
        Ok(file) => file,
        Err(error) => {
            let status = match error {
                app::AppError::NotFound => StatusCode::NOT_FOUND,
                _ => StatusCode::CONFLICT,
            };
            let text = language.text(error.message_key());
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
