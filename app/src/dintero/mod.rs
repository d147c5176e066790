//! The Dintero client, one module per API area. Wire types compile everywhere (the browser may show
//! them); the HTTP side is server-only.
//!
//! - [`error`]: Dintero's error envelope and [`DinteroError`];
//! - `http` (ssr): [`DinteroClient`], its one `reqwest::Client`, retries and the app's own token;
//! - [`auth`]: tokens (client credentials, password, exchange) and the merchant-token cache;
//! - [`settings`]: an account's own settings (the `Account` object);
//! - [`users`]: the partner's account users;
//! - one module per API area: [`accounts`], [`connections`], [`approvals`], [`cdd`],
//!   [`price_packages`], [`compliance`], [`settlements`], [`reports`], [`payout`].
//!
//! A wire type that leaves its `None` fields out of the JSON it writes says so once, with
//! `#[serde_with::skip_serializing_none]` above its derive (a field that must be written as `null`
//! would take `#[serialize_always]`); types without it write `null`. A type whose fields may all be
//! missing (and that derives `Default`) says `#[serde(default)]` once, on the type.

pub mod accounts;
pub mod approvals;
pub mod auth;
pub mod cdd;
pub mod compliance;
pub mod connections;
pub mod error;
#[cfg(feature = "ssr")]
mod http;
mod open_enum;
pub mod payout;
pub mod price_packages;
#[cfg(feature = "ssr")]
pub mod receipt;
pub mod reports;
pub mod settings;
pub mod settlements;
#[cfg(feature = "ssr")]
mod token_cache;
pub mod users;
mod wire;

pub use error::{ApiFailure, DecodeFailure, DinteroError, ErrorEnvelope, MfaToken};
#[cfg(feature = "ssr")]
pub use http::{ClientConfig, DinteroClient, FileStream};
