//! Sessions (tower-sessions) and the guard that sends anyone without one to `/login`.

use std::path::{Component, Path};

use app::auth::session::{UserSession, USER_KEY};
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_sessions::cookie::SameSite;
use tower_sessions::{ExpiredDeletion, Expiry, Session, SessionManagerLayer};
use tower_sessions_sqlx_store::sqlx::SqlitePool;
use tower_sessions_sqlx_store::SqliteStore;

use crate::config::Config;

/// The session cookie's name.
pub const COOKIE_NAME: &str = "backoffice_session";

/// The session store: SQLite in `BACKOFFICE_DATA/sessions.db`, so a restart signs nobody out.
/// Expired sessions are deleted hourly.
pub async fn store(config: &Config) -> Result<SqliteStore, std::io::Error> {
    std::fs::create_dir_all(&config.data_dir)?;
    let url = format!("sqlite://{}?mode=rwc", config.data_dir.join("sessions.db").display());
    let pool = SqlitePool::connect(&url).await.map_err(std::io::Error::other)?;
    let store = SqliteStore::new(pool);
    store.migrate().await.map_err(std::io::Error::other)?;
    tokio::spawn(
        store
            .clone()
            .continuously_delete_expired(std::time::Duration::from_secs(3600)),
    );
    Ok(store)
}

/// The session layer: `HttpOnly`, `SameSite=Lax`, `Secure` unless on plain-HTTP loopback, ended
/// after `BACKOFFICE_SESSION_IDLE_MINUTES` without a request (see [`keep_alive`]).
pub fn layer(config: &Config, store: SqliteStore) -> SessionManagerLayer<SqliteStore> {
    let lifetime = config.session_idle + renewal_interval(config.session_idle);
    SessionManagerLayer::new(store)
        .with_name(COOKIE_NAME)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(config.cookie_secure())
        .with_expiry(Expiry::OnInactivity(tower_sessions::cookie::time::Duration::seconds(
            lifetime.num_seconds(),
        )))
}

/// How often a signed-in person's requests push their session's end on: a quarter of the idle
/// time, at most five minutes. tower-sessions moves a session's expiry only when it saves it, so
/// [`keep_alive`] saves at most once per interval instead of on every request, and the session
/// lives for the idle time plus this interval after a save: it ends between `idle` and
/// `idle + interval` after the person's last request.
pub fn renewal_interval(idle: chrono::Duration) -> chrono::Duration {
    (idle / 4).clamp(chrono::Duration::seconds(1), chrono::Duration::minutes(5))
}

/// The session key of when the session's expiry was last pushed on (Unix seconds).
const RENEWED_AT_KEY: &str = "backoffice.renewed_at";

/// Pushes the session's end on when the last push is at least [`renewal_interval`] old (one store
/// write per interval, not per request).
async fn keep_alive(session: &Session, idle: chrono::Duration) {
    let now = chrono::Utc::now().timestamp();
    let renewed_at = session.get::<i64>(RENEWED_AT_KEY).await.ok().flatten().unwrap_or(0);
    if now - renewed_at >= renewal_interval(idle).num_seconds() {
        if let Err(error) = session.insert(RENEWED_AT_KEY, now).await {
            tracing::warn!(%error, "could not renew the session");
        }
    }
}

/// What the sign-in guard needs to know.
#[derive(Clone)]
pub struct Guard {
    /// The site root folder, for telling static files from pages.
    pub site_root: String,
    /// A session ends this long after sign-in (`BACKOFFICE_SESSION_MAX_HOURS`).
    pub max_age: chrono::Duration,
    /// A session ends this long after the person's last request (`BACKOFFICE_SESSION_IDLE_MINUTES`).
    pub idle: chrono::Duration,
    /// For renewing people's Dintero tokens.
    pub dintero: app::dintero::DinteroClient,
}

/// A Dintero token with less than this left is renewed before the request goes on.
const RENEW_BEFORE: chrono::Duration = chrono::Duration::seconds(120);
/// The largest form body kept for a person whose session ended while they submitted it.
const KEPT_FORM_LIMIT: usize = 64 * 1024;

/// Server functions reachable without a session (signing in and what the sign-in page needs).
const PUBLIC_SERVER_FNS: [&str; 8] = [
    "/api/login",
    "/api/set_locale",
    "/api/take_kept_input",
    "/api/sign_in_help",
    "/api/code_step",
    "/api/send_code",
    "/api/verify_code",
    "/api/sandbox_outbox",
];

