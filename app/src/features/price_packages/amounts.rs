//! Kroner and percent as people type them, to and from Dintero's minor units and decimal-string
//! rates: exact string arithmetic, never floating point.

/// Kroner as typed (`1,80`, `1.8`, `12`, `1 200,50`) → øre; at most two decimals, not negative.
pub fn major_to_minor(text: &str) -> Option<i64> {
    let text: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect();
    let (whole, fraction) = match text.split_once([',', '.']) {
        Some((w, f)) => (w.to_owned(), f.to_owned()),
        None => (text.clone(), String::new()),
    };
    if whole.is_empty() && fraction.is_empty()
        || fraction.len() > 2
        || !whole.chars().chain(fraction.chars()).all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let fraction: i64 = format!("{fraction:0<2}").parse().ok()?;
    whole.checked_mul(100)?.checked_add(fraction)
}

/// Øre → kroner with a decimal comma (`180` → `1,80`, `1200` → `12`).
pub fn minor_to_major(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let minor = minor.unsigned_abs();
    match minor % 100 {
        0 => format!("{sign}{}", minor / 100),
        cents => format!("{sign}{},{cents:02}", minor / 100),
    }
}

/// A percentage as typed (`2,4`) → Dintero's decimal rate (`0.024`); 0–100, exact.
pub fn percent_to_rate(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches('%').trim().replace(',', ".");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    if whole.is_empty() && fraction.is_empty() || !whole.chars().chain(fraction.chars()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let whole = whole.trim_start_matches('0');
    if whole.len() > 3
        || whole.parse::<u32>().unwrap_or(0) > 100
        || (whole == "100" && fraction.chars().any(|c| c != '0'))
    {
        return None;
    }
    // Shift the decimal point two places left.
    let digits = format!("{whole:0>2}{fraction}");
    let (int, frac) = digits.split_at(digits.len() - fraction.len() - 2);
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    Some(if frac.is_empty() {
        int.to_owned()
    } else {
        format!("{int}.{frac}")
    })
}

/// Dintero's decimal rate (`0.024`) → a percentage with a decimal comma (`2,4`), exact.
pub fn rate_to_percent(rate: &str) -> Option<String> {
    let (whole, fraction) = rate.trim().split_once('.').unwrap_or((rate.trim(), ""));
    if whole.is_empty() || !whole.chars().chain(fraction.chars()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let fraction = format!("{fraction:0<2}");
    let (moved, rest) = fraction.split_at(2);
    let int = format!("{whole}{moved}");
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let rest = rest.trim_end_matches('0');
    Some(if rest.is_empty() {
        int.to_owned()
    } else {
        format!("{int},{rest}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kroner_and_percent_convert_exactly() {
        assert_eq!(major_to_minor("1,80"), Some(180));
        assert_eq!(major_to_minor("1.8"), Some(180));
        assert_eq!(major_to_minor("1 200,5"), Some(120_050));
        assert_eq!(major_to_minor("12"), Some(1200));
        assert_eq!(major_to_minor(",5"), Some(50));
        assert_eq!(major_to_minor("1,805"), None);
        assert_eq!(major_to_minor("-1"), None);
        assert_eq!(major_to_minor("abc"), None);
        assert_eq!(minor_to_major(180), "1,80");
        assert_eq!(minor_to_major(1200), "12");
        assert_eq!(percent_to_rate("2,4").as_deref(), Some("0.024"));
        assert_eq!(percent_to_rate("1.25 %").as_deref(), Some("0.0125"));
        assert_eq!(percent_to_rate("0,9").as_deref(), Some("0.009"));
        assert_eq!(percent_to_rate("100").as_deref(), Some("1"));
        assert_eq!(percent_to_rate("12").as_deref(), Some("0.12"));
        assert_eq!(percent_to_rate("101"), None);
        assert_eq!(percent_to_rate("x"), None);
        assert_eq!(rate_to_percent("0.024").as_deref(), Some("2,4"));
        assert_eq!(rate_to_percent("0.0125").as_deref(), Some("1,25"));
        assert_eq!(rate_to_percent("1").as_deref(), Some("100"));
        assert_eq!(rate_to_percent("0.12").as_deref(), Some("12"));
        for typed in ["2,4", "0,0001", "1,25", "99,999", "0"] {
            let rate = percent_to_rate(typed).unwrap();
            assert_eq!(rate_to_percent(&rate).unwrap(), typed, "{typed} → {rate}");
        }
    }
}
