//! Onboarding a merchant: every step saved into the person's draft (which outlives the session),
//! a wrong organisation number refused at its field and corrected, and a double submit that
//! creates one merchant, not two.

use crate::support;

use reqwest::header::{COOKIE, LOCATION};
use support::served::{http, post_login, serve_with, session_cookie, temp_data_dir};

async fn form(base: &str, cookie: &str, endpoint: &str, body: &str) -> reqwest::Response {
    http()
        .post(format!("{base}/api/{endpoint}"))
        .header(COOKIE, cookie)
        .header("accept", "text/html")
        .header("referer", format!("{base}/accounts/new"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.to_owned())
        .send()
        .await
        .unwrap()
}

fn step(name: &str, next: &str, fields: &[(&str, &str)]) -> String {
    let mut body = format!("step={name}&next={next}");
    for (k, v) in fields {
        let value: String = v
            .bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect();
        body.push_str(&format!("&fields%5B{k}%5D={value}"));
    }
    body
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_merchant_is_onboarded_step_by_step_and_created_once() {
    let emulator = support::start().await;
    let data = temp_data_dir();
    let (base, _server) = serve_with(&data, Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "manager%40partner.example", "demo-password").await);

    let company = |org: &'static str| {
        step(
            "company",
            "applicant",
            &[
                ("country", "NO"),
                ("organization_number", org),
                ("business_name", "Fjord Kaffe AS"),
                ("email", "post@fjordkaffe.no"),
                ("phone_number", "+47 22 33 44 55"),
                ("address_line", "Storgata 1"),
                ("postal_code", "0155"),
                ("postal_place", "Oslo"),
            ],
        )
    };
    let refused = form(&base, &cookie, "save_step", &company("923609017")).await;
    let location = refused.headers()[LOCATION].to_str().unwrap().to_owned();
    assert!(
        location.contains("__err="),
        "back to the form with the error: {location}"
    );
    let saved = form(&base, &cookie, "save_step", &company("923609016")).await;
    assert_eq!(saved.headers()[LOCATION], "/accounts/new?step=applicant");

    // Signing out and in again keeps the draft.
    form(&base, &cookie, "logout", "").await;
    let cookie = session_cookie(&post_login(&base, "manager%40partner.example", "demo-password").await);
    let draft: serde_json::Value = http()
        .post(format!("{base}/api/get_draft"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(draft["draft"]["organization_number"], "923609016");

    let steps = [
        step(
            "applicant",
            "billing",
            &[
                ("applicant_first_name", "Kari"),
                ("applicant_last_name", "Fjord"),
                ("applicant_email", "kari@fjordkaffe.no"),
                ("applicant_phone", "+47 912 34 567"),
            ],
        ),
        step("billing", "package", &[("billing_email", "faktura@fjordkaffe.no")]),
        step("package", "invite", &[("price_package", "NORDLYS_START")]),
        step(
            "invite",
            "review",
            &[
                ("invite_1_name", "Ola Fjord"),
                ("invite_1_email", "ola@fjordkaffe.no"),
                ("send_invite", "yes"),
            ],
        ),
    ];
    for body in &steps {
        let saved = form(&base, &cookie, "save_step", body).await;
        let location = saved.headers()[LOCATION].to_str().unwrap().to_owned();
        assert!(!location.contains("__err"), "{body}: {location}");
    }

    emulator.clear_requests().await;
    let (first, second) = tokio::join!(
        form(&base, &cookie, "create_merchant", ""),
        form(&base, &cookie, "create_merchant", "")
    );
    let to = |r: &reqwest::Response| r.headers()[LOCATION].to_str().unwrap().to_owned();
    assert!(to(&first).starts_with("/accounts/T1120"), "{}", to(&first));
    assert_eq!(to(&first), to(&second), "both land on the same merchant");
    let creates = emulator
        .requests()
        .await
        .into_iter()
        .filter(|(method, path, _)| method == "POST" && path == "/v1/accounts/T11200000/management/accounts")
        .count();
    assert_eq!(creates, 1, "one merchant, not two");

    // And once more, later: still the same merchant.
    let third = form(&base, &cookie, "create_merchant", "").await;
    assert_eq!(to(&third), to(&first));
}
