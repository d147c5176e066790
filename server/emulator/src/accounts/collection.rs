//! The partner's collection of merchant accounts, `/v1/accounts/{oid}/management/accounts`
//! (02-partner-accounts.md): list with filters and an item cursor, create, get, full-replace
//! update, delete.

use std::ops::Bound;

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Value};

use super::access::{check_aid, not_found, partner, partner_claims, partner_mut};
use super::filters::{cursor_account, paging_token, Filters};
use super::validation::{check_account_body, CREATE_ONLY, WRITABLE};
use crate::clock::ts;
use crate::error::ApiError;
use crate::params::Params;
use crate::state::Emulator;

const READ: [&str; 2] = ["admin:accounts", "read:accounts"];
const WRITE: [&str; 2] = ["admin:accounts", "write:accounts"];

/// `GET /v1/accounts/{oid}/management/accounts`: a bare array, ordered by account id, each item
/// with its `paging_token`.
pub async fn list(
    State(emulator): State<Emulator>,
    Path(oid): Path<String>,
    headers: HeaderMap,
    params: Params,
) -> Result<Json<Vec<Value>>, ApiError> {
    partner_claims(&emulator, &headers, &oid, &READ)?;
    let limit = params.limit(10, 100)?;
    let filters = Filters::from_params(&params)?;
    let after = params.one("starting_after").map(|t| cursor_account(&t)).transpose()?;
    let world = emulator.world.read().await;
    let partner = partner(&world, &oid)?;
    let lower = after.map_or(Bound::Unbounded, Bound::Excluded);
    let page = partner
        .accounts
        .merchants
        .range::<String, _>((lower, Bound::Unbounded))
        .filter(|(_, account)| filters.matches(account))
        .take(limit)
        .map(|(aid, account)| {
            let mut item = account.clone();
            item["paging_token"] = Value::String(paging_token(aid));
            item
        })
        .collect();
    Ok(Json(page))
}

/// `POST /v1/accounts/{oid}/management/accounts`: a new merchant with the next free id.
pub async fn create(
    State(emulator): State<Emulator>,
    Path(oid): Path<String>,
    headers: HeaderMap,
    body: Option<Json<Value>>,
) -> Result<Json<Value>, ApiError> {
    let claims = partner_claims(&emulator, &headers, &oid, &WRITE)?;
    let body = body.map(|Json(b)| b).unwrap_or(Value::Null);
    check_account_body(&body, true)?;
    let mut world = emulator.world.write().await;
    let partner = partner_mut(&mut world, &oid)?;
    let partner_id = partner.account.account_id.clone();
    let prefix = &partner_id[..4];
    let aid = partner.accounts.next_account_id(prefix);
    let now = ts(chrono::Utc::now());
    let mut account = json!({
        "id": uuid::Uuid::new_v4().to_string(),
        "created_at": now,
        "created_by": claims.sub,
        "updated_at": now,
        "account_id": aid,
        "partner_id": prefix,
        "livemode": false,
        "active": false,
        "progression": "applied",
        "connections": {},
    });
    for key in WRITABLE.iter().chain(CREATE_ONLY.iter()) {
        if let Some(value) = body.get(*key).filter(|v| !v.is_null()) {
            account[*key] = value.clone();
        }
    }
    if body.get("partner_id").is_none_or(Value::is_null) {
        account["partner_id"] = json!(prefix);
    }
    partner.accounts.merchants.insert(aid, account.clone());
    Ok(Json(account))
}

/// `GET /v1/accounts/{oid}/management/accounts/{aid}`.
pub async fn read(
    State(emulator): State<Emulator>,
    Path((oid, aid)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    partner_claims(&emulator, &headers, &oid, &READ)?;
    check_aid(&aid)?;
    let world = emulator.world.read().await;
    let account = partner(&world, &oid)?
        .accounts
        .merchants
        .get(&aid)
        .ok_or_else(|| not_found(&aid))?;
    Ok(Json(account.clone()))
}

/// `PUT /v1/accounts/{oid}/management/accounts/{aid}`: replaces the writable fields (absent ones
/// are cleared); read-only fields in the body are ignored.
pub async fn update(
    State(emulator): State<Emulator>,
    Path((oid, aid)): Path<(String, String)>,
    headers: HeaderMap,
    body: Option<Json<Value>>,
) -> Result<Json<Value>, ApiError> {
    let claims = partner_claims(&emulator, &headers, &oid, &WRITE)?;
    check_aid(&aid)?;
    let body = body.map(|Json(b)| b).unwrap_or(Value::Null);
    let mut world = emulator.world.write().await;
    let account = partner_mut(&mut world, &oid)?
        .accounts
        .merchants
        .get_mut(&aid)
        .ok_or_else(|| not_found(&aid))?;
    check_account_body(&body, false)?;
    for key in ["active", "partner_id"] {
        let given = body.get(key).filter(|v| !v.is_null());
        if given.is_some_and(|v| Some(v) != account.get(key)) && !claims.has_any(&["mgmnt:admin"]) {
            return Err(ApiError::forbidden(format!(
                "Changing {key} requires scope mgmnt:admin"
            )));
        }
    }
    let object = account.as_object_mut().ok_or_else(|| not_found(&aid))?;
    for key in WRITABLE {
        match body.get(key).filter(|v| !v.is_null()) {
            Some(value) => object.insert(key.to_owned(), value.clone()),
            None => object.remove(key),
        };
    }
    object.insert("updated_at".into(), json!(ts(chrono::Utc::now())));
    Ok(Json(account.clone()))
}

/// `DELETE /v1/accounts/{oid}/management/accounts/{aid}`: answers the account with
/// `deleted_at`/`deleted_by`; it is gone from lists and lookups afterwards.
pub async fn remove(
    State(emulator): State<Emulator>,
    Path((oid, aid)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let claims = partner_claims(&emulator, &headers, &oid, &WRITE)?;
    check_aid(&aid)?;
    let mut world = emulator.world.write().await;
    let store = &mut partner_mut(&mut world, &oid)?.accounts;
    let mut account = store.merchants.remove(&aid).ok_or_else(|| not_found(&aid))?;
    account["deleted_at"] = json!(ts(chrono::Utc::now()));
    account["deleted_by"] = json!(claims.sub);
    store.deleted.insert(aid, account.clone());
    Ok(Json(account))
}
