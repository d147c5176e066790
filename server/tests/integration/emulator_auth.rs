//! The emulator's token endpoint, spoken to over HTTP as Dintero would be (01-auth.md).

use emulator::Emulator;
use reqwest::StatusCode;
use serde_json::{json, Value};

const AUDIENCE: &str = "https://api.dintero.com/v1/accounts/T11200000";

async fn emulator() -> String {
    let addr = Emulator::new(1)
        .spawn(([127, 0, 0, 1], 0).into())
        .await
        .expect("emulator starts");
    format!("http://{addr}")
}

async fn client_token(base: &str, id: &str, secret: &str, body: Value) -> (StatusCode, Value) {
    let response = reqwest::Client::new()
        .post(format!("{base}/v1/accounts/T11200000/auth/token"))
        .basic_auth(id, Some(secret))
        .json(&body)
        .send()
        .await
        .expect("request");
    (response.status(), response.json().await.expect("json body"))
}

async fn app_token(base: &str) -> String {
    let (status, body) = client_token(
        base,
        "demo-client",
        "demo-secret",
        json!({"grant_type": "client_credentials", "audience": AUDIENCE}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["access_token"].as_str().expect("token").to_owned()
}

async fn password(base: &str, bearer: &str, body: Value) -> (StatusCode, Value) {
    let response = reqwest::Client::new()
        .post(format!("{base}/v1/accounts/T11200000/auth/token"))
        .bearer_auth(bearer)
        .json(&body)
        .send()
        .await
        .expect("request");
    (response.status(), response.json().await.expect("json body"))
}

fn assert_envelope(body: &Value, code: &str) {
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(
        body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{body}"
    );
}

#[tokio::test]
async fn a_good_client_gets_a_bearer_token() {
    let base = emulator().await;
    let (status, body) = client_token(
        &base,
        "demo-client",
        "demo-secret",
        json!({"grant_type": "client_credentials", "audience": AUDIENCE}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 86400);
    assert_eq!(
        body["access_token"].as_str().unwrap().split('.').count(),
        3,
        "a compact JWT"
    );
}

#[tokio::test]
async fn a_bad_secret_is_401_in_dinteros_envelope() {
    let base = emulator().await;
    let (status, body) = client_token(
        &base,
        "demo-client",
        "wrong",
        json!({"grant_type": "client_credentials", "audience": AUDIENCE}),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_envelope(&body, "unauthorized");
}

#[tokio::test]
async fn a_missing_audience_is_a_400_naming_the_field() {
    let base = emulator().await;
    let (status, body) = client_token(
        &base,
        "demo-client",
        "demo-secret",
        json!({"grant_type": "client_credentials"}),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_envelope(&body, "INVALID_REQUEST_PARAMETERS");
    assert_eq!(body["error"]["errors"][0]["path"], "/audience");
}

#[tokio::test]
async fn a_good_password_signs_a_person_in() {
    let base = emulator().await;
    let app = app_token(&base).await;
    let (status, body) = password(
        &base,
        &app,
        json!({"grant_type": "password", "username": "Manager@Partner.example", "password": "demo-password", "audience": AUDIENCE}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["expires_in"], 14400);
}

#[tokio::test]
async fn a_bad_password_or_unknown_person_is_the_same_401() {
    let base = emulator().await;
    let app = app_token(&base).await;
    for (user, pass) in [
        ("manager@partner.example", "nope"),
        ("nobody@partner.example", "demo-password"),
    ] {
        let (status, body) = password(
            &base,
            &app,
            json!({"grant_type": "password", "username": user, "password": pass, "audience": AUDIENCE}),
        )
        .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{user}");
        assert_envelope(&body, "unauthorized");
        assert_eq!(body["error"]["message"], "Invalid username or password");
    }
}

#[tokio::test]
async fn the_password_grant_needs_the_apps_bearer_token() {
    let base = emulator().await;
    let body = json!({"grant_type": "password", "username": "manager@partner.example", "password": "demo-password", "audience": AUDIENCE});
    let (status, reply) = password(&base, "not-a-token", body.clone()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_envelope(&reply, "unauthorized");
    // A person's token may not sign other people in.
    let app = app_token(&base).await;
    let (_, person) = password(&base, &app, body.clone()).await;
    let (status, reply) = password(&base, person["access_token"].as_str().unwrap(), body).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_envelope(&reply, "forbidden");
}

#[tokio::test]
async fn scopes_are_checked_and_unknown_paths_are_404() {
    let base = emulator().await;
    let http = reqwest::Client::new();
    let response = http
        .get(format!("{base}/v1/accounts/T11200000/management/users"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let app = app_token(&base).await;
    let users: Value = http
        .get(format!("{base}/v1/accounts/T11200000/management/users"))
        .bearer_auth(&app)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(users.as_array().map(Vec::len), Some(4));
    assert!(
        users.to_string().find("demo-password").is_none(),
        "passwords are never served"
    );
    let response = http.get(format!("{base}/v1/nothing/here")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_envelope(&response.json().await.unwrap(), "not_found");
}
