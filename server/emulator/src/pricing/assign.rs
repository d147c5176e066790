//! Which package an account uses (06-price-packages.md): `GET /v1/accounts/{aid}/management/price-package`
//! (merchant token) and `PUT /v1/accounts/{oid}/management/accounts/{aid}/price-packages` (assign).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Value};

use super::access::{partner_claims, ADMIN_SCOPES};
use crate::auth::merchant_claims;
use crate::clock::now;
use crate::error::ApiError;
use crate::params::Params;
use crate::state::Emulator;
use crate::validate::object_body;

/// `{price_package}`: the package the account's `price_package` names.
pub async fn account_package(
    State(emulator): State<Emulator>,
    Path(aid): Path<String>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    merchant_claims(&emulator, &headers, &aid, &["admin:accounts", "read:accounts"]).await?;
    let world = emulator.world.read().await;
    let partner = world
        .partner_of(&aid)
        .ok_or_else(|| ApiError::not_found(format!("Account {aid} not found")))?;
    let id = partner.accounts.merchants[&aid]["price_package"]
        .as_str()
        .unwrap_or_default();
    let package = partner
        .pricing
        .packages
        .iter()
        .find(|p| p["price_package_id"] == id)
        .ok_or_else(|| ApiError::not_found(format!("Account {aid} has no price package")))?;
    Ok(Json(json!({ "price_package": package })))
}

/// Sets the packages available to `aid` (`price_packages[{price_package_id}]`, optional
/// `default_price_package{price_package_id}`; `remove_default_price_package` query).
pub async fn assign(
    State(emulator): State<Emulator>,
    Path((oid, aid)): Path<(String, String)>,
    headers: HeaderMap,
    params: Params,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let (claims, oid) = partner_claims(&emulator, &headers, &oid, &ADMIN_SCOPES).await?;
    let body = object_body(&body)?;
    let remove_default = params.flag("remove_default_price_package");
    let mut world = emulator.world.write().await;
    let partner = world
        .partner_mut(&oid)
        .ok_or_else(|| ApiError::not_found(format!("Account {oid} not found")))?;
    if !partner.accounts.merchants.contains_key(&aid) {
        return Err(ApiError::not_found(format!("Account {aid} not found under {oid}")));
    }
    let known = |id: &Value| partner.pricing.packages.iter().any(|p| &p["price_package_id"] == id);
    let mut failures = Vec::new();
    let mut listed = Vec::new();
    match body.get("price_packages").and_then(Value::as_array) {
        None => failures.push((
            "/price_packages".into(),
            "should have required property 'price_packages' (array)".into(),
        )),
        Some(items) => {
            for (i, item) in items.iter().enumerate() {
                let id = &item["price_package_id"];
                if !id.is_string() {
                    failures.push((
                        format!("/price_packages/{i}/price_package_id"),
                        "should have required property 'price_package_id'".into(),
                    ));
                } else if !known(id) {
                    failures.push((
                        format!("/price_packages/{i}/price_package_id"),
                        format!("no price package {id}"),
                    ));
                } else {
                    listed.push(json!({"price_package_id": id}));
                }
            }
        }
    }
    let default = body.get("default_price_package").filter(|d| !d.is_null());
    if let Some(default) = default {
        let id = &default["price_package_id"];
        if !id.is_string() || !known(id) {
            failures.push((
                "/default_price_package/price_package_id".into(),
                format!("no price package {id}"),
            ));
        }
        if remove_default {
            failures.push((
                "/default_price_package".into(),
                "remove_default_price_package=true only works without a default_price_package".into(),
            ));
        }
    }
    if !failures.is_empty() {
        return Err(ApiError::validation(failures));
    }
    let at = now();
    let previous = partner.pricing.assignments.get(&aid).cloned();
    let mut record = json!({
        "id": previous.as_ref().map(|p| p["id"].clone()).unwrap_or_else(|| json!(uuid::Uuid::new_v4().to_string())),
        "created_at": previous.as_ref().map(|p| p["created_at"].clone()).unwrap_or_else(|| json!(at)),
        "created_by": previous.as_ref().map(|p| p["created_by"].clone()).unwrap_or_else(|| json!(claims.sub)),
        "updated_at": at,
        "price_packages": listed,
    });
    let kept_default = if remove_default {
        None
    } else {
        default
            .map(|d| json!({"price_package_id": d["price_package_id"]}))
            .or_else(|| {
                previous
                    .as_ref()
                    .map(|p| p["default_price_package"].clone())
                    .filter(|d| !d.is_null())
            })
    };
    if let Some(d) = &kept_default {
        record["default_price_package"] = d.clone();
    }
    let applied = kept_default
        .map(|d| d["price_package_id"].clone())
        .or_else(|| record["price_packages"][0].get("price_package_id").cloned());
    if let (Some(applied), Some(merchant)) = (applied, partner.accounts.merchants.get_mut(&aid)) {
        merchant["price_package"] = applied;
    }
    partner.pricing.assignments.insert(aid, record.clone());
    Ok(Json(record))
}
