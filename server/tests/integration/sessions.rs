//! Sessions that keep work: idle expiry, no session fixation, the person's Dintero token renewed
//! with its refresh token, and a person whose token cannot be renewed brought back to where they
//! were with the form they were submitting.

use crate::support;

use reqwest::header::{COOKIE, LOCATION};
use reqwest::StatusCode;
use serde_json::json;
use support::served::{http, post_login, serve_with, session_cookie, temp_data_dir};

async fn get(base: &str, path: &str, cookie: &str) -> reqwest::Response {
    http()
        .get(format!("{base}{path}"))
        .header(COOKIE, cookie)
        .send()
        .await
        .unwrap()
}

/// The number of `POST .../auth/token` calls the emulator received.
async fn token_calls(emulator: &support::Harness) -> usize {
    emulator
        .requests()
        .await
        .iter()
        .filter(|(method, path, _)| method == "POST" && path.ends_with("/auth/token"))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_ends_after_its_idle_time() {
    let (base, _server) = serve_with(&temp_data_dir(), None, |config| {
        config.session_idle = chrono::Duration::seconds(2);
    })
    .await;
    let cookie = session_cookie(&post_login(&base, "manager%40partner.example", "demo-password").await);
    assert_eq!(get(&base, "/", &cookie).await.status(), StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(3_000)).await;
    let page = get(&base, "/", &cookie).await;
    assert_eq!(page.status(), StatusCode::SEE_OTHER, "idle too long: sign in again");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_id_known_before_sign_in_is_useless_after() {
    let (base, _server) = serve_with(&temp_data_dir(), None, |_| {}).await;
    // A failed sign-in gives a (not signed-in) session: the id an attacker could plant.
    let planted = session_cookie(&post_login(&base, "manager%40partner.example", "wrong").await);
    let signed_in = http()
        .post(format!("{base}/api/login"))
        .header(COOKIE, &planted)
        .header("accept", "text/html")
        .header("content-type", "application/x-www-form-urlencoded")
        .body("email=manager%40partner.example&password=demo-password&next=%2F")
        .send()
        .await
        .unwrap();
    let fresh = session_cookie(&signed_in);
    assert_ne!(fresh, planted, "the id changes at sign-in");
    assert_eq!(get(&base, "/", &fresh).await.status(), StatusCode::OK);
    assert_eq!(get(&base, "/", &planted).await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_near_its_end_is_renewed_with_the_refresh_token() {
    let emulator = support::start().await;
    emulator.control("auth/tokens", json!({"user_token_seconds": 60})).await;
    let (base, _server) = serve_with(&temp_data_dir(), Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "manager%40partner.example", "demo-password").await);
    emulator.clear_requests().await;

    let page = get(&base, "/", &cookie).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Kari Nordmann"));
    assert_eq!(token_calls(&emulator).await, 1, "renewed once, with the refresh token");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_the_token_cannot_be_renewed_the_person_signs_in_again_and_gets_the_form_back() {
    let emulator = support::start().await;
    emulator.control("auth/tokens", json!({"user_token_seconds": 60})).await;
    let (base, _server) = serve_with(&temp_data_dir(), Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "manager%40partner.example", "demo-password").await);
    emulator
        .control(
            "auth/tokens",
            json!({"user_token_seconds": 60, "revoke_refresh_tokens": true}),
        )
        .await;

    // A page: to the sign-in page, and back here afterwards.
    let page = get(&base, "/activity?person=kari", &cookie).await;
    assert_eq!(page.status(), StatusCode::SEE_OTHER);
    assert_eq!(page.headers()[LOCATION], "/login?next=/activity%3Fperson%3Dkari");

    // A form posted without JavaScript at that moment: kept, and the browser goes through sign-in
    // back to the page it came from.
    let posted = http()
        .post(format!("{base}/api/list_activity"))
        .header(COOKIE, &cookie)
        .header("accept", "text/html")
        .header("referer", format!("{base}/activity?person=kari"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("query[person]=kari&comment=Called+the+merchant&password=hunter2")
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    assert_eq!(posted.headers()[LOCATION], "/login?next=/activity%3Fperson%3Dkari");

    // With JavaScript the same post answers 401, and the form is kept all the same.
    let fetched = http()
        .post(format!("{base}/api/list_activity"))
        .header(COOKIE, &cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("query[person]=kari")
        .send()
        .await
        .unwrap();
    assert_eq!(fetched.status(), StatusCode::UNAUTHORIZED);

    emulator
        .control("auth/tokens", json!({"user_token_seconds": null}))
        .await;
    let signed_in = http()
        .post(format!("{base}/api/login"))
        .header(COOKIE, &cookie)
        .header("accept", "text/html")
        .header("content-type", "application/x-www-form-urlencoded")
        .body("email=manager%40partner.example&password=demo-password&next=%2Factivity%3Fperson%3Dkari")
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.headers()[LOCATION], "/activity?person=kari");
    let cookie = session_cookie(&signed_in);
    let kept: serde_json::Value = http()
        .post(format!("{base}/api/take_kept_input"))
        .header(COOKIE, &cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("form=list_activity")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        kept,
        json!({"query[person]": "kari"}),
        "the last post's fields, no password"
    );
}
