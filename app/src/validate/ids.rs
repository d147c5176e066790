//! Dintero's identifier patterns (REFERENCE.md, "Identifier formats"), and the types that can only
//! hold an id that matches one. Every id that goes into a Dintero path is one of these types, so an
//! id like `T11200003/../T11200004` can never reach a URL: it does not parse.
//!
//! - [`AccountId`]: `^[PT]\d{8}$` (lower case accepted, kept upper case);
//! - [`ResourceId`]: a UUID (approvals, CDD cases, report configurations);
//! - [`SellerId`]: a payout destination id, `^[A-Za-z0-9_-]{1,40}$`;
//! - [`Irn`]: a MATCH inquiry reference number, 1 to 19 digits;
//! - [`OpaqueId`]: an id Dintero documents no pattern for (settlements, attachments, reports,
//!   price packages' `price_package_id`).
//!
//! A malformed id parses to [`AppError::NotFound`]: no such thing exists, whatever was asked.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::AppError;
use crate::i18n::key;

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

/// A UUID in its hyphenated form, either case (`497f6eca-6276-4993-bfeb-53cbbbba6f08`).
pub fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// A MATCH inquiry reference number: 1 to 19 digits (the path parameter is typed integer).
pub fn is_irn(s: &str) -> bool {
    (1..=19).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// A path segment that needs no percent-encoding and that no URL parser resolves: 1 to 128 of
/// `A-Z a-z 0-9 _ . -`, and no `..` anywhere (so never `.` or `..` either).
pub fn is_safe_segment(s: &str) -> bool {
    (1..=128).contains(&s.len())
        && s != "."
        && !s.contains("..")
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

/// A newtype over `String` that only [`parse`](AccountId::parse) (or deserializing, which parses)
/// makes; `Display` and `Serialize` give the id back as it is sent to Dintero.
macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident, $what:literal, |$raw:ident| $normalise:expr, $check:path) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// The id, or [`AppError::NotFound`] if `raw` is not one.
            pub fn parse($raw: &str) -> Result<Self, AppError> {
                let id: String = $normalise;
                if $check(&id) {
                    Ok(Self(id))
                } else {
                    Err(AppError::NotFound)
                }
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = AppError;

            fn from_str(raw: &str) -> Result<Self, AppError> {
                Self::parse(raw)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let raw = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                Self::parse(&raw).map_err(|_| serde::de::Error::custom(concat!("not ", $what)))
            }
        }
    };
}

id_type! {
    /// A merchant's (or the partner's) account id, `^[PT]\d{8}$`. Lower case input is accepted and
    /// kept upper case, since Leptos' `<Form>` lowercases the action URL it submits to.
    AccountId, "an account id", |raw| raw.to_ascii_uppercase(), is_account_id
}

impl AccountId {
    /// The account id a form sent as its `aid` field, or the form's field error for one that is
    /// not an account id (a page's address answers [`AppError::NotFound`] through [`parse`](Self::parse)).
    pub fn from_form(aid: &str) -> Result<Self, AppError> {
        Self::parse(aid).map_err(|_| AppError::invalid("aid", key!("common.error.aid")))
    }
}

id_type! {
    /// The id of a Dintero resource documented as a UUID: a payment or seller approval, a CDD case,
    /// a settlement report configuration (REFERENCE.md, "Identifier formats"; the emulator issues
    /// UUIDs for all of them too). Kept as given (no case change). Not for price packages: their
    /// paths take the `price_package_id` business key, an [`OpaqueId`].
    ResourceId, "a UUID", |raw| raw.to_owned(), is_uuid
}

id_type! {
    /// A payout destination (seller) id, `^[A-Za-z0-9_-]{1,40}$` (Dintero's newer payout API).
    SellerId, "a payout destination id", |raw| raw.to_owned(), is_payout_destination_id
}

id_type! {
    /// A MATCH inquiry reference number (IRN): 1 to 19 digits. Dintero types the path parameter
    /// integer; the emulator issues 17 digits (`22772025031400001`).
    Irn, "an inquiry reference number", |raw| raw.to_owned(), is_irn
}

