//! Merchants, for partner account managers: the portfolio (`/accounts`) and each merchant's page
//! (`/accounts/{aid}`) with its connections, comments and changes.

mod changes;
pub mod export;
mod merchant_forms;
mod merchant_page;
pub mod merchant_view;
mod package_and_settings;
mod package_tab;
pub mod package_view;
mod portfolio_page;
pub mod portfolio_query;
mod read;
mod saved_views;
mod saved_views_panel;
mod status_badge;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::{path, SsrMode};

pub use changes::{
    add_comment, delete_merchant, record_connection_event, update_merchant, AddComment, DeleteMerchant,
    RecordConnectionEvent, UpdateMerchant,
};
pub use merchant_page::MerchantPage;
pub use package_and_settings::{
    assign_price_package, get_merchant_package, get_merchant_settings, AssignPricePackage, GetMerchantPackage,
    GetMerchantSettings,
};
pub use package_tab::Package;
pub use portfolio_page::{status_key, PortfolioPage};
pub use read::{get_merchant, list_merchants, GetMerchant, ListMerchants, MerchantPageData, PortfolioPage as Page};
pub use saved_views::{delete_view, list_saved_views, save_view, DeleteView, ListSavedViews, SaveView, SavedView};
pub use status_badge::badge_class;

#[component(transparent)]
pub fn MerchantRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/accounts") view=PortfolioPage ssr=SsrMode::Async/>
        <Route path=path!("/accounts/new") view=crate::features::onboarding::NewMerchantPage ssr=SsrMode::Async/>
        <Route path=path!("/accounts/:aid") view=MerchantPage ssr=SsrMode::Async/>
        <Route path=path!("/accounts/export/:id") view=export::ExportPage ssr=SsrMode::Async/>
    }
    .into_inner()
    .into_any_nested_route()
}
