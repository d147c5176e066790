//! Every address the app serves a person: its pages, as the router's patterns, and the files the
//! server streams. A sign-in's `next=` may only lead to one of these ([`is_routed`]); the router's
//! own list is checked against [`PAGES`] in the server's tests, so a new page must be named here.

/// The pages' route patterns (`:name` matches one path segment), as the feature routes declare them.
pub const PAGES: &[&str] = &[
    "/",
    "/activity",
    "/accounts",
    "/accounts/new",
    "/accounts/export/:id",
    "/accounts/:aid",
    "/accounts/:aid/approvals",
    "/accounts/:aid/payouts",
    "/accounts/:aid/payouts/:destination",
    "/accounts/:aid/report-configurations",
    "/accounts/:aid/report-configurations/new",
    "/accounts/:aid/report-configurations/:id",
    "/accounts/:aid/reports",
    "/accounts/:aid/sellers",
    "/accounts/:aid/sellers/new",
    "/accounts/:aid/sellers/:id",
    "/accounts/:aid/settlements",
    "/onboarding",
    "/onboarding/pipeline",
    "/price-packages",
    "/price-packages/new",
    "/price-packages/:id",
    "/screening",
    "/screening/terminate",
    "/settlements",
    "/login",
    "/login/code",
    "/sandbox/inbox",
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

/// True when `path` (without query) is one of the app's pages or downloads.
pub fn is_routed(path: &str) -> bool {
    PAGES.iter().chain(DOWNLOADS).any(|pattern| matches(pattern, path))
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
    }
}
