//! A stateful stand-in for Dintero's HTTP API, for development, demos and tests.
//!
//! Its types are its own (not the app client's): the two are independent readings of
//! `../shared/api/REFERENCE.md`, so tests between them mean something. The pieces:
//! - [`world`]: the state, one world per partner, and [`seed`] which fills it deterministically;
//! - [`jwt`]: the tokens it signs and checks;
//! - [`error`]: Dintero's error envelope;
//! - [`auth`], [`settings`], [`users`]: tokens, an account's own settings, the partner's people;
//! - one module per API area, each with its store, its seeding and its routes: [`accounts`],
//!   [`approvals`], [`pricing`], [`compliance`], [`settlements`];
//! - [`control`]: the control plane under `/__emulator/...`; [`faults`]: injected latency and errors;
//!   [`issued`]: every secret handed out, for the tests that look for leaks.
//!
//! What it does not emulate is listed in the README ("The Dintero emulator").

pub mod accounts;
pub mod approvals;
pub mod auth;
pub mod compliance;
pub mod control;
pub mod error;
pub mod faults;
pub mod issued;
pub mod jwt;
pub mod mfa;
pub mod params;
pub mod pricing;
pub mod seed;
pub mod sessions;
pub mod settings;
pub mod settlements;
pub mod token;
pub mod users;
pub mod world;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::RwLock;

pub use world::World;

/// The emulator's shared state: the world behind a lock, a log of recent requests, the injected
/// faults, the token signer and the secrets it has handed out.
#[derive(Clone)]
pub struct Emulator {
    pub world: Arc<RwLock<World>>,
    pub requests: Arc<control::RequestLog>,
    pub faults: Arc<faults::Faults>,
    pub signer: Arc<jwt::Signer>,
    pub issued: Arc<issued::IssuedSecrets>,
}

impl Emulator {
    /// A new emulator holding the demo world made from `seed`.
    pub fn new(seed: u64) -> Self {
        Self {
            world: Arc::new(RwLock::new(seed::demo_world(seed))),
            requests: Arc::new(control::RequestLog::default()),
            faults: Arc::new(faults::Faults::default()),
            signer: Arc::new(jwt::Signer::random()),
            issued: Arc::new(issued::IssuedSecrets::default()),
        }
    }

    /// Signs `claims` into an access token and remembers it as issued.
    pub fn access_token(&self, claims: &jwt::Claims) -> String {
        let token = self.signer.sign(claims);
        self.issued.record(issued::SecretKind::AccessToken, &token);
        token
    }

    /// The HTTP surface: Dintero's paths under `/v1`, the control plane under `/__emulator`.
    pub fn router(&self) -> Router {
        let api = Router::new()
            .route("/v1/accounts/{oid}/auth/token", post(token::token))
            .route("/v1/accounts/{oid}/auth/revoke", post(token::revoke))
            .route("/v1/accounts/{aid}/auth/mfa/challenge", post(mfa::challenge))
            .route("/v1/accounts/{oid}/auth/exchange_token", post(auth::exchange_token))
            .route("/v1/accounts/{oid}/management/users", get(users::list))
            .merge(settings::routes())
            .merge(accounts::routes())
            .merge(approvals::routes())
            .merge(pricing::routes())
            .merge(compliance::routes())
            .merge(settlements::routes());
        Router::new()
            .merge(api)
            .fallback(error::not_found)
            .layer(middleware::from_fn_with_state(self.clone(), faults::inject))
            .merge(control::router())
            .layer(middleware::from_fn_with_state(self.clone(), record))
            .with_state(self.clone())
    }

    /// Binds `addr` (port 0 for a free port) and serves in the background; returns the bound address.
    pub async fn spawn(self, addr: SocketAddr) -> std::io::Result<SocketAddr> {
        let listener = TcpListener::bind(addr).await?;
        let bound = listener.local_addr()?;
        let router = self.router();
        tokio::spawn(async move {
            if let Err(error) = axum::serve(listener, router).await {
                tracing::error!(%error, "the Dintero emulator stopped");
            }
        });
        Ok(bound)
    }
}

/// Keeps method, path, query and status of each request for `/__emulator/requests` (never bodies
/// or headers).
async fn record(State(emulator): State<Emulator>, request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let query = request.uri().query().map(str::to_owned);
    let response = next.run(request).await;
    if !path.starts_with("/__emulator") {
        emulator.requests.push(
            method.as_str(),
            &path,
            query.as_deref(),
            response.extensions().get::<control::LogSubject>().map(|s| s.0.as_str()),
            response.status().as_u16(),
        );
    }
    response
}
