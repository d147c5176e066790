//! Settlements, for finance staff (`Settlements`):
//!
//! - `/accounts/{aid}/settlements`: one merchant's settlements with Dintero's filters, paged by its
//!   `last_evaluated_key`, each file downloadable through the server
//!   (`server/src/settlement_files.rs`).

mod read;
pub mod settlement_filter;
mod settlements_page;

use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, SsrMode};

pub use read::{list_settlements, ListSettlements, SettlementList};
pub use settlements_page::{file_href, SettlementsPage};

#[component(transparent)]
pub fn SettlementRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/accounts/:aid/settlements") view=SettlementsPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
