//! CDD cases, payment approvals and seller (payout destination) approvals (05-approvals-cdd.md).
//!
//! - [`cdd`]: `GET`/`POST .../settings/cdd/cases`;
//! - [`payments`]: `GET`/`POST .../settings/approvals/payments`;
//! - [`sellers`]: `GET`/`POST .../settings/approvals/payout-destinations`, `GET`/`DELETE .../{id}`;
//! - [`bank`]: the bank-account checks (IBAN mod-97, Norwegian BBAN mod-11);
//! - [`seed`]: the seeded cases and approvals.
//!
//! Every approval and case moves along [`next_status`] only when told to, by
//! `POST /__emulator/advance/approvals/{aid}/{id}` (no timers).
//!
//! # Limits
//!
//! - The CDD provider is not emulated: a new CDD case, payment approval or seller approval starts in
//!   `WAITING_FOR_DECLARATION` (**INF**) with a `contract_url` link, and moves only through the
//!   control plane (`WAITING_FOR_DECLARATION → WAITING_FOR_SIGNATURE → UNDER_MANUAL_REVIEW → ACTIVE`,
//!   `AUTOMATIC_REVIEW → UNDER_MANUAL_REVIEW`, `WAITING_FOR_DETAILS → UNDER_MANUAL_REVIEW`,
//!   `ERROR → AUTOMATIC_REVIEW`). The test-mode magic descriptions (`AUTO_APPROVE`, `AUTO_DECLINE`,
//!   `AUTO_WAITING_FOR_SIGNATURE`) apply at once on `T` accounts. No webhooks, no e-mails to the
//!   form submitter, no reminders; an approved seller is not added to Payout by the emulator.
//! - The paths of getting and archiving one seller approval are inferred (`GET`/`DELETE
//!   .../payout-destinations/{id}`, **INF**); archiving answers 200 with the archived approval (**INF**),
//!   and is refused with 400 for `UNDER_MANUAL_REVIEW`, `AUTOMATIC_REVIEW`, `WAITING_FOR_DETAILS`,
//!   `TERMINATED` and `ARCHIVED`, and for `ACTIVE` without `delete_active=true`.
//! - A second seller approval for a `payout_destination_id` that has one not archived is refused with
//!   400 (**INF**). `payout_destination_id` must match `^[A-Za-z0-9_-]+$` (the newer API's pattern).
//! - A CDD case has no top-level status: its status is the `case_status` of its last event, which the
//!   `case_status` filter uses. `includes=events.case.contracts` keeps `contracts` in events' `case`;
//!   without it they are left out. "Post updated case" (the CDD provider's callback) is not served.
//! - The 2026 seller-approval fields (`type`, `individual`, `language`, report configurations) are
//!   stored and echoed but not checked; `country_code` and `organization_number` are always required.

pub mod bank;
pub mod cdd;
pub mod payments;
pub mod seed;
pub mod sellers;

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::{get, post};
use axum::{Json, Router};
use rand::rngs::StdRng;
use serde_json::{json, Value};

use super::auth::{bearer, require_account, require_scope};
use super::error::ApiError;
use super::jwt::Claims;
use super::world::Partner;
use super::Emulator;

/// Every `case_status` (05-approvals-cdd.md, "Shared enums").
pub const CASE_STATUSES: [&str; 10] = [
    "ACTIVE",
    "DECLINED",
    "UNDER_MANUAL_REVIEW",
    "AUTOMATIC_REVIEW",
    "WAITING_FOR_SIGNATURE",
    "WAITING_FOR_DECLARATION",
    "ERROR",
    "ARCHIVED",
    "WAITING_FOR_DETAILS",
    "TERMINATED",
];

/// Cases and approvals per merchant account id, each Dintero's object as JSON, oldest first.
#[derive(Debug, Clone, Default)]
pub struct Store {
    pub cdd_cases: BTreeMap<String, Vec<Value>>,
    pub payments: BTreeMap<String, Vec<Value>>,
    pub sellers: BTreeMap<String, Vec<Value>>,
}

pub fn seed(partner: &mut Partner, rng: &mut StdRng) {
    seed::seed(partner, rng);
}

