//! Merchant accounts under a partner (02-partner-accounts.md, 03-account-schema.md,
//! 04-connections.md): the partner collection, connection status events, account events,
//! an account's own settings and its connection signups.

mod names;
pub mod seed;

use std::collections::BTreeMap;

use axum::Router;
use rand::rngs::StdRng;
use serde_json::Value;

use super::world::Partner;
use super::Emulator;

/// Merchants by account id, each Dintero's `Account` object as JSON (so fields the emulator does
/// not interpret are kept as given), and their account events (comments), newest last.
#[derive(Debug, Clone, Default)]
pub struct Store {
    pub merchants: BTreeMap<String, Value>,
    pub events: BTreeMap<String, Vec<Value>>,
}

/// Seeds `count` merchants under the partner.
pub fn seed(partner: &mut Partner, rng: &mut StdRng, count: usize) {
    let partner_id = partner.account.account_id.clone();
    for index in 1..=count {
        let account = seed::merchant(rng, &partner_id, index);
        if let Some(aid) = account["account_id"].as_str() {
            partner.accounts.merchants.insert(aid.to_owned(), account);
        }
    }
}

/// The area's HTTP routes.
pub fn routes() -> Router<Emulator> {
    Router::new()
}

/// The area's control-plane routes (under `/__emulator/`, not subject to injected faults).
pub fn control_routes() -> Router<Emulator> {
    Router::new()
}
