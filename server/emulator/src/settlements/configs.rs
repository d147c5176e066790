//! Settlement report configurations: `GET`/`POST /v1/accounts/{aid}/settlements/reports/configuration`
//! and `GET`/`PUT`/`DELETE .../configuration/{id}`, validated field by field (the records are
//! [`ReportConfig`]s of the area's store).

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use chrono::Utc;
use serde_json::{json, Value};

use super::access::{authorize, parts, CREATE_CONFIG, READ_SETTLEMENTS, WRITE_CONFIG};
use super::store::{Destination, Filter, ReportConfig, Store};
use crate::clock::ts;
use crate::error::ApiError;
use crate::params::Params;
use crate::state::Emulator;

/// File types a configuration may ask for (INF).
pub const FILETYPES: [&str; 4] = ["pdf", "csv", "xml", "json"];
/// Destination types.
pub const DESTINATION_TYPES: [&str; 2] = ["account_email", "email"];

/// The writable fields of a body, once valid.
struct Fields {
    filetypes: Vec<String>,
    destinations: Vec<Destination>,
    providers: Vec<String>,
    filters: Vec<Filter>,
    send_every: Option<u64>,
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(char::is_whitespace)
        && !domain.contains('@')
}

/// Checks a create/update body; every failing field with its JSON pointer.
fn validate(body: &Value) -> Result<Fields, ApiError> {
    let mut errors: Vec<(String, String)> = Vec::new();
    let Some(object) = body.as_object() else {
        return Err(ApiError::validation(vec![("/".into(), "should be object".into())]));
    };
    let mut filetypes = Vec::new();
    match object.get("filetypes") {
        None => errors.push(("/filetypes".into(), "should have required property 'filetypes'".into())),
        Some(Value::Array(items)) if items.is_empty() => {
            errors.push(("/filetypes".into(), "should NOT have fewer than 1 items".into()))
        }
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                match item.as_str() {
                    Some(t) if FILETYPES.contains(&t) => filetypes.push(t.to_owned()),
                    _ => errors.push((
                        format!("/filetypes/{i}"),
                        format!("should be one of {}", FILETYPES.join(", ")),
                    )),
                }
            }
        }
        Some(_) => errors.push(("/filetypes".into(), "should be array".into())),
    }
    let mut destinations = Vec::new();
    match object.get("destinations") {
        None => errors.push((
            "/destinations".into(),
            "should have required property 'destinations'".into(),
        )),
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let kind = item["destination_type"].as_str();
                let value = item["destination_value"].as_str().map(str::to_owned);
                match kind {
                    Some(k) if DESTINATION_TYPES.contains(&k) => {}
                    None if item.get("destination_type").is_none() => errors.push((
                        format!("/destinations/{i}/destination_type"),
                        "should have required property 'destination_type'".into(),
                    )),
                    _ => errors.push((
                        format!("/destinations/{i}/destination_type"),
                        format!("should be one of {}", DESTINATION_TYPES.join(", ")),
                    )),
                }
                if kind == Some("email") {
                    match &value {
                        None => errors.push((
                            format!("/destinations/{i}/destination_value"),
                            "is required when destination_type is email".into(),
                        )),
                        Some(v) if !is_email(v) => errors.push((
                            format!("/destinations/{i}/destination_value"),
                            "should be an e-mail address".into(),
                        )),
                        _ => {}
                    }
                }
                let id = item["id"]
                    .as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| format!("dst_{}", &uuid::Uuid::new_v4().simple().to_string()[..8]));
                destinations.push(Destination {
                    id,
                    destination_type: kind.unwrap_or_default().to_owned(),
                    destination_value: value,
                });
            }
        }
        Some(_) => errors.push(("/destinations".into(), "should be array".into())),
    }
    let mut providers = Vec::new();
    match object.get("providers") {
        None => errors.push(("/providers".into(), "should have required property 'providers'".into())),
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                match item.as_str() {
                    Some(p) if !p.is_empty() => providers.push(p.to_owned()),
                    _ => errors.push((format!("/providers/{i}"), "should be a non-empty string".into())),
                }
            }
        }
        Some(_) => errors.push(("/providers".into(), "should be array".into())),
    }
    let mut filters = Vec::new();
    match object.get("filters") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                if item["filter"] != "payout_destination_id" {
                    errors.push((
                        format!("/filters/{i}/filter"),
                        "should be equal to one of the allowed values: payout_destination_id".into(),
                    ));
                }
                match item["value"].as_str() {
                    Some(v) if !v.is_empty() => filters.push(Filter {
                        filter: "payout_destination_id".into(),
                        value: v.to_owned(),
                    }),
                    _ => errors.push((format!("/filters/{i}/value"), "should be a non-empty string".into())),
                }
            }
        }
        Some(_) => errors.push(("/filters".into(), "should be array".into())),
    }
    let send_every = match object.get("send_every") {
        None | Some(Value::Null) => None,
        Some(v) => match v.as_u64() {
            Some(ms) => Some(ms),
            None => {
                errors.push(("/send_every".into(), "should be a non-negative integer (ms)".into()));
                None
            }
        },
    };
    if errors.is_empty() {
        Ok(Fields {
            filetypes,
            destinations,
            providers,
            filters,
            send_every,
        })
    } else {
        Err(ApiError::validation(errors))
    }
}

