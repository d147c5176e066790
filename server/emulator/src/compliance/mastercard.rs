//! MATCH handlers: `POST .../compliance-search/match` (an inquiry, stored under a new IRN),
//! `GET .../compliance-search/match/{irn}` (a stored inquiry again) and
//! `POST .../compliance-search/match/terminate` (a listing added to the register).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Value};

use super::access::authorize;
use super::reader::{parse, Reader};
use super::register::{alpha3, compare, MatchAddress, MatchListing, MatchPrincipal, MatchQuery, TERMINATION_REASONS};
use super::store::Inquiry;
use crate::error::ApiError;
use crate::params::Params;
use crate::state::Emulator;

/// `POST /v1/accounts/{aid}/compliance-search/match?limit=&starting_after=`
pub async fn search(
    State(emulator): State<Emulator>,
    Path(aid): Path<String>,
    headers: HeaderMap,
    params: Params,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let aid = authorize(&emulator, &headers, &aid, &["read:accounts:/match"]).await?;
    let (limit, offset) = paging(&params)?;
    let body = parse(&body)?;
    let query = read_query(&body)?;
    let mut world = emulator.world.write().await;
    let store = &mut world
        .partner_of_mut(&aid)
        .ok_or_else(|| ApiError::not_found(format!("Account {aid} not found")))?
        .compliance;
    let results: Vec<Value> = store
        .match_register
        .iter()
        .filter_map(|listing| compare(&query, listing))
        .collect();
    let irn = store.next_irn(chrono::Utc::now().date_naive());
    let inquiry = Inquiry {
        irn: irn.clone(),
        account_id: aid,
        results,
    };
    let page = inquiry.page(offset, limit);
    store.inquiries.insert(irn, inquiry);
    Ok(Json(page))
}

/// `GET /v1/accounts/{aid}/compliance-search/match/{irn}?limit=&starting_after=`
pub async fn inquiry(
    State(emulator): State<Emulator>,
    Path((aid, irn)): Path<(String, String)>,
    headers: HeaderMap,
    params: Params,
) -> Result<Json<Value>, ApiError> {
    let aid = authorize(&emulator, &headers, &aid, &["read:accounts:/match"]).await?;
    if irn.is_empty() || irn.len() > 19 || !irn.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ApiError::validation(vec![("/irn".into(), "should be integer".into())]));
    }
    let (limit, offset) = paging(&params)?;
    let world = emulator.world.read().await;
    world
        .partner_of(&aid)
        .and_then(|p| p.compliance.inquiries.get(&irn))
        .filter(|inquiry| inquiry.account_id == aid)
        .map(|inquiry| Json(inquiry.page(offset, limit)))
        .ok_or_else(|| ApiError::not_found(format!("Inquiry {irn} not found")))
}

