//! The partner's price package collection (06-price-packages.md): `GET` (body-cursor paging,
//! filters `type`, `price_package_id`), `POST` (create) and `PUT .../{price_package_id}` (update).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Map, Value};

use super::access::{partner_claims, ADMIN_SCOPES};
use crate::clock::now;
use crate::error::ApiError;
use crate::params::Params;
use crate::state::Emulator;
use crate::validate::{check_enum, object_body, optional_string, required_string};

const TYPES: [&str; 2] = ["default", "account"];

/// `{starting_after?, price_packages}`: `limit` 1–100 (10), after the package whose `id` is
/// `starting_after`, of the `type`s asked for, or the one `price_package_id`.
pub async fn list(
    State(emulator): State<Emulator>,
    Path(oid): Path<String>,
    headers: HeaderMap,
    params: Params,
) -> Result<Json<Value>, ApiError> {
    let (_, oid) = partner_claims(&emulator, &headers, &oid, &["admin:accounts", "read:accounts"]).await?;
    let limit = params.limit(10, 100)?;
    let types = params.all("type");
    check_enum("type", &types, &TYPES)?;
    let wanted_id = params.one("price_package_id");
    let world = emulator.world.read().await;
    let all = world.partner(&oid).map(|p| &p.pricing.packages[..]).unwrap_or_default();
    let start = match params.one("starting_after") {
        None => 0,
        Some(cursor) => all
            .iter()
            .position(|p| p["id"] == cursor.as_str())
            .map(|i| i + 1)
            .ok_or_else(|| {
                ApiError::validation(vec![(
                    "/starting_after".into(),
                    format!("'{cursor}' is not a cursor from this collection"),
                )])
            })?,
    };
    let mut page: Vec<Value> = all[start..]
        .iter()
        .filter(|p| types.is_empty() || types.iter().any(|t| p["type"] == t.as_str()))
        .filter(|p| wanted_id.as_deref().is_none_or(|id| p["price_package_id"] == id))
        .take(limit + 1)
        .cloned()
        .collect();
    let more = page.len() > limit;
    page.truncate(limit);
    let mut body = json!({ "price_packages": page });
    if more {
        body["starting_after"] = page.last().map(|p| p["id"].clone()).unwrap_or_default();
    }
    Ok(Json(body))
}

/// Creates a package: `price_package_id`, `name`, `description`, `products` required.
pub async fn create(
    State(emulator): State<Emulator>,
    Path(oid): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let (claims, oid) = partner_claims(&emulator, &headers, &oid, &ADMIN_SCOPES).await?;
    let body = object_body(&body)?;
    let mut failures = Vec::new();
    required_string(&body, "price_package_id", Some(64), &mut failures);
    if let Some(id) = body["price_package_id"].as_str() {
        if !id.is_empty() && !id.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b)) {
            failures.push((
                "/price_package_id".into(),
                "should match pattern \"^[A-Za-z0-9_.-]+$\"".into(),
            ));
        }
    }
    check_contents(&body, &mut failures);
    match body.get("type") {
        None | Some(Value::Null) => {}
        Some(t) if TYPES.iter().any(|k| t == k) => {}
        Some(_) => failures.push((
            "/type".into(),
            "should be equal to one of the allowed values: default, account".into(),
        )),
    }
    optional_string(&body, "source_price_package_id", None, &mut failures);
    if !failures.is_empty() {
        return Err(ApiError::validation(failures));
    }
    let mut world = emulator.world.write().await;
    let store = &mut world
        .partner_mut(&oid)
        .ok_or_else(|| ApiError::not_found(format!("Account {oid} not found")))?
        .pricing;
    let id = body["price_package_id"].clone();
    if store.packages.iter().any(|p| p["price_package_id"] == id) {
        return Err(ApiError::validation(vec![(
            "/price_package_id".into(),
            format!("a price package {id} already exists"),
        )]));
    }
    let source = body.get("source_price_package_id").filter(|s| !s.is_null());
    if let Some(source) = source {
        if !store.packages.iter().any(|p| &p["price_package_id"] == source) {
            return Err(ApiError::validation(vec![(
                "/source_price_package_id".into(),
                format!("no price package {source}"),
            )]));
        }
    }
    let at = now();
    let mut package = Map::new();
    package.insert("id".into(), json!(uuid::Uuid::new_v4().to_string()));
    package.insert("created_at".into(), json!(at));
    package.insert("created_by".into(), json!(claims.sub));
    package.insert("updated_at".into(), json!(at));
    let kind = body.get("type").filter(|t| !t.is_null()).cloned();
    package.insert(
        "type".into(),
        kind.unwrap_or_else(|| json!(if source.is_some() { "account" } else { "default" })),
    );
    for field in [
        "price_package_id",
        "name",
        "description",
        "products",
        "pricing_conditions",
        "metadata",
        "source_price_package_id",
    ] {
        if let Some(value) = body.get(field).filter(|v| !v.is_null()) {
            package.insert(field.into(), value.clone());
        }
    }
    package.insert(
        "creation_state".into(),
        json!(if source.is_some() { "modified" } else { "pristine" }),
    );
    let package = Value::Object(package);
    store.packages.push(package.clone());
    Ok(Json(json!({ "price_package": package })))
}

