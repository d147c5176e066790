//! [`login`]: e-mail and password to a Dintero user token kept in the session.

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::key;

/// Where to go after signing in: a page or download the app itself routes (with its query),
/// else `/`. Refused: anything but printable ASCII (control characters, spaces, raw non-ASCII),
/// backslashes, `//`, schemes, dot segments and encoded forms of these, and the sign-in pages.
pub fn safe_next(next: Option<&str>) -> String {
    next.filter(|n| is_safe_next(n))
        .map_or_else(|| "/".to_owned(), str::to_owned)
}

fn is_safe_next(next: &str) -> bool {
    let raw_path = next.split(['?', '#']).next().unwrap_or_default();
    let printable = |s: &str| s.chars().all(|c| c.is_ascii_graphic() && c != '\\');
    let (Some(whole), Some(path)) = (crate::url::decode(next), crate::url::decode(raw_path)) else {
        return false;
    };
    next.starts_with('/')
        && printable(next)
        && printable(&whole)
        && !path.contains("//")
        && !path.split('/').any(|s| s == "." || s == "..")
        && !path.starts_with("/login")
        && crate::routes::is_routed(&path)
}

/// The sign-in page's address that brings the person back to `here` (a path with its query).
pub fn sign_in_path(here: &str) -> String {
    format!("/login?next={}", crate::url::encode_path(here))
}

/// A light check that `email` has the shape of an address; Dintero decides the rest.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
fn looks_like_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// Checks the sign-in form; the first failing field wins.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
fn validate(email: &str, password: &str) -> Result<(), AppError> {
    if email.is_empty() {
        Err(AppError::invalid("email", key!("login.error.email_required")))
    } else if !looks_like_email(email) {
        Err(AppError::invalid("email", key!("login.error.email_invalid")))
    } else if password.is_empty() {
        Err(AppError::invalid("password", key!("login.error.password_required")))
    } else {
        Ok(())
    }
}

/// Signs the person in with Dintero and sends them on to `next`; a person whose Dintero user
/// needs a second factor goes on to the code step (`/login/code`) first.
#[server(endpoint = "login")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use crate::auth::kept_input::keep_input;
    use crate::auth::session::{establish, session, PendingMfa, PENDING_MFA_KEY};
    use crate::secret::Secret;
    use crate::state::app_state;

    let email = email.trim().to_owned();
    let next = safe_next(next.as_deref());
    let outcome = async {
        validate(&email, &password)?;
        let state = app_state()?;
        let address = client_address().await;
        let now = std::time::Instant::now();
        if !state.sign_in_throttle.allows(&email, address.as_deref(), now) {
            tracing::warn!("sign-in throttled");
            return Err(AppError::invalid("email", key!("login.error.throttled")));
        }
        match state.dintero.password_token(&email, &Secret::new(password)).await {
            Ok(token) => {
                state.sign_in_throttle.record_success(&email);
                establish(&state, &email, token).await.map(|()| next.clone())
            }
            Err(error) if error.mfa_token().is_some() => {
                let mfa_token = error
                    .mfa_token()
                    .map(|t| Secret::new(t.0.clone()))
                    .unwrap_or_else(|| Secret::new(""));
                let pending = PendingMfa {
                    email: email.clone(),
                    mfa_token,
                    oob_code: None,
                    channel: None,
                    next: next.clone(),
                };
                session()
                    .await?
                    .insert(PENDING_MFA_KEY, pending)
                    .await
                    .map_err(|_| AppError::Internal)?;
                tracing::info!("sign-in needs a second factor");
                Ok("/login/code".to_owned())
            }
            Err(error) if matches!(error.status(), Some(400 | 401)) => {
                tracing::info!(status = error.status(), "sign-in refused by Dintero");
                state.sign_in_throttle.record_failure(&email, address.as_deref(), now);
                Err(AppError::invalid("password", key!("login.error.bad_credentials")))
            }
            Err(error) => Err(error.into()),
        }
    }
    .await;
    match outcome {
        Ok(to) => {
            crate::url::redirect(&to);
            Ok(())
        }
        Err(error) => {
            keep_input("login", &[("email", &email)]).await;
            Err(error)
        }
    }
}

/// The address the request came from, when the server knows it.
#[cfg(feature = "ssr")]
async fn client_address() -> Option<String> {
    use axum::extract::ConnectInfo;
    leptos_axum::extract::<ConnectInfo<std::net::SocketAddr>>()
        .await
        .ok()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/accounts?x=1")), "/accounts?x=1");
        assert_eq!(safe_next(Some("//evil.example/")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example/")), "/");
        assert_eq!(safe_next(Some("/login?next=/")), "/");
        assert_eq!(safe_next(None), "/");
        assert_eq!(
            safe_next(Some("/accounts/T11200001/settlements?from=2026-01-01")),
            "/accounts/T11200001/settlements?from=2026-01-01"
        );
    }

    #[test]
    fn next_refuses_what_a_browser_would_turn_into_another_site() {
        for hostile in [
            "/%09/evil.example",
            "/\t/evil.example",
            "/\t\\evil.example",
            "/%5Cevil.example",
            "/%2F%2Fevil.example",
            "/\n/evil.example",
            "/%0d%0aSet-Cookie:x=1",
            "/accounts\u{7f}",
            "/ accounts",
            "/accounts/../../evil",
            "/nowhere",
            "/accounts/%00",
            "javascript:alert(1)",
            "/login/code",
            "/accountsø",
        ] {
            assert_eq!(safe_next(Some(hostile)), "/", "{hostile:?}");
        }
    }

    #[test]
    fn the_way_back_is_percent_encoded() {
        assert_eq!(
            sign_in_path("/accounts?search=æ&x=1"),
            "/login?next=/accounts%3Fsearch%3D%C3%A6%26x%3D1"
        );
    }

    #[test]
    fn the_form_is_checked_field_by_field() {
        assert_eq!(validate("", "x").unwrap_err().field(), Some("email"));
        assert_eq!(validate("kari", "x").unwrap_err().field(), Some("email"));
        assert_eq!(validate("kari@example", "x").unwrap_err().field(), Some("email"));
        assert_eq!(validate("kari@nordlys.no", "").unwrap_err().field(), Some("password"));
        assert!(validate("kari@nordlys.no", "secret").is_ok());
    }
}