pub fn routes() -> Router<Emulator> {
    let base = "/v1/accounts/{aid}/management/settings";
    Router::new()
        .route(&format!("{base}/cdd/cases"), get(cdd::list).post(cdd::create))
        .route(
            &format!("{base}/approvals/payments"),
            get(payments::list).post(payments::create),
        )
        .route(
            &format!("{base}/approvals/payout-destinations"),
            get(sellers::list).post(sellers::create),
        )
        .route(
            &format!("{base}/approvals/payout-destinations/{{id}}"),
            get(sellers::get_one).delete(sellers::archive),
        )
}

/// The area's control-plane routes (under `/__emulator/`, not subject to injected faults).
pub fn control_routes() -> Router<Emulator> {
    Router::new().route("/__emulator/advance/approvals/{aid}/{id}", post(advance))
}

/// The one step a case or approval takes when the CDD provider moves it on; `None` where it stops.
pub fn next_status(status: &str) -> Option<&'static str> {
    match status {
        "WAITING_FOR_DECLARATION" => Some("WAITING_FOR_SIGNATURE"),
        "WAITING_FOR_SIGNATURE" => Some("UNDER_MANUAL_REVIEW"),
        "UNDER_MANUAL_REVIEW" => Some("ACTIVE"),
        "AUTOMATIC_REVIEW" => Some("UNDER_MANUAL_REVIEW"),
        "WAITING_FOR_DETAILS" => Some("UNDER_MANUAL_REVIEW"),
        "ERROR" => Some("AUTOMATIC_REVIEW"),
        _ => None,
    }
}

/// The links of an approval in `status` (05-approvals-cdd.md, link `rel`s), on example hosts.
pub fn links(case_id: &str, status: &str) -> Value {
    let mut links = vec![
        json!({"href": format!("https://contract.dintero.example/c/{case_id}"), "rel": "contract_url"}),
        json!({"href": format!("https://cdd.dintero.example/cases/{case_id}"), "rel": "cdd_case_url"}),
    ];
    if status == "WAITING_FOR_DECLARATION" {
        links.push(json!({
            "href": format!("https://forms.dintero.example/declaration/{case_id}"),
            "rel": "declaration_url",
        }));
    }
    if status == "ACTIVE" {
        links.push(json!({
            "href": format!("https://files.dintero.example/contracts/{case_id}.pdf"),
            "rel": "signed_contract_file_url",
        }));
    }
    Value::Array(links)
}

/// The status of a CDD case: the `case_status` of its last event.
pub fn cdd_status(case: &Value) -> &str {
    case["events"]
        .as_array()
        .and_then(|events| events.iter().rev().find_map(|e| e["case_status"].as_str()))
        .unwrap_or("WAITING_FOR_DECLARATION")
}

/// Now, as Dintero writes times.
pub fn now() -> String {
    super::accounts::seed::ts(chrono::Utc::now())
}

/// Bearer, scope and account checks of a merchant-level endpoint, then that the merchant exists.
pub async fn merchant_claims(
    emulator: &Emulator,
    headers: &HeaderMap,
    aid: &str,
    scopes: &[&str],
) -> Result<Claims, ApiError> {
    let claims = bearer(emulator, headers, chrono::Utc::now().timestamp())?;
    require_scope(&claims, scopes)?;
    require_account(&claims, aid)?;
    if emulator.world.read().await.partner_of(aid).is_none() {
        return Err(ApiError::not_found(format!("Account {aid} not found")));
    }
    Ok(claims)
}

/// 400 naming the first value of `name` outside `allowed`.
pub fn check_enum(name: &str, values: &[String], allowed: &[&str]) -> Result<(), ApiError> {
    match values.iter().find(|v| !allowed.contains(&v.as_str())) {
        Some(bad) => Err(ApiError::validation(vec![(
            format!("/{name}"),
            format!(
                "'{bad}' should be equal to one of the allowed values: {}",
                allowed.join(", ")
            ),
        )])),
        None => Ok(()),
    }
}