/// Updates a package: `name`, `description`, `products` required; `pricing_conditions`, `metadata`.
pub async fn update(
    State(emulator): State<Emulator>,
    Path((oid, price_package_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let (_, oid) = partner_claims(&emulator, &headers, &oid, &ADMIN_SCOPES).await?;
    let body = object_body(&body)?;
    let mut world = emulator.world.write().await;
    let package = world
        .partner_mut(&oid)
        .and_then(|p| {
            p.pricing
                .packages
                .iter_mut()
                .find(|p| p["price_package_id"] == price_package_id.as_str())
        })
        .ok_or_else(|| ApiError::not_found(format!("Price package {price_package_id} not found")))?;
    let mut failures = Vec::new();
    check_contents(&body, &mut failures);
    if !failures.is_empty() {
        return Err(ApiError::validation(failures));
    }
    for field in ["name", "description", "products", "pricing_conditions", "metadata"] {
        if let Some(value) = body.get(field).filter(|v| !v.is_null()) {
            package[field] = value.clone();
        }
    }
    package["updated_at"] = json!(now());
    package["creation_state"] = json!("modified");
    Ok(Json(json!({ "price_package": package.clone() })))
}

/// `name`, `description` and `products` (each with `product_id`; amounts with an integer
/// `flat_amount` and a decimal-string `unit_amount`), `pricing_conditions`, `metadata` object.
fn check_contents(body: &Value, failures: &mut Vec<(String, String)>) {
    required_string(body, "name", Some(200), failures);
    required_string(body, "description", Some(1000), failures);
    optional_string(body, "pricing_conditions", Some(4000), failures);
    if body.get("metadata").is_some_and(|m| !m.is_object() && !m.is_null()) {
        failures.push(("/metadata".into(), "should be object".into()));
    }
    let Some(products) = body.get("products") else {
        failures.push(("/products".into(), "should have required property 'products'".into()));
        return;
    };
    let Some(products) = products.as_array() else {
        failures.push(("/products".into(), "should be array".into()));
        return;
    };
    for (i, product) in products.iter().enumerate() {
        let at = format!("/products/{i}");
        if product["product_id"].as_str().is_none_or(|s| s.is_empty()) {
            failures.push((
                format!("{at}/product_id"),
                "should have required property 'product_id'".into(),
            ));
        }
        for (j, price) in product["prices"].as_array().into_iter().flatten().enumerate() {
            for (k, amount) in price["amounts"].as_array().into_iter().flatten().enumerate() {
                let at = format!("{at}/prices/{j}/amounts/{k}");
                match amount.get("flat_amount") {
                    None | Some(Value::Null) => {}
                    Some(v) if v.is_i64() => {}
                    Some(_) => failures.push((format!("{at}/flat_amount"), "should be integer (minor units)".into())),
                }
                match amount.get("unit_amount") {
                    None | Some(Value::Null) => {}
                    Some(Value::String(s)) if is_decimal(s) => {}
                    Some(_) => failures.push((
                        format!("{at}/unit_amount"),
                        "should be a decimal string, e.g. \"0.0149\"".into(),
                    )),
                }
            }
        }
    }
}

/// `^\d+(\.\d+)?$`
fn is_decimal(s: &str) -> bool {
    let (whole, fraction) = s.split_once('.').unwrap_or((s, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}
