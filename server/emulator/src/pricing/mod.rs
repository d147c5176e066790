//! Price packages: the partner collection and the package applied to an account (06-price-packages.md).
//!
//! - [`packages`]: `GET`/`POST /v1/accounts/{oid}/management/price-packages`, `PUT .../{price_package_id}`;
//! - [`assign`]: `GET /v1/accounts/{aid}/management/price-package` and
//!   `PUT /v1/accounts/{oid}/management/accounts/{aid}/price-packages`;
//! - [`access`]: the partner-level checks and the writes' scopes;
//! - [`store`]: the area's state; [`seed`]: the seeded packages.
//!
//! # Limits
//!
//! - Creating, updating and assigning packages need `admin:dintero` per the reference; no partner
//!   person holds it, so the emulator also accepts `admin:accounts` (**INF**), letting the partner's
//!   back-office administrator do it. `PUT .../price-packages/{price_package_id}` uses the same scopes
//!   (**INF**) and replaces `name`, `description`, `products` (required) and `pricing_conditions`,
//!   `metadata` (when given); it marks the package `creation_state: modified` (**INF**).
//! - The collection is paged by body cursor: `starting_after` in the response is the `id` of the last
//!   package of the page, and is left out on the last page (**INF**); an unknown cursor is a 400.
//! - A create may also give `type` (`default`|`account`) and `source_price_package_id` (must exist)
//!   (**INF**); `price_package_id` must be unique and match `^[A-Za-z0-9_.-]+$`, at most 64 characters
//!   (**INF**). Products are checked for `product_id`, and amounts for an integer `flat_amount` and a
//!   decimal-string `unit_amount`; prices are not otherwise interpreted (nothing is billed).
//! - Assigning packages to an account (`default_price_package` as `{price_package_id}`, **INF**)
//!   keeps the record and also sets the merchant's `price_package` to the default package, or else the
//!   first listed one (**INF**), so `GET .../price-package` and the account view follow.
//!   `remove_default_price_package=true` together with a `default_price_package` is a 400.

pub mod access;
pub mod assign;
pub mod packages;
pub mod seed;
pub mod store;

use axum::routing::{get, put};
use axum::Router;

use crate::state::Emulator;

pub fn routes() -> Router<Emulator> {
    Router::new()
        .route(
            "/v1/accounts/{oid}/management/price-packages",
            get(packages::list).post(packages::create),
        )
        .route(
            "/v1/accounts/{oid}/management/price-packages/{price_package_id}",
            put(packages::update),
        )
        .route(
            "/v1/accounts/{aid}/management/price-package",
            get(assign::account_package),
        )
        .route(
            "/v1/accounts/{oid}/management/accounts/{aid}/price-packages",
            put(assign::assign),
        )
}

/// The area's control-plane routes (under `/__emulator/`, not subject to injected faults).
pub fn control_routes() -> Router<Emulator> {
    Router::new()
}