pub async fn list(
    State(emulator): State<Emulator>,
    Path(aid): Path<String>,
    headers: HeaderMap,
    params: Params,
) -> Result<Json<Value>, ApiError> {
    authorize(&emulator, &headers, &aid, &READ_SETTLEMENTS)?;
    let limit = params.limit(100, 1000)?;
    let mut world = emulator.world.write().await;
    let (_, store) = parts(&mut world, &aid)?;
    let all = store.configs.get(&aid).map(Vec::as_slice).unwrap_or_default();
    let start = match params.one("starting_after") {
        None => 0,
        Some(after) => all.iter().position(|c| c.id == after).map(|i| i + 1).ok_or_else(|| {
            ApiError::validation(vec![(
                "/starting_after".into(),
                format!("no configuration {after} on this account"),
            )])
        })?,
    };
    let page: Vec<&ReportConfig> = all.iter().skip(start).take(limit).collect();
    let mut body = json!({"items": page});
    if start + page.len() < all.len() {
        if let Some(last) = page.last() {
            body["starting_after"] = json!(last.id);
        }
    }
    Ok(Json(body))
}

pub async fn create(
    State(emulator): State<Emulator>,
    Path(aid): Path<String>,
    headers: HeaderMap,
    body: Option<Json<Value>>,
) -> Result<(StatusCode, Json<ReportConfig>), ApiError> {
    authorize(&emulator, &headers, &aid, &CREATE_CONFIG)?;
    let body = body.map(|Json(b)| b).unwrap_or(Value::Null);
    let fields = validate(&body)?;
    let id = match body.get("id") {
        None | Some(Value::Null) => uuid::Uuid::new_v4().to_string(),
        Some(Value::String(id)) if uuid::Uuid::parse_str(id).is_ok() => id.clone(),
        Some(_) => return Err(ApiError::validation(vec![("/id".into(), "should be a UUID".into())])),
    };
    let mut world = emulator.world.write().await;
    let (_, store) = parts(&mut world, &aid)?;
    let configs = store.configs.entry(aid.clone()).or_default();
    if configs.iter().any(|c| c.id == id) {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "conflict",
            format!("Configuration {id} exists"),
        ));
    }
    let now = Utc::now();
    let config = ReportConfig {
        id,
        account_id: aid.clone(),
        filetypes: fields.filetypes,
        destinations: fields.destinations,
        providers: fields.providers,
        filters: fields.filters,
        send_every: fields.send_every,
        last_send_at: None,
        last_modified_at: now.timestamp_millis(),
        created_at: ts(now),
        updated_at: ts(now),
    };
    configs.push(config.clone());
    Ok((StatusCode::OK, Json(config)))
}

fn find<'a>(store: &'a mut Store, aid: &str, id: &str) -> Result<&'a mut ReportConfig, ApiError> {
    store
        .configs
        .get_mut(aid)
        .and_then(|list| list.iter_mut().find(|c| c.id == id))
        .ok_or_else(|| ApiError::not_found(format!("Configuration {id} not found")))
}

pub async fn get_one(
    State(emulator): State<Emulator>,
    Path((aid, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Json<ReportConfig>, ApiError> {
    authorize(&emulator, &headers, &aid, &READ_SETTLEMENTS)?;
    let mut world = emulator.world.write().await;
    let (_, store) = parts(&mut world, &aid)?;
    Ok(Json(find(store, &aid, &id)?.clone()))
}

pub async fn update(
    State(emulator): State<Emulator>,
    Path((aid, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Option<Json<Value>>,
) -> Result<Json<ReportConfig>, ApiError> {
    authorize(&emulator, &headers, &aid, &WRITE_CONFIG)?;
    let body = body.map(|Json(b)| b).unwrap_or(Value::Null);
    let mut world = emulator.world.write().await;
    let (_, store) = parts(&mut world, &aid)?;
    let config = find(store, &aid, &id)?;
    let fields = validate(&body)?;
    let now = Utc::now();
    config.filetypes = fields.filetypes;
    config.destinations = fields.destinations;
    config.providers = fields.providers;
    config.filters = fields.filters;
    config.send_every = fields.send_every;
    config.last_modified_at = now.timestamp_millis();
    config.updated_at = ts(now);
    Ok(Json(config.clone()))
}

pub async fn delete(
    State(emulator): State<Emulator>,
    Path((aid, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Json<ReportConfig>, ApiError> {
    authorize(&emulator, &headers, &aid, &WRITE_CONFIG)?;
    let mut world = emulator.world.write().await;
    let (_, store) = parts(&mut world, &aid)?;
    let list = store.configs.get_mut(&aid);
    let position = list
        .as_ref()
        .and_then(|l| l.iter().position(|c| c.id == id))
        .ok_or_else(|| ApiError::not_found(format!("Configuration {id} not found")))?;
    Ok(Json(
        list.map(|l| l.remove(position))
            .ok_or_else(|| ApiError::not_found("gone"))?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(body: Value) -> Vec<String> {
        match validate(&body) {
            Ok(_) => vec![],
            Err(e) => e
                .errors
                .iter()
                .map(|e| e["path"].as_str().unwrap().to_owned())
                .collect(),
        }
    }

    #[test]
    fn every_failing_field_is_named() {
        assert_eq!(paths(json!({})), ["/filetypes", "/destinations", "/providers"]);
        assert_eq!(
            paths(json!({
                "filetypes": ["pdf", "docx"],
                "destinations": [{"destination_type": "email"}, {"destination_type": "fax"}, {"destination_type": "email", "destination_value": "not-an-address"}],
                "providers": [],
                "filters": [{"filter": "store_id", "value": "x"}]
            })),
            [
                "/filetypes/1",
                "/destinations/0/destination_value",
                "/destinations/1/destination_type",
                "/destinations/2/destination_value",
                "/filters/0/filter"
            ]
        );
        assert_eq!(
            paths(json!({"filetypes": [], "destinations": [], "providers": []})),
            ["/filetypes"]
        );
        assert!(paths(json!({"filetypes": ["json"], "destinations": [{"destination_type": "account_email"}], "providers": ["vipps"]})).is_empty());
    }
}
