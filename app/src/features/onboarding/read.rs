//! The queue's reads: [`review_merchants`] (the partner's merchants with their account-level
//! stages) and [`review_slice`] (what one of [`SLICES`] parts of them has waiting). A page asks for
//! the merchants and for every slice at once; each slice is shown as it arrives.

use leptos::prelude::*;

use super::queue_item::Batch;
#[cfg(feature = "ssr")]
use super::slices::SLICES;
use crate::error::AppError;
use crate::portfolio_scan::MerchantList;

/// The partner's merchants (those matching Dintero's account `search` when `merchant` is given),
/// with each one's progression and connections.
#[server(endpoint = "review_merchants")]
pub async fn review_merchants(merchant: String) -> Result<MerchantList, AppError> {
    // Taken before the first await: see `review_slice`.
    let state = crate::state::app_state()?;
    let user = crate::auth::session::require(crate::auth::Capability::Review).await?;
    state
        .shared::<crate::portfolio_scan::PortfolioScan>()?
        .merchants(&state.dintero, &user, &merchant)
        .await
}

/// Every CDD case, payment approval and seller approval of the `slice`-th part of the merchants
/// [`review_merchants`] lists for `merchant`, and which of them could not be read.
#[server(endpoint = "review_slice")]
pub async fn review_slice(merchant: String, slice: usize) -> Result<Batch, AppError> {
    // The state is taken before anything is awaited: while a page streams, the component that
    // asked may be dropped (and its context with it) before this finishes.
    let state = crate::state::app_state()?;
    let user = crate::auth::session::require(crate::auth::Capability::Review).await?;
    if slice >= SLICES {
        return Err(AppError::invalid("slice", crate::i18n::key!("review.error.slice")));
    }
    let scan = state.shared::<crate::portfolio_scan::PortfolioScan>()?;
    super::gatherer::slice(scan, &state.dintero, &user, &merchant, slice).await
}