/// `POST /v1/accounts/{aid}/compliance-search/match/terminate`
pub async fn terminate(
    State(emulator): State<Emulator>,
    Path(aid): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let aid = authorize(&emulator, &headers, &aid, &["write:accounts:/match"]).await?;
    let body = parse(&body)?;
    let mut r = Reader::default();
    let merchant = read_merchant(&mut r, &body);
    r.text(&body, "/merchant/merchant_id", false);
    r.yes_no(&body, "/merchant/is_proprietorship");
    r.yes_no(&body, "/merchant/is_transaction_laundering");
    r.object(&body, "/termination", true);
    let reason = r.text(&body, "/termination/termination_reason", true);
    if !reason.is_empty() && !TERMINATION_REASONS.contains(&reason.as_str()) {
        r.fail(
            "/termination/termination_reason",
            format!(
                "should be equal to one of the allowed values: {}",
                TERMINATION_REASONS.join(", ")
            ),
        );
    }
    let start = r.date(&body, "/termination/agreement_start_date");
    let end = r.date(&body, "/termination/agreement_termination_date");
    if let (Some(start), Some(end)) = (start, end) {
        if end < start {
            r.fail(
                "/termination/agreement_termination_date",
                "should not be before agreement_start_date",
            );
        }
    }
    let comment = r.text(&body, "/termination/comment", false);
    r.finish()?;
    let mut world = emulator.world.write().await;
    let store = &mut world
        .partner_of_mut(&aid)
        .ok_or_else(|| ApiError::not_found(format!("Account {aid} not found")))?
        .compliance;
    let reference_number = store.next_reference_number();
    store.match_register.push(MatchListing {
        reference_number,
        name: merchant.business_name,
        doing_business_as_name: merchant.trade_name,
        address: merchant.address,
        phone_number: merchant.phone_number,
        principals: merchant.principals,
        urls: Some(merchant.website_url)
            .filter(|u| !u.is_empty())
            .into_iter()
            .collect(),
        merchant_category: body["merchant"]["merchant_category"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        added_on_date: chrono::Utc::now().date_naive().to_string(),
        termination_reason_code: reason,
        added_by_acquirer_id: store.acquirer_id.clone(),
        comments: comment,
        ..Default::default()
    });
    Ok(Json(json!({"merchant_reference_number": reference_number})))
}

/// `limit` (1–100, default 20) and `starting_after` (an offset ≥ 0, default 0).
fn paging(params: &Params) -> Result<(usize, usize), ApiError> {
    let limit = params.limit(20, 100)?;
    let offset = match params.one("starting_after") {
        None => 0,
        Some(raw) => raw.parse::<usize>().map_err(|_| {
            ApiError::validation(vec![(
                "/starting_after".into(),
                "should be an integer greater than or equal to 0".into(),
            )])
        })?,
    };
    Ok((limit, offset))
}

/// The search body: `merchant` and `search_criteria`, both required.
fn read_query(body: &Value) -> Result<MatchQuery, ApiError> {
    let mut r = Reader::default();
    let mut query = read_merchant(&mut r, body);
    r.object(body, "/search_criteria", true);
    let search_all = r.yes_no(body, "/search_criteria/search_all");
    query.regions = r.texts(body, "/search_criteria/region");
    query.countries = r.texts(body, "/search_criteria/country");
    query.search_all = search_all.unwrap_or(query.regions.is_empty() && query.countries.is_empty());
    if search_all == Some(false) && query.regions.is_empty() && query.countries.is_empty() {
        r.fail(
            "/search_criteria/country",
            "region or country is required when search_all is N",
        );
    }
    r.finish()?;
    Ok(query)
}

/// `merchant` as the search and the termination take it (the name required, INF).
fn read_merchant(r: &mut Reader, body: &Value) -> MatchQuery {
    r.object(body, "/merchant", true);
    let principals = r
        .objects(body, "/merchant/principals")
        .into_iter()
        .map(|(at, _)| {
            let principal = MatchPrincipal {
                first_name: r.text(body, &format!("{at}/first_name"), false),
                last_name: r.text(body, &format!("{at}/last_name"), false),
                email: r.text(body, &format!("{at}/email"), false),
                phone_number: r.text(body, &format!("{at}/phone_number"), false),
                date_of_birth: r.text(body, &format!("{at}/date_of_birth"), false),
                address: read_address(r, body, &format!("{at}/address")),
                ..Default::default()
            };
            r.date(body, &format!("{at}/date_of_birth"));
            principal
        })
        .collect();
    r.text(body, "/merchant/merchant_category", false);
    MatchQuery {
        business_name: r.text(body, "/merchant/business_name", true),
        trade_name: r.text(body, "/merchant/trade_name", false),
        address: read_address(r, body, "/merchant/address"),
        principals,
        phone_number: r.text(body, "/merchant/phone_number", false),
        website_url: r.text(body, "/merchant/website_url", false),
        ..Default::default()
    }
}

fn read_address(r: &mut Reader, body: &Value, at: &str) -> MatchAddress {
    r.object(body, at, false);
    MatchAddress {
        line_one: r.text(body, &format!("{at}/address_line"), false),
        line_two: r.text(body, &format!("{at}/address_line_2"), false),
        city: r.text(body, &format!("{at}/city"), false),
        postal_code: r.text(body, &format!("{at}/postal_code"), false),
        country: alpha3(&r.text(body, &format!("{at}/country"), false)),
        ..Default::default()
    }
}
