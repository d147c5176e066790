//! Middleware at the edge of the app: request ids in the logs, HTTP status for server-function
//! errors, and cache headers for static assets.

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use tower_http::request_id::RequestId;

/// The tracing span of one request: method, path (never the query) and the request id.
pub fn request_span(request: &Request) -> tracing::Span {
    let id = request
        .extensions()
        .get::<RequestId>()
        .and_then(|id| id.header_value().to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", id = %id, method = %request.method(), path = %request.uri().path())
}

/// Server functions answer errors with 500 and an [`app::AppError`] body; this gives the
/// response the error's own status (401, 403, 422, 503...). Form posts without JavaScript are
/// redirects and are left alone.
pub async fn server_fn_status(request: Request, next: Next) -> Response {
    let is_server_fn = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if !is_server_fn
        || response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key("serverfnerror")
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = to_bytes(body, 1 << 20).await.unwrap_or_default();
    if let Ok(error) = serde_json::from_slice::<app::AppError>(&bytes) {
        parts.status = error.status_code();
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// `/pkg` (the wasm, JS and CSS, whose names do not change between builds): the browser keeps
/// them but asks each time whether they changed (a cheap 304). Other static files: a day.
pub async fn cache_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    if !response.status().is_success() && response.status() != StatusCode::NOT_MODIFIED {
        return response;
    }
    let value = if path.starts_with("/pkg/") {
        Some("public, no-cache")
    } else if path == "/favicon.svg" {
        Some("public, max-age=86400")
    } else {
        None
    };
    if let Some(value) = value {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}
