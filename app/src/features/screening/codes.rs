//! The codes a screening shows in words: how a field matched ([`Hit`], from Mastercard's
//! `M01`/`M02`/`M00` and the VMSS signals `EXACT`/`PHONETIC`/`NONE`), Mastercard's termination
//! reason codes ([`match_reason_key`]) and the VMSS listing reasons a termination offers.

use serde::{Deserialize, Serialize};

use crate::dintero::compliance::{MatchIndicator, MatchSignal};
use crate::i18n::key;

/// How one field of a listing matched the merchant asked about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Hit {
    Exact,
    Phonetic,
    NoMatch,
    /// A code the app does not know, as sent.
    Other(String),
}

impl Hit {
    pub fn from_match(indicator: &MatchIndicator) -> Self {
        match indicator {
            MatchIndicator::Exact => Self::Exact,
            MatchIndicator::Phonetic => Self::Phonetic,
            MatchIndicator::NoMatch => Self::NoMatch,
            other => Self::Other(other.to_string()),
        }
    }

    pub fn from_vmss(signal: &MatchSignal) -> Self {
        match signal {
            MatchSignal::Exact => Self::Exact,
            MatchSignal::Phonetic => Self::Phonetic,
            MatchSignal::NoMatch => Self::NoMatch,
            other => Self::Other(other.to_string()),
        }
    }

    /// The translation key of its words.
    pub fn key(&self) -> &'static str {
        match self {
            Self::Exact => key!("screening.hit.exact"),
            Self::Phonetic => key!("screening.hit.phonetic"),
            Self::NoMatch => key!("screening.hit.none"),
            Self::Other(_) => key!("screening.hit.other"),
        }
    }

    /// The badge's class: an exact match stands out most, no match least.
    pub fn class(&self) -> &'static str {
        match self {
            Self::Exact => "badge-bad",
            Self::Phonetic => "badge-warn",
            Self::NoMatch | Self::Other(_) => "badge-neutral",
        }
    }

    /// A short marker for the test id and data attribute: `exact`, `phonetic`, `none`, `other`.
    pub fn slug(&self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Phonetic => "phonetic",
            Self::NoMatch => "none",
            Self::Other(_) => "other",
        }
    }

    /// Whether the field matched at all.
    pub fn matched(&self) -> bool {
        matches!(self, Self::Exact | Self::Phonetic)
    }
}

/// Mastercard's MATCH termination reason codes, in order (07 is retired but may still be listed).
pub const MATCH_REASONS: [&str; 18] = [
    "00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "20", "21", "24",
];

/// The codes an acquirer may list a merchant under today (Dintero's enum; 07 is no longer used).
pub const MATCH_TERMINATION_REASONS: [&str; 17] = [
    "00", "01", "02", "03", "04", "05", "06", "08", "09", "10", "11", "12", "13", "14", "20", "21", "24",
];

/// The translation key of a MATCH reason code's meaning; an unknown code has a general one.
pub fn match_reason_key(code: &str) -> &'static str {
    match code.trim() {
        "00" => key!("screening.reason.00"),
        "01" => key!("screening.reason.01"),
        "02" => key!("screening.reason.02"),
        "03" => key!("screening.reason.03"),
        "04" => key!("screening.reason.04"),
        "05" => key!("screening.reason.05"),
        "06" => key!("screening.reason.06"),
        "07" => key!("screening.reason.07"),
        "08" => key!("screening.reason.08"),
        "09" => key!("screening.reason.09"),
        "10" => key!("screening.reason.10"),
        "11" => key!("screening.reason.11"),
        "12" => key!("screening.reason.12"),
        "13" => key!("screening.reason.13"),
        "14" => key!("screening.reason.14"),
        "20" => key!("screening.reason.20"),
        "21" => key!("screening.reason.21"),
        "24" => key!("screening.reason.24"),
        _ => key!("screening.reason.unknown"),
    }
}

/// The VMSS listing reasons a termination offers, as Visa writes them (`29-...`).
pub const VMSS_REASONS: [&str; 8] = [
    "21-Excessive Fraud",
    "22-Excessive Disputes",
    "23-Transaction Laundering",
    "25-Illegal Transactions",
    "27-Account Data Compromise",
    "29-Bankruptcy/Liquidation/Insolvency",
    "31-Violation of Visa Rules",
    "34-Merchant Identity Theft",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_its_own_words() {
        let mut keys: Vec<_> = MATCH_REASONS.iter().map(|c| match_reason_key(c)).collect();
        assert!(!keys.contains(&key!("screening.reason.unknown")));
        keys.dedup();
        assert_eq!(keys.len(), MATCH_REASONS.len());
        assert!(MATCH_TERMINATION_REASONS.iter().all(|c| MATCH_REASONS.contains(c)));
        assert_eq!(match_reason_key("99"), key!("screening.reason.unknown"));
        assert_eq!(Hit::from_match(&MatchIndicator::from("M02")), Hit::Phonetic);
        assert_eq!(Hit::from_vmss(&MatchSignal::from("EXACT")), Hit::Exact);
        assert_eq!(
            Hit::from_match(&MatchIndicator::from("M09")).key(),
            key!("screening.hit.other")
        );
    }
}
