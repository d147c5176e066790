//! Shared set-up for the tests that speak to the emulator over HTTP: one emulator per test on
//! port 0, the app's Dintero client pointed at it, and the demo people's tokens.
#![allow(dead_code)]

use app::dintero::auth::OobChannel;
use app::dintero::{ClientConfig, DinteroClient};
use app::secret::Secret;
use emulator::Emulator;
use serde_json::Value;

pub mod export;
pub mod ids;
pub mod pages;
pub mod served;

pub const PARTNER: &str = "T11200000";

pub struct Harness {
    /// `http://127.0.0.1:<port>`
    pub base: String,
    pub client: DinteroClient,
    pub http: reqwest::Client,
}

/// An emulator with the demo world (seed 1, 60 merchants) and a client on it.
pub async fn start() -> Harness {
    let addr = Emulator::new(1)
        .spawn(([127, 0, 0, 1], 0).into())
        .await
        .expect("emulator starts");
    let base = format!("http://{addr}");
    let mut config = ClientConfig::new(&base, PARTNER, "demo-client", Secret::new("demo-secret"));
    // Keep retry tests quick.
    config.retry_budget = std::time::Duration::from_secs(5);
    config.request_timeout = std::time::Duration::from_secs(5);
    let client = DinteroClient::new(config).expect("client");
    Harness {
        base,
        client,
        http: reqwest::Client::new(),
    }
}

impl Harness {
    /// A demo person's token (password `demo-password`); for people who need a second factor (the
    /// admin), the code is read from the emulator's outbox.
    pub async fn person(&self, email: &str) -> Secret {
        let error = match self.client.password_token(email, &Secret::new("demo-password")).await {
            Ok(token) => return Secret::new(token.access_token),
            Err(error) => error,
        };
        let mfa_token = error
            .mfa_token()
            .cloned()
            .unwrap_or_else(|| panic!("sign in {email}: {error:?}"));
        let challenge = self
            .client
            .mfa_challenge(&mfa_token, OobChannel::Sms)
            .await
            .expect("challenge");
        let outbox: Vec<Value> = self
            .http
            .get(format!("{}/__emulator/outbox", self.base))
            .send()
            .await
            .expect("outbox")
            .json()
            .await
            .expect("json");
        let code = outbox
            .last()
            .and_then(|m| m["code"].as_str())
            .expect("a code was sent")
            .to_owned();
        let token = self
            .client
            .mfa_oob_token(&mfa_token, &challenge.oob_code, &code)
            .await
            .expect("mfa sign in");
        Secret::new(token.access_token)
    }

    /// The admin's token: every scope.
    pub async fn admin(&self) -> Secret {
        self.person("admin@partner.example").await
    }

    /// `POST /__emulator/<path>` with a JSON body.
    pub async fn control(&self, path: &str, body: Value) -> Value {
        self.http
            .post(format!("{}/__emulator/{path}", self.base))
            .json(&body)
            .send()
            .await
            .expect("control plane")
            .json()
            .await
            .unwrap_or(Value::Null)
    }

    /// Injects a fault (see `emulator::faults::FaultSpec`).
    pub async fn fault(&self, path: &str, kind: Value, count: u32) {
        self.control(
            "faults",
            serde_json::json!({"path": path, "kind": kind, "count": count}),
        )
        .await;
    }

    /// The requests the emulator received, as (method, path, status).
    pub async fn requests(&self) -> Vec<(String, String, u16)> {
        self.requests_with_query()
            .await
            .into_iter()
            .map(|(method, path, _, _, status)| (method, path, status))
            .collect()
    }

    /// The requests the emulator received, as (method, path, query, subject, status).
    pub async fn requests_with_query(&self) -> Vec<(String, String, Option<String>, Option<String>, u16)> {
        let entries: Vec<Value> = self
            .http
            .get(format!("{}/__emulator/requests", self.base))
            .send()
            .await
            .expect("requests")
            .json()
            .await
            .expect("json");
        entries
            .into_iter()
            .map(|e| {
                (
                    e["method"].as_str().unwrap_or_default().to_owned(),
                    e["path"].as_str().unwrap_or_default().to_owned(),
                    e["query"].as_str().map(str::to_owned),
                    e["subject"].as_str().map(str::to_owned),
                    e["status"].as_u64().unwrap_or_default() as u16,
                )
            })
            .collect()
    }

    pub async fn clear_requests(&self) {
        self.http
            .delete(format!("{}/__emulator/requests", self.base))
            .send()
            .await
            .expect("clear");
    }
}
