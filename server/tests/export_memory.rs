//! A portfolio export of 10,000 merchants completes without holding them: the process's peak
//! resident memory grows by far less than the merchants would take. Alone in its file, so no other
//! test shares the process while it measures. The figures are printed (`--nocapture`):
//!
//! ```sh
//! cargo test --workspace --test export_memory -- --nocapture
//! ```

mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::export::{download, finished, memory_kib, reset_peak, start};
use support::served::{post_login, serve_with, session_cookie, temp_data_dir};

const MERCHANTS: u64 = 10_000;
/// The most the peak may grow during one export. Dintero's account objects for 10,000 merchants
/// (printed: their JSON alone) would take several times this if held.
const BOUND_KIB: u64 = 32 * 1024;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_merchants_export_with_bounded_memory() {
    let emulator = support::start().await;
    emulator
        .control(&format!("seed?merchants={MERCHANTS}"), json!({}))
        .await;
    let data = temp_data_dir();
    let (base, _server) = serve_with(&data, Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "manager%40partner.example", "demo-password").await);
    let token = emulator.person("manager@partner.example").await;
    let page = emulator
        .http
        .get(format!(
            "{}/v1/accounts/{}/management/accounts?limit=100",
            emulator.base,
            support::PARTNER
        ))
        .bearer_auth(token.expose())
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    println!(
        "Dintero's JSON for {MERCHANTS} merchants: about {} MiB (100 of them: {} KiB)",
        page.len() as u64 * MERCHANTS / 100 / 1024 / 1024,
        page.len() / 1024
    );

    for format in ["csv", "xlsx"] {
        let (before, _) = memory_kib();
        reset_peak();
        let started = Instant::now();
        let id = start(&base, &cookie, &format!("query[search]=&format={format}")).await;
        let progress = finished(&base, &cookie, &id, Duration::from_secs(300)).await;
        let elapsed = started.elapsed();
        let (_, peak) = memory_kib();
        assert_eq!(progress["state"], "done", "{progress}");
        assert_eq!(progress["rows"], MERCHANTS);

        // The file, read as a stream: every merchant is in it.
        let mut file = download(&base, &cookie, &id).await;
        assert_eq!(file.status(), 200);
        let (mut bytes, mut newlines) = (0u64, 0u64);
        let mut first = Vec::new();
        while let Some(chunk) = file.chunk().await.unwrap() {
            if first.is_empty() {
                first = chunk[..4.min(chunk.len())].to_vec();
            }
            bytes += chunk.len() as u64;
            newlines += chunk.iter().filter(|b| **b == b'\n').count() as u64;
        }
        assert_eq!(bytes, progress["bytes"].as_u64().unwrap());
        match format {
            "csv" => {
                assert_eq!(&first[..3], "\u{feff}".as_bytes());
                assert_eq!(newlines, MERCHANTS + 1, "the headings and one line per merchant");
            }
            _ => assert_eq!(&first, b"PK\x03\x04"),
        }
        let growth = peak.saturating_sub(before);
        println!(
            "export {format}: {MERCHANTS} merchants in {:.2} s ({:.0} rows/s), file {} KiB; \
             process RSS before {} MiB, peak during {} MiB, growth {} KiB",
            elapsed.as_secs_f64(),
            MERCHANTS as f64 / elapsed.as_secs_f64(),
            bytes / 1024,
            before / 1024,
            peak / 1024,
            growth,
        );
        assert!(growth < BOUND_KIB, "{format}: the peak grew by {growth} KiB");
    }
}
