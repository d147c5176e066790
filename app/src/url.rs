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

/// Percent-decodes `value` (`+` stays `+`); `None` when an escape is malformed or the result is
/// not UTF-8.
pub fn decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Sends the browser to `path` after this server function or page (302 for a plain form post,
/// Leptos' redirect header for JavaScript). A path that cannot be a header value (control
/// characters, raw non-ASCII) is never sent: the person goes to `/` and the log says why, instead of
/// the request panicking.
#[cfg(feature = "ssr")]
pub fn redirect(path: &str) {
    if http::HeaderValue::from_str(path).is_ok() && path.starts_with('/') && !path.starts_with("//") {
        leptos_axum::redirect(path);
    } else {
        tracing::warn!("refused to redirect to an address that is not a plain path on this site");
        leptos_axum::redirect("/");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_and_non_ascii_characters_are_encoded() {
        assert_eq!(encode("kari nordmann@x.no/ø"), "kari%20nordmann%40x.no%2F%C3%B8");
        assert_eq!(encode_path("/accounts?limit=10"), "/accounts%3Flimit%3D10");
    }

    #[test]
    fn decoding_undoes_encoding_and_refuses_broken_escapes() {
        assert_eq!(
            decode(&encode("kari nordmann@x.no/ø")).as_deref(),
            Some("kari nordmann@x.no/ø")
        );
        assert_eq!(decode("%2"), None);
        assert_eq!(decode("%zz"), None);
        assert_eq!(decode("%ff"), None, "not UTF-8");
        assert_eq!(decode("%C3%A6").as_deref(), Some("æ"));
    }
}
