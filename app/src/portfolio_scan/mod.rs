//! Reading across the whole portfolio, shared by the features that do it (the onboarding queue and
//! pipeline, the portfolio's settlements):
//!
//! - [`stages`]: what a scan gives, the [`MerchantList`] with each merchant's stages (both sides);
//! - `read` (ssr): [`read_merchants`], the partner's merchants page by page up to [`SCAN_LIMIT`];
//! - `scan` (ssr): [`PortfolioScan`], the process-wide bound on requests in flight to Dintero and
//!   the briefly shared merchant lists;
//! - `recent` (ssr): [`Recent`], one read shared by everyone who asks for the same thing at once.

#[cfg(feature = "ssr")]
mod read;
#[cfg(feature = "ssr")]
mod recent;
#[cfg(feature = "ssr")]
mod scan;
pub mod stages;

#[cfg(feature = "ssr")]
pub use read::read_merchants;
#[cfg(feature = "ssr")]
pub use recent::Recent;
#[cfg(feature = "ssr")]
pub use scan::{PortfolioScan, LIST_KEPT};
pub use stages::{ConnectionStage, MerchantList, MerchantStages, SCAN_LIMIT};
