//! What a hostile merchant name, a crafted link or a malformed request does: never markup from the
//! input, never a redirect off the site, never a 500 or a panic, always the right status.

use std::time::Duration;

use crate::support;
use reqwest::header::{COOKIE, LOCATION};
use serde_json::json;
use support::pages::{addresses, view, AID};
use support::served::{
    admin_session, api_post, http, plain_post, post_login, serve_with, session_cookie, temp_data_dir,
};

/// A name that closes the title and sends the browser elsewhere, were it not escaped.
const HOSTILE: &str = r#"X</title><meta http-equiv="refresh" content="0;url=http://evil.example/"><b id="h">"#;

/// [`HOSTILE`] percent-encoded, for paths and queries.
fn hostile_encoded() -> String {
    app::url::encode(HOSTILE)
}

/// The markup of [`HOSTILE`] (or of any hostile input) must not appear in a page as markup.
fn assert_no_markup(address: &str, body: &str) {
    for raw in [
        "</title><meta",
        r#"<meta http-equiv="refresh" content="0;url=http://evil.example/">"#,
        r#"<b id="h">"#,
    ] {
        assert!(!body.contains(raw), "{address} carries {raw:?} as markup");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_names_and_ids_never_become_markup() {
    let emulator = support::start().await;
    let admin_token = emulator.admin().await;
    // The merchant whose pages are viewed gets a hostile name, and so does a price package.
    let aid = support::ids::account(AID);
    let account = emulator.client.get_account(&admin_token, &aid).await.unwrap();
    let mut update = app::dintero::accounts::AccountUpdate::from(&account);
    update.fields.company.business_name = Some(HOSTILE.into());
    update.fields.company.display_name = Some(HOSTILE.into());
    emulator
        .client
        .update_account(&admin_token, &aid, &update)
        .await
        .unwrap();

    let (base, _task) = serve_with(&temp_data_dir(), Some(&emulator.base), |_| {}).await;
    let cookie = admin_session(&base, &emulator.base).await;
    let pages = addresses(&base, &cookie).await;
    let package_page = pages
        .iter()
        .find(|(pattern, _)| *pattern == "/price-packages/:id")
        .map(|(_, address)| address.clone())
        .unwrap();
    let package_id = package_page.trim_start_matches("/price-packages/");
    let package = emulator
        .client
        .price_packages(
            &admin_token,
            &app::dintero::price_packages::PricePackageQuery {
                price_package_id: Some(package_id.to_owned()),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .price_packages
        .remove(0);
    let rename = app::dintero::price_packages::PricePackageUpdate {
        name: HOSTILE.into(),
        description: package.description.clone().unwrap_or_default(),
        products: package.products.clone(),
        pricing_conditions: package.pricing_conditions.clone(),
        metadata: None,
    };
    emulator
        .client
        .update_price_package(&admin_token, &support::ids::opaque(package_id), &rename)
        .await
        .unwrap();

    // Every page, the merchant's pages showing its hostile name.
    for (_, address) in &pages {
        let (status, body) = view(&base, &cookie, address).await;
        assert!(status < 500, "{address}: {status}");
        assert_no_markup(address, &body);
    }
    let (_, merchant) = view(&base, &cookie, &format!("/accounts/{AID}")).await;
    assert!(
        merchant.contains("X&lt;/title&gt;&lt;meta"),
        "the name is shown, as text"
    );

    // Crafted links: the hostile text as every id and in the queries pages read.
    let hostile = hostile_encoded();
    let mut crafted: Vec<String> = app::routes::PAGES
        .iter()
        .map(|page| {
            page.pattern
                .split('/')
                .map(|s| if s.starts_with(':') { hostile.as_str() } else { s })
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect();
    crafted.extend(app::routes::DOWNLOADS.iter().map(|d| {
        d.split('/')
            .map(|s| if s.starts_with(':') { hostile.as_str() } else { s })
            .collect::<Vec<_>>()
            .join("/")
    }));
    crafted.extend([
        format!("/{hostile}"),
        format!("/accounts?search={hostile}"),
        format!("/screening?aid={hostile}"),
        format!("/screening?aid={AID}&irn={hostile}&vmss={hostile}"),
        format!("/accounts/{AID}/settlements?provider={hostile}&settled_from={hostile}"),
        format!("/login?next={hostile}"),
        format!("/accounts/{AID}?tab={hostile}"),
        format!("/activity?person={hostile}"),
        format!("/accounts/{AID}/payouts?destination={hostile}"),
    ]);
    for address in &crafted {
        let (status, body) = view(&base, &cookie, address).await;
        assert!(status < 500, "{address}: {status}");
        assert_no_markup(address, &body);
    }
}

/// Signs in with `next` (already percent-encoded) as a plain form post; the answer's `Location`.
async fn sign_in_to(base: &str, email: &str, next: &str) -> (reqwest::StatusCode, String) {
    let response = http()
        .post(format!("{base}/api/login"))
        .header("accept", "text/html")
        .header("referer", format!("{base}/login"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("email={email}&password=demo-password&next={next}"))
        .send()
        .await
        .unwrap();
    let location = response
        .headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (response.status(), location)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_signing_in_only_a_page_of_this_site_is_next() {
    let base = support::served::serve().await;
    for next in [
        "%2F%2509%2Fevil.example",
        "%2F%09%2Fevil.example",
        "%2F%09%5Cevil.example",
        "%2F%5Cevil.example",
        "%2F%2Fevil.example",
        "https%3A%2F%2Fevil.example",
        "%2F%0D%0ASet-Cookie%3A%20x%3D1",
        "%2Fnowhere",
        "%2Faccounts%2F..%2F..%2Fevil",
    ] {
        let (status, location) = sign_in_to(&base, "manager%40partner.example", next).await;
        assert!(status.is_redirection(), "{next}: {status}");
        assert_eq!(location, "/", "{next}");
    }
    let (_, location) = sign_in_to(&base, "manager%40partner.example", "%2Faccounts%3Fsearch%3Dkaffe").await;
    assert_eq!(location, "/accounts?search=kaffe", "a page of the app is fine");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_second_factor_carries_only_a_safe_next() {
    let emulator = support::start().await;
    let (base, _task) = serve_with(&temp_data_dir(), Some(&emulator.base), |_| {}).await;
    let (_, location) = sign_in_to(&base, "admin%40partner.example", "%2F%09%2Fevil.example").await;
    assert_eq!(location, "/login/code");
    // admin_session signs in afresh and checks that the code step ends on `/`.
    let _ = admin_session(&base, &emulator.base).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_keep_a_session_alive_and_idleness_ends_it() {
    let (base, _task) = serve_with(&temp_data_dir(), None, |config| {
        config.session_idle = chrono::Duration::seconds(4);
    })
    .await;
    let mut cookie = session_cookie(&post_login(&base, "manager%40partner.example", "demo-password").await);
    // A page every second for three times the idle time: still signed in.
    for _ in 0..12 {
        let response = http()
            .get(format!("{base}/accounts"))
            .header(COOKIE, &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "signed out while active");
        if let Some(renewed) = response
            .headers()
            .get_all(reqwest::header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with("backoffice_session="))
        {
            cookie = renewed.split(';').next().unwrap().to_owned();
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    // Idle for longer than the idle time and its renewal interval: signed out.
    tokio::time::sleep(Duration::from_secs(6)).await;
    let response = http()
        .get(format!("{base}/accounts"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_redirection());
    assert!(response.headers()[LOCATION].to_str().unwrap().starts_with("/login"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_read_is_asked_for_again_on_the_next_view() {
    let emulator = support::start().await;
    let (base, _task) = serve_with(&temp_data_dir(), Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "onboarding%40partner.example", "demo-password").await);
    emulator
        .control(
            "faults",
            json!({"path": "/v1/accounts/T11200000/management/accounts", "method": "GET",
                   "kind": {"type": "status", "status": 503}}),
        )
        .await;
    let (_, failed) = view(&base, &cookie, "/onboarding").await;
    assert!(
        failed.contains("Dintero did not answer in time"),
        "the failure is shown"
    );
    emulator
        .http
        .delete(format!("{}/__emulator/faults", emulator.base))
        .send()
        .await
        .unwrap();
    emulator.clear_requests().await;
    let (status, page) = view(&base, &cookie, "/onboarding").await;
    assert_eq!(status, 200);
    assert!(
        !page.contains("Dintero did not answer in time"),
        "the failure was not kept"
    );
    let listed = emulator
        .requests()
        .await
        .iter()
        .filter(|(method, path, _)| method == "GET" && path == "/v1/accounts/T11200000/management/accounts")
        .count();
    assert_eq!(listed, 1, "the merchant list was asked for again, once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_server_function_request_is_a_clear_4xx() {
    let base = support::served::serve().await;
    let cookie = session_cookie(&post_login(&base, "manager%40partner.example", "demo-password").await);
    for (endpoint, body, status) in [
        ("get_merchant", "aid=T11200001&aid=T11200002", 400),
        ("get_merchant", "", 400),
        ("list_merchants", "query[limit]=-5", 400),
        ("list_merchants", "query[limit]=many", 400),
        ("add_comment", "aid=T11200001", 400),
    ] {
        let response = api_post(&base, &cookie, endpoint, body).await;
        assert_eq!(response.status().as_u16(), status, "{endpoint} {body}");
        let error: app::AppError = response.json().await.unwrap();
        assert!(
            matches!(error, app::AppError::Malformed { .. }),
            "{endpoint} {body}: {error:?}"
        );
    }
    let big = format!("aid=T11200001&text={}", "x".repeat(3 << 20));
    let response = api_post(&base, &cookie, "add_comment", &big).await;
    assert_eq!(response.status(), 413);
    assert_eq!(response.json::<app::AppError>().await.unwrap(), app::AppError::TooLarge);

    // Without JavaScript the form's page says what was wrong, not that the network failed.
    for (body, says) in [
        ("aid=T11200001", "a field was missing, sent twice or of the wrong kind"),
        (big.as_str(), "larger than the back-office accepts"),
    ] {
        let page = format!("/accounts/{AID}?tab=activity");
        let response = plain_post(&base, &cookie, "add_comment", &page, body).await;
        assert!(response.status().is_redirection(), "{}", response.status());
        let back = response.headers()[LOCATION].to_str().unwrap().to_owned();
        let back = back
            .split_once("://")
            .map_or(back.clone(), |(_, rest)| rest[rest.find('/').unwrap()..].to_owned());
        let (status, html) = view(&base, &cookie, &back).await;
        assert_eq!(status, 200);
        assert!(html.contains(says), "{back}");
        assert!(!html.contains("Could not reach the back-office"), "{back}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_page_is_always_403() {
    let base = support::served::serve().await;
    let cookie = session_cookie(&post_login(&base, "finance%40partner.example", "demo-password").await);
    for page in [
        "/price-packages/new",
        "/screening/terminate",
        "/activity",
        "/accounts/new",
        "/screening",
    ] {
        for _ in 0..10 {
            let (status, body) = view(&base, &cookie, page).await;
            assert_eq!(status, 403, "{page}");
            assert!(body.contains("No access"), "{page}");
        }
    }
}
