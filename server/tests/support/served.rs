//! The whole app on port 0, on its embedded emulator or on a test's own emulator, and a browser-
//! like HTTP client (no redirects followed) to sign in with a real session cookie.
//!
//! Tests using it run on tokio's multi-threaded runtime, as the server does: on a current-thread
//! runtime a page whose server-side resource reads the session was seen to hang now and then.
#![allow(dead_code)]

use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use reqwest::redirect::Policy;
use server::{app, Config};

/// A folder of its own for one test's sessions and store.
pub fn temp_data_dir() -> std::path::PathBuf {
    std::env::temp_dir().join(format!("backoffice-test-{}", uuid::Uuid::new_v4()))
}

/// The app on its embedded emulator, with its own data folder; returns its base URL.
pub async fn serve() -> String {
    serve_with_data(&temp_data_dir()).await.0
}

/// The app on port 0 with its state in `data`; returns its address and the server task.
pub async fn serve_with_data(data: &std::path::Path) -> (String, tokio::task::JoinHandle<()>) {
    serve_with(data, None, |_| {}).await
}

/// The app with its state in `data`, on the emulator at `dintero` (the demo partner and client)
/// or its embedded one, after `tweak` adjusts the config.
pub async fn serve_with(
    data: &std::path::Path,
    dintero: Option<&str>,
    tweak: impl FnOnce(&mut Config),
) -> (String, tokio::task::JoinHandle<()>) {
    let data = data.display().to_string();
    let dintero = dintero.map(str::to_owned);
    let mut config = Config::from_lookup(|name| match name {
        "LEPTOS_SITE_ADDR" => Some("127.0.0.1:0".to_owned()),
        "BACKOFFICE_DATA" => Some(data.clone()),
        "DINTERO_API_URL" => dintero.clone(),
        "DINTERO_CLIENT_ID" => dintero.as_ref().map(|_| "demo-client".to_owned()),
        "DINTERO_CLIENT_SECRET" => dintero.as_ref().map(|_| "demo-secret".to_owned()),
        _ => None,
    })
    .expect("config");
    tweak(&mut config);
    let router = app(config).await.expect("app starts");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let task = tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await;
    });
    (format!("http://{addr}"), task)
}

/// A client that does not follow redirects, with a timeout so a server that never answers fails
/// the test instead of stalling the run.
pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(Policy::none())
        // The tests check answers, not speed: a loaded CI machine running the debug build with
        // every test in parallel once took over 30 s for a page that scans the portfolio.
        .timeout(std::time::Duration::from_secs(120))
        .build()
        .expect("client")
}

/// Posts the sign-in form as a browser without JavaScript would; returns the response.
pub async fn post_login(base: &str, email: &str, password: &str) -> reqwest::Response {
    http()
        .post(format!("{base}/api/login"))
        .header("accept", "text/html")
        .header("referer", format!("{base}/login?next=/"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("email={email}&password={password}&next=%2F"))
        .send()
        .await
        .expect("login request")
}

/// The `backoffice_session=...` pair the response set.
pub fn session_cookie(response: &reqwest::Response) -> String {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("backoffice_session="))
        .and_then(|c| c.split(';').next())
        .expect("a session cookie")
        .to_owned()
}

/// Posts `body` to the server function `endpoint` as the hydrated page would.
pub async fn api_post(base: &str, cookie: &str, endpoint: &str, body: &str) -> reqwest::Response {
    http()
        .post(format!("{base}/api/{endpoint}"))
        .header(COOKIE, cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.to_owned())
        .send()
        .await
        .expect("a server function's answer")
}

/// Posts `body` to `endpoint` as a browser without JavaScript would (from `page`).
pub async fn plain_post(base: &str, cookie: &str, endpoint: &str, page: &str, body: &str) -> reqwest::Response {
    http()
        .post(format!("{base}/api/{endpoint}"))
        .header(COOKIE, cookie)
        .header("accept", "text/html")
        .header("referer", format!("{base}{page}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.to_owned())
        .send()
        .await
        .expect("a form post's answer")
}

/// The administrator's session (`admin@partner.example` needs a second factor): the password, then
/// the one-time code from the outbox of the emulator at `emulator`.
pub async fn admin_session(base: &str, emulator: &str) -> String {
    let response = post_login(base, "admin%40partner.example", "demo-password").await;
    let cookie = session_cookie(&response);
    assert_eq!(response.headers()[LOCATION], "/login/code");
    let sent = plain_post(base, &cookie, "send_code", "/login/code", "channel=sms").await;
    assert!(
        sent.status().is_success() || sent.status().is_redirection(),
        "{}",
        sent.status()
    );
    let outbox: Vec<serde_json::Value> = http()
        .get(format!("{emulator}/__emulator/outbox"))
        .send()
        .await
        .expect("the outbox")
        .json()
        .await
        .expect("the outbox as JSON");
    let code = outbox
        .last()
        .and_then(|m| m["code"].as_str())
        .expect("a code")
        .to_owned();
    let verified = plain_post(base, &cookie, "verify_code", "/login/code", &format!("code={code}")).await;
    assert_eq!(verified.headers()[LOCATION], "/");
    session_cookie(&verified)
}

/// Where the response sends the browser, as a path (a failed plain post names the whole URL).
pub fn location(response: &reqwest::Response) -> String {
    let to = response.headers()[reqwest::header::LOCATION].to_str().unwrap();
    match to.strip_prefix("http://") {
        Some(rest) => rest[rest.find('/').unwrap_or(rest.len())..].to_owned(),
        None => to.to_owned(),
    }
}
