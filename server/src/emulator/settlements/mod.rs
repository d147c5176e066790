//! Settlements and their files, report configurations, report metadata, seller balances and transfers (08-settlements-reports-payout.md).

use axum::Router;
use rand::rngs::StdRng;

use super::world::Partner;
use super::Emulator;

#[derive(Debug, Clone, Default)]
pub struct Store {}

pub fn seed(_partner: &mut Partner, _rng: &mut StdRng) {}

pub fn routes() -> Router<Emulator> {
    Router::new()
}

/// The area's control-plane routes (under `/__emulator/`, not subject to injected faults).
pub fn control_routes() -> Router<Emulator> {
    Router::new()
}
