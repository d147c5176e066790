//! The review queue (`/onboarding`) and the pipeline (`/onboarding/pipeline`): one list across all
//! the partner's merchants of the CDD cases, payment approvals and seller approvals that need
//! attention, and per merchant the stage of each track. Gathered per merchant with a bounded number
//! of requests in flight (`gatherer`, over the shared [`crate::portfolio_scan::PortfolioScan`]),
//! shown as batches arrive, failures listed by merchant.

#[cfg(feature = "ssr")]
mod gatherer;
mod gathering;
pub mod pipeline;
mod pipeline_page;
pub mod queue_item;
mod queue_page;
mod read;
pub mod review_query;
mod slices;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::{path, SsrMode};

pub use pipeline_page::PipelinePage;
pub use queue_page::{is_web_link, link_key, QueuePage};
pub use read::{review_merchants, review_slice, ReviewMerchants, ReviewSlice};
pub use slices::SLICES;

/// In-order streaming: the page is sent as it is rendered, each batch's rows as soon as they (and
/// the batches before them) are read, so the list fills in without JavaScript too.
#[component(transparent)]
pub fn OnboardingRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/onboarding") view=QueuePage ssr=SsrMode::InOrder/>
        <Route path=path!("/onboarding/pipeline") view=PipelinePage ssr=SsrMode::InOrder/>
    }
    .into_inner()
    .into_any_nested_route()
}
