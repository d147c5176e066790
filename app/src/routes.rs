//! Every address the app serves a person: its pages, as the router's patterns, and the files the
//! server streams. A sign-in's `next=` may only lead to one of these ([`is_routed`]); the router's
//! own list is checked against [`PAGES`] in the server's tests, so a new page must be named here.

use crate::auth::Capability;

/// Who may see a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Anyone, signed in or not (signing in).
    Public,
    /// Any signed-in person.
    SignedIn,
    /// A signed-in person whose scopes grant this.
    Capability(Capability),
}

/// A page: its route pattern (`:name` matches one path segment) and who may see it. The shell
/// refuses a page to anyone its `needs` leave out (403) before the page renders; the page's server
/// functions check again.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub pattern: &'static str,
    pub needs: Needs,
}

const fn page(pattern: &'static str, needs: Needs) -> Page {
    Page { pattern, needs }
}

use Capability as C;
use Needs::{Capability as May, Public, SignedIn};

/// Every page, as the feature routes declare them.
pub const PAGES: &[Page] = &[
    page("/", SignedIn),
    page("/activity", May(C::Activity)),
    page("/accounts", May(C::ViewMerchants)),
    page("/accounts/new", May(C::ManageMerchants)),
    page("/accounts/export/:id", May(C::ViewMerchants)),
    page("/accounts/:aid", May(C::ViewMerchants)),
    page("/accounts/:aid/approvals", May(C::Review)),
    page("/accounts/:aid/payouts", May(C::Payouts)),
    page("/accounts/:aid/payouts/:destination", May(C::Payouts)),
    page("/accounts/:aid/report-configurations", May(C::Settlements)),
    page("/accounts/:aid/report-configurations/new", May(C::ConfigureReports)),
    page("/accounts/:aid/report-configurations/:id", May(C::ConfigureReports)),
    page("/accounts/:aid/reports", May(C::Reports)),
    page("/accounts/:aid/sellers", May(C::Review)),
    page("/accounts/:aid/sellers/new", May(C::Review)),
    page("/accounts/:aid/sellers/:id", May(C::Review)),
    page("/accounts/:aid/settlements", May(C::Settlements)),
    page("/onboarding", May(C::Review)),
    page("/onboarding/pipeline", May(C::Review)),
    page("/price-packages", May(C::ViewMerchants)),
    page("/price-packages/new", May(C::PricePackages)),
    page("/price-packages/:id", May(C::ViewMerchants)),
    page("/screening", May(C::Screen)),
    page("/screening/terminate", May(C::Terminate)),
    page("/team", May(C::Team)),
    page("/settlements", May(C::Settlements)),
    page("/login", Public),
    page("/login/code", Public),
    page("/sandbox/inbox", Public),
];

/// The files the server streams (plain axum routes beside the pages).
pub const DOWNLOADS: &[&str] = &[
    "/activity.csv",
    "/exports/:id",
    "/accounts/:aid/settlements/:settlement/attachments/:attachment",
    "/accounts/:aid/settlements/files.zip",
    "/accounts/:aid/reports/:id/file",
];

/// True when `path` (without query) matches `pattern`, segment by segment.
pub fn matches(pattern: &str, path: &str) -> bool {
    let mut wanted = pattern.split('/');
    let mut given = path.split('/');
    loop {
        match (wanted.next(), given.next()) {
            (None, None) => return true,
            (Some(w), Some(g)) if w.starts_with(':') => {
                if g.is_empty() {
                    return false;
                }
            }
            (Some(w), Some(g)) if w == g => {}
            _ => return false,
        }
    }
}

/// The page `path` (without query) shows; a literal segment wins over a `:name` one
/// (`/accounts/new` is not the merchant `new`).
pub fn page_at(path: &str) -> Option<&'static Page> {
    PAGES
        .iter()
        .filter(|page| matches(page.pattern, path))
        .max_by_key(|page| page.pattern.split('/').filter(|s| !s.starts_with(':')).count())
}

/// True when `path` (without query) is one of the app's pages or downloads.
pub fn is_routed(path: &str) -> bool {
    page_at(path).is_some() || DOWNLOADS.iter().any(|pattern| matches(pattern, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_whole_segments() {
        assert!(matches("/", "/"));
        assert!(matches("/accounts/:aid", "/accounts/T11200001"));
        assert!(!matches("/accounts/:aid", "/accounts/"));
        assert!(!matches("/accounts/:aid", "/accounts/T11200001/x"));
        assert!(!matches("/accounts", "/accountsx"));
        assert!(is_routed("/accounts/T11200001/settlements"));
        assert!(is_routed("/exports/abc"));
        assert!(!is_routed("/nowhere"));
        assert!(!is_routed("//evil.example"));
        assert_eq!(page_at("/accounts/new").map(|p| p.pattern), Some("/accounts/new"));
        assert_eq!(
            page_at("/accounts/T11200001").map(|p| p.pattern),
            Some("/accounts/:aid")
        );
    }
}