/// Lets through public paths, and requests with a signed-in session younger than its maximum age
/// whose Dintero token is valid or could be renewed with its refresh token. Anyone else signs in
/// again: pages are sent to `/login?next=...` (303); a form they were submitting is kept (without
/// its secrets) for the page to fill in again once they are back, and the server function answers
/// 401 to JavaScript or sends a plain form post back through the sign-in page to where it came from.
///
/// A signed-in request carries the session's [`UserSession`] in its extensions, so pages know who
/// is signed in without waiting ([`app::auth::signed_in_now`]).
pub async fn require_sign_in(
    State(guard): State<Guard>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    if is_public(path, &guard.site_root) {
        return next.run(request).await;
    }
    match session.get::<UserSession>(USER_KEY).await {
        Ok(Some(user)) if chrono::Utc::now() < user.signed_in_at + guard.max_age => {
            if let Some(user) = renew_if_due(&guard.dintero, &session, user).await {
                keep_alive(&session, guard.idle).await;
                request.extensions_mut().insert(user);
                return next.run(request).await;
            }
            let _ = session.remove::<UserSession>(USER_KEY).await;
        }
        Ok(Some(_)) => {
            tracing::info!("session reached its maximum age");
            let _ = session.flush().await;
        }
        _ => {}
    }
    if path.starts_with("/api/") {
        return interrupted_server_fn(&session, request).await;
    }
    let here = request.uri().path_and_query().map(|pq| pq.as_str()).unwrap_or("/");
    see_other(&app::auth::sign_in_path(here))
}

/// The person, when their Dintero token is good for a while yet or was renewed now (and the
/// session updated); `None` when it has run out and cannot be renewed.
async fn renew_if_due(
    dintero: &app::dintero::DinteroClient,
    session: &Session,
    user: UserSession,
) -> Option<UserSession> {
    let now = chrono::Utc::now();
    if user.token_expires_at - now > RENEW_BEFORE {
        return Some(user);
    }
    let Some(refresh_token) = user.refresh_token.clone() else {
        return (user.token_expires_at > now).then_some(user);
    };
    match dintero.refresh_token(&refresh_token).await {
        Ok(token) => {
            tracing::info!("renewed the person's Dintero token");
            let renewed = user.renewed(token);
            session.insert(USER_KEY, renewed.clone()).await.ok().map(|()| renewed)
        }
        Err(error) => {
            tracing::info!(%error, "could not renew the person's Dintero token");
            // Dintero unreachable: go on while the old token lasts; refused: sign in again.
            (error.status().is_none() && user.token_expires_at > now).then_some(user)
        }
    }
}

/// A server function called without a (renewable) sign-in: keeps the posted form, then answers
/// 401 to JavaScript, or sends a plain form post to sign in and back to the page it came from.
async fn interrupted_server_fn(session: &Session, request: Request) -> Response {
    let form = request.uri().path().trim_start_matches("/api/").to_owned();
    let plain_form_post = accepts_html(request.headers());
    let back_to = request
        .headers()
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.parse::<axum::http::Uri>().ok())
        .and_then(|uri| uri.path_and_query().map(|pq| pq.as_str().to_owned()))
        .unwrap_or_else(|| "/".to_owned());
    let is_form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if is_form {
        if let Ok(body) = axum::body::to_bytes(request.into_body(), KEPT_FORM_LIMIT).await {
            let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
            app::auth::kept_input::keep_in(session, &form, fields).await;
        }
    }
    if plain_form_post {
        return see_other(&app::auth::sign_in_path(&back_to));
    }
    let body = serde_json::to_string(&app::AppError::Unauthenticated).unwrap_or_default();
    (
        StatusCode::UNAUTHORIZED,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}

fn accepts_html(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

fn see_other(location: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
}

fn is_public(path: &str, site_root: &str) -> bool {
    matches!(
        path,
        "/login" | "/login/code" | "/sandbox/inbox" | "/healthz" | "/readyz"
    ) || PUBLIC_SERVER_FNS.contains(&path)
        || path.starts_with("/pkg/")
        || is_static_file(path, site_root)
}

/// True for a file that exists under the site root (favicon and the like), never outside it.
fn is_static_file(path: &str, site_root: &str) -> bool {
    let relative = Path::new(path.trim_start_matches('/'));
    relative.components().all(|c| matches!(c, Component::Normal(_)))
        && !path.trim_start_matches('/').is_empty()
        && Path::new(site_root).join(relative).is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sign_in_health_and_static_files_are_public() {
        let root = env!("CARGO_MANIFEST_DIR");
        assert!(is_public("/login", root));
        assert!(is_public("/healthz", root));
        assert!(is_public("/pkg/backoffice.js", root));
        assert!(is_public("/api/login", root));
        assert!(is_public("/Cargo.toml", root), "a file under the site root");
        assert!(!is_public("/", root));
        assert!(!is_public("/api/current_user", root));
        assert!(!is_public("/../Cargo.toml", root));
        assert!(!is_public("/src", root), "a folder is not a file");
    }
}
