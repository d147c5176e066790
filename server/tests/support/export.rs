//! Portfolio exports through the app's own HTTP surface, as a browser without JavaScript would
//! drive them, and the process's memory figures for the memory test.
#![allow(dead_code)]

use std::time::{Duration, Instant};

use reqwest::header::COOKIE;
use serde_json::Value;

use super::served::http;

/// Starts an export (`body`: `start_export`'s form); answers its id.
pub async fn start(base: &str, cookie: &str, body: &str) -> String {
    let response = http()
        .post(format!("{base}/api/start_export"))
        .header(COOKIE, cookie)
        .header("accept", "application/json")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.to_owned())
        .send()
        .await
        .expect("start_export");
    assert!(response.status().is_success(), "start_export: {}", response.status());
    response.json().await.expect("an export id")
}

/// `export_status` as JSON, with the HTTP status.
pub async fn status(base: &str, cookie: &str, id: &str) -> (reqwest::StatusCode, Value) {
    let response = http()
        .post(format!("{base}/api/export_status"))
        .header(COOKIE, cookie)
        .header("accept", "application/json")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("id={id}"))
        .send()
        .await
        .expect("export_status");
    let code = response.status();
    (code, response.json().await.unwrap_or(Value::Null))
}

/// Polls until `done` holds for the export's status (or fails the test after `limit`).
pub async fn wait_for(base: &str, cookie: &str, id: &str, limit: Duration, done: impl Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + limit;
    loop {
        let (code, progress) = status(base, cookie, id).await;
        assert!(code.is_success(), "export_status: {code} {progress}");
        if done(&progress) {
            return progress;
        }
        assert!(Instant::now() < deadline, "gave up waiting: {progress}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Until the export is no longer running.
pub async fn finished(base: &str, cookie: &str, id: &str, limit: Duration) -> Value {
    wait_for(base, cookie, id, limit, |p| p["state"] != "running").await
}

/// `GET /exports/{id}`.
pub async fn download(base: &str, cookie: &str, id: &str) -> reqwest::Response {
    http()
        .get(format!("{base}/exports/{id}"))
        .header(COOKIE, cookie)
        .send()
        .await
        .expect("download")
}

/// `VmRSS` and `VmHWM` (peak) of this process, in KiB.
pub fn memory_kib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Sets the peak (`VmHWM`) back to the present RSS (Linux: `5` to `/proc/self/clear_refs`).
pub fn reset_peak() {
    std::fs::write("/proc/self/clear_refs", "5").expect("reset the peak RSS");
}
