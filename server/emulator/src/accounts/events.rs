//! Account events, `GET`/`POST /v1/accounts/{oid}/management/accounts/{aid}/events`
//! (02-partner-accounts.md): the partner's private comments on a merchant and monthly statistics,
//! listed newest first with an item cursor.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use chrono::{DateTime, Duration, Utc};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::Rng;
use serde_json::{json, Value};

use super::super::error::ApiError;
use super::super::params::Params;
use super::super::seed::uuid_from;
use super::super::Emulator;
use super::collection::{not_found, partner_claims};
use super::seed::{seed_now, ts, ACCOUNT_MANAGERS};
use super::{check_aid, partner, partner_mut, Store};

const NO_COMMENTS: [&str; 6] = [
    "Ringte daglig leder – ønsker også Klarna. Følg opp i neste uke.",
    "Kontrakt signert ✍️ — venter på Swedbank Pay.",
    "Bankkontoen er verifisert. Klar for Vipps.",
    "Kunden spør om lavere gebyr på kort; sendt tilbud på Nordlys Plus.",
    "Møte på kontoret i Tromsø, de vil starte med nettbutikk før jul.",
    "Mangler signatur fra styreleder, purret på e-post.",
];
const SE_COMMENTS: [&str; 5] = [
    "Pratade med ägaren – vill även ha Swish Handel. Återkommer i april.",
    "Avtalet är signerat, väntar på Walley.",
    "Kunden undrar över avgifterna för kort; skickat prisförslag.",
    "Saknar underskrift från firmatecknare, påmint via e-post.",
    "Butiken i Göteborg öppnar i mars, vill vara live innan dess.",
];

/// Seeds comments on about every third merchant and a statistics event on every fourth.
pub fn seed(store: &mut Store, rng: &mut StdRng) {
    let now = seed_now();
    for (aid, account) in &store.merchants {
        let created = account["created_at"]
            .as_str()
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or(now - Duration::days(365));
        let swedish = account["company"]["address"]["country"] == "SE";
        let n: usize = aid[1..].parse().unwrap_or(0);
        let mut events: Vec<(DateTime<Utc>, Value)> = Vec::new();
        if n % 3 == 1 {
            let pool: &[&str] = if swedish { &SE_COMMENTS } else { &NO_COMMENTS };
            for _ in 0..rng.random_range(1..=3) {
                let span = (now - created).num_minutes().max(1);
                let at = created + Duration::minutes(rng.random_range(0..span));
                let by = ACCOUNT_MANAGERS.choose(rng).copied().unwrap_or_default();
                let body = pool.choose(rng).copied().unwrap_or_default();
                events.push((at, comment(uuid_from(rng), ts(at), by, body)));
            }
        }
        if n.is_multiple_of(4) {
            let at = now - Duration::days(19) - Duration::hours(9) + Duration::minutes(5);
            let count: u64 = rng.random_range(20..2_000);
            let product = if swedish { "swish.swish" } else { "vipps" };
            events.push((
                at,
                json!({
                    "event_type": "statistics",
                    "id": uuid_from(rng),
                    "created_at": ts(at),
                    "created_by": "system",
                    "statistics": {
                        "checkout": {"payment_product_types": [
                            {"payment_product_type": product, "count": count, "amount": count * rng.random_range(15_000..90_000)}
                        ]},
                        "shopping": {"orders": []},
                    },
                }),
            ));
        }
        if !events.is_empty() {
            events.sort_by_key(|(at, _)| *at);
            let list = events.into_iter().map(|(_, e)| e).collect();
            store.events.insert(aid.clone(), list);
        }
    }
}

fn comment(id: String, at: String, by: &str, body: &str) -> Value {
    json!({
        "event_type": "comment",
        "id": id,
        "created_at": at,
        "created_by": by,
        "body": body,
        "visibility": "private",
    })
}

/// `GET .../accounts/{aid}/events`: newest first; `type=comment` keeps comments only.
pub async fn list(
    State(emulator): State<Emulator>,
    Path((oid, aid)): Path<(String, String)>,
    headers: HeaderMap,
    params: Params,
) -> Result<Json<Vec<Value>>, ApiError> {
    partner_claims(&emulator, &headers, &oid, &["admin:accounts", "read:accounts"])?;
    check_aid(&aid)?;
    let limit = params.limit(10, 100)?;
    let types = params.all("type");
    if let Some(bad) = types.iter().position(|t| t != "comment") {
        return Err(ApiError::validation(vec![(
            format!("/type/{bad}"),
            "should be equal to one of the allowed values: comment".into(),
        )]));
    }
    let before = match params.one("starting_after") {
        None => usize::MAX,
        Some(token) => token
            .strip_prefix("pt.")
            .and_then(|n| n.parse::<usize>().ok())
            .ok_or_else(|| {
                ApiError::validation(vec![(
                    "/starting_after".into(),
                    "should be the paging_token of an item of the previous page".into(),
                )])
            })?,
    };
    let world = emulator.world.read().await;
    let store = &partner(&world, &oid)?.accounts;
    if !store.merchants.contains_key(&aid) {
        return Err(not_found(&aid));
    }
    let events = store.events.get(&aid).map(Vec::as_slice).unwrap_or_default();
    let page = events
        .iter()
        .enumerate()
        .rev()
        .filter(|(i, _)| *i < before)
        .filter(|(_, e)| types.is_empty() || types.iter().any(|t| e["event_type"] == t.as_str()))
        .take(limit)
        .map(|(i, e)| {
            let mut item = e.clone();
            item["paging_token"] = json!(format!("pt.{i}"));
            item
        })
        .collect();
    Ok(Json(page))
}

/// `POST .../accounts/{aid}/events`: adds a private comment.
pub async fn create(
    State(emulator): State<Emulator>,
    Path((oid, aid)): Path<(String, String)>,
    headers: HeaderMap,
    body: Option<Json<Value>>,
) -> Result<Json<Value>, ApiError> {
    let claims = partner_claims(&emulator, &headers, &oid, &["admin:accounts", "write:accounts"])?;
    check_aid(&aid)?;
    let body = body.map(|Json(b)| b).unwrap_or(Value::Null);
    let mut failures = Vec::new();
    let required = |name: &str| format!("should have required property '{name}'");
    match body.get("event_type").and_then(Value::as_str) {
        Some("comment") => {}
        Some(_) => failures.push((
            "/event_type".into(),
            "should be equal to one of the allowed values: comment".into(),
        )),
        None => failures.push(("/event_type".into(), required("event_type"))),
    }
    match body.get("body").and_then(Value::as_str) {
        Some(b) if !b.trim().is_empty() => {}
        _ => failures.push(("/body".into(), required("body"))),
    }
    match body.get("visibility").and_then(Value::as_str) {
        Some("private") => {}
        Some(_) => failures.push((
            "/visibility".into(),
            "should be equal to one of the allowed values: private".into(),
        )),
        None => failures.push(("/visibility".into(), required("visibility"))),
    }
    if !failures.is_empty() {
        return Err(ApiError::validation(failures));
    }
    let mut world = emulator.world.write().await;
    let store = &mut partner_mut(&mut world, &oid)?.accounts;
    if !store.merchants.contains_key(&aid) {
        return Err(not_found(&aid));
    }
    let event = comment(
        uuid::Uuid::new_v4().to_string(),
        ts(Utc::now()),
        &claims.sub,
        body["body"].as_str().unwrap_or_default(),
    );
    let events = store.events.entry(aid).or_default();
    events.push(event.clone());
    let mut answered = event;
    answered["paging_token"] = json!(format!("pt.{}", events.len() - 1));
    Ok(Json(answered))
}
