//! The screening workbench (`/screening`): one merchant asked about in Mastercard MATCH and Visa
//! VMSS from one form pre-filled from its account, what each register found side by side with how
//! every field matched, an inquiry looked up again by its IRN, the analyst's decision (a private
//! event on the merchant and an audit entry), and adding a terminated merchant to either register.
//!
//! - [`criteria`]: the search form's fields, their checks, and Mastercard's and Visa's bodies;
//! - [`codes`]: match indicators and reason codes in words; [`results`]: what was found, to show;
//! - [`termination`]: the termination form, its checks and the registers' bodies;
//! - `read`, `write`: the server functions; `kept`: VMSS answers in the session;
//! - the pages: `screening_page` (with `criteria_form`, `results_view`, `decision_form`) and
//!   `terminate_page`.

pub mod codes;
pub mod criteria;
mod criteria_form;
mod decision_form;
#[cfg(feature = "ssr")]
mod kept;
mod read;
pub mod results;
mod results_view;
mod screening_page;
mod terminate_page;
pub mod termination;
mod write;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::{path, SsrMode};

pub use read::{
    find_screening_merchants, screening_results, screening_subject, FindScreeningMerchants, Findings, ScreeningResults,
    ScreeningSubject, Subject,
};
pub use screening_page::ScreeningPage;
pub use terminate_page::TerminatePage;
pub use write::{
    record_screening_decision, run_screening, terminate_merchant, RecordScreeningDecision, RunScreening,
    TerminateMerchant,
};

#[component(transparent)]
pub fn ScreeningRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/screening") view=ScreeningPage ssr=SsrMode::Async/>
        <Route path=path!("/screening/terminate") view=TerminatePage ssr=SsrMode::Async/>
    }
    .into_inner()
    .into_any_nested_route()
}

#[cfg(test)]
mod tests {
    use super::codes::{match_reason_key, Hit, MATCH_REASONS};
    use crate::i18n::Locale;

    /// The keys this feature builds at run time (field labels, reasons, hits) all have texts.
    #[test]
    fn every_key_built_at_run_time_has_a_text() {
        let source = [
            include_str!("results.rs"),
            include_str!("terminate_page.rs"),
            include_str!("codes.rs"),
        ]
        .concat();
        let mut keys: Vec<String> = source
            .split('"')
            .filter(|s| s.starts_with("screening.") && !s.ends_with('.'))
            .filter(|s| s.chars().all(|c| c.is_ascii_lowercase() || "._0123456789".contains(c)))
            .map(str::to_owned)
            .collect();
        keys.extend(MATCH_REASONS.iter().map(|c| match_reason_key(c).to_owned()));
        for hit in [Hit::Exact, Hit::Phonetic, Hit::NoMatch, Hit::Other("X".into())] {
            keys.push(hit.key().to_owned());
        }
        assert!(keys.len() > 40, "{}", keys.len());
        for locale in Locale::ALL {
            for key in &keys {
                assert_ne!(locale.text(key), "[missing text]", "{} {key}", locale.code());
            }
        }
    }
}
