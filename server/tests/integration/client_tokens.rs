//! The client's tokens against the emulator: the exchange, and the merchant-token cache.

use crate::support;
use crate::support::ids;

use std::sync::Arc;

#[tokio::test]
async fn fifty_concurrent_requests_for_one_merchant_cost_one_exchange() {
    let h = support::start().await;
    let person = Arc::new(h.person("manager@partner.example").await);
    h.clear_requests().await;
    let client = h.client.clone();
    let tasks: Vec<_> = (0..50)
        .map(|_| {
            let (client, person) = (client.clone(), person.clone());
            tokio::spawn(async move { client.merchant_token(&person, &ids::account("T11200001")).await })
        })
        .collect();
    for task in tasks {
        task.await.expect("task").expect("token");
    }
    // And ten more later: still cached.
    for _ in 0..10 {
        h.client
            .merchant_token(&person, &ids::account("T11200001"))
            .await
            .expect("token");
    }
    let exchanges = h
        .requests()
        .await
        .into_iter()
        .filter(|(m, p, _)| m == "POST" && p.ends_with("/auth/exchange_token"))
        .count();
    assert_eq!(exchanges, 1);
}

#[tokio::test]
async fn each_person_and_merchant_gets_its_own_token() {
    let h = support::start().await;
    let manager = h.person("manager@partner.example").await;
    let finance = h.person("finance@partner.example").await;
    let a = h
        .client
        .merchant_token(&manager, &ids::account("T11200001"))
        .await
        .unwrap();
    let b = h
        .client
        .merchant_token(&manager, &ids::account("T11200002"))
        .await
        .unwrap();
    let c = h
        .client
        .merchant_token(&finance, &ids::account("T11200001"))
        .await
        .unwrap();
    assert!(a != b && a != c && b != c);
}

#[tokio::test]
async fn an_unknown_merchant_is_404_and_is_not_cached() {
    let h = support::start().await;
    let person = h.person("manager@partner.example").await;
    for _ in 0..2 {
        let error = h
            .client
            .merchant_token(&person, &ids::account("T11299999"))
            .await
            .unwrap_err();
        assert_eq!(error.status(), Some(404));
    }
    let exchanges = h
        .requests()
        .await
        .into_iter()
        .filter(|(_, p, _)| p.ends_with("/auth/exchange_token"))
        .count();
    assert_eq!(exchanges, 2, "a failed exchange is tried again next time");
}
