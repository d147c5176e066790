//! [`list_saved_views`]: the signed-in person's saved views.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::store_error;
use super::SavedView;
use crate::error::AppError;

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
