//! How the client behaves when Dintero misbehaves: GETs retried on 429 (after `Retry-After`), 5xx
//! and timeouts, within bounds; writes never retried.

use crate::support;

use std::time::{Duration, Instant};

use app::dintero::DinteroError;
use serde_json::json;

const USERS: &str = "/v1/accounts/T11200000/management/users";

fn gets(requests: &[(String, String, u16)], path: &str) -> Vec<u16> {
    requests
        .iter()
        .filter(|(m, p, _)| m == "GET" && p == path)
        .map(|(_, _, s)| *s)
        .collect()
}

#[tokio::test]
async fn a_429_is_retried_after_retry_after_and_succeeds() {
    let h = support::start().await;
    h.client.app_token().await.unwrap();
    h.clear_requests().await;
    h.fault(USERS, json!({"type": "rate_limit", "retry_after": 1}), 1).await;
    let started = Instant::now();
    let users = h.client.partner_users().await.unwrap();
    assert_eq!(users.len(), 4);
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "waited for Retry-After: {:?}",
        started.elapsed()
    );
    assert_eq!(gets(&h.requests().await, USERS), [429, 200]);
}

#[tokio::test]
async fn a_5xx_is_retried_and_succeeds() {
    let h = support::start().await;
    h.client.app_token().await.unwrap();
    h.clear_requests().await;
    h.fault(USERS, json!({"type": "status", "status": 503}), 2).await;
    assert_eq!(h.client.partner_users().await.unwrap().len(), 4);
    assert_eq!(gets(&h.requests().await, USERS), [503, 503, 200]);
}

#[tokio::test]
async fn retries_are_bounded_and_the_last_answer_is_kept() {
    let h = support::start().await;
    h.client.app_token().await.unwrap();
    h.clear_requests().await;
    h.fault(USERS, json!({"type": "status", "status": 502}), 100).await;
    let error = h.client.partner_users().await.unwrap_err();
    assert_eq!(error.status(), Some(502));
    assert_eq!(gets(&h.requests().await, USERS).len(), 4, "max_attempts");
}

#[tokio::test]
async fn a_4xx_is_not_retried() {
    let h = support::start().await;
    h.client.app_token().await.unwrap();
    h.clear_requests().await;
    h.fault(USERS, json!({"type": "status", "status": 404}), 1).await;
    assert_eq!(h.client.partner_users().await.unwrap_err().status(), Some(404));
    assert_eq!(gets(&h.requests().await, USERS), [404]);
}

#[tokio::test]
async fn a_request_that_outlasts_the_timeout_is_a_timeout() {
    let h = support::start().await;
    h.client.app_token().await.unwrap();
    h.fault(USERS, json!({"type": "latency", "ms": 6000}), 10).await;
    let started = Instant::now();
    let error = h.client.partner_users().await.unwrap_err();
    assert!(matches!(error, DinteroError::Timeout), "{error:?}");
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "within the retry budget: {:?}",
        started.elapsed()
    );
}
