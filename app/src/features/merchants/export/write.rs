//! [`start_export`]: an export of the filtered portfolio, started in the background.

use leptos::prelude::*;

use crate::error::AppError;
use crate::features::merchants::portfolio_query::PortfolioQuery;

/// Starts exporting every merchant matching `query`'s filters (its paging is ignored) as `format`
/// (`csv` or `xlsx`), then on to the export's page; answers the export's id.
#[server(endpoint = "start_export")]
pub async fn start_export(query: PortfolioQuery, format: String) -> Result<String, AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::ViewMerchants).await?;
    let format = super::status::ExportFormat::parse(&format)
        .ok_or_else(|| AppError::invalid("format", crate::i18n::key!("export.error.format")))?;
    let state = crate::state::app_state()?;
    let locale = crate::i18n::request_locale();
    let job = state
        .shared::<super::ExportJobs>()?
        .register(&user, &query, format, locale, state.dintero.clone())?;
    let id = super::runner::spawn(job);
    crate::url::redirect(&format!("/accounts/export/{id}"));
    Ok(id)
}
