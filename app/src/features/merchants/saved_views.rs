//! Saved views: a person names the portfolio's current filters and finds them again. Kept per
//! person (by e-mail) in the app's own store ([`crate::store`]), not at Dintero.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The most views one person keeps.
#[cfg(feature = "ssr")]
pub const MAX_VIEWS: usize = 50;
/// The longest name (characters).
#[cfg(feature = "ssr")]
pub const MAX_NAME: usize = 60;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedView {
    pub id: i64,
    pub name: String,
    /// The portfolio's query string, without paging (`search=...&connection=vipps`).
    pub query: String,
}

impl SavedView {
    pub fn href(&self) -> String {
        if self.query.is_empty() {
            "/accounts".to_owned()
        } else {
            format!("/accounts?{}", self.query)
        }
    }
}

/// Checks a view's name and query string (which must be the portfolio's own filters).
#[cfg(feature = "ssr")]
pub fn check_view(name: &str, query: &str) -> Result<(), AppError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::invalid("name", "views.error.name_required"));
    }
    if name.chars().count() > MAX_NAME {
        return Err(AppError::invalid("name", "views.error.name_long"));
    }
    let known = [
        "search",
        "connection",
        "connection_status",
        "payment_option",
        "account_manager",
        "limit",
    ];
    let valid = query.len() <= 2_000
        && query
            .split('&')
            .filter(|p| !p.is_empty())
            .all(|pair| pair.split_once('=').is_some_and(|(k, _)| known.contains(&k)));
    if !valid {
        return Err(AppError::invalid("name", "views.error.query"));
    }
    Ok(())
}

/// The signed-in person's saved views, by name.
#[server(endpoint = "list_saved_views")]
pub async fn list_saved_views() -> Result<Vec<SavedView>, AppError> {
    use sqlx::Row;
    let user = crate::auth::session::require(crate::auth::Capability::ViewMerchants).await?;
    let state = crate::state::app_state()?;
    let rows = sqlx::query("SELECT id, name, query FROM saved_views WHERE owner = ? ORDER BY name COLLATE NOCASE")
        .bind(&user.email)
        .fetch_all(state.store.pool())
        .await
        .map_err(store_error)?;
    rows.iter()
        .map(|r| {
            Ok(SavedView {
                id: r.try_get("id").map_err(store_error)?,
                name: r.try_get("name").map_err(store_error)?,
                query: r.try_get("query").map_err(store_error)?,
            })
        })
        .collect()
}

/// Saves the current filters under `name` (replacing the person's view of that name).
#[server(endpoint = "save_view")]
pub async fn save_view(name: String, query: String) -> Result<(), AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::ViewMerchants).await?;
    let outcome = async {
        check_view(&name, &query)?;
        let state = crate::state::app_state()?;
        let pool = state.store.pool();
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM saved_views WHERE owner = ? AND name <> ?")
            .bind(&user.email)
            .bind(name.trim())
            .fetch_one(pool)
            .await
            .map_err(store_error)?;
        if count as usize >= MAX_VIEWS {
            return Err(AppError::invalid("name", "views.error.too_many"));
        }
        sqlx::query(
            "INSERT INTO saved_views (owner, name, query, created_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (owner, name) DO UPDATE SET query = excluded.query",
        )
        .bind(&user.email)
        .bind(name.trim())
        .bind(&query)
        .bind(chrono::Utc::now().to_rfc3339())
        .execute(pool)
        .await
        .map_err(store_error)?;
        Ok(())
    }
    .await;
    if outcome.is_err() {
        crate::auth::kept_input::keep_input("save_view", &[("name", &name)]).await;
    }
    outcome
}

/// Forgets one of the person's views.
#[server(endpoint = "delete_view")]
pub async fn delete_view(id: i64) -> Result<(), AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::ViewMerchants).await?;
    let state = crate::state::app_state()?;
    sqlx::query("DELETE FROM saved_views WHERE id = ? AND owner = ?")
        .bind(id)
        .bind(&user.email)
        .execute(state.store.pool())
        .await
        .map_err(store_error)?;
    Ok(())
}

#[cfg(feature = "ssr")]
fn store_error(error: sqlx::Error) -> AppError {
    tracing::error!(%error, "saved views store failed");
    AppError::Internal
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn a_view_needs_a_name_and_the_portfolios_own_filters() {
        assert!(check_view("Swedish Swish", "connection=swish&connection_status=enabled").is_ok());
        assert!(check_view("Everything", "").is_ok());
        assert_eq!(check_view("  ", "").unwrap_err().field(), Some("name"));
        assert_eq!(check_view(&"x".repeat(61), "").unwrap_err().field(), Some("name"));
        assert!(check_view("x", "starting_after=T1").is_err(), "no paging");
        assert!(check_view("x", "javascript:alert(1)").is_err());
    }
}
