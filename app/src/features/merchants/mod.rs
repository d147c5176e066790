//! Merchants, for partner account managers: the portfolio (`/accounts`), onboarding a new merchant
//! (`/accounts/new`, [`new_merchant`]) and each merchant's page (`/accounts/{aid}`) with its
//! connections, comments and changes.

pub mod export;
mod merchant_forms;
mod merchant_page;
pub mod merchant_view;
pub mod new_merchant;
mod package_tab;
pub mod package_view;
mod portfolio_page;
pub mod portfolio_query;
mod read;
mod saved_views;
mod settings_lines;
mod status_badge;
mod write;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::{path, SsrMode};

pub use merchant_page::MerchantPage;
pub use package_tab::Package;
pub use portfolio_page::{status_key, PortfolioPage};
pub use read::{
    get_merchant, get_merchant_package, get_merchant_settings, list_merchants, GetMerchant, GetMerchantPackage,
    GetMerchantSettings, ListMerchants, MerchantPageData, PortfolioPage as Page,
};
pub use saved_views::{delete_view, list_saved_views, save_view, DeleteView, ListSavedViews, SaveView, SavedView};
pub use status_badge::badge_class;
pub use write::{
    add_comment, assign_price_package, delete_merchant, record_connection_event, update_merchant, AddComment,
    AssignPricePackage, DeleteMerchant, RecordConnectionEvent, UpdateMerchant,
};

#[component(transparent)]
pub fn MerchantRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/accounts") view=PortfolioPage ssr=SsrMode::Async/>
        <Route path=path!("/accounts/new") view=new_merchant::NewMerchantPage ssr=SsrMode::Async/>
        <Route path=path!("/accounts/:aid") view=MerchantPage ssr=SsrMode::Async/>
        <Route path=path!("/accounts/export/:id") view=export::ExportPage ssr=SsrMode::Async/>
    }
    .into_inner()
    .into_any_nested_route()
}
