//! [`login`]: e-mail and password to a Dintero user token kept in the session.

use leptos::prelude::*;

use crate::error::AppError;

/// Where to go after signing in: a path on this site, never another site.
pub fn safe_next(next: Option<&str>) -> String {
    match next.map(str::trim) {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && !path.starts_with("/login") =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

/// The sign-in page's address that brings the person back to `here` (a path with its query).
pub fn sign_in_path(here: &str) -> String {
    let next: String = here
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("/login?next={next}")
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
        Err(AppError::invalid("email", "login.error.email_required"))
    } else if !looks_like_email(email) {
        Err(AppError::invalid("email", "login.error.email_invalid"))
    } else if password.is_empty() {
        Err(AppError::invalid("password", "login.error.password_required"))
    } else {
        Ok(())
    }
}

/// Signs the person in with Dintero and sends them on to `next`.
#[server(endpoint = "login")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use crate::auth::kept_input::keep_input;
    let email = email.trim().to_owned();
    let result = sign_in(&email, password).await;
    match result {
        Ok(()) => {
            leptos_axum::redirect(&safe_next(next.as_deref()));
            Ok(())
        }
        Err(error) => {
            keep_input("login", &[("email", &email)]).await;
            Err(error)
        }
    }
}

#[cfg(feature = "ssr")]
async fn sign_in(email: &str, password: String) -> Result<(), AppError> {
    use chrono::{Duration, Utc};

    use crate::auth::session::{session, UserSession, USER_KEY};
    use crate::secret::Secret;
    use crate::state::app_state;

    validate(email, &password)?;
    let state = app_state()?;
    let token = match state.dintero.password_token(email, &Secret::new(password)).await {
        Ok(token) => token,
        Err(error) if matches!(error.status(), Some(400 | 401)) => {
            tracing::info!(status = error.status(), "sign-in refused by Dintero");
            return Err(AppError::invalid("password", "login.error.bad_credentials"));
        }
        Err(error) => return Err(error.into()),
    };
    // Who this is and what the partner is called: shown in the header. Not fatal if unreadable.
    let person = match state.dintero.partner_users().await {
        Ok(users) => users.into_iter().find(|u| u.email.eq_ignore_ascii_case(email)),
        Err(error) => {
            tracing::warn!(%error, "could not read the partner's users");
            None
        }
    };
    let partner_name = match state.dintero.partner_settings().await {
        Ok(account) => account.company.and_then(|c| c.display_name.or(c.business_name)),
        Err(error) => {
            tracing::warn!(%error, "could not read the partner's settings");
            None
        }
    };
    let now = Utc::now();
    let user = UserSession {
        email: person
            .as_ref()
            .map(|p| p.email.clone())
            .unwrap_or_else(|| email.to_owned()),
        name: person.as_ref().and_then(|p| p.name.clone()),
        user_id: person.as_ref().map(|p| p.id.clone()),
        scopes: person.map(|p| p.scope).unwrap_or_default(),
        access_token: Secret::new(token.access_token),
        token_expires_at: now + Duration::seconds(token.expires_in),
        partner_name,
        signed_in_at: now,
    };
    let session = session().await?;
    // A new session id at sign-in, so an id known before it is worth nothing after.
    session.cycle_id().await.map_err(|_| AppError::Internal)?;
    session.insert(USER_KEY, user).await.map_err(|_| AppError::Internal)?;
    tracing::info!("person signed in");
    Ok(())
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