/// A required string field: present, a string, not blank, at most `max` characters.
pub fn required_string(body: &Value, field: &str, max: Option<usize>, failures: &mut Vec<(String, String)>) {
    match body.get(field) {
        None | Some(Value::Null) => {
            failures.push((format!("/{field}"), format!("should have required property '{field}'")))
        }
        Some(Value::String(s)) if s.trim().is_empty() => {
            failures.push((format!("/{field}"), "should not be empty".into()))
        }
        Some(_) => optional_string(body, field, max, failures),
    }
}

/// An optional string field: a string of at most `max` characters when given.
pub fn optional_string(body: &Value, field: &str, max: Option<usize>, failures: &mut Vec<(String, String)>) {
    match body.get(field) {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => {
            if let Some(max) = max.filter(|m| s.chars().count() > *m) {
                failures.push((
                    format!("/{field}"),
                    format!("should NOT be longer than {max} characters"),
                ));
            }
        }
        Some(_) => failures.push((format!("/{field}"), "should be string".into())),
    }
}

/// The JSON object body of a write, or 400 in Dintero's envelope.
pub fn object_body(bytes: &[u8]) -> Result<Value, ApiError> {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(value) if value.is_object() => Ok(value),
        Ok(_) => Err(ApiError::validation(vec![("/".into(), "should be object".into())])),
        Err(error) => Err(ApiError::validation(vec![(
            "/".into(),
            format!("is not valid JSON: {error}"),
        )])),
    }
}

/// `*` in `pattern` stands for any run of characters; everything else must match exactly.
pub fn glob(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || !text[first.len()..].ends_with(last) || text.len() < first.len() + last.len() {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

/// `POST /__emulator/advance/approvals/{aid}/{id}`: moves the seller approval, payment approval or
/// CDD case `id` of `aid` one step along [`next_status`]; answers `{id, kind, case_status}`.
async fn advance(
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

/// A request id as the CDD events carry them.
pub fn request_id() -> String {
    format!("req_{}", &uuid::Uuid::new_v4().simple().to_string()[..12])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_happy_path_ends_active_and_dead_ends_stay() {
        let mut status = "WAITING_FOR_DECLARATION";
        let mut steps = 0;
        while let Some(next) = next_status(status) {
            status = next;
            steps += 1;
        }
        assert_eq!((status, steps), ("ACTIVE", 3));
        for end in ["ACTIVE", "DECLINED", "ARCHIVED", "TERMINATED"] {
            assert_eq!(next_status(end), None);
        }
        assert_eq!(next_status("ERROR"), Some("AUTOMATIC_REVIEW"));
    }

    #[test]
    fn glob_matches_runs() {
        assert!(glob("PD*", "PD001"));
        assert!(glob("*-sentrum", "bakeri-bodo-sentrum"));
        assert!(glob("b*o*m", "bakeri-bodo-sentrum"));
        assert!(glob("PD001", "PD001"));
        assert!(!glob("PD00", "PD001"));
        assert!(!glob("PD*2", "PD001"));
        assert!(!glob("ab*ba", "aba"));
    }

    #[test]
    fn every_status_is_seeded_in_cases_payments_and_sellers() {
        let world = crate::seed::demo_world(1);
        let partner = world.partner("T11200000").expect("partner");
        let store = &partner.approvals;
        for status in CASE_STATUSES {
            let cases = store.cdd_cases.values().flatten().any(|c| cdd_status(c) == status);
            let sellers = store.sellers.values().flatten().any(|s| s["case_status"] == status);
            let payments = store.payments.values().flatten().any(|s| s["case_status"] == status);
            assert!(cases && sellers && payments, "{status}: {cases} {sellers} {payments}");
        }
    }

    #[test]
    fn every_seller_id_has_exactly_one_approval() {
        let world = crate::seed::demo_world(1);
        let partner = world.partner("T11200000").expect("partner");
        for aid in partner.accounts.merchants.keys() {
            let approvals = partner.approvals.sellers.get(aid).cloned().unwrap_or_default();
            for seller in crate::accounts::seed::seller_ids(aid) {
                let n = approvals
                    .iter()
                    .filter(|a| a["payout_destination_id"] == seller.as_str())
                    .count();
                assert_eq!(n, 1, "{aid} {seller}");
            }
        }
    }
}
