//! The control plane's step of an approval or CDD case, `POST /__emulator/advance/approvals/{aid}/{id}`:
//! what the CDD provider would do, done by hand.

use axum::extract::{Path, State};
use axum::Json;
use serde_json::{json, Value};

use super::store::{cdd_status, links, next_status, request_id};
use crate::clock::now;
use crate::error::ApiError;
use crate::state::Emulator;

/// `POST /__emulator/advance/approvals/{aid}/{id}`: moves the seller approval, payment approval or
/// CDD case `id` of `aid` one step along [`next_status`]; answers `{id, kind, case_status}`.
pub async fn advance(
    State(emulator): State<Emulator>,
    Path((aid, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let mut world = emulator.world.write().await;
    let store = &mut world
        .partner_of_mut(&aid)
        .ok_or_else(|| ApiError::not_found(format!("Account {aid} not found")))?
        .approvals;
    let at = now();
    for (kind, list) in [("seller", &mut store.sellers), ("payment", &mut store.payments)] {
        if let Some(item) = list
            .get_mut(&aid)
            .and_then(|l| l.iter_mut().find(|x| x["id"] == id.as_str()))
        {
            let from = item["case_status"].as_str().unwrap_or_default().to_owned();
            let to = next_status(&from).ok_or_else(|| no_step(&id, &from))?;
            item["case_status"] = json!(to);
            item["updated_at"] = json!(at);
            item["links"] = links(&id, to);
            return Ok(Json(json!({"id": id, "kind": kind, "case_status": to})));
        }
    }
    if let Some(case) = store
        .cdd_cases
        .get_mut(&aid)
        .and_then(|l| l.iter_mut().find(|x| x["id"] == id.as_str()))
    {
        let from = cdd_status(case).to_owned();
        let to = next_status(&from).ok_or_else(|| no_step(&id, &from))?;
        let events = case["events"].as_array_mut().ok_or_else(|| no_step(&id, &from))?;
        let next_id = events.iter().filter_map(|e| e["id"].as_i64()).max().unwrap_or(0) + 1;
        events.push(json!({
            "id": next_id,
            "request_id": request_id(),
            "event": "case_updated",
            "created_at": at,
            "case_status": to,
            "case": {},
        }));
        case["updated_at"] = json!(at);
        return Ok(Json(json!({"id": id, "kind": "cdd_case", "case_status": to})));
    }
    Err(ApiError::not_found(format!(
        "No approval or CDD case {id} on account {aid}"
    )))
}

fn no_step(id: &str, from: &str) -> ApiError {
    ApiError::validation(vec![(
        "/case_status".into(),
        format!("{id} is {from}, which the CDD provider does not move on"),
    )])
}
