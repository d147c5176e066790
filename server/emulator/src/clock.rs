//! Time as the emulator writes it: the seeded world's fixed "now", and Dintero's timestamp format.

use chrono::{DateTime, TimeZone, Utc};

/// The reference "now" of the seeded world: fixed, so the same seed makes the same world.
pub fn seed_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).single().unwrap_or_default()
}

/// Formats a time as Dintero does (RFC 3339, milliseconds, `Z`).
pub fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Now, as Dintero writes times.
pub fn now() -> String {
    ts(Utc::now())
}
