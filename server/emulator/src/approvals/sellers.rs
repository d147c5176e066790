//! Seller approvals, `/v1/accounts/{aid}/management/settings/approvals/payout-destinations`
//! (05-approvals-cdd.md): list, apply (with the test-mode magic descriptions), get one, archive.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Value};

use super::bank;
use super::payments::check_country;
use super::store::{links, CASE_STATUSES};
use crate::auth::merchant_claims;
use crate::clock::now;
use crate::error::ApiError;
use crate::params::Params;
use crate::state::Emulator;
use crate::validate::{check_enum, object_body, optional_string, required_string};

/// Statuses an approval may be archived from (`ACTIVE` only with `delete_active=true`).
const ARCHIVABLE: [&str; 5] = [
    "ACTIVE",
    "DECLINED",
    "WAITING_FOR_SIGNATURE",
    "WAITING_FOR_DECLARATION",
    "ERROR",
];

/// `{payout_destinations: [...]}`, filtered by `payout_destination_id` and `case_status`; archived
/// approvals only when `case_status` asks for `ARCHIVED`.
pub async fn list(
    State(emulator): State<Emulator>,
    Path(aid): Path<String>,
    headers: HeaderMap,
    params: Params,
) -> Result<Json<Value>, ApiError> {
    merchant_claims(&emulator, &headers, &aid, &["admin:accounts", "read:accounts"]).await?;
    let statuses = params.all("case_status");
    check_enum("case_status", &statuses, &CASE_STATUSES)?;
    let destination = params.one("payout_destination_id");
    let world = emulator.world.read().await;
    let found: Vec<Value> = world
        .partner_of(&aid)
        .and_then(|p| p.approvals.sellers.get(&aid))
        .into_iter()
        .flatten()
        .filter(|s| {
            let status = s["case_status"].as_str().unwrap_or_default();
            if statuses.is_empty() {
                status != "ARCHIVED"
            } else {
                statuses.iter().any(|w| w == status)
            }
        })
        .filter(|s| destination.as_deref().is_none_or(|d| s["payout_destination_id"] == d))
        .cloned()
        .collect();
    Ok(Json(json!({ "payout_destinations": found })))
}

/// Applies for a seller. On a test account (`T...`) the description decides at once:
/// `AUTO_APPROVE` → `ACTIVE`, `AUTO_DECLINE` → `DECLINED`, `AUTO_WAITING_FOR_SIGNATURE` →
/// `WAITING_FOR_SIGNATURE`; otherwise `WAITING_FOR_DECLARATION`.
pub async fn create(
    State(emulator): State<Emulator>,
    Path(aid): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let scopes = [
        "admin:accounts",
        "write:accounts",
        "write:accounts:/management/settings/approvals",
    ];
    let claims = merchant_claims(&emulator, &headers, &aid, &scopes).await?;
    let mut body = object_body(&body)?;
    let mut failures = Vec::new();
    required_string(&body, "payout_destination_id", Some(40), &mut failures);
    if let Some(id) = body["payout_destination_id"].as_str() {
        if !id.is_empty() && !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
            failures.push((
                "/payout_destination_id".into(),
                "should match pattern \"^[A-Za-z0-9_-]+$\"".into(),
            ));
        }
    }
    required_string(&body, "payout_reference", Some(60), &mut failures);
    check_country(&body, &mut failures);
    required_string(&body, "organization_number", None, &mut failures);
    bank::check_bank_accounts(&body, body["country_code"].as_str(), &mut failures);
    optional_string(&body, "payout_destination_name", Some(60), &mut failures);
    optional_string(&body, "payout_destination_description", Some(1000), &mut failures);
    match body.get("payout_interval_type") {
        None | Some(Value::Null) => {}
        Some(v) if ["daily", "weekly", "monthly"].iter().any(|t| v == t) => {}
        Some(_) => failures.push((
            "/payout_interval_type".into(),
            "should be equal to one of the allowed values: daily, weekly, monthly".into(),
        )),
    }
    if body
        .get("form_submitter")
        .is_some_and(|f| !f.is_object() && !f.is_null())
    {
        failures.push(("/form_submitter".into(), "should be object".into()));
    }
    if !failures.is_empty() {
        return Err(ApiError::validation(failures));
    }
    let mut world = emulator.world.write().await;
    let partner = world
        .partner_of_mut(&aid)
        .ok_or_else(|| ApiError::not_found(format!("Account {aid} not found")))?;
    let list = partner.approvals.sellers.entry(aid.clone()).or_default();
    let destination = body["payout_destination_id"].clone();
    if list
        .iter()
        .any(|s| s["payout_destination_id"] == destination && s["case_status"] != "ARCHIVED")
    {
        return Err(ApiError::validation(vec![(
            "/payout_destination_id".into(),
            format!("{destination} already has an approval; archive it first"),
        )]));
    }
    let description = body["payout_destination_description"].as_str().unwrap_or_default();
    let status = match () {
        _ if !aid.starts_with('T') => "WAITING_FOR_DECLARATION",
        _ if description.contains("AUTO_WAITING_FOR_SIGNATURE") => "WAITING_FOR_SIGNATURE",
        _ if description.contains("AUTO_APPROVE") => "ACTIVE",
        _ if description.contains("AUTO_DECLINE") => "DECLINED",
        _ => "WAITING_FOR_DECLARATION",
    };
    let id = uuid::Uuid::new_v4().to_string();
    let at = now();
    if let Some(object) = body.as_object_mut() {
        for (key, value) in [
            ("id", json!(id)),
            ("created_at", json!(at)),
            ("created_by", json!(claims.sub)),
            ("updated_at", json!(at)),
            ("case_status", json!(status)),
            ("links", links(&id, status)),
        ] {
            object.insert(key.into(), value);
        }
    }
    list.push(body.clone());
    Ok(Json(body))
}

