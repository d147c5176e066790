//! A merchant's sellers, payment approvals and CDD cases, for the onboarding team (`Review`):
//!
//! - `/accounts/{aid}/sellers`: seller (payout destination) approvals with Dintero's status filter;
//! - `/accounts/{aid}/sellers/new`: apply for a seller, checked before sending ([`application`],
//!   [`seller_input`]);
//! - `/accounts/{aid}/sellers/{id}`: one approval whole, and archiving it;
//! - `/accounts/{aid}/approvals`: payment approvals and CDD cases, and creating them where Dintero
//!   allows it.
//!
//! Reads are in [`read`], writes in [`write`] (each audited, sent once per form by `crate::submit`).

pub mod application;
mod approval_forms;
mod approvals_page;
pub mod cdd_input;
mod fields;
mod merchant_header;
mod new_seller_page;
pub mod payment_input;
pub mod read;
pub mod seller_input;
mod seller_page;
mod sellers_page;
pub mod views;
pub mod write;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::{path, SsrMode};

pub use approvals_page::ApprovalsPage;
pub use new_seller_page::NewSellerPage;
pub use read::{
    get_seller_approval, list_seller_approvals, merchant_approvals, new_seller_form, GetSellerApproval,
    ListSellerApprovals, MerchantApprovals, NewSellerForm,
};
pub use seller_page::SellerPage;
pub use sellers_page::SellersPage;
pub use write::{
    archive_seller_approval, create_cdd_case, create_payment_approval, create_seller_approval, ArchiveSellerApproval,
    CreateCddCase, CreatePaymentApproval, CreateSellerApproval,
};

#[component(transparent)]
pub fn SellerRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/accounts/:aid/sellers") view=SellersPage ssr=SsrMode::Async/>
        <Route path=path!("/accounts/:aid/sellers/new") view=NewSellerPage ssr=SsrMode::Async/>
        <Route path=path!("/accounts/:aid/sellers/:id") view=SellerPage ssr=SsrMode::Async/>
        <Route path=path!("/accounts/:aid/approvals") view=ApprovalsPage ssr=SsrMode::Async/>
    }
    .into_inner()
    .into_any_nested_route()
}
