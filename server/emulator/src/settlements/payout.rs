//! Payout v2: `GET /v2/accounts/{aid}/payout/payout-destinations/{id}/balances` and `.../transfers`.
//! A seller's ledger (inbound payments, transfers between sellers, outbound payouts, see
//! [`super::ledger`]) is made on first use; its balance is the per-currency sum of its entries.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{json, Value};

use super::access::{authorize, parts, READ_PAYOUT};
use super::ledger::{config_id, LedgerEntry};
use crate::error::ApiError;
use crate::params::Params;
use crate::state::Emulator;

/// The seller's ledger, or 404 when the merchant has no such seller.
async fn ledger(emulator: &Emulator, aid: &str, seller: &str) -> Result<Vec<LedgerEntry>, ApiError> {
    let mut world = emulator.world.write().await;
    let (merchant, store) = parts(&mut world, aid)?;
    store
        .ledgers_of(aid, merchant)
        .get(seller)
        .cloned()
        .ok_or_else(|| ApiError::not_found(format!("Payout destination {seller} not found")))
}

pub async fn balances(
    State(emulator): State<Emulator>,
    Path((aid, seller)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    authorize(&emulator, &headers, &aid, &READ_PAYOUT)?;
    let entries = ledger(&emulator, &aid, &seller).await?;
    let mut sums: BTreeMap<&str, i64> = BTreeMap::new();
    for e in &entries {
        *sums.entry(e.currency.as_str()).or_default() += e.amount;
    }
    let balances: Vec<Value> = sums
        .into_iter()
        .map(|(currency, amount)| {
            json!({
                "account_id": aid,
                "payout_destination_config_id": config_id(&aid, &seller),
                "payout_destination_id": seller,
                "currency": currency,
                "amount": amount,
            })
        })
        .collect();
    Ok(Json(json!({"payout_destination_balances": balances})))
}

fn page_token(offset: usize) -> String {
    URL_SAFE_NO_PAD.encode(format!("offset:{offset}"))
}

fn parse_page_token(token: &str) -> Option<usize> {
    let raw = URL_SAFE_NO_PAD.decode(token).ok()?;
    String::from_utf8(raw).ok()?.strip_prefix("offset:")?.parse().ok()
}

pub async fn transfers(
    State(emulator): State<Emulator>,
    Path((aid, seller)): Path<(String, String)>,
    headers: HeaderMap,
    params: Params,
) -> Result<Json<Value>, ApiError> {
    authorize(&emulator, &headers, &aid, &READ_PAYOUT)?;
    let limit = params.limit(10, 1000)?;
    let currency = params.one("currency");
    if let Some(c) = &currency {
        if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(ApiError::validation(vec![(
                "/currency".into(),
                "should match pattern \"^[A-Z]{3}$\"".into(),
            )]));
        }
    }
    let offset = match params.one("page") {
        None => 0,
        Some(token) => parse_page_token(&token).ok_or_else(|| {
            ApiError::validation(vec![("/page".into(), "is not a page token from this endpoint".into())])
        })?,
    };
    let entries = ledger(&emulator, &aid, &seller).await?;
    let matching: Vec<&LedgerEntry> = entries
        .iter()
        .filter(|e| currency.as_ref().is_none_or(|c| &e.currency == c))
        .collect();
    let page: Vec<Value> = matching
        .iter()
        .skip(offset)
        .take(limit)
        .map(|e| e.to_json(&aid, &seller))
        .collect();
    let mut body = json!({"entries": page});
    if offset + limit < matching.len() {
        body["next_page_token"] = json!(page_token(offset + limit));
    }
    Ok(Json(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_tokens_round_trip() {
        assert_eq!(parse_page_token(&page_token(30)), Some(30));
        assert_eq!(parse_page_token("nonsense"), None);
    }
}
