//! The portfolio page with 100 rows: the app's server time against the emulator's own time for the
//! same Dintero call, and their ratio, measured in one run (release build, one process). Run:
//!
//! ```sh
//! nice -n 10 cargo bench -p server --bench portfolio_page
//! BENCH_ROUNDS=200 cargo bench -p server --bench portfolio_page
//! ```
//!
//! Each round times (a) `GET /accounts?limit=100`, the whole server-rendered page for a signed-in
//! account manager (session, Dintero list call with a look-ahead, HTML), and (b) the same list call
//! made straight to the emulator with the person's token (`limit=100`). Medians and 90th percentiles
//! of the rounds are printed, with the ratio of the medians.

#[path = "../server/tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use reqwest::header::COOKIE;
use serde_json::json;
use support::served::{http, post_login, serve_with, session_cookie, temp_data_dir};

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(run());
}

fn summary(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (ms(times[times.len() / 2]), ms(times[times.len() * 9 / 10]))
}

async fn run() {
    let rounds: usize = std::env::var("BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let emulator = support::start().await;
    emulator.control("seed?merchants=1000", json!({})).await;
    let (base, _server) = serve_with(&temp_data_dir(), Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "manager%40partner.example", "demo-password").await);
    let token = emulator.person("manager@partner.example").await;
    let list = format!(
        "{}/v1/accounts/{}/management/accounts?limit=100",
        emulator.base,
        support::PARTNER
    );
    let client = http();

    // Warm up both paths (connections, token caches).
    for _ in 0..5 {
        let page = client
            .get(format!("{base}/accounts?limit=100"))
            .header(COOKIE, &cookie)
            .send()
            .await
            .unwrap();
        assert!(page.text().await.unwrap().contains("100 merchants shown"));
        client
            .get(&list)
            .bearer_auth(token.expose())
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
    }
    let (mut page_times, mut dintero_times) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let started = Instant::now();
        let page = client
            .get(format!("{base}/accounts?limit=100"))
            .header(COOKIE, &cookie)
            .send()
            .await
            .unwrap();
        let html = page.text().await.unwrap();
        page_times.push(started.elapsed());
        assert!(html.contains("100 merchants shown"));

        let started = Instant::now();
        let body = client
            .get(&list)
            .bearer_auth(token.expose())
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        dintero_times.push(started.elapsed());
        assert!(body.len() > 1000);
    }
    let (page_median, page_p90) = summary(page_times);
    let (dintero_median, dintero_p90) = summary(dintero_times);
    println!("portfolio page, 100 rows, {rounds} rounds (1,000 merchants seeded)");
    println!("  app page      median {page_median:8.2} ms   p90 {page_p90:8.2} ms");
    println!("  emulator list median {dintero_median:8.2} ms   p90 {dintero_p90:8.2} ms");
    println!("  ratio (medians)  {:.2}", page_median / dintero_median);
}
