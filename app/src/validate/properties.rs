//! Property tests: no validator panics on any input, and the check digits catch every single-digit
//! change of a valid number.

use proptest::prelude::*;

use super::*;

proptest! {
    #[test]
    fn no_validator_panics(s in "\\PC*", country in "[A-Z]{2}|") {
        let _ = (is_norwegian_org_number(&s), is_swedish_org_number(&s), is_org_number(&country, &s));
        let _ = (is_iban(&s), is_norwegian_bban(&s), is_email(&s), is_phone_number(&s), is_postal_code(&country, &s));
        let _ = (is_account_id(&s), is_partner_id(&s), is_payout_destination_id(&s));
        let _ = (is_uuid(&s), is_irn(&s), is_safe_segment(&s));
        let _ = (AccountId::parse(&s), ResourceId::parse(&s), SellerId::parse(&s), Irn::parse(&s), OpaqueId::parse(&s));
    }

    #[test]
    fn a_valid_norwegian_org_number_with_one_digit_changed_is_refused(base in 80_000_000u32..99_999_999, pos in 0usize..9, delta in 1u32..10) {
        let number = with_mod11(base);
        prop_assume!(is_norwegian_org_number(&number));
        let changed = change_digit(&number, pos, delta);
        prop_assert!(!is_norwegian_org_number(&changed), "{} -> {}", number, changed);
    }

    #[test]
    fn a_valid_iban_with_one_digit_changed_is_refused(account in 0u64..99_999_999_999, pos in 4usize..15, delta in 1u32..10) {
        let iban = norwegian_iban(account);
        prop_assert!(is_iban(&iban), "{}", iban);
        let changed = change_digit(&iban, pos, delta);
        prop_assert!(!is_iban(&changed), "{} -> {}", iban, changed);
    }

    #[test]
    fn no_parsed_id_needs_encoding_or_holds_a_dot_segment(s in "\\PC*|[Tt][0-9./%]{8,12}|[a-z0-9_.:/%-]{1,12}") {
        for id in [
            AccountId::parse(&s).ok().map(|i| i.to_string()),
            ResourceId::parse(&s).ok().map(|i| i.to_string()),
            SellerId::parse(&s).ok().map(|i| i.to_string()),
            Irn::parse(&s).ok().map(|i| i.to_string()),
            OpaqueId::parse(&s).ok().map(|i| i.to_string()),
        ].into_iter().flatten() {
            prop_assert_eq!(crate::url::encode(&id), id.clone());
            prop_assert!(!id.contains("..") && id != ".", "{}", id);
        }
    }

    #[test]
    fn account_ids_are_exactly_t_or_p_and_eight_digits(n in 0u32..100_000_000, prefix in "[A-Z]") {
        let id = format!("{prefix}{n:08}");
        prop_assert_eq!(is_account_id(&id), prefix == "T" || prefix == "P");
    }
}

/// `base` (eight digits) with its mod-11 check digit, or a number that fails when none exists.
fn with_mod11(base: u32) -> String {
    let digits: Vec<u32> = format!("{base:08}").chars().filter_map(|c| c.to_digit(10)).collect();
    let sum: u32 = digits.iter().zip([3, 2, 7, 6, 5, 4, 3, 2]).map(|(a, b)| a * b).sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return "invalid".into(),
        c => c,
    };
    format!("{base:08}{check}")
}

/// A Norwegian IBAN for an 11-digit account number, with correct check digits.
fn norwegian_iban(account: u64) -> String {
    let bban = format!("{account:011}");
    // NO = 23 24; check digits = 98 - (bban + "232400") mod 97.
    let numeric = format!("{bban}232400");
    let remainder = numeric
        .chars()
        .fold(0u64, |r, c| (r * 10 + u64::from(c.to_digit(10).unwrap_or(0))) % 97);
    format!("NO{:02}{bban}", 98 - remainder)
}

fn change_digit(s: &str, pos: usize, delta: u32) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| match (i == pos, c.to_digit(10)) {
            (true, Some(d)) => char::from_digit((d + delta) % 10, 10).unwrap_or(c),
            _ => c,
        })
        .collect()
}
