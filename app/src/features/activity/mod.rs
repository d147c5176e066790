//! The Activity page (`/activity`, admin): the audit log, filtered, paged and exported as CSV
//! (`/activity.csv`, served by the server crate's downloads).

mod activity_page;
mod read;

use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, SsrMode};

pub use activity_page::ActivityPage;
pub use read::{list_activity, ActivityQuery, ListActivity};

#[component(transparent)]
pub fn ActivityRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! { <Route path=path!("/activity") view=ActivityPage ssr=SsrMode::Async/> }.into_inner()
}
