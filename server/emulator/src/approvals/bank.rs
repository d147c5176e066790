//! Bank accounts of approvals (`ApprovalsBankAccount`, 05-approvals-cdd.md): the checks a new
//! approval's account must pass (IBAN mod-97, Norwegian BBAN mod-11) and believable seeded ones.

use rand::rngs::StdRng;
use rand::Rng;
use serde_json::{json, Value};

/// Norwegian banks: name, BIC, a registry number (first four BBAN digits).
const NO_BANKS: [(&str, &str, &str); 5] = [
    ("DNB Bank ASA", "DNBANOKKXXX", "1203"),
    ("SpareBank 1 SR-Bank ASA", "SPRONO22XXX", "3201"),
    ("Nordea Bank Abp, filial i Norge", "NDEANOKKXXX", "6012"),
    ("Sparebanken Vest", "SPAVNOBBXXX", "3625"),
    ("Handelsbanken", "HANDNOKKXXX", "9049"),
];

/// Swedish banks: name, BIC, the three-digit bank code inside a Swedish IBAN.
const SE_BANKS: [(&str, &str, &str); 4] = [
    ("Skandinaviska Enskilda Banken AB", "ESSESESSXXX", "500"),
    ("Svenska Handelsbanken AB", "HANDSESSXXX", "600"),
    ("Swedbank AB", "SWEDSESSXXX", "800"),
    ("Nordea Bank Abp, filial i Sverige", "NDEASESSXXX", "300"),
];

/// True when `bban` is an eleven-digit Norwegian account number whose mod-11 check digit holds.
pub fn valid_norwegian_bban(bban: &str) -> bool {
    const WEIGHTS: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let digits: Vec<u32> = bban.chars().filter_map(|c| c.to_digit(10)).collect();
    if bban.len() != 11 || digits.len() != 11 {
        return false;
    }
    let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    match 11 - sum % 11 {
        11 => digits[10] == 0,
        10 => false,
        c => digits[10] == c,
    }
}

/// The IBAN mod-97 remainder of `iban` (country, check digits, BBAN), `None` if it has other
/// characters than letters and digits.
fn iban_remainder(iban: &str) -> Option<u32> {
    if iban.len() < 5 {
        return None;
    }
    let rearranged = format!("{}{}", &iban[4..], &iban[..4]);
    let mut remainder: u32 = 0;
    for c in rearranged.chars() {
        let value = match c {
            '0'..='9' => c.to_digit(10)?,
            'A'..='Z' => c as u32 - 'A' as u32 + 10,
            _ => return None,
        };
        remainder = if value >= 10 {
            (remainder * 100 + value) % 97
        } else {
            (remainder * 10 + value) % 97
        };
    }
    Some(remainder)
}

/// True when `iban` (no spaces) is two letters, two digits, up to 30 letters/digits, and mod-97 is 1.
pub fn valid_iban(iban: &str) -> bool {
    let bytes = iban.as_bytes();
    (15..=34).contains(&iban.len())
        && bytes[..2].iter().all(u8::is_ascii_uppercase)
        && bytes[2..4].iter().all(u8::is_ascii_digit)
        && iban_remainder(iban) == Some(1)
}

/// The IBAN for a country and BBAN, with its check digits computed.
pub fn iban_for(country: &str, bban: &str) -> String {
    let remainder = iban_remainder(&format!("{country}00{bban}")).unwrap_or(0);
    format!("{country}{:02}{bban}", 98 - remainder)
}

/// A Norwegian BBAN (eleven digits, mod-11) at one of the banks, drawn from the seeded generator.
pub fn norwegian_bban(rng: &mut StdRng, registry: &str) -> String {
    loop {
        let body: String = (0..6).map(|_| char::from(b'0' + rng.random_range(0..10u8))).collect();
        for check in 0..10 {
            let candidate = format!("{registry}{body}{check}");
            if valid_norwegian_bban(&candidate) {
                return candidate;
            }
        }
    }
}

/// A seeded bank account for a company in `country` (`NO` or `SE`): Norwegian ones mostly as
/// BBAN, some as IBAN; Swedish ones as IBAN.
pub fn seeded_account(rng: &mut StdRng, country: &str, currency: &str) -> Value {
    if country == "SE" {
        let (name, bic, code) = SE_BANKS[rng.random_range(0..SE_BANKS.len())];
        let digits: String = (0..17).map(|_| char::from(b'0' + rng.random_range(0..10u8))).collect();
        json!({
            "bank_account_currency": currency,
            "payout_currency": currency,
            "bank_name": name,
            "bank_account_number": iban_for("SE", &format!("{code}{digits}")),
            "bank_account_number_type": "IBAN",
            "bank_account_country_code": "SE",
            "bank_identification_code": bic,
        })
    } else {
        let (name, bic, registry) = NO_BANKS[rng.random_range(0..NO_BANKS.len())];
        let bban = norwegian_bban(rng, registry);
        let (number, kind) = if rng.random_range(0..5) == 0 {
            (iban_for("NO", &bban), "IBAN")
        } else {
            (bban, "BBAN")
        };
        json!({
            "bank_account_currency": currency,
            "payout_currency": currency,
            "bank_name": name,
            "bank_account_number": number,
            "bank_account_number_type": kind,
            "bank_account_country_code": "NO",
            "bank_identification_code": bic,
        })
    }
}

