//! `GET /v1/accounts/{aid}/reports/metadata` (insight reports, newest first, body cursor) and
//! `GET /files/reports/{id}?signature=...`, the pre-signed download a report's `signed_url` names
//! (no bearer token: the signature is the permission). The reports themselves are
//! [`super::insight`]'s.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::access::{authorize, parts, READ_REPORTS};
use super::insight::{csv, pdf, signature};
use crate::error::ApiError;
use crate::params::Params;
use crate::state::Emulator;

/// Where the request came to (`http://<Host>`), for links back to the emulator.
fn base_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let scheme = headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
        .unwrap_or("http");
    format!("{scheme}://{host}")
}

pub async fn list(
    State(emulator): State<Emulator>,
    Path(aid): Path<String>,
    headers: HeaderMap,
    params: Params,
) -> Result<Json<Value>, ApiError> {
    authorize(&emulator, &headers, &aid, &READ_REPORTS)?;
    let limit = params.limit(10, 100)?;
    let base = base_url(&headers);
    let mut world = emulator.world.write().await;
    let (merchant, store) = parts(&mut world, &aid)?;
    let salt = store.salt;
    let all = store.reports_of(&aid, merchant);
    let start = match params.one("starting_after") {
        None => 0,
        Some(after) => all.iter().position(|r| r.id == after).map(|i| i + 1).ok_or_else(|| {
            ApiError::validation(vec![(
                "/starting_after".into(),
                format!("no report {after} on this account"),
            )])
        })?,
    };
    let page: Vec<Value> = all
        .iter()
        .skip(start)
        .take(limit)
        .map(|r| r.to_json(&base, salt))
        .collect();
    let mut body = json!({"reports": page});
    if start + page.len() < all.len() {
        body["starting_after"] = page.last().map(|r| r["id"].clone()).unwrap_or(Value::Null);
    }
    Ok(Json(body))
}

/// `GET /files/reports/{id}?signature=...`: the report file, if the signature is right.
pub async fn file(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
    params: Params,
) -> Result<Response, ApiError> {
    let aid = id
        .strip_prefix("rpt_")
        .and_then(|r| r.get(..9))
        .unwrap_or_default()
        .to_owned();
    let report = {
        let mut world = emulator.world.write().await;
        let (merchant, store) = parts(&mut world, &aid).map_err(|_| ApiError::not_found("No such report"))?;
        if params.one("signature").as_deref() != Some(signature(store.salt, &id).as_str()) {
            return Err(ApiError::forbidden("The signature does not match"));
        }
        store
            .reports_of(&aid, merchant)
            .iter()
            .find(|r| r.id == id)
            .cloned()
            .ok_or_else(|| ApiError::not_found("No such report"))?
    };
    let bytes = if report.content_type == "application/pdf" {
        pdf(&report)
    } else {
        csv(&report).into_bytes()
    };
    let mut response = bytes.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(report.content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", report.report_file_name)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}
