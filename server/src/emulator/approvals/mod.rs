//! CDD cases, payment approvals and seller (payout destination) approvals (05-approvals-cdd.md).

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
