//! Dintero's identifier patterns (REFERENCE.md, "Identifier formats").

/// An account id: `^[PT]{1}\d{8}$` (`T11200001`).
pub fn is_account_id(s: &str) -> bool {
    s.len() == 9 && matches!(s.as_bytes()[0], b'P' | b'T') && s.bytes().skip(1).all(|b| b.is_ascii_digit())
}

/// A partner account id: `^[PT]{1}\d{3}00000$` (`T11200000`).
pub fn is_partner_id(s: &str) -> bool {
    is_account_id(s) && s.ends_with("00000")
}

/// A payout destination (seller) id: 1 to 40 of `A-Z a-z 0-9 _ -`.
pub fn is_payout_destination_id(s: &str) -> bool {
    (1..=40).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_ids() {
        assert!(is_account_id("T11200001") && is_account_id("P12345678"));
        assert!(
            !is_account_id("T1120000")
                && !is_account_id("X11200001")
                && !is_account_id("T1120000a")
                && !is_account_id("t11200001")
        );
        assert!(is_partner_id("T11200000") && !is_partner_id("T11200001"));
        assert!(is_payout_destination_id("PD001") && is_payout_destination_id("seller_1-a"));
        assert!(
            !is_payout_destination_id("")
                && !is_payout_destination_id("seller 1")
                && !is_payout_destination_id(&"x".repeat(41))
        );
        assert!(!is_account_id("Tø1200001"), "multi-byte input is refused, not a panic");
    }
}
