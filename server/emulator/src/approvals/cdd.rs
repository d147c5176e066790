//! `GET`/`POST /v1/accounts/{aid}/management/settings/cdd/cases` (05-approvals-cdd.md): a
//! merchant's customer due diligence cases, filtered; a new case starts `WAITING_FOR_DECLARATION`.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Value};

use super::store::{cdd_status, request_id, CASE_STATUSES};
use crate::auth::merchant_claims;
use crate::clock::now;
use crate::error::ApiError;
use crate::glob::glob;
use crate::params::Params;
use crate::state::Emulator;
use crate::validate::{check_enum, object_body};

const PRODUCTS: [&str; 2] = ["payout", "checkout"];
const ACTIONS: [&str; 3] = [
    "enable_payout_account",
    "enable_checkout_account",
    "create_payout_destination",
];
/// The only `includes` value: contract details in the events' `case`.
const CONTRACTS: &str = "events.case.contracts";

/// Lists the cases; filters `products`, `payout_destination_id` (`*` wildcard), `case_status`,
/// `actions_on_approval`; `includes=events.case.contracts` keeps contract details.
pub async fn list(
    State(emulator): State<Emulator>,
    Path(aid): Path<String>,
    headers: HeaderMap,
    params: Params,
) -> Result<Json<Vec<Value>>, ApiError> {
    merchant_claims(&emulator, &headers, &aid, &["admin:accounts", "write:accounts"]).await?;
    let products = params.all("products");
    let statuses = params.all("case_status");
    let actions = params.all("actions_on_approval");
    let includes = params.all("includes");
    check_enum("products", &products, &PRODUCTS)?;
    check_enum("case_status", &statuses, &CASE_STATUSES)?;
    check_enum("actions_on_approval", &actions, &ACTIONS)?;
    check_enum("includes", &includes, &[CONTRACTS])?;
    let destination = params.one("payout_destination_id");
    let world = emulator.world.read().await;
    let cases = world
        .partner_of(&aid)
        .and_then(|p| p.approvals.cdd_cases.get(&aid))
        .cloned()
        .unwrap_or_default();
    let any_of = |case: &Value, field: &str, wanted: &[String]| {
        wanted.is_empty()
            || case[field]
                .as_array()
                .is_some_and(|have| have.iter().any(|v| wanted.iter().any(|w| v == w.as_str())))
    };
    let contracts = includes.iter().any(|i| i == CONTRACTS);
    let found = cases
        .into_iter()
        .filter(|c| any_of(c, "products", &products))
        .filter(|c| any_of(c, "actions_on_approval", &actions))
        .filter(|c| statuses.is_empty() || statuses.iter().any(|s| s == cdd_status(c)))
        .filter(|c| match &destination {
            None => true,
            Some(pattern) => c["case_for"]["payout_destination_id"]
                .as_str()
                .is_some_and(|id| glob(pattern, id)),
        })
        .map(|mut c| {
            if !contracts {
                if let Some(events) = c["events"].as_array_mut() {
                    for event in events {
                        if let Some(case) = event.get_mut("case").and_then(Value::as_object_mut) {
                            case.remove("contracts");
                        }
                    }
                }
            }
            c
        })
        .collect();
    Ok(Json(found))
}

/// Opens a case: requires `case_for` (object), `products` (non-empty, `payout`/`checkout`) and
/// `case_request` (object); echoes the body with the entity fields and a `case_created` event.
pub async fn create(
    State(emulator): State<Emulator>,
    Path(aid): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let claims = merchant_claims(&emulator, &headers, &aid, &["admin:accounts", "write:accounts"]).await?;
    let mut body = object_body(&body)?;
    let mut failures = Vec::new();
    for field in ["case_for", "case_request"] {
        match body.get(field) {
            None | Some(Value::Null) => {
                failures.push((format!("/{field}"), format!("should have required property '{field}'")))
            }
            Some(v) if !v.is_object() => failures.push((format!("/{field}"), "should be object".into())),
            _ => {}
        }
    }
    enum_array(&body, "products", &PRODUCTS, true, &mut failures);
    enum_array(&body, "actions_on_approval", &ACTIONS, false, &mut failures);
    if let Some(account) = body["case_for"].get("account_id").and_then(Value::as_str) {
        if account != aid {
            failures.push((
                "/case_for/account_id".into(),
                format!("should be the path's account {aid}"),
            ));
        }
    }
    if !failures.is_empty() {
        return Err(ApiError::validation(failures));
    }
    let id = uuid::Uuid::new_v4().to_string();
    let at = now();
    let provider_case = format!("cdd-{}", &id[..8]);
    let object = body.as_object_mut().ok_or_else(|| ApiError::validation(vec![]))?;
    for (key, value) in [
        ("id", json!(id)),
        ("created_at", json!(at)),
        ("created_by", json!(claims.sub)),
        ("updated_at", json!(at)),
        ("account_id", json!(aid)),
        (
            "events",
            json!([{
                "id": 1,
                "request_id": request_id(),
                "event": "case_created",
                "created_at": at,
                "case_status": "WAITING_FOR_DECLARATION",
                "created": {
                    "case_id": provider_case,
                    "contract_url": format!("https://contract.dintero.example/c/{provider_case}"),
                },
            }]),
        ),
    ] {
        object.insert(key.into(), value);
    }
    let mut world = emulator.world.write().await;
    let partner = world
        .partner_of_mut(&aid)
        .ok_or_else(|| ApiError::not_found(format!("Account {aid} not found")))?;
    partner
        .approvals
        .cdd_cases
        .entry(aid.clone())
        .or_default()
        .push(body.clone());
    Ok(Json(body))
}

/// An array of strings from `allowed`; `required` means present and non-empty.
fn enum_array(body: &Value, field: &str, allowed: &[&str], required: bool, failures: &mut Vec<(String, String)>) {
    let path = format!("/{field}");
    match body.get(field) {
        None | Some(Value::Null) if required => {
            failures.push((path, format!("should have required property '{field}'")))
        }
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) if items.is_empty() => {
            failures.push((path, "should NOT have fewer than 1 items".into()))
        }
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                if !item.as_str().is_some_and(|s| allowed.contains(&s)) {
                    failures.push((
                        format!("{path}/{i}"),
                        format!("should be equal to one of the allowed values: {}", allowed.join(", ")),
                    ));
                }
            }
        }
        Some(_) => failures.push((path, "should be array".into())),
    }
}
