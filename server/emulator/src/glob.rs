//! [`glob`]: `*` patterns, as the control plane's fault rules and the CDD cases' `payout_destination_id`
//! filter use them.

/// `*` in `pattern` matches any run of characters; everything else matches itself.
pub fn glob(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || text.len() < first.len() + last.len() || !text.ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_matches_runs() {
        assert!(glob("PD*", "PD001"));
        assert!(glob("*-sentrum", "bakeri-bodo-sentrum"));
        assert!(glob("b*o*m", "bakeri-bodo-sentrum"));
        assert!(glob("PD001", "PD001"));
        assert!(!glob("PD00", "PD001"));
        assert!(!glob("PD*2", "PD001"));
        assert!(!glob("ab*ba", "aba"));
    }

    #[test]
    fn globs_match_runs_of_characters() {
        assert!(glob(
            "/v1/accounts/*/settlements*",
            "/v1/accounts/T11200001/settlements"
        ));
        assert!(glob(
            "/v1/accounts/*/settlements*",
            "/v1/accounts/T11200001/settlements/s1/attachments/a"
        ));
        assert!(!glob(
            "/v1/accounts/*/settlements*",
            "/v1/accounts/T11200001/management/settings"
        ));
        assert!(glob("*", "/anything"));
        assert!(glob("/exact", "/exact"));
        assert!(!glob("/exact", "/exact/no"));
        assert!(!glob("/a*b*c", "/acb"));
    }
}
