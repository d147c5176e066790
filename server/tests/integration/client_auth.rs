//! The client's sign-in calls against the emulator: password, MFA (challenge, wrong code, a new
//! code, `mfa_oob`), refresh and revoke.

use crate::support;
use crate::support::ids;

use app::dintero::auth::OobChannel;
use app::dintero::DinteroError;
use app::secret::Secret;
use serde_json::{json, Value};

async fn outbox_codes(h: &support::Harness) -> Vec<Value> {
    h.http
        .get(format!("{}/__emulator/outbox", h.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_person_who_needs_mfa_signs_in_with_the_code_sent_to_them() {
    let h = support::start().await;
    h.control("users/mfa", json!({"email": "admin@partner.example", "required": true}))
        .await;
    let error = h
        .client
        .password_token("admin@partner.example", &Secret::new("demo-password"))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(403));
    assert_eq!(error.code(), Some("mfa_required"));
    let mfa_token = error.mfa_token().expect("an mfa_token").clone();
    assert!(
        !format!("{error:?}").contains(&mfa_token.0),
        "the MFA token is never printed"
    );

    let challenge = h.client.mfa_challenge(&mfa_token, OobChannel::Email).await.unwrap();
    let sent = outbox_codes(&h).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["to"], "admin@partner.example");
    assert_eq!(sent[0]["channel"], "email");
    let code = sent[0]["code"].as_str().unwrap().to_owned();

    let wrong = if code == "000000" { "111111" } else { "000000" };
    let error = h
        .client
        .mfa_oob_token(&mfa_token, &challenge.oob_code, wrong)
        .await
        .unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(403), Some("invalid_grant")));

    let token = h
        .client
        .mfa_oob_token(&mfa_token, &challenge.oob_code, &code)
        .await
        .unwrap();
    assert_eq!(token.token_type, "Bearer");
    // The person's token works where the admin may go.
    let merchant = h
        .client
        .merchant_token(&Secret::new(token.access_token), &ids::account("T11200001"))
        .await;
    assert!(merchant.is_ok());
    // A used code cannot be used again.
    let error = h
        .client
        .mfa_oob_token(&mfa_token, &challenge.oob_code, &code)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(403));
}

#[tokio::test]
async fn a_new_code_can_be_asked_for_and_three_wrong_codes_void_a_challenge() {
    let h = support::start().await;
    h.control(
        "users/mfa",
        json!({"email": "finance@partner.example", "required": true}),
    )
    .await;
    let error = h
        .client
        .password_token("finance@partner.example", &Secret::new("demo-password"))
        .await
        .unwrap_err();
    let mfa_token = error.mfa_token().unwrap().clone();
    let first = h.client.mfa_challenge(&mfa_token, OobChannel::Sms).await.unwrap();
    for _ in 0..3 {
        let _ = h.client.mfa_oob_token(&mfa_token, &first.oob_code, "not-it").await;
    }
    let first_code = outbox_codes(&h).await[0]["code"].as_str().unwrap().to_owned();
    assert!(
        h.client
            .mfa_oob_token(&mfa_token, &first.oob_code, &first_code)
            .await
            .is_err(),
        "the challenge is void"
    );

    let second = h.client.mfa_challenge(&mfa_token, OobChannel::Sms).await.unwrap();
    let sent = outbox_codes(&h).await;
    assert_eq!(sent.len(), 2);
    assert!(
        sent[1]["to"].as_str().unwrap().starts_with("+47"),
        "by SMS to the person's phone"
    );
    let code = sent[1]["code"].as_str().unwrap();
    assert!(h.client.mfa_oob_token(&mfa_token, &second.oob_code, code).await.is_ok());
}

#[tokio::test]
async fn a_refresh_token_renews_until_it_is_revoked() {
    let h = support::start().await;
    let signed_in = h
        .client
        .password_token("manager@partner.example", &Secret::new("demo-password"))
        .await
        .unwrap();
    let refresh = Secret::new(
        signed_in
            .refresh_token
            .expect("the demo client may have refresh tokens"),
    );
    let renewed = h.client.refresh_token(&refresh).await.unwrap();
    assert_ne!(renewed.access_token, signed_in.access_token);
    h.client.revoke(&refresh).await.unwrap();
    let error = h.client.refresh_token(&refresh).await.unwrap_err();
    assert_eq!(error.status(), Some(401));
}

#[tokio::test]
async fn sign_in_errors_keep_what_dintero_said() {
    let h = support::start().await;
    let error = h
        .client
        .password_token("manager@partner.example", &Secret::new("wrong"))
        .await
        .unwrap_err();
    match error {
        DinteroError::Api(failure) => {
            assert_eq!(failure.status, 401);
            assert_eq!(failure.code.as_deref(), Some("unauthorized"));
            assert_eq!(failure.message, "Invalid username or password");
            assert_eq!(failure.path, "/v1/accounts/T11200000/auth/token");
        }
        other => panic!("expected an API error, got {other:?}"),
    }
    // A token request the emulator answers 500 is not retried (a write is sent once).
    h.clear_requests().await;
    h.fault("/v1/accounts/*/auth/token", json!({"type": "status", "status": 500}), 1)
        .await;
    let error = h
        .client
        .password_token("manager@partner.example", &Secret::new("demo-password"))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(500));
    let posts = h
        .requests()
        .await
        .into_iter()
        .filter(|(m, p, _)| m == "POST" && p.ends_with("/auth/token"))
        .count();
    assert_eq!(
        posts, 1,
        "the app's token is cached; the sign-in is sent once, not retried"
    );
}
