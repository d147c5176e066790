//! Settlement files go through the app without being held: a 1 GiB attachment, and a bulk ZIP of
//! 20 files, each with the process's peak resident memory growing by far less than the files.
//! Alone in its file, so no other test shares the process while it measures. The emulator, the app
//! and the downloading client all run in this process, so the figure is an upper bound for the
//! app. The figures are printed (`--nocapture`):
//!
//! ```sh
//! cargo test -p server --test download_memory -- --nocapture
//! ```

mod support;

use std::time::Instant;

use reqwest::header::COOKIE;
use serde_json::{json, Value};
use support::export::{memory_kib, reset_peak};
use support::served::{http, post_login, serve_with, session_cookie, temp_data_dir};

const GIB: u64 = 1 << 30;
/// The most the peak may grow during one download.
const BOUND_KIB: u64 = 64 * 1024;

/// Reads `response` to its end, counting bytes; keeps the last 22 (a ZIP's end record).
async fn drain(mut response: reqwest::Response) -> (u64, Vec<u8>) {
    let (mut bytes, mut tail) = (0u64, Vec::new());
    while let Some(chunk) = response.chunk().await.expect("the whole body") {
        bytes += chunk.len() as u64;
        tail.extend_from_slice(&chunk);
        if tail.len() > 22 {
            tail.drain(..tail.len() - 22);
        }
    }
    (bytes, tail)
}

async fn large(emulator: &support::Harness, aid: &str, bytes: u64) -> (String, String) {
    let made: Value = emulator
        .control(&format!("settlements/large?aid={aid}&bytes={bytes}"), json!({}))
        .await;
    (
        made["settlement_id"].as_str().expect("a settlement").to_owned(),
        made["attachment_id"].as_str().expect("an attachment").to_owned(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_one_gib_file_and_a_twenty_file_zip_stream_with_bounded_memory() {
    let emulator = support::start().await;
    let (base, _server) = serve_with(&temp_data_dir(), Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "finance%40partner.example", "demo-password").await);

    // One 1 GiB file.
    let aid = "T11200002";
    let (settlement, attachment) = large(&emulator, aid, GIB).await;
    let (before, _) = memory_kib();
    reset_peak();
    let started = Instant::now();
    let response = http()
        .get(format!(
            "{base}/accounts/{aid}/settlements/{settlement}/attachments/{attachment}"
        ))
        .header(COOKIE, &cookie)
        .send()
        .await
        .expect("the download starts");
    assert_eq!(response.status(), 200);
    assert_eq!(response.content_length(), Some(GIB));
    let (bytes, _) = drain(response).await;
    let elapsed = started.elapsed();
    let (_, peak) = memory_kib();
    assert_eq!(bytes, GIB);
    let growth = peak.saturating_sub(before);
    println!(
        "1 GiB file through the app: {:.2} s ({:.0} MiB/s); process RSS before {} MiB, peak during {} MiB, growth {} KiB",
        elapsed.as_secs_f64(),
        bytes as f64 / 1024.0 / 1024.0 / elapsed.as_secs_f64(),
        before / 1024,
        peak / 1024,
        growth
    );
    assert!(growth < BOUND_KIB, "the 1 GiB download grew the peak by {growth} KiB");

    // A ZIP of 20 files of 16 MiB.
    let aid = "T11200004";
    let mut query = String::from("scope=selected");
    for _ in 0..20 {
        let (settlement, _) = large(&emulator, aid, 16 << 20).await;
        query.push_str(&format!("&settlement={settlement}"));
    }
    let (before, _) = memory_kib();
    reset_peak();
    let started = Instant::now();
    let response = http()
        .get(format!("{base}/accounts/{aid}/settlements/files.zip?{query}"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .expect("the ZIP starts");
    assert_eq!(response.status(), 200);
    let (bytes, tail) = drain(response).await;
    let elapsed = started.elapsed();
    let (_, peak) = memory_kib();
    assert!(bytes > 20 * (16 << 20), "every file is in the ZIP: {bytes} bytes");
    assert_eq!(&tail[..4], b"PK\x05\x06", "the ZIP ends with its end record");
    assert_eq!(
        u16::from_le_bytes([tail[10], tail[11]]),
        21,
        "20 files and the manifest"
    );
    let growth = peak.saturating_sub(before);
    println!(
        "20-file ZIP (20 × 16 MiB): {:.2} s, {} MiB; process RSS before {} MiB, peak during {} MiB, growth {} KiB",
        elapsed.as_secs_f64(),
        bytes / 1024 / 1024,
        before / 1024,
        peak / 1024,
        growth
    );
    assert!(growth < BOUND_KIB, "the 20-file ZIP grew the peak by {growth} KiB");
}
