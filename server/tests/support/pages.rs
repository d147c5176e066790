//! Every page of the app ([`app::routes::PAGES`]) as one address to view, with the demo world's ids
//! (ids that only the emulator knows are read from the list pages' links), for the tests that view
//! every page once.
#![allow(dead_code)]

use reqwest::header::{COOKIE, LOCATION};

use super::served::{api_post, http};

/// The merchant whose pages are viewed: it has sellers, payouts and reports.
pub const AID: &str = "T11200002";
/// A merchant with settlement report configurations (the emulator gives every fourth one some).
pub const CONFIG_AID: &str = "T11200001";

/// The router's own patterns (`/accounts/{aid}` as `/accounts/:aid`), to hold [`app::routes::PAGES`]
/// against.
pub fn router_patterns() -> Vec<String> {
    let mut patterns: Vec<String> = server::route_list()
        .iter()
        .map(|route| {
            route
                .path()
                .split('/')
                .map(
                    |segment| match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                        Some(name) => format!(":{name}"),
                        None => segment.to_owned(),
                    },
                )
                .collect::<Vec<_>>()
                .join("/")
        })
        .map(|path| if path.is_empty() { "/".to_owned() } else { path })
        .collect();
    patterns.sort();
    patterns.dedup();
    patterns
}

/// GETs `path` as the person with `cookie`: (status, body).
pub async fn view(base: &str, cookie: &str, path: &str) -> (u16, String) {
    let response = http()
        .get(format!("{base}{path}"))
        .header(COOKIE, cookie)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{path}: {e:?}"));
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

/// The first link in `html` that starts with `prefix` and goes one segment further (not `new`).
pub fn first_link(html: &str, prefix: &str) -> Option<String> {
    html.match_indices(&format!("href=\"{prefix}"))
        .map(|(at, _)| {
            let rest = &html[at + "href=\"".len()..];
            rest[..rest.find('"').unwrap_or(0)].to_owned()
        })
        .map(|link| link.split(['?', '#']).next().unwrap_or_default().to_owned())
        .find(|link| {
            let tail = &link[prefix.len()..];
            !tail.is_empty() && !tail.contains('/') && tail != "new"
        })
}

/// Starts an export of the whole portfolio as the person with `cookie`; its page's address.
pub async fn start_export(base: &str, cookie: &str) -> String {
    let started = api_post(base, cookie, "start_export", "query[search]=&format=csv").await;
    started
        .headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .filter(|path| path.starts_with("/accounts/export/"))
        .expect("start_export answers with the export's page")
        .to_owned()
}

/// One address for every page pattern, for a person who may see them all (the administrator),
/// following the list pages' links for ids the emulator makes up. Panics naming a pattern it has no
/// address for, so a new page must be given one here.
pub async fn addresses(base: &str, cookie: &str) -> Vec<(&'static str, String)> {
    let link_from = |list: String, prefix: String| async move {
        let (_, html) = view(base, cookie, &list).await;
        first_link(&html, &prefix).unwrap_or_else(|| panic!("{list} links to no {prefix}…"))
    };
    let seller = link_from(format!("/accounts/{AID}/sellers"), format!("/accounts/{AID}/sellers/")).await;
    let destination = link_from(format!("/accounts/{AID}/payouts"), format!("/accounts/{AID}/payouts/")).await;
    let config = link_from(
        format!("/accounts/{CONFIG_AID}/report-configurations"),
        format!("/accounts/{CONFIG_AID}/report-configurations/"),
    )
    .await;
    let package = link_from("/price-packages".to_owned(), "/price-packages/".to_owned()).await;
    let export = start_export(base, cookie).await;
    app::routes::PAGES
        .iter()
        .map(|page| {
            let address = match page.pattern {
                "/accounts/export/:id" => export.clone(),
                "/accounts/:aid/sellers/:id" => seller.clone(),
                "/accounts/:aid/payouts/:destination" => destination.clone(),
                "/accounts/:aid/report-configurations/:id" => config.clone(),
                "/price-packages/:id" => package.clone(),
                "/screening" => format!("/screening?aid={AID}"),
                "/screening/terminate" => format!("/screening/terminate?aid={AID}"),
                pattern if pattern.contains(':') && !pattern.starts_with("/accounts/:aid") => {
                    panic!("no address for {pattern}: add one in server/tests/support/pages.rs")
                }
                pattern => pattern.replace(":aid", AID),
            };
            (page.pattern, address)
        })
        .chain(
            VARIANTS
                .iter()
                .map(|(pattern, address)| (*pattern, address.replace(":aid", AID))),
        )
        .collect()
}

/// Pages that read differently in another state of their URL (the merchant page's tabs).
const VARIANTS: &[(&str, &str)] = &[
    ("/accounts/:aid", "/accounts/:aid?tab=connections"),
    ("/accounts/:aid", "/accounts/:aid?tab=activity"),
    ("/accounts/:aid", "/accounts/:aid?tab=package"),
    ("/accounts/:aid", "/accounts/:aid?tab=settings"),
    ("/accounts/:aid", "/accounts/:aid?tab=manage"),
];
