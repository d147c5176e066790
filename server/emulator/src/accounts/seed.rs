//! The seeded merchants: believable Norwegian and Swedish companies under the partner, spread over
//! every progression, connection status and provider, each with its connection event timeline.

use chrono::{DateTime, Duration, TimeZone, Utc};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::Rng;
use serde_json::{json, Map, Value};

use super::names::*;
use crate::seed::{norwegian_org_number, swedish_org_number, uuid_from};

/// The account managers merchants are spread over (the first is a demo person).
pub const ACCOUNT_MANAGERS: [&str; 3] = [
    "manager@partner.example",
    "lars.holm@nordlys.example",
    "sofia.berg@nordlys.example",
];

/// Price package ids merchants use; the price-package area seeds packages with these ids.
pub const PRICE_PACKAGE_IDS: [&str; 4] = [
    "NORDLYS_START",
    "NORDLYS_STANDARD",
    "NORDLYS_PLUS",
    "NORDLYS_SE_STANDARD",
];

/// Providers per country, as they appear as keys of `Account.connections` (payex under `payex.creditcard`).
pub const NO_PROVIDERS: [&str; 6] = ["vipps", "bambora", "payex", "collector", "instabank", "klarna"];
pub const SE_PROVIDERS: [&str; 5] = ["swish", "klarna", "collector", "bambora", "payex"];

/// Sale channels (02-partner-accounts.md).
pub const SALE_CHANNELS: [&str; 4] = ["DIRECT", "PARTNER", "REFERRAL", "INBOUND"];

/// Connection statuses (02-partner-accounts.md).
pub const CONNECTION_STATUSES: [&str; 4] = ["pending", "enabled", "failed", "declined"];
/// Account progressions (03-account-schema.md).
pub const PROGRESSIONS: [&str; 4] = ["applied", "live", "frozen", "deactivated"];

/// The reference "now" of the seeded world: fixed, so the same seed makes the same world.
pub fn seed_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).single().unwrap_or_default()
}

/// Formats a time as Dintero does (RFC 3339, milliseconds, `Z`).
pub fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// The `index`-th merchant (1-based) under partner `partner_id` (e.g. `T11200000` → `T11200001`).
pub fn merchant(rng: &mut StdRng, partner_id: &str, index: usize) -> Value {
    let prefix = &partner_id[..4];
    let account_id = format!("{prefix}{index:05}");
    let swedish = index.is_multiple_of(3);
    let (places, trades, first, last, streets, postal, country, currency, lang) = if swedish {
        (
            &SE_PLACES[..],
            &SE_TRADES[..],
            &SE_FIRST[..],
            &SE_LAST[..],
            &SE_STREETS[..],
            &SE_POSTAL[..],
            "SE",
            "SEK",
            "sv",
        )
    } else {
        (
            &NO_PLACES[..],
            &NO_TRADES[..],
            &NO_FIRST[..],
            &NO_LAST[..],
            &NO_STREETS[..],
            &NO_POSTAL[..],
            "NO",
            "NOK",
            "nb",
        )
    };
    let place = pick(rng, places);
    let (trade, mcc, industry) = *trades.choose(rng).expect("non-empty");
    let suffix = if swedish { "AB" } else { "AS" };
    let display = format!("{trade} {place}");
    let business_name = format!("{display} {suffix}");
    let org = if swedish {
        swedish_org_number(rng)
    } else {
        norwegian_org_number(rng)
    };
    let (postal_code, postal_place) = *postal.choose(rng).expect("non-empty");
    let address = json!({
        "address_line": format!("{} {}", pick(rng, streets), rng.random_range(1..120)),
        "postal_code": postal_code,
        "postal_place": postal_place,
        "country": country,
    });
    let (fname, lname) = (pick(rng, first), pick(rng, last));
    let domain = format!("{}.example", slug(&display));
    let phone = if swedish {
        format!("+467{}", rng.random_range(10_000_000..99_999_999))
    } else {
        format!("+47{}", rng.random_range(40_000_000..99_999_999))
    };
    let now = seed_now();
    let created = now - Duration::days(rng.random_range(20..1_100)) - Duration::minutes(rng.random_range(0..1_440));
    let progression = PROGRESSIONS[weighted(rng, &[3, 6, 1, 1])];
    let providers: &[&str] = if swedish { &SE_PROVIDERS } else { &NO_PROVIDERS };
    let mut connections = Map::new();
    // Every provider is used by some merchants; each merchant applies for two to five.
    let wanted = rng.random_range(2..=providers.len().min(5));
    let mut chosen: Vec<&str> = providers.to_vec();
    chosen.sort_by_key(|_| rng.random::<u32>());
    for provider in chosen.into_iter().take(wanted) {
        let status = if progression == "applied" {
            CONNECTION_STATUSES[weighted(rng, &[6, 1, 1, 1])]
        } else {
            CONNECTION_STATUSES[weighted(rng, &[2, 6, 1, 1])]
        };
        let connection = connection(rng, provider, status, created, now);
        if provider == "payex" {
            connections.insert("payex".into(), json!({"creditcard": connection}));
        } else {
            connections.insert(provider.into(), connection);
        }
    }
    let mut account = json!({
        "id": uuid_from(rng),
        "created_at": ts(created),
        "created_by": ACCOUNT_MANAGERS[index % ACCOUNT_MANAGERS.len()],
        "updated_at": ts(created + Duration::days(rng.random_range(0..20))),
        "account_id": account_id,
        "partner_id": prefix,
        "livemode": false,
        "active": progression == "live",
        "language_code": lang,
        "currency": currency,
        "merchant_category_code": mcc,
        "applicant": {
            "email": format!("{}@{domain}", slug(fname)),
            "first_name": fname,
            "last_name": lname,
            "phone_number": phone,
        },
        "company": {
            "business_name": business_name,
            "display_name": display,
            "organization_number": org,
            "industry": industry,
            "website": format!("https://{domain}"),
            "email": format!("post@{domain}"),
            "phone_number": phone,
            "merchant_category_code": mcc,
            "address": address,
        },
        "billing": {
            "business_name": business_name,
            "organization_number": org,
            "email": format!("faktura@{domain}"),
            "address": address,
        },
        "subscription": {"interval": "month", "plan": "transaction_fee"},
        "progression": progression,
        "account_manager": {"email": ACCOUNT_MANAGERS[index % ACCOUNT_MANAGERS.len()]},
        "sale_channel": SALE_CHANNELS[index % SALE_CHANNELS.len()],
        "price_package": if swedish { PRICE_PACKAGE_IDS[3] } else { PRICE_PACKAGE_IDS[index % 3] },
        "services": {"checkout": {"status": if progression == "live" { "enabled" } else { "disabled" }, "progression": progression}},
        "connections": connections,
    });
    if index.is_multiple_of(7) {
        account["reseller_id"] = json!(format!("DINTERO_ACCOUNT:{}", 99_900_000 + index));
    }
    account
}

