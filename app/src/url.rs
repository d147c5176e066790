//! Percent-encoding for the app's own URLs: query values, path segments, `next=` addresses.

fn encode_keeping(value: &str, keep: &[u8]) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => char::from(b).to_string(),
            b if keep.contains(&b) => char::from(b).to_string(),
            b => format!("%{b:02X}"),
        })
        .collect()
}

/// Everything but letters, digits, `-`, `_`, `.` and `~` percent-encoded: safe as a query value or
/// a path segment.
pub fn encode(value: &str) -> String {
    encode_keeping(value, &[])
}

/// Like [`encode`], but keeping `/`: a path (with its query) carried inside a query value.
pub fn encode_path(value: &str) -> String {
    encode_keeping(value, b"/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_and_non_ascii_characters_are_encoded() {
        assert_eq!(encode("kari nordmann@x.no/ø"), "kari%20nordmann%40x.no%2F%C3%B8");
        assert_eq!(encode_path("/accounts?limit=10"), "/accounts%3Flimit%3D10");
    }
}
