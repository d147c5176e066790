//! Price packages (`/price-packages`): the partner's catalogue with Dintero's filters and paging,
//! each package's products and prices readable, which merchants use it, and for those whose scopes
//! allow it, creating, editing and assigning packages.

pub mod amounts;
mod catalogue_page;
pub mod catalogue_query;
mod new_package_page;
pub mod package_editor;
pub mod package_form;
mod package_page;
mod read;
mod write;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::{path, SsrMode};

pub use catalogue_page::{package_href, CataloguePage};
pub use new_package_page::NewPackagePage;
pub use package_page::PackagePage;
pub use read::{
    get_price_package, list_price_packages, new_package_form, package_merchants, GetPricePackage, ListPricePackages,
    NewPackageForm, PackageFormStart, PackageMerchants, USAGE_SCAN_LIMIT,
};
pub use write::{create_price_package, update_price_package, CreatePricePackage, UpdatePricePackage};

#[component(transparent)]
pub fn PricePackageRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/price-packages") view=CataloguePage ssr=SsrMode::Async/>
        <Route path=path!("/price-packages/new") view=NewPackagePage ssr=SsrMode::Async/>
        <Route path=path!("/price-packages/:id") view=PackagePage ssr=SsrMode::Async/>
    }
    .into_inner()
    .into_any_nested_route()
}
