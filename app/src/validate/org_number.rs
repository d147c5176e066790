//! Norwegian (9 digits, mod-11 check digit, optional `MVA`) and Swedish (10 digits, Luhn, written
//! `NNNNNN-NNNN`, optionally with a `16` century prefix) organisation numbers.

use super::digits;

/// A Norwegian organisation number: nine digits whose last is the mod-11 check digit. Spaces and an
/// `MVA` suffix (VAT-registered) are allowed: `923 609 016 MVA`.
pub fn is_norwegian_org_number(s: &str) -> bool {
    let s = s.trim();
    let s = s.strip_suffix("MVA").or_else(|| s.strip_suffix("mva")).unwrap_or(s);
    let Some(d) = digits(s) else { return false };
    if d.len() != 9 || !(8..=9).contains(&d[0]) {
        return false;
    }
    const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];
    let sum: u32 = d[..8].iter().zip(WEIGHTS).map(|(a, b)| a * b).sum();
    match 11 - sum % 11 {
        11 => d[8] == 0,
        10 => false,
        check => d[8] == check,
    }
}

/// A Swedish organisation number: ten digits (or twelve with the `16` prefix) passing the Luhn
/// check, the third digit at least 2 (which tells it from a personal identity number).
pub fn is_swedish_org_number(s: &str) -> bool {
    let Some(mut d) = digits(s.trim()) else { return false };
    if d.len() == 12 && d[0] == 1 && d[1] == 6 {
        d.drain(..2);
    }
    if d.len() != 10 || d[2] < 2 {
        return false;
    }
    let sum: u32 = d
        .iter()
        .enumerate()
        .map(|(i, x)| if i % 2 == 0 { (x * 2) / 10 + (x * 2) % 10 } else { *x })
        .sum();
    sum.is_multiple_of(10)
}

/// An organisation number valid for `country` (`NO` or `SE`); other countries are not checked here.
pub fn is_org_number(country: &str, s: &str) -> bool {
    match country {
        "NO" => is_norwegian_org_number(s),
        "SE" => is_swedish_org_number(s),
        _ => !s.trim().is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_norwegian_numbers() {
        for good in ["923609016", "923 609 016", "923609016MVA", "974760673", "889640782"] {
            assert!(is_norwegian_org_number(good), "{good}");
        }
        for bad in [
            "923609017",
            "12345678",
            "1234567890",
            "123456785",
            "92360901x",
            "",
            "MVA",
            "923-609-01",
        ] {
            assert!(!is_norwegian_org_number(bad), "{bad}");
        }
    }

    #[test]
    fn known_swedish_numbers() {
        for good in ["556036-0793", "5560360793", "16556036-0793", "202100-5489"] {
            assert!(is_swedish_org_number(good), "{good}");
        }
        for bad in [
            "556036-0794",
            "556036079",
            "811228-9874",
            "",
            "abcdef-ghij",
            "17556036-0793",
        ] {
            assert!(!is_swedish_org_number(bad), "{bad}");
        }
    }
}
