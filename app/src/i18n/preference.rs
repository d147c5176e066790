//! Each person's chosen language, kept in the app's store by e-mail so it follows them across
//! sign-ins and browsers. Read once at sign-in into the session; written by the language switch.

use chrono::Utc;

use super::Locale;
use crate::store::Store;

/// The language `email` chose, if any (a store failure reads as no choice, and is logged).
pub async fn read(store: &Store, email: &str) -> Option<Locale> {
    let found: Result<Option<String>, sqlx::Error> =
        sqlx::query_scalar("SELECT locale FROM preferences WHERE email = ?")
            .bind(email.to_lowercase())
            .fetch_optional(store.pool())
            .await;
    match found {
        Ok(code) => code.as_deref().and_then(Locale::from_code),
        Err(error) => {
            tracing::warn!(%error, "could not read a language preference");
            None
        }
    }
}

/// Keeps `locale` as `email`'s language.
pub async fn write(store: &Store, email: &str, locale: Locale) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO preferences (email, locale, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (email) DO UPDATE SET locale = excluded.locale, updated_at = excluded.updated_at",
    )
    .bind(email.to_lowercase())
    .bind(locale.code())
    .bind(Utc::now().to_rfc3339())
    .execute(store.pool())
    .await
    .map(|_| ())
}
