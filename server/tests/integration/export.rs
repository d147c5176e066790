//! Portfolio exports when Dintero falters: a burst of 5xx mid-way is retried and the file is
//! complete; Dintero failing for good fails the export with a clear reason and leaves no file.
//! An export is only its owner's.

use crate::support;

use std::collections::BTreeSet;
use std::time::Duration;

use serde_json::json;
use support::export::{download, finished, start, status, wait_for};
use support::served::{post_login, serve_with, session_cookie, temp_data_dir};

/// Dintero's merchant list (not one merchant, whose path goes on).
const LIST: &str = "/v1/accounts/*/management/accounts";

async fn setup(merchants: u32) -> (support::Harness, String, String, std::path::PathBuf) {
    let emulator = support::start().await;
    emulator
        .control(&format!("seed?merchants={merchants}"), json!({}))
        .await;
    let data = temp_data_dir();
    let (base, _server) = serve_with(&data, Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "manager%40partner.example", "demo-password").await);
    (emulator, base, cookie, data)
}

/// The account ids (second column) of a CSV export, after checking its BOM and headings.
fn account_ids(csv: &str) -> Vec<String> {
    let body = csv.strip_prefix('\u{feff}').expect("a BOM");
    let mut lines = body.split("\r\n").filter(|l| !l.is_empty());
    assert!(lines.next().expect("headings").starts_with("Name;Account id;"));
    lines
        .map(|l| l.split(';').nth(1).expect("an account id").to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_5xx_burst_mid_way_is_retried_and_the_file_is_complete() {
    let (emulator, base, cookie, _data) = setup(1_000).await;
    emulator.fault(LIST, json!({"type": "latency", "ms": 150}), 6).await;
    let id = start(&base, &cookie, "query[search]=&format=csv").await;
    wait_for(&base, &cookie, &id, Duration::from_secs(30), |p| {
        p["pages"].as_u64() >= Some(2)
    })
    .await;
    // More failures in a row than the client's own four attempts: the export asks again.
    emulator.fault(LIST, json!({"type": "status", "status": 503}), 6).await;
    let progress = finished(&base, &cookie, &id, Duration::from_secs(60)).await;
    assert_eq!(progress["state"], "done", "{progress}");
    assert_eq!(progress["rows"], 1_000);
    assert!(progress["retries"].as_u64() >= Some(1), "{progress}");
    let failed = emulator
        .requests()
        .await
        .into_iter()
        .filter(|(_, path, status)| path.ends_with("/management/accounts") && *status == 503)
        .count();
    assert_eq!(failed, 6, "every injected failure was met");

    let file = download(&base, &cookie, &id).await;
    assert_eq!(file.status(), 200);
    assert!(file.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"merchants-"));
    let ids = account_ids(&file.text().await.unwrap());
    assert_eq!(ids.len(), 1_000);
    assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), 1_000, "no merchant twice");

    // Someone else can neither follow nor download it.
    let other = session_cookie(&post_login(&base, "finance%40partner.example", "demo-password").await);
    assert_eq!(status(&base, &other, &id).await.0, 404);
    assert_eq!(download(&base, &other, &id).await.status(), 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dintero_failing_for_good_fails_the_export_clearly_and_leaves_no_file() {
    let (emulator, base, cookie, data) = setup(1_000).await;
    emulator.fault(LIST, json!({"type": "latency", "ms": 150}), 3).await;
    let id = start(&base, &cookie, "query[search]=&format=xlsx").await;
    wait_for(&base, &cookie, &id, Duration::from_secs(30), |p| {
        p["pages"].as_u64() >= Some(1)
    })
    .await;
    emulator
        .control(
            "faults",
            json!({"path": LIST, "kind": {"type": "status", "status": 503}}),
        )
        .await;
    let progress = finished(&base, &cookie, &id, Duration::from_secs(90)).await;
    assert_eq!(progress["state"], "failed", "{progress}");
    assert_eq!(progress["error"], "Unavailable", "a clear reason: {progress}");
    assert!(progress["rows"].as_u64() < Some(1_000));
    assert_eq!(progress["retries"], 3, "asked again before giving up");

    let file = download(&base, &cookie, &id).await;
    assert_eq!(file.status(), 409);
    assert!(file.text().await.unwrap().contains("no file"));
    let left: Vec<_> = std::fs::read_dir(data.join("exports"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "no partial file is kept: {left:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_filtered_export_holds_exactly_the_matching_merchants() {
    let (emulator, base, cookie, _data) = setup(60).await;
    let id = start(
        &base,
        &cookie,
        "query[connection][0]=vipps&query[connection_status][0]=enabled&format=csv",
    )
    .await;
    assert_eq!(
        finished(&base, &cookie, &id, Duration::from_secs(30)).await["state"],
        "done"
    );
    let ids = account_ids(&download(&base, &cookie, &id).await.text().await.unwrap());
    // Compressed as a browser asks for it, the body still ends cleanly.
    for encoding in ["gzip", "br"] {
        let compressed = support::served::http()
            .get(format!("{base}/exports/{id}"))
            .header("cookie", &cookie)
            .header("accept-encoding", encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(compressed.status(), 200);
        assert_eq!(compressed.headers()["content-encoding"], encoding);
        assert!(!compressed.bytes().await.expect("the whole body").is_empty());
    }
    let token = emulator.person("manager@partner.example").await;
    let query = app::dintero::accounts::AccountsQuery {
        connection: vec!["vipps".into()],
        connection_status: vec!["enabled".into()],
        limit: Some(100),
        ..Default::default()
    };
    let expected: Vec<String> = emulator
        .client
        .list_accounts(&token, &query)
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|a| a.account_id)
        .collect();
    assert!(!expected.is_empty() && expected.len() < 60, "the filter matters");
    assert_eq!(ids, expected);
}
