//! `GET /accounts/{aid}/settlements/{settlement}/attachments/{attachment}?name=...`: one settlement
//! file (Dintero's normalised report or the provider's own), streamed from Dintero to the browser
//! chunk by chunk, never held whole.
//!
//! The answer keeps Dintero's `Content-Type` and `Content-Length` (it is not compressed again, see
//! [`Uncompressed`]); the file name is the page's `name` (merchant, provider, date), cleaned, else
//! Dintero's, else the ids. If Dintero breaks the file off, the body ends in an error, so the browser
//! fails the download instead of keeping a short file.

use app::auth::Capability;
use app::state::AppState;
use app::validate::{AccountId, OpaqueId};
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::{StreamExt, TryStreamExt};
use serde::Deserialize;
use tower_sessions::Session;

use super::{allowed, locale};

/// Marks a response the compression layer leaves alone: a file passed through keeps its length,
/// and the server does not spend its CPU on compressing it.
#[derive(Clone, Copy, Debug)]
pub struct Uncompressed;

#[derive(Debug, Default, Deserialize)]
pub struct FileName {
    #[serde(default)]
    name: Option<String>,
}

pub async fn attachment(
    State(state): State<AppState>,
    session: Session,
    Path((aid, settlement, attachment)): Path<(String, String, String)>,
    Query(query): Query<FileName>,
    headers: axum::http::HeaderMap,
) -> Response {
    let user = match allowed(&state, &session, &headers, Capability::Settlements).await {
        Ok(user) => user,
        Err(refused) => return refused,
    };
    let language = locale(&headers, Some(&user));
    let ids = (
        AccountId::parse(&aid),
        OpaqueId::parse(&settlement),
        OpaqueId::parse(&attachment),
    );
    let (Ok(aid), Ok(settlement), Ok(attachment)) = ids else {
        return refused(language, app::AppError::NotFound);
    };
    let file = match state
        .dintero
        .settlement_attachment(&user.access_token, &aid, &settlement, &attachment)
        .await
    {
        Ok(file) => file,
        Err(error) => {
            tracing::info!(%error, "a settlement file could not be read from Dintero");
            return refused(language, error.into());
        }
    };
    let name = query
        .name
        .as_deref()
        .and_then(clean_file_name)
        .or_else(|| file.content_disposition.as_deref().and_then(disposition_name))
        .unwrap_or_else(|| format!("{aid}_{settlement}_{attachment}"));
    let content_type = file
        .content_type
        .clone()
        .unwrap_or_else(|| "application/octet-stream".to_owned());
    file_response(file, content_type, &name)
}

/// A file from Dintero as the browser's download: streamed chunk by chunk (a break ends the body
/// in an error, so the download fails), with its type, its length when known, `name` as the file
/// name, not cached and not compressed again.
pub(crate) fn file_response(file: app::dintero::FileStream, content_type: String, name: &str) -> Response {
    let length = file.content_length;
    // Fused: under the layers the body may be polled again after its end.
    let body = file
        .bytes()
        .map_err(|error| {
            tracing::warn!(%error, "Dintero broke a file off; the download fails");
            std::io::Error::other("the file was broken off")
        })
        .fuse();
    let mut response = Body::from_stream(body).into_response();
    let response_headers = response.headers_mut();
    let mut set = |name: header::HeaderName, value: String| {
        if let Ok(value) = header::HeaderValue::from_str(&value) {
            response_headers.insert(name, value);
        }
    };
    set(header::CONTENT_TYPE, content_type);
    if let Some(length) = length {
        set(header::CONTENT_LENGTH, length.to_string());
    }
    set(header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\""));
    set(header::CACHE_CONTROL, "no-store".to_owned());
    response.extensions_mut().insert(Uncompressed);
    response
}

/// Dintero's refusal as a short page in the person's language, with Dintero's status kept where it
/// means something to them (403, 404); other failures are 502.
pub fn refused(language: app::i18n::Locale, error: app::AppError) -> Response {
    let status = match &error {
        app::AppError::NotFound => StatusCode::NOT_FOUND,
        app::AppError::Forbidden => StatusCode::FORBIDDEN,
        app::AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
        app::AppError::Upstream { status, .. } => match *status {
            404 => StatusCode::NOT_FOUND,
            403 => StatusCode::FORBIDDEN,
            429 => StatusCode::TOO_MANY_REQUESTS,
            _ => StatusCode::BAD_GATEWAY,
        },
        _ => StatusCode::BAD_GATEWAY,
    };
    let text = language.text(error.message_key());
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}

/// A file name safe in a header and on every file system: letters, digits, `.`, `-`, `_` (others
/// become `_`), at most 120 characters, not starting with a dot. `None` when nothing is left.
pub fn clean_file_name(name: &str) -> Option<String> {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(120)
        .collect();
    let cleaned = cleaned.trim_start_matches('.').to_owned();
    (!cleaned.is_empty() && cleaned.chars().any(|c| c.is_ascii_alphanumeric())).then_some(cleaned)
}

/// The `filename` of a `Content-Disposition`, cleaned.
fn disposition_name(disposition: &str) -> Option<String> {
    let start = disposition.find("filename=")? + "filename=".len();
    let rest = disposition[start..].trim_start_matches('"');
    let end = rest.find(['"', ';']).unwrap_or(rest.len());
    clean_file_name(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_keep_only_safe_characters() {
        assert_eq!(
            clean_file_name("T11200005_vipps_2026-03-01_dintero.csv").as_deref(),
            Some("T11200005_vipps_2026-03-01_dintero.csv")
        );
        assert_eq!(clean_file_name("../../etc/passwd").as_deref(), Some("_.._etc_passwd"));
        assert_eq!(clean_file_name("a\"b\r\nc").as_deref(), Some("a_b__c"));
        assert_eq!(clean_file_name("..."), None);
        assert_eq!(clean_file_name(""), None);
    }

    #[test]
    fn dintero_s_file_name_is_read_from_its_disposition() {
        assert_eq!(
            disposition_name("attachment; filename=\"T1_payex_2026-01-31_provider.xml\"").as_deref(),
            Some("T1_payex_2026-01-31_provider.xml")
        );
        assert_eq!(
            disposition_name("attachment; filename=x.csv; size=3").as_deref(),
            Some("x.csv")
        );
        assert_eq!(disposition_name("inline"), None);
    }
}
