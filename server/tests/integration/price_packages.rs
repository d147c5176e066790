//! Price packages through the app's server functions over HTTP: the new package form is sent to
//! Dintero once, also when it is posted twice at once (a double click without JavaScript), and
//! both posts land on the new package's page.

use crate::support;

use reqwest::header::COOKIE;
use reqwest::StatusCode;
use support::served::{admin_session, http, location, plain_post, serve_with, temp_data_dir};

/// The value of the form field `name` in `html`.
fn field_value(html: &str, name: &str) -> String {
    let at = html
        .find(&format!("name=\"{name}\""))
        .unwrap_or_else(|| panic!("the page has a field {name}"));
    let start = html[..at].rfind('<').unwrap();
    let tag = &html[start..start + html[start..].find('>').unwrap()];
    let value = &tag[tag.find("value=\"").expect("a value") + 7..];
    value[..value.find('"').unwrap()].to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_package_posted_twice_at_once_is_created_once() {
    let emulator = support::start().await;
    let data = temp_data_dir();
    let (base, _server) = serve_with(&data, Some(&emulator.base), |_| {}).await;
    let cookie = admin_session(&base, &emulator.base).await;
    let response = http()
        .get(format!("{base}/price-packages/new"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    let submission = field_value(&html, "submission");
    assert_eq!(submission.len(), 32, "a fresh id: {submission}");
    emulator.clear_requests().await;

    let body = format!(
        "submission={submission}&price_package_id=NORDLYS_TWICE&name=Twice&description=Posted+twice\
         &pricing_conditions=&lines[0][origin]=&lines[0][product_id]=checkout.capture.card\
         &lines[0][currency]=NOK&lines[0][dimensions]=&lines[0][fixed]=1%2C80&lines[0][percent]=2%2C4"
    );
    let (first, second) = tokio::join!(
        plain_post(&base, &cookie, "create_price_package", "/price-packages/new", &body),
        plain_post(&base, &cookie, "create_price_package", "/price-packages/new", &body)
    );
    let to = location(&first);
    assert_eq!(to, "/price-packages/NORDLYS_TWICE?saved=1");
    assert_eq!(location(&second), to, "both land on the same package");
    let creates = emulator
        .requests()
        .await
        .into_iter()
        .filter(|(method, path, _)| method == "POST" && path.ends_with("/management/price-packages"))
        .count();
    assert_eq!(creates, 1, "one package sent to Dintero, not two");

    // The form opened again has a new id: a second package is a new submission.
    let again = http()
        .get(format!("{base}/price-packages/new"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_ne!(field_value(&again, "submission"), submission);
}
