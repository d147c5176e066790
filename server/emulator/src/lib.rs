//! A stateful stand-in for Dintero's HTTP API, for development, demos and tests.
//!
//! Its types are its own (not the app client's): the two are independent readings of
//! `../shared/api/REFERENCE.md`, so tests between them mean something. The pieces, each importing
//! only pieces listed before it (so no module imports one that imports it back):
//! - the shared core's leaves: [`error`] (Dintero's error envelope), [`params`] (query parameters
//!   and `limit`), [`validate`] (body checks), [`clock`] and [`ids`] (times and seeded identifiers),
//!   [`jwt`] (the tokens it signs and checks), [`issued`] (every secret handed out, for the tests
//!   that look for leaks), [`request_log`], [`glob`] (`*` patterns), [`faults`] (injected latency
//!   and errors), [`sessions`]
//!   (refresh tokens, MFA challenges, the outbox);
//! - each area's state, `<area>::store` (with the files of the records it holds, such as
//!   [`settlements::generate`]);
//! - [`world`]: the state, one world per partner, holding each area's store; [`state`]: the shared
//!   [`Emulator`] every handler takes; [`auth`]: the bearer and scope checks, and the token exchange;
//! - one module per API area, each with its store, its seeding (`<area>::seed`, which needs only
//!   the world, the stores and the core, and may take [`accounts::seed`]'s helpers) and its routes
//!   and handlers: [`accounts`], [`approvals`], [`pricing`], [`compliance`], [`settlements`];
//! - [`token`], [`mfa`], [`users`], [`settings`]: the token endpoint, MFA challenges, the partner's
//!   people, an account's own settings;
//! - [`seed`]: the demo world, made by every area's seeding;
//! - [`control`]: the control plane under `/__emulator/...`;
//! - this file: [`Emulator::new`], the router and the request-log middleware.
//!
//! What it does not emulate is listed in the README ("The Dintero emulator").

pub mod accounts;
pub mod approvals;
pub mod auth;
pub mod clock;
pub mod compliance;
pub mod control;
pub mod error;
pub mod faults;
pub mod glob;
pub mod ids;
pub mod issued;
pub mod jwt;
pub mod mfa;
pub mod params;
pub mod pricing;
pub mod request_log;
pub mod seed;
pub mod sessions;
pub mod settings;
pub mod settlements;
pub mod state;
pub mod token;
pub mod users;
pub mod validate;
pub mod world;

use std::net::SocketAddr;

use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post, put};
use axum::Router;
use tokio::net::TcpListener;

pub use state::Emulator;
pub use world::World;

impl Emulator {
    /// A new emulator holding the demo world made from `seed`.
    pub fn new(seed: u64) -> Self {
        Self::with_world(seed::demo_world(seed))
    }

    /// The HTTP surface: Dintero's paths under `/v1`, the control plane under `/__emulator`.
    pub fn router(&self) -> Router {
        let api = Router::new()
            .route("/v1/accounts/{oid}/auth/token", post(token::token))
            .route("/v1/accounts/{oid}/auth/revoke", post(token::revoke))
            .route("/v1/accounts/{aid}/auth/mfa/challenge", post(mfa::challenge))
            .route("/v1/accounts/{oid}/auth/exchange_token", post(auth::exchange_token))
            .route(
                "/v1/accounts/{oid}/management/users",
                get(users::list).post(users::create),
            )
            .route(
                "/v1/accounts/{oid}/management/users/{uid}",
                put(users::update).delete(users::remove),
            )
            .merge(settings::routes())
            .merge(accounts::routes())
            .merge(approvals::routes())
            .merge(pricing::routes())
            .merge(compliance::routes())
            .merge(settlements::routes());
        Router::new()
            .merge(api)
            .fallback(error::not_found)
            .layer(middleware::from_fn_with_state(self.faults.clone(), faults::inject))
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
            response
                .extensions()
                .get::<request_log::LogSubject>()
                .map(|s| s.0.as_str()),
            response.status().as_u16(),
        );
    }
    response
}
