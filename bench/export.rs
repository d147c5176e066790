//! Portfolio export throughput: merchants (rows) per second for a 10,000-merchant export, CSV and
//! XLSX, from the app through its Dintero client to the emulator (all in this one process, release
//! build). Run:
//!
//! ```sh
//! nice -n 10 cargo bench -p server --bench export
//! BENCH_MERCHANTS=20000 BENCH_ROUNDS=5 cargo bench -p server --bench export   # other sizes
//! ```
//!
//! It seeds the emulator (`POST /__emulator/seed?merchants=N`), signs in as the account manager,
//! and times each export from `start_export` to `done` (polling `export_status` every 50 ms, so
//! figures are good to about that), then reads the whole file to check its rows.

#[path = "../server/tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::export::{download, finished, start};
use support::served::{post_login, serve_with, session_cookie, temp_data_dir};

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(run());
}

async fn run() {
    let merchants = setting("BENCH_MERCHANTS", 10_000);
    let rounds = setting("BENCH_ROUNDS", 3).max(1);
    let emulator = support::start().await;
    emulator
        .control(&format!("seed?merchants={merchants}"), json!({}))
        .await;
    let data = temp_data_dir();
    let (base, _server) = serve_with(&data, Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "manager%40partner.example", "demo-password").await);
    println!("portfolio export, {merchants} merchants, {rounds} rounds each, against the emulator");
    for format in ["csv", "xlsx"] {
        let mut rates = Vec::new();
        for _ in 0..rounds {
            let started = Instant::now();
            let id = start(&base, &cookie, &format!("query[search]=&format={format}")).await;
            let progress = finished(&base, &cookie, &id, Duration::from_secs(600)).await;
            let seconds = started.elapsed().as_secs_f64();
            assert_eq!(progress["state"], "done", "{progress}");
            assert_eq!(progress["rows"], merchants);
            let mut file = download(&base, &cookie, &id).await;
            let mut bytes = 0;
            while let Some(chunk) = file.chunk().await.expect("the file") {
                bytes += chunk.len();
            }
            rates.push(merchants as f64 / seconds);
            println!(
                "  {format}: {seconds:.2} s, {:.0} rows/s, {} KiB",
                merchants as f64 / seconds,
                bytes / 1024
            );
        }
        rates.sort_by(f64::total_cmp);
        println!(
            "{format}: median {:.0} rows/s (best {:.0})",
            rates[rates.len() / 2],
            rates[rates.len() - 1]
        );
    }
    let _ = std::fs::remove_dir_all(&data);
}
