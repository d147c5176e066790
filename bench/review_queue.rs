//! The review queue (`/onboarding`) over 500 merchants: the whole streamed page's time, against the
//! least time its Dintero calls can take with the requests in flight bounded, measured in one run
//! (release build, one process). Run:
//!
//! ```sh
//! nice -n 10 cargo bench -p server --bench review_queue
//! BENCH_ROUNDS=5 BENCH_CONCURRENCY=32 cargo bench -p server --bench review_queue
//! ```
//!
//! The administrator's queue is timed (CDD cases, payment approvals and seller approvals: three
//! calls per merchant, plus a merchant token exchange the first time), first with no latency
//! injected (the emulator answers at once), then with 50 ms added to every Dintero call. The calls
//! are counted from the emulator's request log, so the floor printed is
//! `ceil(calls / concurrency) × latency`; the ratio says how close the page comes to it. A person's
//! merchant list is shared for 15 s (`LIST_KEPT`), so rounds that follow within it do not read the
//! list again and its calls (one per 100 merchants) are not in the count.

#[path = "../server/tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use reqwest::header::COOKIE;
use serde_json::json;
use support::served::{admin_session, serve_with, temp_data_dir};

const MERCHANTS: usize = 500;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(run());
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

async fn run() {
    let rounds = env_number("BENCH_ROUNDS", 3);
    let concurrency = env_number("BENCH_CONCURRENCY", 16);
    let emulator = support::start().await;
    emulator
        .control(&format!("seed?merchants={MERCHANTS}"), json!({}))
        .await;
    let (base, _server) = serve_with(&temp_data_dir(), Some(&emulator.base), |config| {
        config.dintero_concurrency = concurrency;
    })
    .await;
    let cookie = admin_session(&base, &emulator.base).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(600))
        .build()
        .expect("a client");
    let page = || async {
        let started = Instant::now();
        let html = client
            .get(format!(
                "{base}/onboarding?case_status=ACTIVE&case_status=UNDER_MANUAL_REVIEW"
            ))
            .header(COOKIE, &cookie)
            .send()
            .await
            .expect("the queue")
            .text()
            .await
            .expect("the whole page");
        assert!(html.contains("data-testid=\"queue-summary\""), "the page completed");
        assert!(!html.contains("data-testid=\"review-failures\""), "nothing failed");
        started.elapsed()
    };
    // Warm up: connections, the people's and the merchants' token caches.
    page().await;

    println!("review queue, {MERCHANTS} merchants, {concurrency} requests in flight, {rounds} rounds each");
    for latency in [0u64, 50] {
        emulator
            .http
            .delete(format!("{}/__emulator/faults", emulator.base))
            .send()
            .await
            .expect("faults cleared");
        if latency > 0 {
            emulator
                .control(
                    "faults",
                    json!({"path": "/v1/*", "kind": {"type": "latency", "ms": latency}}),
                )
                .await;
        }
        let mut times = Vec::new();
        let mut calls = 0;
        for _ in 0..rounds {
            emulator.clear_requests().await;
            times.push(page().await);
            calls = emulator.requests().await.len();
            // The emulator keeps the last 2,000 requests: a full log would undercount.
            assert!(calls < 2_000, "the request log overflowed");
        }
        times.sort();
        let median = times[times.len() / 2].as_secs_f64();
        let floor = calls.div_ceil(concurrency) as f64 * latency as f64 / 1000.0;
        let ratio = if floor > 0.0 {
            format!("{:.2}× the floor", median / floor)
        } else {
            "no floor without latency".to_owned()
        };
        println!(
            "  latency {latency:>3} ms: median {:>7.0} ms (min {:.0}, max {:.0}); {calls} Dintero calls; floor {:.0} ms; {ratio}",
            median * 1000.0,
            times[0].as_secs_f64() * 1000.0,
            times[times.len() - 1].as_secs_f64() * 1000.0,
            floor * 1000.0,
        );
    }
}
