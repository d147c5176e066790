//! Mastercard MATCH and Visa VMSS: searches, inquiries by IRN, terminations (07-compliance-match-vmss.md).

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
