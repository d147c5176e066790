//! Merchant accounts under a partner (02-partner-accounts.md, 03-account-schema.md,
//! 04-connections.md): the partner collection, connection status events, account events,
//! an account's own settings and its connection signups.
//!
//! - [`collection`]: list (filters, item cursor), create, get, update, delete;
//! - [`filters`]: the list's filters and cursor, as pure functions;
//! - [`connection_events`]: connection status events, and the control-plane step of a connection;
//! - [`events`]: account events (comments, statistics);
//! - [`signups`]: a merchant's connection objects, one GET per provider;
//! - [`seed`], [`names`]: the seeded merchants.
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

mod collection;
mod connection_events;
mod events;
pub mod filters;
mod names;
pub mod seed;
mod signups;
mod validation;

use std::collections::BTreeMap;

use axum::routing::{get, post};
use axum::Router;
use rand::rngs::StdRng;
use serde_json::{json, Value};

use super::auth::is_account_id;
use super::error::ApiError;
use super::world::{normalize_oid, Partner, World};
use super::Emulator;

/// Merchants by account id, each Dintero's `Account` object as JSON (so fields the emulator does
/// not interpret are kept as given), and their account events (comments), newest last.
#[derive(Debug, Clone, Default)]
pub struct Store {
    pub merchants: BTreeMap<String, Value>,
    pub events: BTreeMap<String, Vec<Value>>,
    /// Deleted merchants, as answered by the DELETE (their ids are never reused).
    pub deleted: BTreeMap<String, Value>,
}

impl Store {
    /// The next free merchant id under the partner prefix (`T112` → `T11200061`).
    pub fn next_account_id(&self, prefix: &str) -> String {
        let highest = self
            .merchants
            .keys()
            .chain(self.deleted.keys())
            .filter(|id| id.starts_with(prefix))
            .filter_map(|id| id[prefix.len()..].parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        format!("{prefix}{:05}", highest + 1)
    }
}

/// Seeds `count` merchants under the partner, their payment options, a `common` application on
/// some, and account events (comments, statistics) on some.
pub fn seed(partner: &mut Partner, rng: &mut StdRng, count: usize) {
    let partner_id = partner.account.account_id.clone();
    for index in 1..=count {
        let mut account = seed::merchant(rng, &partner_id, index);
        enrich(&mut account, index);
        if let Some(aid) = account["account_id"].as_str() {
            partner.accounts.merchants.insert(aid.to_owned(), account);
        }
    }
    events::seed(&mut partner.accounts, rng);
}

/// Adds what `seed::merchant` leaves out, without drawing from the generator: the payment options
/// of enabled connections, and a `common` application on every fifth merchant.
fn enrich(account: &mut Value, index: usize) {
    let currency = account["currency"].as_str().unwrap_or("NOK").to_owned();
    if let Some(connections) = account["connections"].as_object_mut() {
        for (name, connection) in connections.iter_mut() {
            let connection = if name == "payex" {
                &mut connection["creditcard"]
            } else {
                connection
            };
            if connection["status"] == "enabled" {
                connection["configuration"] = configuration(name, &currency);
            }
        }
    }
    if index.is_multiple_of(5) {
        let created = account["created_at"].clone();
        let live = account["progression"] == "live";
        let status = if live { "enabled" } else { "pending" };
        let mut common = json!({
            "created_at": created,
            "created_by": account["created_by"],
            "updated_at": created,
            "status": status,
            "schema": 1,
            "metadata": {},
            "signup": {
                "payment_options": default_options("common", &currency),
                "store_type": ["online"],
                "package": "Checkout 195 NOK/month + 1.5%",
                "created_at": created,
            },
            "events": [{
                "id": format!("common-{index:05}-1"),
                "created_at": created,
                "created_by": account["created_by"],
                "status": "pending",
                "event": "application_received",
                "description": "Dintero application received",
                "metadata": {},
            }],
        });
        if live {
            common["configuration"] = configuration("common", &currency);
        }
        account["connections"]["common"] = common;
    }
}

/// `{payment_options: [...]}` for an enabled connection of `provider`.
pub fn configuration(provider: &str, currency: &str) -> Value {
    json!({"payment_options": default_options(provider, currency)})
}

/// The payment options a provider usually enables (04-connections.md; **INF** per provider).
fn default_options(provider: &str, currency: &str) -> Value {
    let types: &[&str] = match provider {
        "vipps" => &["vipps"],
        "swish" => &["swish.swish"],
        "payex" => &["payex.creditcard"],
        "collector" => &["collector.invoice", "collector.installment"],
        "klarna" => &["klarna.klarna"],
        "bambora" => &["bambora.creditcard"],
        "instabank" => &["instabank.invoice"],
        "vipps_psp" => &["dintero_psp.vipps"],
        "common" => &["dintero.zero"],
        _ => &[],
    };
    Value::Array(
        types
            .iter()
            .map(|t| json!({"type": t, "currencies": [currency]}))
            .collect(),
    )
}

/// Where a connection name (as in paths and filters) lives in `Account.connections`:
/// `payex` and `payex.creditcard` → `payex.creditcard`, `vipps-psp` → `vipps_psp` (**INF**).
pub fn connection_key(name: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match name {
        "payex" | "payex.creditcard" => ("payex", Some("creditcard")),
        "vipps-psp" | "vipps_psp" => ("vipps_psp", None),
        "instabank" => ("instabank", None),
        "vipps" => ("vipps", None),
        "collector" => ("collector", None),
        "swish" => ("swish", None),
        "bambora" => ("bambora", None),
        "klarna" => ("klarna", None),
        "common" => ("common", None),
        _ => return None,
    })
}

