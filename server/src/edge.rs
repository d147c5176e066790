//! Middleware at the edge of the app: request ids in the logs, HTTP status for server-function
//! errors, cache headers for static assets, security headers, and the refusal of cross-origin
//! writes.

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

/// The largest body a server function takes (its forms are a few kilobytes).
pub const SERVER_FN_BODY_LIMIT: usize = 1 << 20;

/// Refuses a server-function request whose body is larger than [`SERVER_FN_BODY_LIMIT`] with 413
/// and [`app::AppError::TooLarge`]: as JSON to JavaScript, and for a plain form post as a redirect
/// back to the form's page carrying the error, as Leptos does for the function's own errors.
pub async fn server_fn_body_limit(request: Request, next: Next) -> Response {
    use axum::response::IntoResponse;
    use leptos::server_fn::error::ServerFnUrlError;
    if !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, SERVER_FN_BODY_LIMIT).await else {
        tracing::warn!("server-function body over the limit refused");
        let error = app::AppError::TooLarge;
        let back = parts
            .headers
            .get(header::REFERER)
            .and_then(|v| v.to_str().ok())
            .filter(|_| accepts_html(&parts.headers))
            .and_then(|referer| {
                ServerFnUrlError::new(parts.uri.path(), error.clone())
                    .to_url(referer)
                    .ok()
            });
        if let Some(back) = back.and_then(|url| HeaderValue::from_str(url.as_str()).ok()) {
            return (StatusCode::FOUND, [(header::LOCATION, back)]).into_response();
        }
        let body = serde_json::to_string(&error).unwrap_or_default();
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response();
    };
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

fn accepts_html(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
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

/// Headers every response carries: no MIME sniffing, no framing, a careful referrer, and HSTS when
/// the app is served over HTTPS (`secure`). Pages also carry a Content-Security-Policy (set where
/// they are rendered, with the response's nonce).
pub async fn security_headers(
    axum::extract::State(secure): axum::extract::State<bool>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    if secure {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

/// Refuses a write (POST, PUT, PATCH, DELETE) whose `Origin` (or, without one, `Referer`) names
/// another site than the one it was sent to: a form on another site cannot act for a signed-in
/// person. Requests with neither header (not from a browser) pass.
pub async fn same_origin_writes(request: Request, next: Next) -> Response {
    use axum::http::Method;
    use axum::response::IntoResponse;
    let write = matches!(
        *request.method(),
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    );
    if write {
        let host = request
            .headers()
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let origin = request
            .headers()
            .get(header::ORIGIN)
            .or_else(|| request.headers().get(header::REFERER))
            .and_then(|v| v.to_str().ok());
        if let Some(origin) = origin {
            if authority(origin) != Some(host) {
                tracing::warn!("cross-origin write refused");
                let body = serde_json::to_string(&app::AppError::Forbidden).unwrap_or_default();
                return (
                    StatusCode::FORBIDDEN,
                    [(header::CONTENT_TYPE, "application/json")],
                    body,
                )
                    .into_response();
            }
        }
    }
    next.run(request).await
}

/// `host:port` of an absolute URL (`https://host:port/path` → `host:port`).
fn authority(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    Some(rest.split(['/', '?', '#']).next().unwrap_or(rest))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_authority_of_a_url() {
        assert_eq!(
            super::authority("http://127.0.0.1:3000/login?x"),
            Some("127.0.0.1:3000")
        );
        assert_eq!(super::authority("https://back.example"), Some("back.example"));
        assert_eq!(super::authority("null"), None);
    }
}
