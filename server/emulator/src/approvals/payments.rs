//! `GET`/`POST /v1/accounts/{aid}/management/settings/approvals/payments` (05-approvals-cdd.md):
//! a merchant's payment approvals, and applying for a new one.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Value};

use super::bank;
use super::store::{links, CASE_STATUSES};
use crate::auth::merchant_claims;
use crate::clock::now;
use crate::error::ApiError;
use crate::params::Params;
use crate::state::Emulator;
use crate::validate::{check_enum, object_body, required_string};

/// `{payments: [...]}`, filtered by `case_status` (any of).
pub async fn list(
    State(emulator): State<Emulator>,
    Path(aid): Path<String>,
    headers: HeaderMap,
    params: Params,
) -> Result<Json<Value>, ApiError> {
    merchant_claims(&emulator, &headers, &aid, &["admin:accounts", "read:accounts"]).await?;
    let statuses = params.all("case_status");
    check_enum("case_status", &statuses, &CASE_STATUSES)?;
    let world = emulator.world.read().await;
    let payments: Vec<Value> = world
        .partner_of(&aid)
        .and_then(|p| p.approvals.payments.get(&aid))
        .into_iter()
        .flatten()
        .filter(|p| statuses.is_empty() || statuses.iter().any(|s| p["case_status"] == s.as_str()))
        .cloned()
        .collect();
    Ok(Json(json!({ "payments": payments })))
}

/// Applies for payments: `country_code` (2 letters), `organization_number`, exactly one bank account,
/// `payment_methods[{payment_method}]`, `products[{product}]`; starts `WAITING_FOR_DECLARATION`.
pub async fn create(
    State(emulator): State<Emulator>,
    Path(aid): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let claims = merchant_claims(&emulator, &headers, &aid, &["admin:accounts", "write:accounts"]).await?;
    let mut body = object_body(&body)?;
    let mut failures = Vec::new();
    check_country(&body, &mut failures);
    required_string(&body, "organization_number", None, &mut failures);
    bank::check_bank_accounts(&body, body["country_code"].as_str(), &mut failures);
    object_list(&body, "payment_methods", "payment_method", &mut failures);
    object_list(&body, "products", "product", &mut failures);
    if !failures.is_empty() {
        return Err(ApiError::validation(failures));
    }
    let mut world = emulator.world.write().await;
    let partner = world
        .partner_of_mut(&aid)
        .ok_or_else(|| ApiError::not_found(format!("Account {aid} not found")))?;
    let mcc = partner.accounts.merchants[&aid]["company"]["merchant_category_code"]
        .as_str()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or(5499);
    let id = uuid::Uuid::new_v4().to_string();
    let at = now();
    let status = "WAITING_FOR_DECLARATION";
    if let Some(object) = body.as_object_mut() {
        for (key, value) in [
            ("id", json!(id)),
            ("created_at", json!(at)),
            ("created_by", json!(claims.sub)),
            ("updated_at", json!(at)),
            ("case_status", json!(status)),
            ("links", links(&id, status)),
            ("mcc", json!(mcc)),
        ] {
            object.insert(key.into(), value);
        }
    }
    partner
        .approvals
        .payments
        .entry(aid.clone())
        .or_default()
        .push(body.clone());
    Ok(Json(body))
}

/// `country_code`: required, ISO 3166-1 alpha-2.
pub fn check_country(body: &Value, failures: &mut Vec<(String, String)>) {
    match body.get("country_code") {
        None | Some(Value::Null) => failures.push((
            "/country_code".into(),
            "should have required property 'country_code'".into(),
        )),
        Some(Value::String(c)) if c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()) => {}
        Some(_) => failures.push((
            "/country_code".into(),
            "should be a two-letter ISO 3166-1 country code".into(),
        )),
    }
}

/// A required, non-empty array of objects each with the string `key` (`[{payment_method}]`).
fn object_list(body: &Value, field: &str, key: &str, failures: &mut Vec<(String, String)>) {
    match body.get(field) {
        None | Some(Value::Null) => {
            failures.push((format!("/{field}"), format!("should have required property '{field}'")))
        }
        Some(Value::Array(items)) if items.is_empty() => {
            failures.push((format!("/{field}"), "should NOT have fewer than 1 items".into()))
        }
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                if item.get(key).and_then(Value::as_str).is_none_or(|s| s.is_empty()) {
                    failures.push((
                        format!("/{field}/{i}/{key}"),
                        format!("should have required property '{key}'"),
                    ));
                }
            }
        }
        Some(_) => failures.push((format!("/{field}"), "should be array".into())),
    }
}
