//! Settlements, for finance staff (`Settlements`):
//!
//! - `/accounts/{aid}/settlements`: one merchant's settlements with Dintero's filters, paged by its
//!   `last_evaluated_key`, each file downloadable through the server
//!   (`server/src/downloads/settlement_files.rs`), or many as one ZIP (`server/src/downloads/settlement_zip.rs`, with
//!   [`zip_progress`] telling the page how far it has come);
//! - `/settlements`: the same filters over the portfolio ([`portfolio`]): totals, a chart per month
//!   and the merchants with an enabled connection that settled nothing.

mod bulk_zip;
pub mod portfolio;
mod portfolio_page;
mod read;
pub mod settlement_filter;
mod settlements_page;
pub mod zip_progress;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::{path, SsrMode};

pub use portfolio::Portfolio;
pub use portfolio_page::PortfolioSettlementsPage;
pub use read::{
    list_settlements, portfolio_settlements, settlement_zip_progress, ListSettlements, PortfolioSettlements,
    SettlementList, SettlementZipProgress,
};
pub use settlements_page::{file_href, file_name, SettlementsPage};
#[cfg(feature = "ssr")]
pub use zip_progress::ZipBoard;
pub use zip_progress::ZipProgress;

#[component(transparent)]
pub fn SettlementRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/accounts/:aid/settlements") view=SettlementsPage ssr=SsrMode::Async/>
        <Route path=path!("/settlements") view=PortfolioSettlementsPage ssr=SsrMode::Async/>
    }
    .into_inner()
    .into_any_nested_route()
}
