//! Settlement report configurations and insight reports, for finance staff:
//!
//! - `/accounts/{aid}/report-configurations`: the merchant's settlement report configurations
//!   (`Settlements`), paged by Dintero's `starting_after`;
//! - `/accounts/{aid}/report-configurations/new` and `/{id}`: create, change and delete one
//!   (`ConfigureReports`), checked before sending ([`config_input`]), sent once per form, audited;
//! - `/accounts/{aid}/reports`: the merchant's insight reports (`Reports`), each file downloaded
//!   through the server (`server/src/downloads/report_files.rs`).
//!
//! Reads are in [`read`], writes in [`write`]; [`FinanceHeader`] is the heading the finance pages
//! share.

pub mod config_form_page;
pub mod config_input;
mod configs_page;
mod finance_header;
pub mod read;
mod reports_page;
pub mod write;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::{path, SsrMode};

pub use config_form_page::{EditConfigPage, NewConfigPage};
pub use configs_page::ConfigsPage;
pub use finance_header::{FinanceHeader, FinanceTab, FinanceTabs};
pub use read::{
    list_report_configurations, list_reports, report_configuration_form, ListReportConfigurations, ListReports,
    ReportConfigurationForm,
};
pub use reports_page::{file_href, ReportsPage};
pub use write::{
    create_report_configuration, delete_report_configuration, update_report_configuration, CreateReportConfiguration,
    DeleteReportConfiguration, UpdateReportConfiguration,
};

#[component(transparent)]
pub fn ReportRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/accounts/:aid/report-configurations") view=ConfigsPage ssr=SsrMode::Async/>
        <Route path=path!("/accounts/:aid/report-configurations/new") view=NewConfigPage ssr=SsrMode::Async/>
        <Route path=path!("/accounts/:aid/report-configurations/:id") view=EditConfigPage ssr=SsrMode::Async/>
        <Route path=path!("/accounts/:aid/reports") view=ReportsPage ssr=SsrMode::Async/>
    }
    .into_inner()
    .into_any_nested_route()
}
