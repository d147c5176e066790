//! [`save_view`] and [`delete_view`]: a person's saved views, changed in the app's own store.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::{check_view, store_error, MAX_VIEWS};
use crate::error::AppError;

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
            return Err(AppError::invalid("name", crate::i18n::key!("views.error.too_many")));
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
