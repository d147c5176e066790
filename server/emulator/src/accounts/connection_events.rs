//! Connection status events, `POST /v1/accounts/{oid}/management/accounts/{aid}/connections/{connection}/events`
//! (02-partner-accounts.md), and the control plane's explicit lifecycle step
//! `POST /__emulator/advance/connections/{aid}/{connection}`.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde_json::{json, Map, Value};

use super::access::{check_aid, not_found, partner_claims, partner_mut};
use super::connections::{configuration, connection, connection_key};
use crate::clock::ts;
use crate::error::ApiError;
use crate::state::Emulator;

const STATUSES: [&str; 4] = ["pending", "enabled", "failed", "declined"];
/// Connections the endpoint takes (02-partner-accounts.md; `klarna`, `vipps-psp` **INF**).
const CONNECTIONS: [&str; 9] = [
    "instabank",
    "vipps",
    "payex.creditcard",
    "payex",
    "collector",
    "swish",
    "bambora",
    "klarna",
    "vipps-psp",
];

/// The control plane's lifecycle: where one step takes a connection from each status.
pub const ADVANCE: [(&str, &str, &str); 3] = [
    ("pending", "enabled", "connection_enabled"),
    ("failed", "pending", "application_resubmitted"),
    ("declined", "pending", "application_resubmitted"),
];

pub async fn create(
    State(emulator): State<Emulator>,
    Path((oid, aid, name)): Path<(String, String, String)>,
    headers: HeaderMap,
    body: Option<Json<Value>>,
) -> Result<Json<Value>, ApiError> {
    let claims = partner_claims(&emulator, &headers, &oid, &["admin:accounts", "write:accounts"])?;
    check_aid(&aid)?;
    if !CONNECTIONS.contains(&name.as_str()) {
        return Err(ApiError::validation(vec![(
            "/connection".into(),
            format!("should be one of {}", CONNECTIONS.join(", ")),
        )]));
    }
    let body = body.map(|Json(b)| b).unwrap_or(Value::Null);
    let event = check_event(&body)?;
    let mut world = emulator.world.write().await;
    let account = partner_mut(&mut world, &oid)?
        .accounts
        .merchants
        .get_mut(&aid)
        .ok_or_else(|| not_found(&aid))?;
    let stored = append(account, &name, event, &claims.sub);
    Ok(Json(stored))
}

/// The event of a request body, or 400 naming each failing field.
fn check_event(body: &Value) -> Result<Map<String, Value>, ApiError> {
    let mut failures = Vec::new();
    match body.get("status").and_then(Value::as_str) {
        Some(s) if STATUSES.contains(&s) => {}
        Some(_) => failures.push((
            "/status".to_owned(),
            format!("should be equal to one of the allowed values: {}", STATUSES.join(", ")),
        )),
        None => failures.push((
            "/status".to_owned(),
            "should have required property 'status'".to_owned(),
        )),
    }
    match body.get("event").and_then(Value::as_str) {
        Some(e) if !e.trim().is_empty() => {}
        _ => failures.push(("/event".to_owned(), "should have required property 'event'".to_owned())),
    }
    if body.get("description").is_some_and(|d| !d.is_string() && !d.is_null()) {
        failures.push(("/description".to_owned(), "should be string".to_owned()));
    }
    match body.get("metadata") {
        None | Some(Value::Null) => {}
        Some(Value::Object(m)) if m.len() <= 40 => {}
        Some(Value::Object(_)) => failures.push((
            "/metadata".to_owned(),
            "should NOT have more than 40 properties".to_owned(),
        )),
        Some(_) => failures.push(("/metadata".to_owned(), "should be object".to_owned())),
    }
    if !failures.is_empty() {
        return Err(ApiError::validation(failures));
    }
    let mut event = Map::new();
    for key in ["status", "event", "description", "metadata"] {
        if let Some(v) = body.get(key).filter(|v| !v.is_null()) {
            event.insert(key.to_owned(), v.clone());
        }
    }
    Ok(event)
}

