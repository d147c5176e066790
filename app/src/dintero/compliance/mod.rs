//! Mastercard MATCH and Visa VMSS: searches, inquiries by IRN, adding terminated merchants (07-compliance-match-vmss.md).
//!
//! MATCH bodies are snake_case; VMSS bodies keep Visa's camelCase (`DBAName`, `taxID`, `SSN`), so
//! every VMSS field is renamed explicitly. Response parts the reference only infers are typed
//! leniently: every field optional, `null` accepted, identifiers given as number or string kept as
//! strings, unknown fields ignored.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

crate::open_enum! {
    /// A MATCH `merchant_match` indicator: how a listed field matched the inquiry.
    pub enum MatchIndicator {
        /// `M00`: no match.
        NoMatch = "M00",
        /// `M01`: exact match.
        Exact = "M01",
        /// `M02`: phonetic (or partial) match.
        Phonetic = "M02",
    }
}

crate::open_enum! {
    /// Mastercard's `Y`/`N` flags (`search_all`, `is_proprietorship`, `is_transaction_laundering`).
    pub enum YesNo {
        Yes = "Y",
        No = "N",
    }
}

crate::open_enum! {
    /// A MATCH termination reason code (Mastercard's codes; that Dintero uses exactly these is inferred).
    pub enum TerminationReason {
        QuestionableMerchant = "00",
        AccountDataCompromise = "01",
        CommonPointOfPurchase = "02",
        Laundering = "03",
        ExcessiveChargebacks = "04",
        ExcessiveFraud = "05",
        Coercion = "06",
        QuestionableMerchantAudit = "08",
        Bankruptcy = "09",
        ViolationOfStandards = "10",
        MerchantCollusion = "11",
        PciDssNonCompliance = "12",
        IllegalTransactions = "13",
        IdentityTheft = "14",
        Reason20 = "20",
        Reason21 = "21",
        Reason24 = "24",
    }
}

impl TerminationReason {
    /// What the code means, in English (Mastercard's rules; 20, 21 and 24 not verified).
    pub fn description(&self) -> &'static str {
        match self {
            Self::QuestionableMerchant => "Questionable merchant / under investigation",
            Self::AccountDataCompromise => "Account data compromise",
            Self::CommonPointOfPurchase => "Common point of purchase",
            Self::Laundering => "Laundering",
            Self::ExcessiveChargebacks => "Excessive chargebacks",
            Self::ExcessiveFraud => "Excessive fraud",
            Self::Coercion => "Coercion",
            Self::QuestionableMerchantAudit => "Mastercard questionable merchant audit program",
            Self::Bankruptcy => "Bankruptcy / liquidation / insolvency",
            Self::ViolationOfStandards => "Violation of standards",
            Self::MerchantCollusion => "Merchant collusion",
            Self::PciDssNonCompliance => "PCI DSS non-compliance",
            Self::IllegalTransactions => "Illegal transactions",
            Self::IdentityTheft => "Identity theft",
            Self::Reason20 | Self::Reason21 | Self::Reason24 => "Other reason (meaning not verified)",
            Self::Other(_) => "Unknown reason code",
        }
    }
}

crate::open_enum! {
    /// The emulator's VMSS match signal per field (not documented by Dintero: inferred).
    pub enum MatchSignal {
        Exact = "EXACT",
        Phonetic = "PHONETIC",
        NoMatch = "NONE",
    }
}

/// A string, or a number kept as its digits, or nothing.
fn lenient_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::Bool(b)) => Some(b.to_string()),
        _ => None,
    })
}

#[cfg(feature = "ssr")]
mod client;
mod mastercard;
#[cfg(test)]
mod tests;
mod visa;

pub use mastercard::*;
pub use visa::*;
