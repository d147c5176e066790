//! `GET /v1/accounts/{aid}/settlements`: filters on `settled_at` (`created_at.*`) or `created_at`
//! (`item_created_at.*`), provider, seller and id; newest first; paged by `last_evaluated_key`.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde_json::{json, Value};

use super::access::{authorize, parts, READ_SETTLEMENTS};
use super::generate::Settlement;
use crate::clock::ts;
use crate::error::ApiError;
use crate::params::Params;
use crate::state::Emulator;

/// A date (`2026-01-31`: from its start for `.gte`, to its end for `.lte`) or an RFC 3339 time.
pub fn parse_bound(params: &Params, name: &str, upper: bool) -> Result<Option<DateTime<Utc>>, ApiError> {
    let Some(raw) = params.one(name) else {
        return Ok(None);
    };
    if let Ok(t) = DateTime::parse_from_rfc3339(&raw) {
        return Ok(Some(t.with_timezone(&Utc)));
    }
    match NaiveDate::parse_from_str(&raw, "%Y-%m-%d") {
        Ok(d) => {
            let start = d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
            Ok(Some(if upper {
                start + Duration::days(1) - Duration::milliseconds(1)
            } else {
                start
            }))
        }
        Err(_) => Err(ApiError::validation(vec![(
            format!("/{name}"),
            "should be a date (YYYY-MM-DD) or an RFC 3339 date-time".into(),
        )])),
    }
}

pub async fn list(
    State(emulator): State<Emulator>,
    Path(aid): Path<String>,
    headers: HeaderMap,
    params: Params,
) -> Result<Json<Value>, ApiError> {
    authorize(&emulator, &headers, &aid, &READ_SETTLEMENTS)?;
    let limit = params.limit(10, 1000)?;
    let settled_gte = parse_bound(&params, "created_at.gte", false)?;
    let settled_lte = parse_bound(&params, "created_at.lte", true)?;
    let created_gte = parse_bound(&params, "item_created_at.gte", false)?;
    let created_lte = parse_bound(&params, "item_created_at.lte", true)?;
    let by_created = created_gte.is_some() || created_lte.is_some();
    if by_created && (settled_gte.is_some() || settled_lte.is_some()) {
        let name = if created_gte.is_some() {
            "item_created_at.gte"
        } else {
            "item_created_at.lte"
        };
        return Err(ApiError::validation(vec![(
            format!("/{name}"),
            "cannot be combined with created_at.gte or created_at.lte".into(),
        )]));
    }
    let cursor = match (params.one("starting_after_id"), params.one("starting_after_date")) {
        (None, None) => None,
        (Some(id), Some(date)) => {
            let at = DateTime::parse_from_rfc3339(&date)
                .map_err(|_| {
                    ApiError::validation(vec![(
                        "/starting_after_date".into(),
                        "should be an RFC 3339 date-time".into(),
                    )])
                })?
                .with_timezone(&Utc);
            Some((at, id))
        }
        (Some(_), None) => {
            return Err(ApiError::validation(vec![(
                "/starting_after_date".into(),
                "is required with starting_after_id".into(),
            )]))
        }
        (None, Some(_)) => {
            return Err(ApiError::validation(vec![(
                "/starting_after_id".into(),
                "is required with starting_after_date".into(),
            )]))
        }
    };
    let providers = params.all("payment_provider");
    let seller = params.one("payout_destination_id");
    let search = params.one("search").map(|s| s.to_lowercase());

    let mut world = emulator.world.write().await;
    let (merchant, store) = parts(&mut world, &aid)?;
    let all = store.settlements_of(&aid, merchant);
    let key = |s: &Settlement| if by_created { s.created_at } else { s.settled_at };
    let mut matching: Vec<&Settlement> = all
        .iter()
        .filter(|s| providers.is_empty() || providers.contains(&s.provider))
        .filter(|s| {
            seller
                .as_ref()
                .is_none_or(|p| s.payout_destination_id.as_ref() == Some(p))
        })
        .filter(|s| search.as_ref().is_none_or(|q| s.id.to_lowercase().contains(q)))
        .filter(|s| settled_gte.is_none_or(|t| s.settled_at >= t) && settled_lte.is_none_or(|t| s.settled_at <= t))
        .filter(|s| created_gte.is_none_or(|t| s.created_at >= t) && created_lte.is_none_or(|t| s.created_at <= t))
        .collect();
    matching.sort_by(|a, b| (key(b), &b.id).cmp(&(key(a), &a.id)));
    if let Some((at, id)) = &cursor {
        matching.retain(|s| (key(s), &s.id) < (*at, id));
    }
    let more = matching.len() > limit;
    matching.truncate(limit);
    let mut body = json!({"items": matching.iter().map(|s| s.to_json()).collect::<Vec<_>>()});
    if let (true, Some(last)) = (more, matching.last()) {
        let mut last_key = json!({"id": last.id, "account_id": aid, "settled_at": ts(last.settled_at)});
        if by_created {
            last_key["created_at"] = json!(ts(last.created_at));
        }
        body["last_evaluated_key"] = last_key;
    }
    Ok(Json(body))
}
