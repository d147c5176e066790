//! The Dintero client, one module per API area. Wire types compile everywhere (the browser may show
//! them); the HTTP side is server-only.
//!
//! - [`error`]: Dintero's error envelope and [`DinteroError`];
//! - `http` (ssr): [`DinteroClient`], its one `reqwest::Client`, retries and the app's own token;
//! - [`auth`]: tokens (client credentials, password);
//! - [`settings`]: an account's own settings (the `Account` object);
//! - [`users`]: the partner's account users.

pub mod auth;
pub mod error;
#[cfg(feature = "ssr")]
mod http;
pub mod settings;
pub mod users;

pub use error::{ApiFailure, DecodeFailure, DinteroError, ErrorEnvelope};
#[cfg(feature = "ssr")]
pub use http::{ClientConfig, DinteroClient};
