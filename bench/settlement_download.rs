//! A settlement file's download through the app against the same file straight from the emulator,
//! in one run (release build, one process: emulator, app and client), as a ratio of throughputs;
//! and a 20-file bulk ZIP's time and the process's peak memory while it streams. Run:
//!
//! ```sh
//! nice -n 10 cargo bench -p server --bench settlement_download
//! BENCH_MIB=1024 BENCH_ROUNDS=5 cargo bench -p server --bench settlement_download
//! ```
//!
//! Each round downloads the file directly (with a merchant token, as the app does) and through the
//! app (`/accounts/{aid}/settlements/{id}/attachments/{id}`, with a session), alternating, and the
//! medians are compared. Through the app the bytes cross one more HTTP hop in the same process, so
//! the ratio is a lower bound of what a deployment sees, where the app and Dintero do not share
//! two cores.

#[path = "../server/tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use reqwest::header::COOKIE;
use serde_json::{json, Value};
use support::export::{memory_kib, reset_peak};
use support::ids;
use support::served::{post_login, serve_with, session_cookie, temp_data_dir};

const AID: &str = "T11200002";

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(run());
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Reads a response to its end; its length and how long it took from the request.
async fn timed(request: reqwest::RequestBuilder) -> (u64, Duration) {
    let started = Instant::now();
    let mut response = request.send().await.expect("the download starts");
    assert!(response.status().is_success(), "{}", response.status());
    let mut bytes = 0u64;
    while let Some(chunk) = response.chunk().await.expect("the whole body") {
        bytes += chunk.len() as u64;
    }
    (bytes, started.elapsed())
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

async fn run() {
    let mib = env_number("BENCH_MIB", 256);
    let rounds = env_number("BENCH_ROUNDS", 3);
    let emulator = support::start().await;
    let (base, _server) = serve_with(&temp_data_dir(), Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "finance%40partner.example", "demo-password").await);
    let person = emulator.person("finance@partner.example").await;
    let merchant = emulator
        .client
        .merchant_token(&person, &ids::account(AID))
        .await
        .expect("a merchant token");
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(3_600))
        .build()
        .expect("a client");
    let made: Value = emulator
        .control(&format!("settlements/large?aid={AID}&bytes={}", mib << 20), json!({}))
        .await;
    let (settlement, attachment) = (
        made["settlement_id"].as_str().expect("a settlement"),
        made["attachment_id"].as_str().expect("an attachment"),
    );
    let path = format!("/accounts/{AID}/settlements/{settlement}/attachments/{attachment}");
    let direct = || {
        client
            .get(format!("{}/v1{path}", emulator.base))
            .bearer_auth(merchant.expose())
    };
    let through = || client.get(format!("{base}{path}")).header(COOKIE, &cookie);

    println!("settlement file of {mib} MiB, {rounds} rounds each, alternating");
    let (mut direct_times, mut app_times) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let (bytes, time) = timed(direct()).await;
        assert_eq!(bytes, mib << 20);
        direct_times.push(time);
        let (bytes, time) = timed(through()).await;
        assert_eq!(bytes, mib << 20);
        app_times.push(time);
    }
    let (direct_median, app_median) = (median(direct_times), median(app_times));
    let rate = |time: Duration| mib as f64 / time.as_secs_f64();
    println!(
        "  direct from the emulator: median {:.2} s ({:.0} MiB/s)",
        direct_median.as_secs_f64(),
        rate(direct_median)
    );
    println!(
        "  through the app:          median {:.2} s ({:.0} MiB/s)",
        app_median.as_secs_f64(),
        rate(app_median)
    );
    println!(
        "  through the app / direct throughput: {:.2}",
        rate(app_median) / rate(direct_median)
    );

    // 20 files of 16 MiB as one ZIP.
    let aid = "T11200004";
    let mut query = String::from("scope=selected");
    for _ in 0..20 {
        let made: Value = emulator
            .control(&format!("settlements/large?aid={aid}&bytes={}", 16 << 20), json!({}))
            .await;
        query.push_str(&format!(
            "&settlement={}",
            made["settlement_id"].as_str().expect("a settlement")
        ));
    }
    let (before, _) = memory_kib();
    reset_peak();
    let (bytes, time) = timed(
        client
            .get(format!("{base}/accounts/{aid}/settlements/files.zip?{query}"))
            .header(COOKIE, &cookie),
    )
    .await;
    let (_, peak) = memory_kib();
    println!(
        "  20-file ZIP (20 × 16 MiB): {:.2} s, {} MiB ({:.0} MiB/s); process RSS before {} MiB, peak {} MiB, growth {} KiB",
        time.as_secs_f64(),
        bytes >> 20,
        (bytes >> 20) as f64 / time.as_secs_f64(),
        before / 1024,
        peak / 1024,
        peak.saturating_sub(before)
    );
}
