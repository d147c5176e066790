//! Arbitrary strings as every field of every server function (ids, free text, `next`), as every id
//! in a page's or a download's path, and as a sign-in's `next`: never a 500, never a panic in the
//! server, never markup from the input in any response.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Once;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use reqwest::header::COOKIE;

use super::authorization::{routes, sign_in, Needs};
use crate::support::served::{http, serve};

/// Strings each field is given: control characters, dot segments, encoded slashes, quotes,
/// non-ASCII, and a tag ([`TAG`]) that must never come back as markup.
const CASES: usize = 12;
const TAG: &str = "<x-fz";

fn strings() -> Vec<String> {
    let strategy = proptest::string::string_regex(
        r#"(<x-fz a="1">|</title>|\.\.|%2[eEfF]|%0[0-9aAdD]|[\x00-\x1f]|[<>"'&/\\%?#=+ ;:]|[a-zA-Z0-9]{1,4}|ø|€|😀|T11200001){0,10}"#,
    )
    .expect("a valid pattern");
    let mut runner = TestRunner::deterministic();
    let mut found: Vec<String> = (0..CASES)
        .map(|_| strategy.new_tree(&mut runner).expect("a value").current())
        .collect();
    found.extend([
        format!(r#"X</title><meta http-equiv="refresh" content="0;url=http://evil.example/">{TAG}>"#),
        "T11200003/../T11200004".to_owned(),
        "/\t/evil.example".to_owned(),
        "-1".to_owned(),
        String::new(),
    ]);
    found
}

/// Panics on the server's threads since the test began (a panic anywhere is a failed request).
static PANICS: AtomicUsize = AtomicUsize::new(0);

fn count_server_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name().is_some_and(|n| n.starts_with("tokio")) {
                PANICS.fetch_add(1, Ordering::SeqCst);
            }
            previous(info);
        }));
    });
}

/// `body` (`k=v&k2=v2`) with the value of `key` replaced by `value`, percent-encoded.
fn with_value(body: &str, key: &str, value: &str) -> String {
    body.split('&')
        .map(|pair| match pair.split_once('=') {
            Some((k, _)) if k == key => format!("{k}={}", app::url::encode(value)),
            _ => pair.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arbitrary_input_is_never_a_500_a_panic_or_markup() {
    count_server_panics();
    let base = serve().await;
    let cookie = sign_in(&base, "admin@partner.example").await;
    let values = strings();
    let mut wrong = Vec::new();
    // Markup counts where a browser would read it: an HTML page, or a redirect's address.
    let mut check = |what: String, status: reqwest::StatusCode, html: &str| {
        if status.is_server_error() || html.contains(TAG) {
            wrong.push(format!("{what}: {status}"));
        }
    };
    async fn read(response: reqwest::Response) -> (reqwest::StatusCode, String) {
        let status = response.status();
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(app::url::decode)
            .unwrap_or_default()
            .unwrap_or_default();
        let is_html = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
        let body = if is_html {
            response.text().await.unwrap_or_default()
        } else {
            String::new()
        };
        (status, format!("{location}\n{body}"))
    }

    // Every field of every server function, as the hydrated page and as a plain form would send it.
    for (method, path, body, needs) in routes() {
        if method != "POST" || path == "/api/logout" || matches!(needs, Needs::Public) && path == "/api/login" {
            continue;
        }
        let keys: Vec<&str> = body
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, _)| k)
            .collect();
        for key in keys {
            for value in &values {
                let sent = with_value(body, key, value);
                for html in [false, true] {
                    let mut request = http()
                        .post(format!("{base}{path}"))
                        .header(COOKIE, &cookie)
                        .header("content-type", "application/x-www-form-urlencoded")
                        .body(sent.clone());
                    if html {
                        request = request
                            .header("accept", "text/html")
                            .header("referer", format!("{base}/"));
                    }
                    let (status, seen) = read(request.send().await.expect("an answer")).await;
                    check(format!("{path} {key}={value:?} html={html}"), status, &seen);
                }
            }
        }
    }

    // Every id in a page's or a download's path, and `next`.
    let patterns = app::routes::PAGES
        .iter()
        .map(|p| p.pattern)
        .chain(app::routes::DOWNLOADS.iter().copied());
    let patterns: Vec<&str> = patterns.filter(|p| p.contains(':')).collect();
    for value in &values {
        let encoded = app::url::encode(value);
        let mut addresses: Vec<String> = patterns
            .iter()
            .map(|p| {
                p.split('/')
                    .map(|s| if s.starts_with(':') { encoded.as_str() } else { s })
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .collect();
        addresses.push(format!("/login?next={encoded}"));
        addresses.push(format!("/screening?aid={encoded}&irn={encoded}"));
        for address in addresses {
            let response = http()
                .get(format!("{base}{address}"))
                .header(COOKIE, &cookie)
                .send()
                .await
                .expect("an answer");
            let (status, seen) = read(response).await;
            check(format!("GET {address}"), status, &seen);
        }
        let login = http()
            .post(format!("{base}/api/login"))
            .header("accept", "text/html")
            .header("referer", format!("{base}/login"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("email=nobody%40partner.example&password=x&next={encoded}"))
            .send()
            .await
            .expect("an answer");
        let (status, seen) = read(login).await;
        check(format!("login next={value:?}"), status, &seen);
    }
    assert!(wrong.is_empty(), "{} failures: {wrong:#?}", wrong.len());
    assert_eq!(
        PANICS.load(Ordering::SeqCst),
        0,
        "the server panicked (see the output above)"
    );
}
