//! Bank accounts: IBAN (ISO 13616, mod-97, with each country's length) and the Norwegian BBAN
//! (11 digits, mod-11 check digit).

use super::digits;

/// IBAN lengths of the countries partners pay out to (others: 15 to 34 characters).
const LENGTHS: [(&str, usize); 12] = [
    ("NO", 15),
    ("SE", 24),
    ("DK", 18),
    ("FI", 18),
    ("DE", 22),
    ("GB", 22),
    ("NL", 18),
    ("FR", 27),
    ("ES", 24),
    ("IS", 26),
    ("EE", 20),
    ("PL", 28),
];

/// An IBAN: country code, check digits, account; spaces allowed; the mod-97 check must hold.
pub fn is_iban(s: &str) -> bool {
    let compact: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if !(15..=34).contains(&compact.len()) || !compact.is_ascii() {
        return false;
    }
    let (country, rest) = compact.split_at(2);
    if !country.chars().all(|c| c.is_ascii_uppercase()) || !rest[..2].chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    if let Some((_, len)) = LENGTHS.iter().find(|(c, _)| *c == country) {
        if compact.len() != *len {
            return false;
        }
    }
    if !compact.chars().all(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    let rearranged = format!("{}{}", &compact[4..], &compact[..4]);
    let mut remainder: u32 = 0;
    for c in rearranged.chars() {
        let value = c.to_digit(36).unwrap_or(0);
        remainder = if value < 10 {
            (remainder * 10 + value) % 97
        } else {
            (remainder * 100 + value) % 97
        };
    }
    remainder == 1
}

/// A Norwegian account number (BBAN): eleven digits, often written `1234.56.78903`, whose last digit
/// is the mod-11 check digit.
pub fn is_norwegian_bban(s: &str) -> bool {
    let Some(d) = digits(s.trim()) else { return false };
    if d.len() != 11 {
        return false;
    }
    const WEIGHTS: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let sum: u32 = d[..10].iter().zip(WEIGHTS).map(|(a, b)| a * b).sum();
    match 11 - sum % 11 {
        11 => d[10] == 0,
        10 => false,
        check => d[10] == check,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_ibans() {
        for good in [
            "NO9386011117947",
            "NO93 8601 1117 947",
            "SE4550000000058398257466",
            "GB82WEST12345698765432",
            "de89370400440532013000",
        ] {
            assert!(is_iban(good), "{good}");
        }
        for bad in [
            "NO9386011117948",
            "NO938601111794",
            "SE45500000000583982574",
            "XX",
            "",
            "NO93-8601-1117-947",
            "ÆØ9386011117947",
        ] {
            assert!(!is_iban(bad), "{bad}");
        }
    }

    #[test]
    fn known_norwegian_account_numbers() {
        for good in ["86011117947", "8601.11.17947", "1234.56.78903"] {
            assert!(is_norwegian_bban(good), "{good}");
        }
        for bad in ["86011117948", "8601111794", "860111179470", "", "8601.11.1794x"] {
            assert!(!is_norwegian_bban(bad), "{bad}");
        }
    }
}