id_type! {
    /// An id Dintero documents no pattern for: settlement ids, settlement attachment ids, insight
    /// report ids, and a price package's `price_package_id` (a business key the partner chooses).
    /// Dintero's examples use `rpt_0001`; the emulator issues UUIDs for settlements and
    /// attachments, `rpt_T11200002_202605_pdf` or `rpt_T11200002_w202620_seller-1_csv` for reports,
    /// and `NORDLYS_START` or `T11200001-custom` for price packages. So this is a conservative
    /// safe segment rather than a pattern: 1 to 128 of
    /// `A-Z a-z 0-9 _ . -`, never `.` nor containing `..` (a URL parser resolves `.` and `..`
    /// segments, even percent-encoded as `%2E%2E`), so nothing in it needs percent-encoding.
    OpaqueId, "a safe id", |raw| raw.to_owned(), is_safe_segment
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

    #[test]
    fn an_account_id_holds_only_a_valid_id() {
        assert_eq!(AccountId::parse("T11200003").unwrap().as_str(), "T11200003");
        assert_eq!(AccountId::parse("P12345678").unwrap().to_string(), "P12345678");
        assert_eq!(
            AccountId::parse("t11200003").unwrap().as_str(),
            "T11200003",
            "lower case is normalised"
        );
        for bad in [
            "T11200003/../T11200004",
            "T11200003%2F..",
            "T11200003/",
            "",
            "..",
            ".",
            "T1120000",
            "T112000034",
            "X11200003",
            " T11200003",
            "T11200003\n",
            "Tø1200003",
            "T１1200003",
            "ø",
            "T11200003T11200003T11200003",
        ] {
            assert_eq!(AccountId::parse(bad), Err(AppError::NotFound), "{bad:?}");
        }
        assert_eq!(AccountId::parse(&"T1".repeat(10_000)), Err(AppError::NotFound));
    }

    #[test]
    fn ids_round_trip_through_json_and_deserializing_validates() {
        let aid: AccountId = serde_json::from_str(r#""t11200001""#).unwrap();
        assert_eq!(serde_json::to_string(&aid).unwrap(), r#""T11200001""#);
        assert!(serde_json::from_str::<AccountId>(r#""T11200003/../T11200004""#).is_err());
        assert!(serde_json::from_str::<AccountId>("9").is_err());
        let id: ResourceId = serde_json::from_str(r#""497f6eca-6276-4993-bfeb-53cbbbba6f08""#).unwrap();
        assert_eq!(id.as_str(), "497f6eca-6276-4993-bfeb-53cbbbba6f08");
        assert!(serde_json::from_str::<ResourceId>(r#""../x""#).is_err());
        assert!(serde_json::from_str::<SellerId>(r#""seller 1""#).is_err());
    }

    #[test]
    fn resource_ids_are_uuids() {
        assert!(ResourceId::parse("497f6eca-6276-4993-bfeb-53cbbbba6f08").is_ok());
        assert!(ResourceId::parse("497F6ECA-6276-4993-BFEB-53CBBBBA6F08").is_ok());
        for bad in [
            "",
            "..",
            "497f6eca62764993bfeb53cbbbba6f08",
            "497f6eca-6276-4993-bfeb-53cbbbba6f0",
            "497f6eca-6276-4993-bfeb-53cbbbba6f08/..",
            "../497f6eca-6276-4993-bfeb-53cbbbba6f0",
            "497f6eca-6276-4993-bfeb-53cbbbba6føø",
            "g97f6eca-6276-4993-bfeb-53cbbbba6f08",
        ] {
            assert!(ResourceId::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn seller_ids_and_irns_follow_their_patterns() {
        assert!(SellerId::parse("PD001").is_ok() && SellerId::parse("nordlys-ost_2").is_ok());
        for bad in ["", "..", "a/b", "a.b", "sø", &"x".repeat(41)] {
            assert!(SellerId::parse(bad).is_err(), "{bad:?}");
        }
        assert!(Irn::parse("22772025031400001").is_ok());
        for bad in ["", "..", "1/2", "12a", "١٢", &"1".repeat(20)] {
            assert!(Irn::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn opaque_ids_are_safe_segments() {
        for good in [
            "rpt_T11200002_202605_pdf",
            "rpt_T11200002_w202620_nordlys-ost_csv",
            "rpt_0001",
            "NORDLYS_START",
            "T11200001-custom",
            "497f6eca-6276-4993-bfeb-53cbbbba6f08",
            "T11200001.465U8CUzaPVpneu1wt8Wei",
            ".hidden",
        ] {
            assert!(OpaqueId::parse(good).is_ok(), "{good:?}");
        }
        for bad in [
            "",
            ".",
            "..",
            "...",
            "a..b",
            "../x",
            "x/..",
            "%2E%2E",
            "T11200003%2F..",
            "a/b",
            "a:b",
            "a b",
            "a?b",
            "a#b",
            "rpt_ø",
            &"x".repeat(129),
        ] {
            assert!(OpaqueId::parse(bad).is_err(), "{bad:?}");
        }
        assert!(OpaqueId::parse(&"x".repeat(128)).is_ok());
    }
}