/// The connection object `name` of an account, if it has one.
pub fn connection<'a>(account: &'a Value, name: &str) -> Option<&'a Value> {
    let (key, sub) = connection_key(name)?;
    let outer = account.get("connections")?.get(key)?;
    let found = match sub {
        Some(sub) => outer.get(sub)?,
        None => outer,
    };
    found.is_object().then_some(found)
}

/// Every connection of an account with its name (`payex` for `payex.creditcard`).
pub fn connections(account: &Value) -> Vec<(String, &Value)> {
    let Some(map) = account.get("connections").and_then(Value::as_object) else {
        return Vec::new();
    };
    map.iter()
        .filter_map(|(name, value)| {
            if name == "payex" {
                value.get("creditcard").map(|c| (name.clone(), c))
            } else {
                Some((name.clone(), value))
            }
        })
        .filter(|(_, c)| c.is_object())
        .collect()
}

/// 400 unless `aid` matches `^[PT]\d{8}$`.
pub fn check_aid(aid: &str) -> Result<(), ApiError> {
    if is_account_id(aid) {
        Ok(())
    } else {
        Err(ApiError::validation(vec![(
            "/aid".into(),
            "should match pattern \"^[PT]{1}\\d{8}$\"".into(),
        )]))
    }
}

/// The partner `oid` names, or 404.
pub fn partner<'a>(world: &'a World, oid: &str) -> Result<&'a Partner, ApiError> {
    world
        .partner(oid)
        .ok_or_else(|| ApiError::not_found(format!("Account {oid} not found")))
}

pub fn partner_mut<'a>(world: &'a mut World, oid: &str) -> Result<&'a mut Partner, ApiError> {
    world
        .partner_mut(oid)
        .ok_or_else(|| ApiError::not_found(format!("Account {oid} not found")))
}

/// The partner id as a partner path names it (`T112` → `T11200000`).
pub fn partner_id(oid: &str) -> String {
    normalize_oid(oid)
}

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

#[cfg(test)]
mod tests {
    use super::super::params::Params;
    use super::super::seed::{demo_world, DEMO_PARTNER};
    use super::filters::Filters;
    use super::*;

    fn store() -> Store {
        demo_world(1).partner(DEMO_PARTNER).unwrap().accounts.clone()
    }

    #[test]
    fn every_status_progression_and_channel_is_seeded() {
        let store = store();
        let accounts: Vec<&Value> = store.merchants.values().collect();
        for status in seed::CONNECTION_STATUSES {
            assert!(
                accounts
                    .iter()
                    .any(|a| connections(a).iter().any(|(_, c)| c["status"] == status)),
                "{status}"
            );
        }
        for progression in seed::PROGRESSIONS {
            assert!(
                accounts.iter().any(|a| a["progression"] == progression),
                "{progression}"
            );
        }
        for channel in seed::SALE_CHANNELS {
            assert!(accounts.iter().any(|a| a["sale_channel"] == channel), "{channel}");
        }
        assert!(accounts.iter().any(|a| connection(a, "common").is_some()));
        assert!(store.events.values().flatten().any(|e| e["event_type"] == "comment"));
        assert!(store.events.values().flatten().any(|e| e["event_type"] == "statistics"));
    }

    #[test]
    fn multi_filter_queries_select_some_but_not_all() {
        let store = store();
        for query in [
            "connection=vipps&connection=payex&connection_status=enabled",
            "payment_option=vipps&payment_option=payex.creditcard",
            "country=SE&connection_status=pending",
            "account_manager=manager@partner.example&connection=klarna",
        ] {
            let filters = Filters::from_params(&Params::parse(query)).unwrap();
            let n = store.merchants.values().filter(|a| filters.matches(a)).count();
            assert!(n > 0 && n < store.merchants.len() / 2, "{query}: {n}");
        }
    }

    #[test]
    fn the_merchant_view_hides_partner_inputs() {
        let account =
            json!({"account_id": "T11200061", "invitation_note": "Velkommen", "progression": "applied", "company": {}});
        let view = super::super::settings::merchant_view(&account);
        assert!(view.get("invitation_note").is_none() && view.get("progression").is_none());
        assert!(view.get("company").is_some());
    }

    #[test]
    fn next_ids_follow_the_highest_ever_used() {
        let mut store = store();
        assert_eq!(store.next_account_id("T112"), "T11200061");
        let gone = store.merchants.remove("T11200060").unwrap();
        store.deleted.insert("T11200060".into(), gone);
        assert_eq!(store.next_account_id("T112"), "T11200061");
    }
}
