//! E-mail addresses, phone numbers (E.164, Norway and Sweden checked closely) and postal codes.

/// An e-mail address in the shape people and Dintero accept: `local@domain.tld`, no spaces, one
/// `@`, a dot in the domain, no empty labels.
pub fn is_email(s: &str) -> bool {
    let s = s.trim();
    if s.len() > 254 || s.chars().any(char::is_whitespace) {
        return false;
    }
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.len() <= 64
        && !local.contains('@')
        && !local.starts_with('.')
        && !local.ends_with('.')
        && domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// A phone number in international form (`+47 912 34 567`): Norwegian numbers have 8 digits after
/// +47, Swedish 7 to 9 after +46 (no leading 0), others 6 to 15 digits in all.
pub fn is_phone_number(s: &str) -> bool {
    let compact: String = s.chars().filter(|c| !matches!(c, ' ' | '-' | '(' | ')')).collect();
    let Some(number) = compact.strip_prefix('+') else {
        return false;
    };
    if !number.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    if let Some(rest) = number.strip_prefix("47") {
        rest.len() == 8
    } else if let Some(rest) = number.strip_prefix("46") {
        (7..=9).contains(&rest.len()) && !rest.starts_with('0')
    } else {
        (6..=15).contains(&number.len()) && !number.starts_with('0')
    }
}

/// A postal code for `country`: four digits in Norway (`0154`), five in Sweden (`118 20` or `11820`).
pub fn is_postal_code(country: &str, s: &str) -> bool {
    let s = s.trim();
    match country {
        "NO" => s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()),
        "SE" => {
            let compact: String = s.chars().filter(|c| *c != ' ').collect();
            compact.len() == 5 && compact.chars().all(|c| c.is_ascii_digit()) && !compact.starts_with('0')
        }
        _ => !s.is_empty() && s.len() <= 12,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_addresses() {
        for good in [
            "kari@nordlys.no",
            "ola.nordmann+test@firma.example",
            "åsa@företag.se",
            "a@b.co",
        ] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "",
            "kari",
            "kari@",
            "@nordlys.no",
            "kari@nordlys",
            "kari @nordlys.no",
            "kari@nordlys..no",
            "a@b@c.no",
            ".kari@nordlys.no",
            "kari@-nordlys.no",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn known_phone_numbers() {
        for good in [
            "+4791234567",
            "+47 912 34 567",
            "+46701234567",
            "+46 8 123 456 78",
            "+4930123456",
        ] {
            assert!(is_phone_number(good), "{good}");
        }
        for bad in [
            "",
            "91234567",
            "+479123456",
            "+47912345678",
            "+460701234567",
            "+47 912 34 56x",
            "+",
        ] {
            assert!(!is_phone_number(bad), "{bad}");
        }
    }

    #[test]
    fn known_postal_codes() {
        assert!(is_postal_code("NO", "0154") && is_postal_code("SE", "118 20") && is_postal_code("SE", "11820"));
        assert!(!is_postal_code("NO", "154") && !is_postal_code("NO", "01543") && !is_postal_code("SE", "1182"));
        assert!(!is_postal_code("SE", "018 20") && !is_postal_code("NO", "O154"));
    }
}
