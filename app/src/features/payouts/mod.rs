//! Seller balances and transfers (Payout v2), for finance staff (`Payouts`):
//!
//! - `/accounts/{aid}/payouts`: the merchant's sellers (from its seller approvals, since Dintero
//!   lists no payout destinations) with their balances per currency, and a look-up of any seller id;
//! - `/accounts/{aid}/payouts/{destination}`: one seller's balances and its transfers ledger, paged
//!   by Dintero's `next_page_token`, with its currency filter.

mod ledger_page;
pub mod read;
mod sellers_page;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::{path, SsrMode};

pub use ledger_page::LedgerPage;
pub use read::{payout_sellers, seller_ledger, PayoutSellers, SellerLedger};
pub use sellers_page::PayoutsPage;

#[component(transparent)]
pub fn PayoutRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/accounts/:aid/payouts") view=PayoutsPage ssr=SsrMode::Async/>
        <Route path=path!("/accounts/:aid/payouts/:destination") view=LedgerPage ssr=SsrMode::Async/>
    }
    .into_inner()
    .into_any_nested_route()
}