/// Checks `bank_accounts` of a new approval: exactly one item, currencies given, the number valid
/// for its type (IBAN mod-97; BBAN of a Norwegian account mod-11). Failures as (JSON pointer, message).
pub fn check_bank_accounts(body: &Value, parent_country: Option<&str>, failures: &mut Vec<(String, String)>) {
    let Some(value) = body.get("bank_accounts") else {
        failures.push((
            "/bank_accounts".into(),
            "should have required property 'bank_accounts'".into(),
        ));
        return;
    };
    let Some(accounts) = value.as_array() else {
        failures.push(("/bank_accounts".into(), "should be array".into()));
        return;
    };
    if accounts.len() != 1 {
        failures.push((
            "/bank_accounts".into(),
            format!("should have exactly 1 item, got {}", accounts.len()),
        ));
        return;
    }
    let account = &accounts[0];
    let at = |field: &str| format!("/bank_accounts/0/{field}");
    if !account.is_object() {
        failures.push(("/bank_accounts/0".into(), "should be object".into()));
        return;
    }
    for field in ["bank_account_currency", "payout_currency"] {
        match account.get(field).and_then(Value::as_str) {
            Some(c) if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) => {}
            Some(_) => failures.push((at(field), "should be an ISO 4217 currency code".into())),
            None => failures.push((at(field), format!("should have required property '{field}'"))),
        }
    }
    let country = account
        .get("bank_account_country_code")
        .and_then(Value::as_str)
        .or(parent_country)
        .unwrap_or_default();
    let kind = match account.get("bank_account_number_type").and_then(Value::as_str) {
        Some(kind @ ("IBAN" | "BBAN")) => kind,
        Some(_) => {
            failures.push((
                at("bank_account_number_type"),
                "should be equal to one of the allowed values: IBAN, BBAN".into(),
            ));
            return;
        }
        None if country == "NO" => "BBAN",
        None => "IBAN",
    };
    if let Some(bic) = account.get("bank_identification_code").and_then(Value::as_str) {
        if !matches!(bic.len(), 8 | 11) || !bic.bytes().all(|b| b.is_ascii_alphanumeric()) {
            failures.push((
                at("bank_identification_code"),
                "should be a BIC of 8 or 11 letters and digits".into(),
            ));
        }
    }
    let Some(number) = account.get("bank_account_number").and_then(Value::as_str) else {
        return;
    };
    let number: String = number.chars().filter(|c| !c.is_whitespace() && *c != '.').collect();
    let path = at("bank_account_number");
    if kind == "IBAN" {
        if !valid_iban(&number.to_ascii_uppercase()) {
            failures.push((path, "is not a valid IBAN (mod-97 check failed)".into()));
        }
    } else if country == "NO" {
        if !valid_norwegian_bban(&number) {
            failures.push((
                path,
                "is not a valid Norwegian account number (11 digits, mod-11)".into(),
            ));
        }
    } else if number.is_empty() || !number.bytes().all(|b| b.is_ascii_alphanumeric()) {
        failures.push((path, "should be letters and digits".into()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn known_account_numbers_check_out() {
        // DNB's published example account and its IBAN.
        assert!(valid_norwegian_bban("86011117947"));
        assert!(valid_iban("NO9386011117947"));
        assert_eq!(iban_for("NO", "86011117947"), "NO9386011117947");
        assert!(valid_iban("SE4550000000058398257466"));
        assert!(!valid_iban("SE4550000000058398257467"));
        assert!(!valid_norwegian_bban("86011117948"));
        assert!(!valid_norwegian_bban("8601111794"));
    }

    #[test]
    fn seeded_accounts_pass_the_checks() {
        let mut rng = StdRng::seed_from_u64(3);
        for country in ["NO", "SE", "NO", "NO", "SE", "NO", "NO", "NO"] {
            let account = seeded_account(&mut rng, country, if country == "SE" { "SEK" } else { "NOK" });
            let mut failures = Vec::new();
            check_bank_accounts(&json!({"bank_accounts": [account]}), Some(country), &mut failures);
            assert!(failures.is_empty(), "{failures:?}");
        }
    }

    #[test]
    fn a_wrong_iban_names_its_field() {
        let mut failures = Vec::new();
        let body = json!({"bank_accounts": [{
            "bank_account_currency": "NOK", "payout_currency": "NOK",
            "bank_account_number": "NO9386011117948", "bank_account_number_type": "IBAN"
        }]});
        check_bank_accounts(&body, Some("NO"), &mut failures);
        assert_eq!(failures.len(), 1);
        assert_eq!(failures[0].0, "/bank_accounts/0/bank_account_number");
    }
}
