//! The merchant's settings as (field path, value) lines for the Settings tab ([`flatten`]), with
//! provider credentials, keys and anything named like a secret left out.

/// Fields never shown: provider credentials and keys.
#[cfg(feature = "ssr")]
fn hidden(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    [
        "connections",
        "jwks",
        "secret",
        "password",
        "token",
        "key",
        "credential",
        "paging_token",
    ]
    .iter()
    .any(|h| key.contains(h))
}

#[cfg(feature = "ssr")]
pub fn flatten(prefix: &str, value: &serde_json::Value, out: &mut Vec<(String, String)>) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                if hidden(key) {
                    continue;
                }
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&path, child, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                flatten(&format!("{prefix}[{i}]"), child, out);
            }
        }
        Value::Null => {}
        Value::String(s) => out.push((prefix.to_owned(), s.clone())),
        other => out.push((prefix.to_owned(), other.to_string())),
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn settings_leave_out_connections_and_secrets() {
        let value = serde_json::json!({
            "company": {"business_name": "Fjord", "address": {"country": "NO"}},
            "connections": {"vipps": {"configuration": {"secret_token": "x"}}},
            "services": {"checkout": {"status": "enabled"}},
            "api_key": "k",
            "terms": [{"url": "https://x.no"}],
            "livemode": false
        });
        let mut lines = Vec::new();
        flatten("", &value, &mut lines);
        let paths: Vec<&str> = lines.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "company.address.country",
                "company.business_name",
                "livemode",
                "services.checkout.status",
                "terms[0].url"
            ]
        );
    }
}
