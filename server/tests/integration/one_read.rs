//! One read per view: every page of the app, viewed once by a person allowed to see it, sends each
//! distinct Dintero request (method, path and query, token exchanges included) at most once.

use std::collections::BTreeMap;

use crate::support;
use support::pages::{addresses, router_patterns, view};
use support::served::{admin_session, serve_with, temp_data_dir};

#[test]
fn the_page_list_is_the_router_s() {
    let mut listed: Vec<String> = app::routes::PAGES.iter().map(|p| p.pattern.to_owned()).collect();
    listed.sort();
    assert_eq!(
        listed,
        router_patterns(),
        "app::routes::PAGES must name every route, and only routes"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_asks_dintero_for_each_thing_once() {
    let emulator = support::start().await;
    let (base, _task) = serve_with(&temp_data_dir(), Some(&emulator.base), |_| {}).await;
    let cookie = admin_session(&base, &emulator.base).await;
    let pages = addresses(&base, &cookie).await;
    let mut repeated = BTreeMap::new();
    for (pattern, address) in &pages {
        emulator.clear_requests().await;
        let (status, _) = view(&base, &cookie, address).await;
        // The sandbox inbox exists on the embedded emulator only; this app runs on its own.
        let expected = if *pattern == "/sandbox/inbox" { 404 } else { 200 };
        assert_eq!(status, expected, "{address}");
        let mut seen = BTreeMap::<String, usize>::new();
        for (method, path, query, subject, _) in emulator.requests_with_query().await {
            let query = query.map(|q| format!("?{q}")).unwrap_or_default();
            let subject = subject.map(|s| format!(" for {s}")).unwrap_or_default();
            let request = format!("{method} {path}{query}{subject}");
            *seen.entry(request).or_default() += 1;
        }
        let twice: Vec<_> = seen.into_iter().filter(|(_, n)| *n > 1).collect();
        if !twice.is_empty() {
            repeated.insert(address.clone(), (*pattern, twice));
        }
    }
    assert!(
        repeated.is_empty(),
        "pages that asked Dintero for the same thing more than once: {repeated:#?}"
    );
}