/// One approval by its id (`GET .../payout-destinations/{id}`, **INF** path).
pub async fn get_one(
    State(emulator): State<Emulator>,
    Path((aid, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    merchant_claims(&emulator, &headers, &aid, &["admin:accounts", "read:accounts"]).await?;
    let world = emulator.world.read().await;
    world
        .partner_of(&aid)
        .and_then(|p| p.approvals.sellers.get(&aid))
        .and_then(|list| list.iter().find(|s| s["id"] == id.as_str()))
        .cloned()
        .map(Json)
        .ok_or_else(|| not_found(&aid, &id))
}

/// Archives an approval (`DELETE .../payout-destinations/{id}?delete_active=`, **INF**); answers it.
pub async fn archive(
    State(emulator): State<Emulator>,
    Path((aid, id)): Path<(String, String)>,
    headers: HeaderMap,
    params: Params,
) -> Result<Json<Value>, ApiError> {
    let claims = merchant_claims(&emulator, &headers, &aid, &["admin:accounts", "write:accounts"]).await?;
    let delete_active = params.flag("delete_active");
    let mut world = emulator.world.write().await;
    let approval = world
        .partner_of_mut(&aid)
        .and_then(|p| p.approvals.sellers.get_mut(&aid))
        .and_then(|list| list.iter_mut().find(|s| s["id"] == id.as_str()))
        .ok_or_else(|| not_found(&aid, &id))?;
    let status = approval["case_status"].as_str().unwrap_or_default().to_owned();
    if status == "ACTIVE" && !delete_active {
        return Err(ApiError::validation(vec![(
            "/delete_active".into(),
            "the approval is ACTIVE: archiving it needs delete_active=true".into(),
        )]));
    }
    if !ARCHIVABLE.contains(&status.as_str()) {
        return Err(ApiError::validation(vec![(
            "/case_status".into(),
            format!(
                "an approval in {status} cannot be archived (only {})",
                ARCHIVABLE.join(", ")
            ),
        )]));
    }
    let at = now();
    approval["case_status"] = json!("ARCHIVED");
    approval["updated_at"] = json!(at);
    approval["deleted_at"] = json!(at);
    approval["deleted_by"] = json!(claims.sub);
    Ok(Json(approval.clone()))
}

fn not_found(aid: &str, id: &str) -> ApiError {
    ApiError::not_found(format!("Seller approval {id} not found on account {aid}"))
}
