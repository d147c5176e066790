//! Price packages: the partner collection and the package applied to an account (06-price-packages.md).
//!
//! - [`packages`]: `GET`/`POST /v1/accounts/{oid}/management/price-packages`, `PUT .../{price_package_id}`;
//! - [`assign`]: `GET /v1/accounts/{aid}/management/price-package` and
//!   `PUT /v1/accounts/{oid}/management/accounts/{aid}/price-packages`;
//! - [`seed`]: the seeded packages.
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

pub mod assign;
pub mod packages;
pub mod seed;

use std::collections::BTreeMap;

use axum::http::HeaderMap;
use axum::routing::{get, put};
use axum::Router;
use rand::rngs::StdRng;
use serde_json::Value;

use super::auth::{bearer, require_account, require_scope};
use super::error::ApiError;
use super::jwt::Claims;
use super::world::{normalize_oid, Partner};
use super::Emulator;

/// The scopes of create, update and assign: `admin:dintero` per the reference, `admin:accounts` **INF**.
pub const ADMIN_SCOPES: [&str; 2] = ["admin:dintero", "admin:accounts"];

/// The partner's packages in creation order (each Dintero's `PricePackage` as JSON), and the
/// package assignments per merchant account id.
#[derive(Debug, Clone, Default)]
pub struct Store {
    pub packages: Vec<Value>,
    pub assignments: BTreeMap<String, Value>,
}

pub fn seed(partner: &mut Partner, rng: &mut StdRng) {
    seed::seed(partner, rng);
}

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

/// Bearer, scope and account checks of a partner-level endpoint; the partner's full id.
pub async fn partner_claims(
    emulator: &Emulator,
    headers: &HeaderMap,
    oid: &str,
    scopes: &[&str],
) -> Result<(Claims, String), ApiError> {
    let claims = bearer(emulator, headers, chrono::Utc::now().timestamp())?;
    require_scope(&claims, scopes)?;
    let oid = normalize_oid(oid);
    require_account(&claims, &oid)?;
    if emulator.world.read().await.partner(&oid).is_none() {
        return Err(ApiError::not_found(format!("Account {oid} not found")));
    }
    Ok((claims, oid))
}

#[cfg(test)]
mod tests {
    use crate::accounts::seed::PRICE_PACKAGE_IDS;

    #[test]
    fn every_package_a_merchant_names_is_seeded_and_both_types_occur() {
        let world = crate::seed::demo_world(1);
        let partner = world.partner("T11200000").expect("partner");
        let ids: Vec<&str> = partner
            .pricing
            .packages
            .iter()
            .filter_map(|p| p["price_package_id"].as_str())
            .collect();
        for id in PRICE_PACKAGE_IDS {
            assert!(ids.contains(&id), "{id}");
        }
        for merchant in partner.accounts.merchants.values() {
            assert!(ids.contains(&merchant["price_package"].as_str().unwrap_or_default()));
        }
        assert!(ids.len() >= 10);
        for kind in ["default", "account"] {
            assert!(partner.pricing.packages.iter().any(|p| p["type"] == kind), "{kind}");
        }
        let custom = partner
            .pricing
            .packages
            .iter()
            .filter(|p| p["type"] == "account")
            .all(|p| ids.contains(&p["source_price_package_id"].as_str().unwrap_or_default()));
        assert!(custom);
    }
}
