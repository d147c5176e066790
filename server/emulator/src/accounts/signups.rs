//! A merchant's connection objects, `GET /v1/accounts/{aid}/management/settings/connections/{provider}`
//! (04-connections.md): `common`, `bambora`, `collector`, `instabank`, `klarna`, `vipps-psp`,
//! `payex/{payment_product_type}` (only `payex.creditcard`), `swish`, `vipps`. Read with a token on
//! the merchant; 404 when the merchant has no such connection.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::Value;

use super::access::check_aid;
use super::connections::connection;
use crate::auth::{bearer, require_account, require_scope};
use crate::error::ApiError;
use crate::state::Emulator;

/// Providers with a GET of their own (payex has its own path with the product type).
const PROVIDERS: [&str; 8] = [
    "common",
    "bambora",
    "collector",
    "instabank",
    "klarna",
    "vipps-psp",
    "swish",
    "vipps",
];

pub fn routes() -> Router<Emulator> {
    let base = "/v1/accounts/{aid}/management/settings/connections";
    Router::new()
        .route(&format!("{base}/{{provider}}"), get(provider))
        .route(&format!("{base}/payex/{{payment_product_type}}"), get(payex))
}

async fn provider(
    State(emulator): State<Emulator>,
    Path((aid, provider)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    if !PROVIDERS.contains(&provider.as_str()) {
        return Err(ApiError::not_found("No such path in the Dintero emulator"));
    }
    read(&emulator, &headers, &aid, &provider).await
}

async fn payex(
    State(emulator): State<Emulator>,
    Path((aid, product)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    if product != "payex.creditcard" {
        return Err(ApiError::validation(vec![(
            "/payment_product_type".into(),
            "should be equal to one of the allowed values: payex.creditcard".into(),
        )]));
    }
    read(&emulator, &headers, &aid, &product).await
}

async fn read(emulator: &Emulator, headers: &HeaderMap, aid: &str, name: &str) -> Result<Json<Value>, ApiError> {
    let claims = bearer(emulator, headers, chrono::Utc::now().timestamp())?;
    require_scope(&claims, &["admin:accounts", "read:accounts"])?;
    check_aid(aid)?;
    require_account(&claims, aid)?;
    let world = emulator.world.read().await;
    let account = world
        .partner_of(aid)
        .and_then(|p| p.accounts.merchants.get(aid))
        .ok_or_else(|| ApiError::not_found(format!("Account {aid} not found")))?;
    connection(account, name)
        .cloned()
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("Account {aid} has no {name} connection")))
}