fn connection(rng: &mut StdRng, provider: &str, status: &str, since: DateTime<Utc>, now: DateTime<Utc>) -> Value {
    let applied = since + Duration::days(rng.random_range(1..15));
    let mut events = vec![event(
        rng,
        applied,
        "pending",
        "application_received",
        &format!("{} application received", title(provider)),
        json!({}),
    )];
    let mut at = applied;
    if rng.random_bool(0.7) || status != "pending" {
        at += Duration::days(rng.random_range(1..6));
        let signature = rng.random_range(100_000..999_999);
        events.push(event(
            rng,
            at,
            "pending",
            "signature_required",
            &format!("{} awaiting signature", title(provider)),
            json!({"signature_link": format!("https://sign.{provider}.example/s/{signature}")}),
        ));
    }
    let last = match status {
        "enabled" => Some((
            "enabled",
            "connection_enabled",
            format!("{} is enabled", title(provider)),
        )),
        "declined" => Some((
            "declined",
            "declined_by_provider",
            format!("{} declined the application", title(provider)),
        )),
        "failed" => Some(("failed", "provider_error", format!("{} signup failed", title(provider)))),
        _ => None,
    };
    if let Some((s, e, d)) = last {
        at = (at + Duration::days(rng.random_range(1..20))).min(now);
        events.push(event(rng, at, s, e, &d, json!({})));
    }
    json!({
        "created_at": ts(applied),
        "created_by": "manager@partner.example",
        "updated_at": ts(at),
        "status": status,
        "schema": 1,
        "metadata": {},
        "events": events,
    })
}

fn event(rng: &mut StdRng, at: DateTime<Utc>, status: &str, event: &str, description: &str, metadata: Value) -> Value {
    json!({
        "id": uuid_from(rng),
        "created_at": ts(at),
        "created_by": "manager@partner.example",
        "status": status,
        "event": event,
        "description": description,
        "metadata": metadata,
    })
}

fn title(provider: &str) -> String {
    match provider {
        "payex" => "Swedbank Pay".into(),
        "collector" => "Walley".into(),
        other => {
            let mut c = other.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
    }
}

fn pick<'a>(rng: &mut StdRng, items: &[&'a str]) -> &'a str {
    items.choose(rng).copied().unwrap_or_default()
}

/// An index drawn with the given weights.
fn weighted(rng: &mut StdRng, weights: &[u32]) -> usize {
    let total: u32 = weights.iter().sum();
    let mut roll = rng.random_range(0..total);
    for (i, w) in weights.iter().enumerate() {
        if roll < *w {
            return i;
        }
        roll -= w;
    }
    weights.len() - 1
}

/// A host-name-safe form of a name: `Bakeri Grünerløkka` → `bakeri-grunerlokka`.
pub fn slug(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'æ' | 'ä' => 'a',
            'ø' | 'ö' => 'o',
            'å' => 'a',
            'ü' => 'u',
            'é' => 'e',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The payout destinations (sellers) a merchant has: `PD001`, `PD002`... Every area that seeds
/// something per seller (seller approvals, balances, transfers, settlements by seller) uses this,
/// so they agree. Every other merchant has none; the rest have one to four.
pub fn seller_ids(aid: &str) -> Vec<String> {
    let n: usize = aid.get(1..).and_then(|d| d.parse().ok()).unwrap_or(0);
    let count = if n % 2 == 1 { 0 } else { 1 + (n / 2) % 4 };
    (1..=count).map(|i| format!("PD{i:03}")).collect()
}
