//! `GET /__emulator/issued-secrets`: every token the emulator hands out is listed, so the end-to-end
//! token scan knows what to look for.

use crate::support;
use crate::support::ids;

use app::secret::Secret;
use serde_json::Value;
use support::Harness;

/// The listed secrets as (kind, value).
async fn issued(harness: &Harness) -> Vec<(String, String)> {
    let body: Value = harness
        .http
        .get(format!("{}/__emulator/issued-secrets", harness.base))
        .send()
        .await
        .expect("issued secrets")
        .json()
        .await
        .expect("json");
    body["secrets"]
        .as_array()
        .expect("a list of secrets")
        .iter()
        .map(|s| {
            (
                s["kind"].as_str().unwrap_or_default().to_owned(),
                s["value"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

fn listed(secrets: &[(String, String)], kind: &str, value: &str) -> bool {
    secrets.iter().any(|(k, v)| k == kind && v == value)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_signed_in_person_s_tokens_are_listed() {
    let harness = support::start().await;
    let before = issued(&harness).await;
    assert_eq!(
        before,
        vec![("client_secret".to_owned(), "demo-secret".to_owned())],
        "nothing issued yet"
    );

    let token = harness
        .client
        .password_token("manager@partner.example", &Secret::new("demo-password"))
        .await
        .expect("sign in");
    let refresh = token
        .refresh_token
        .clone()
        .expect("the demo client gets refresh tokens");
    let merchant = harness
        .client
        .exchange_token(&Secret::new(token.access_token.clone()), &ids::account("T11200001"))
        .await
        .expect("exchange");
    let refreshed = harness
        .client
        .refresh_token(&Secret::new(refresh.clone()))
        .await
        .expect("refresh");

    let secrets = issued(&harness).await;
    assert!(listed(&secrets, "access_token", &token.access_token));
    assert!(listed(&secrets, "refresh_token", &refresh));
    assert!(listed(&secrets, "access_token", &merchant.access_token));
    assert!(listed(&secrets, "access_token", &refreshed.access_token));
    assert_eq!(
        secrets.iter().filter(|(_, v)| *v == refresh).count(),
        1,
        "a refresh token handed back on refresh is listed once"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_multifactor_sign_in_lists_its_mfa_token_and_code() {
    let harness = support::start().await;
    let token = harness.admin().await;
    let secrets = issued(&harness).await;
    assert!(listed(&secrets, "access_token", token.expose()));
    for kind in ["mfa_token", "oob_code", "refresh_token"] {
        assert!(secrets.iter().any(|(k, _)| k == kind), "no {kind} listed");
    }
}
