//! Merchant accounts under a partner (02-partner-accounts.md, 03-account-schema.md,
//! 04-connections.md): the partner collection, connection status events, account events,
//! an account's own settings and its connection signups.
//!
//! - [`store`]: the area's state (merchants, their account events, the deleted);
//! - [`collection`]: list (filters, item cursor), create, get, update, delete;
//! - [`filters`]: the list's filters and cursor, as pure functions;
//! - [`connection_events`]: connection status events, and the control-plane step of a connection;
//! - [`events`]: account events (comments, statistics);
//! - [`signups`]: a merchant's connection objects, one GET per provider;
//! - [`access`]: the checks every handler makes; [`connections`]: reading an account's connections;
//!   [`validation`]: the create and update bodies;
//! - [`seed`], [`names`]: the seeded merchants and their events.
//!
//! # Limits
//!
//! - `search` matches the account id (as documented) and also, case-insensitively, the company's
//!   `business_name` and `display_name` (**INF**). Unknown list filters are ignored (**INF**);
//!   `services=<service>.<field>.<value>` (e.g. `checkout.status.enabled`) is honoured.
//! - `connection=payex` and `connection=payex.creditcard` both mean `connections.payex.creditcard`;
//!   `vipps-psp` is kept under the key `vipps_psp` (**INF**). `klarna` and `vipps-psp` are accepted
//!   by the connection-events endpoint too (**INF**).
//! - `payment_option` matches `configuration.payment_options[].type` of *enabled* connections. A
//!   connection that becomes `enabled` without a `configuration` gets the provider's usual payment
//!   options (**INF**).
//! - `paging_token` is `pt.<account id>` for accounts and `pt.<n>` (the event's position) for account
//!   events; both are opaque to clients. Accounts are ordered by account id, events newest first.
//! - Create answers 200 with the account (**INF**); new ids are the next free `<partner prefix>NNNNN`.
//!   `progression` defaults to `applied` (**INF**). `invite_users`, `invites`, `invitation_note`,
//!   `actions`, `custom_price_package` are kept on the account as given (the merchant's own settings
//!   view leaves them out); no e-mail is sent and no price package is created.
//! - PUT replaces the writable fields; read-only fields in the body are ignored. Changing `active`
//!   or `partner_id` needs `mgmnt:admin`, which no demo person has (403).
//! - DELETE removes the account from every lookup (other areas then answer 404 for it) and answers
//!   it with `deleted_at`/`deleted_by` (**INF**); it is kept aside, its id is not reused.
//! - Connection signups are read-only here (no POST/PUT/callbacks); seeded signups and
//!   configurations carry no credentials.
//! - Connection lifecycles move only by events (API) or `POST /__emulator/advance/connections/{aid}/{connection}`
//!   (pending → enabled; failed, declined → pending), never by timers.

mod access;
mod collection;
mod connection_events;
pub mod connections;
mod events;
pub mod filters;
mod names;
pub mod seed;
mod signups;
pub mod store;
mod validation;

use axum::routing::{get, post};
use axum::Router;

use crate::state::Emulator;

/// The area's HTTP routes.
pub fn routes() -> Router<Emulator> {
    let base = "/v1/accounts/{oid}/management/accounts";
    Router::new()
        .route(base, get(collection::list).post(collection::create))
        .route(
            &format!("{base}/{{aid}}"),
            get(collection::read).put(collection::update).delete(collection::remove),
        )
        .route(
            &format!("{base}/{{aid}}/connections/{{connection}}/events"),
            post(connection_events::create),
        )
        .route(
            &format!("{base}/{{aid}}/events"),
            get(events::list).post(events::create),
        )
        .merge(signups::routes())
}

/// The area's control-plane routes (under `/__emulator/`, not subject to injected faults).
pub fn control_routes() -> Router<Emulator> {
    Router::new().route(
        "/__emulator/advance/connections/{aid}/{connection}",
        post(connection_events::advance),
    )
}