/// Appends an event to the account's connection `name` (creating the connection if absent), sets
/// its status, and answers the stored event.
pub fn append(account: &mut Value, name: &str, mut event: Map<String, Value>, by: &str) -> Value {
    let now = ts(chrono::Utc::now());
    let currency = account["currency"].as_str().unwrap_or("NOK").to_owned();
    let Some((key, sub)) = connection_key(name) else {
        return Value::Null;
    };
    if !account["connections"].is_object() {
        account["connections"] = json!({});
    }
    let slot = &mut account["connections"][key];
    let connection = match sub {
        Some(sub) => {
            if !slot.is_object() {
                *slot = json!({});
            }
            &mut slot[sub]
        }
        None => slot,
    };
    if !connection.is_object() {
        *connection = json!({
            "created_at": now,
            "created_by": by,
            "status": "pending",
            "schema": 1,
            "metadata": {},
            "events": [],
        });
    }
    event.insert("id".into(), json!(uuid::Uuid::new_v4().to_string()));
    event.insert("created_at".into(), json!(now));
    event.insert("created_by".into(), json!(by));
    let status = event.get("status").cloned().unwrap_or(json!("pending"));
    if status == "enabled" && connection.get("configuration").is_none() {
        connection["configuration"] = configuration(key, &currency);
    }
    connection["status"] = status;
    connection["updated_at"] = json!(now);
    let stored = Value::Object(event);
    match connection["events"].as_array_mut() {
        Some(events) => events.push(stored.clone()),
        None => connection["events"] = json!([stored.clone()]),
    }
    account["updated_at"] = json!(now);
    stored
}

/// `POST /__emulator/advance/connections/{aid}/{connection}`: one step along [`ADVANCE`]; answers
/// `{account_id, connection, from, status, event}`. 409 when the connection has no next step.
pub async fn advance(
    State(emulator): State<Emulator>,
    Path((aid, name)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let mut world = emulator.world.write().await;
    let account = world
        .partner_of_mut(&aid)
        .and_then(|p| p.accounts.merchants.get_mut(&aid))
        .ok_or_else(|| not_found(&aid))?;
    let from = connection(account, &name)
        .and_then(|c| c["status"].as_str())
        .map(str::to_owned)
        .ok_or_else(|| ApiError::not_found(format!("Account {aid} has no connection {name}")))?;
    let (_, to, code) = ADVANCE.iter().find(|(f, _, _)| *f == from).ok_or_else(|| {
        ApiError::new(
            StatusCode::CONFLICT,
            "conflict",
            format!("Connection {name} is {from}: no next step"),
        )
    })?;
    let mut event = Map::new();
    event.insert("status".into(), json!(to));
    event.insert("event".into(), json!(code));
    event.insert("description".into(), json!(format!("{name}: {from} → {to} (emulator)")));
    event.insert("metadata".into(), json!({}));
    let stored = append(account, &name, event, "emulator");
    Ok(Json(
        json!({"account_id": aid, "connection": name, "from": from, "status": to, "event": stored}),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_on_payex_lands_under_creditcard_and_creates_it() {
        let mut account = json!({"account_id": "T11200001", "currency": "SEK", "connections": {}});
        let mut event = Map::new();
        event.insert("status".into(), json!("enabled"));
        event.insert("event".into(), json!("connection_enabled"));
        let stored = append(&mut account, "payex", event, "me");
        let connection = &account["connections"]["payex"]["creditcard"];
        assert_eq!(connection["status"], "enabled");
        assert_eq!(connection["events"][0], stored);
        assert_eq!(
            connection["configuration"]["payment_options"][0]["type"],
            "payex.creditcard"
        );
        assert_eq!(
            connection["configuration"]["payment_options"][0]["currencies"][0],
            "SEK"
        );
    }

    #[test]
    fn metadata_is_bounded() {
        let metadata: Map<String, Value> = (0..41).map(|i| (format!("k{i}"), json!(i))).collect();
        let body = json!({"status": "pending", "event": "x", "metadata": metadata});
        assert!(check_event(&body).is_err());
        assert!(check_event(&json!({"status": "paused", "event": "x"})).is_err());
        assert!(check_event(&json!({"status": "pending", "event": "x", "metadata": {"a": 1}})).is_ok());
    }
}
