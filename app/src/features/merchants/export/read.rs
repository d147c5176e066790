//! [`export_status`]: how far an export is, for the person who started it.

use leptos::prelude::*;

use super::status::ExportProgress;
use crate::error::AppError;

/// How far export `id` is; only for the person who started it (anyone else: not found).
#[server(endpoint = "export_status")]
pub async fn export_status(id: String) -> Result<ExportProgress, AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::ViewMerchants).await?;
    let state = crate::state::app_state()?;
    state
        .shared::<super::ExportJobs>()?
        .progress(&id, &user)
        .ok_or(AppError::NotFound)
}
