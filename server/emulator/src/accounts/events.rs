//! Account events, `GET`/`POST /v1/accounts/{oid}/management/accounts/{aid}/events`
//! (02-partner-accounts.md): the partner's private comments on a merchant and monthly statistics,
//! listed newest first with an item cursor.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use chrono::Utc;
use serde_json::{json, Value};

use super::access::{check_aid, not_found, partner, partner_claims, partner_mut};
use super::seed::comment;
use crate::clock::ts;
use crate::error::ApiError;
use crate::params::Params;
use crate::state::Emulator;

/// `GET .../accounts/{aid}/events`: newest first; `type=comment` keeps comments only.
pub async fn list(
    State(emulator): State<Emulator>,
    Path((oid, aid)): Path<(String, String)>,
    headers: HeaderMap,
    params: Params,
) -> Result<Json<Vec<Value>>, ApiError> {
    partner_claims(&emulator, &headers, &oid, &["admin:accounts", "read:accounts"])?;
    check_aid(&aid)?;
    let limit = params.limit(10, 100)?;
    let types = params.all("type");
    if let Some(bad) = types.iter().position(|t| t != "comment") {
        return Err(ApiError::validation(vec![(
            format!("/type/{bad}"),
            "should be equal to one of the allowed values: comment".into(),
        )]));
    }
    let before = match params.one("starting_after") {
        None => usize::MAX,
        Some(token) => token
            .strip_prefix("pt.")
            .and_then(|n| n.parse::<usize>().ok())
            .ok_or_else(|| {
                ApiError::validation(vec![(
                    "/starting_after".into(),
                    "should be the paging_token of an item of the previous page".into(),
                )])
            })?,
    };
    let world = emulator.world.read().await;
    let store = &partner(&world, &oid)?.accounts;
    if !store.merchants.contains_key(&aid) {
        return Err(not_found(&aid));
    }
    let events = store.events.get(&aid).map(Vec::as_slice).unwrap_or_default();
    let page = events
        .iter()
        .enumerate()
        .rev()
        .filter(|(i, _)| *i < before)
        .filter(|(_, e)| types.is_empty() || types.iter().any(|t| e["event_type"] == t.as_str()))
        .take(limit)
        .map(|(i, e)| {
            let mut item = e.clone();
            item["paging_token"] = json!(format!("pt.{i}"));
            item
        })
        .collect();
    Ok(Json(page))
}

/// `POST .../accounts/{aid}/events`: adds a private comment.
pub async fn create(
    State(emulator): State<Emulator>,
    Path((oid, aid)): Path<(String, String)>,
    headers: HeaderMap,
    body: Option<Json<Value>>,
) -> Result<Json<Value>, ApiError> {
    let claims = partner_claims(&emulator, &headers, &oid, &["admin:accounts", "write:accounts"])?;
    check_aid(&aid)?;
    let body = body.map(|Json(b)| b).unwrap_or(Value::Null);
    let mut failures = Vec::new();
    let required = |name: &str| format!("should have required property '{name}'");
    match body.get("event_type").and_then(Value::as_str) {
        Some("comment") => {}
        Some(_) => failures.push((
            "/event_type".into(),
            "should be equal to one of the allowed values: comment".into(),
        )),
        None => failures.push(("/event_type".into(), required("event_type"))),
    }
    match body.get("body").and_then(Value::as_str) {
        Some(b) if !b.trim().is_empty() => {}
        _ => failures.push(("/body".into(), required("body"))),
    }
    match body.get("visibility").and_then(Value::as_str) {
        Some("private") => {}
        Some(_) => failures.push((
            "/visibility".into(),
            "should be equal to one of the allowed values: private".into(),
        )),
        None => failures.push(("/visibility".into(), required("visibility"))),
    }
    if !failures.is_empty() {
        return Err(ApiError::validation(failures));
    }
    let mut world = emulator.world.write().await;
    let store = &mut partner_mut(&mut world, &oid)?.accounts;
    if !store.merchants.contains_key(&aid) {
        return Err(not_found(&aid));
    }
    let event = comment(
        uuid::Uuid::new_v4().to_string(),
        ts(Utc::now()),
        &claims.sub,
        body["body"].as_str().unwrap_or_default(),
    );
    let events = store.events.entry(aid).or_default();
    events.push(event.clone());
    let mut answered = event;
    answered["paging_token"] = json!(format!("pt.{}", events.len() - 1));
    Ok(Json(answered))
}
