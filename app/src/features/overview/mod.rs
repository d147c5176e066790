//! The overview: the first page after signing in.

mod overview_page;

use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, SsrMode};

pub use overview_page::OverviewPage;

#[component(transparent)]
pub fn OverviewRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! { <Route path=path!("") view=OverviewPage ssr=SsrMode::InOrder/> }.into_inner()
}
