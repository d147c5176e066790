//! An account's connections as the rest of the area reads them: where a connection name lives in
//! `Account.connections`, the connection objects, and the payment options a provider enables.

use serde_json::{json, Value};

/// `{payment_options: [...]}` for an enabled connection of `provider`.
pub fn configuration(provider: &str, currency: &str) -> Value {
    json!({"payment_options": default_options(provider, currency)})
}

/// The payment options a provider usually enables (04-connections.md; **INF** per provider).
pub fn default_options(provider: &str, currency: &str) -> Value {
    let types: &[&str] = match provider {
        "vipps" => &["vipps"],
        "swish" => &["swish.swish"],
        "payex" => &["payex.creditcard"],
        "collector" => &["collector.invoice", "collector.installment"],
        "klarna" => &["klarna.klarna"],
        "bambora" => &["bambora.creditcard"],
        "instabank" => &["instabank.invoice"],
        "vipps_psp" => &["dintero_psp.vipps"],
        "common" => &["dintero.zero"],
        _ => &[],
    };
    Value::Array(
        types
            .iter()
            .map(|t| json!({"type": t, "currencies": [currency]}))
            .collect(),
    )
}

/// Where a connection name (as in paths and filters) lives in `Account.connections`:
/// `payex` and `payex.creditcard` → `payex.creditcard`, `vipps-psp` → `vipps_psp` (**INF**).
pub fn connection_key(name: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match name {
        "payex" | "payex.creditcard" => ("payex", Some("creditcard")),
        "vipps-psp" | "vipps_psp" => ("vipps_psp", None),
        "instabank" => ("instabank", None),
        "vipps" => ("vipps", None),
        "collector" => ("collector", None),
        "swish" => ("swish", None),
        "bambora" => ("bambora", None),
        "klarna" => ("klarna", None),
        "common" => ("common", None),
        _ => return None,
    })
}

/// The connection object `name` of an account, if it has one.
pub fn connection<'a>(account: &'a Value, name: &str) -> Option<&'a Value> {
    let (key, sub) = connection_key(name)?;
    let outer = account.get("connections")?.get(key)?;
    let found = match sub {
        Some(sub) => outer.get(sub)?,
        None => outer,
    };
    found.is_object().then_some(found)
}

/// Every connection of an account with its name (`payex` for `payex.creditcard`).
pub fn connections(account: &Value) -> Vec<(String, &Value)> {
    let Some(map) = account.get("connections").and_then(Value::as_object) else {
        return Vec::new();
    };
    map.iter()
        .filter_map(|(name, value)| {
            if name == "payex" {
                value.get("creditcard").map(|c| (name.clone(), c))
            } else {
                Some((name.clone(), value))
            }
        })
        .filter(|(_, c)| c.is_object())
        .collect()
}
