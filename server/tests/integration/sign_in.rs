//! The app on port 0, on its embedded emulator: sign in with a real session cookie.
//!
//! These run on tokio's multi-threaded runtime, as the server does: on a current-thread runtime a
//! page whose server-side resource reads the session was seen to hang now and then (2 runs in 25
//! under load; none in 40 on the multi-threaded runtime).

use crate::support;

use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use reqwest::StatusCode;
use support::served::{http, post_login, serve, serve_with_data, session_cookie, temp_data_dir};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_protected_page_needs_a_session() {
    let base = serve().await;
    let response = http().get(format!("{base}/?tab=1")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[LOCATION], "/login?next=/%3Ftab%3D1");

    let response = http().post(format!("{base}/api/current_user")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_in_gives_a_cookie_that_opens_the_protected_page() {
    let base = serve().await;
    let response = post_login(&base, "manager%40partner.example", "demo-password").await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(response.headers()[LOCATION], "/");
    let cookie = session_cookie(&response);
    let set_cookie = response.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"),
        "{set_cookie}"
    );

    let page = http()
        .get(format!("{base}/"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Kari Nordmann"), "the header names the person");
    assert!(html.contains("Nordlys Betaling"), "the header names the partner");
    assert!(!html.contains("eyJ"), "no token in the page");

    // Signing out makes the cookie useless.
    let out = http()
        .post(format!("{base}/api/logout"))
        .header(COOKIE, &cookie)
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::FOUND);
    let page = http()
        .get(format!("{base}/"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::SEE_OTHER);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_goes_back_to_the_form_with_the_error_and_no_session() {
    let base = serve().await;
    let response = post_login(&base, "manager%40partner.example", "wrong").await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let location = response.headers()[LOCATION].to_str().unwrap().to_owned();
    assert!(
        location.starts_with(&format!("{base}/login?next=/")) && location.contains("__err="),
        "{location}"
    );
    assert!(
        !location.contains("manager"),
        "the e-mail is not put in the URL: {location}"
    );
    // The page the browser is sent back to shows the message and the e-mail typed.
    let cookie = session_cookie(&response);
    let page = http().get(&location).header(COOKIE, &cookie).send().await.unwrap();
    let html = page.text().await.unwrap();
    assert!(html.contains("The e-mail or password is wrong"), "the message is shown");
    assert!(
        html.contains(r#"value="manager@partner.example""#),
        "the e-mail is kept"
    );
    // ...and no signed-in session came of it.
    let page = http()
        .get(format!("{base}/"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::SEE_OTHER);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_readiness_and_the_404_page() {
    let base = serve().await;
    let health = http().get(format!("{base}/healthz")).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    assert_eq!(
        health.json::<serde_json::Value>().await.unwrap()["version"],
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(
        http().get(format!("{base}/readyz")).send().await.unwrap().status(),
        StatusCode::OK
    );
    let response = post_login(&base, "onboarding%40partner.example", "demo-password").await;
    let cookie = session_cookie(&response);
    let missing = http()
        .get(format!("{base}/nope"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(missing.text().await.unwrap().contains("Page not found"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_who_needs_a_code_is_sent_to_the_code_step_without_a_session() {
    let base = serve().await;
    let response = post_login(&base, "admin%40partner.example", "demo-password").await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(response.headers()[LOCATION], "/login/code");
    let cookie = session_cookie(&response);
    let page = http()
        .get(format!("{base}/login/code"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("admin@partner.example") && html.contains("Send code"),
        "the code step for this person"
    );
    assert!(!html.contains("mfa_tk_"), "the MFA token stays on the server");
    // Not signed in yet.
    let page = http()
        .get(format!("{base}/"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::SEE_OTHER);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_signs_nobody_out() {
    let data = temp_data_dir();
    let (base, server) = serve_with_data(&data).await;
    let cookie = session_cookie(&post_login(&base, "manager%40partner.example", "demo-password").await);
    server.abort();
    let _ = server.await;

    // A new server on the same data folder (and a new emulator behind it) knows the session.
    let (base, _server) = serve_with_data(&data).await;
    let page = http()
        .get(format!("{base}/"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Kari Nordmann"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cross_origin_post_is_refused_and_pages_carry_security_headers() {
    let base = serve().await;
    let refused = http()
        .post(format!("{base}/api/login"))
        .header("origin", "http://evil.example")
        .header("content-type", "application/x-www-form-urlencoded")
        .body("email=manager%40partner.example&password=demo-password")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(refused.headers().get(SET_COOKIE).is_none(), "no session came of it");
    let same_site = http()
        .post(format!("{base}/api/login"))
        .header("origin", &base)
        .header("accept", "text/html")
        .header("content-type", "application/x-www-form-urlencoded")
        .body("email=manager%40partner.example&password=demo-password&next=%2F")
        .send()
        .await
        .unwrap();
    assert_eq!(same_site.status(), StatusCode::FOUND);

    let page = http().get(format!("{base}/login")).send().await.unwrap();
    let headers = page.headers().clone();
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert_eq!(headers["referrer-policy"], "same-origin");
    assert!(
        headers.get("strict-transport-security").is_none(),
        "no HSTS on plain-HTTP loopback"
    );
    let csp = headers["content-security-policy"].to_str().unwrap().to_owned();
    assert!(
        csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self' 'nonce-"),
        "{csp}"
    );
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|r| r.split('\'').next())
        .unwrap()
        .to_owned();
    let html = page.text().await.unwrap();
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "the hydration script carries the nonce"
    );
    assert!(!html.contains("<script>"), "no inline script without a nonce");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_failed_sign_ins_lock_the_email_for_a_while() {
    let base = serve().await;
    for _ in 0..5 {
        let response = post_login(&base, "finance%40partner.example", "wrong").await;
        assert_eq!(
            error_after_redirect(&response)["Invalid"]["message"],
            "login.error.bad_credentials"
        );
    }
    // Now even the right password is refused, with its own message.
    let response = post_login(&base, "finance%40partner.example", "demo-password").await;
    assert_eq!(
        error_after_redirect(&response)["Invalid"]["message"],
        "login.error.throttled"
    );
    let cookie = session_cookie(&response);
    let page = http()
        .get(format!("{base}/"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::SEE_OTHER, "no session came of it");
    // Other people are not affected.
    let other = post_login(&base, "manager%40partner.example", "demo-password").await;
    assert_eq!(other.headers()[LOCATION], "/");
}

/// The error a no-JavaScript form post was sent back with (server_fn puts it, base64 JSON, in `__err`).
fn error_after_redirect(response: &reqwest::Response) -> serde_json::Value {
    use base64::Engine;
    let location = response.headers()[LOCATION].to_str().unwrap();
    let encoded = location
        .split("__err=")
        .nth(1)
        .and_then(|rest| rest.split('&').next())
        .expect("an error in the URL");
    let encoded = encoded.replace("%3D", "=").replace("%2B", "+").replace("%2F", "/");
    let bytes = base64::engine::general_purpose::URL_SAFE
        .decode(&encoded)
        .or_else(|_| base64::engine::general_purpose::STANDARD.decode(&encoded))
        .expect("base64");
    serde_json::from_slice(&bytes).expect("an AppError")
}
