//! The seeded merchants: believable Norwegian and Swedish companies under the partner, spread over
//! every progression, connection status and provider, each with its connection event timeline and
//! payment options, and account events (comments, statistics) on some. Also what other areas'
//! seeding takes from the merchants: their price package ids ([`PRICE_PACKAGE_IDS`]) and [`slug`].

use chrono::{DateTime, Duration, Utc};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::Rng;
use serde_json::{json, Map, Value};

use super::connections::{configuration, default_options};
use super::names::*;
use super::store::Store;
use crate::clock::{seed_now, ts};
use crate::ids::{norwegian_org_number, swedish_org_number, uuid_from};

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

/// Seeds `count` merchants under the partner, their payment options, a `common` application on
/// some, and account events (comments, statistics) on some.
pub fn seed(store: &mut Store, partner_id: &str, rng: &mut StdRng, count: usize) {
    for index in 1..=count {
        let mut account = merchant(rng, partner_id, index);
        enrich(&mut account, index);
        if let Some(aid) = account["account_id"].as_str() {
            store.merchants.insert(aid.to_owned(), account);
        }
    }
    seed_events(store, rng);
}

/// Adds what [`merchant`] leaves out, without drawing from the generator: the payment options
/// of enabled connections, and a `common` application on every fifth merchant.
fn enrich(account: &mut Value, index: usize) {
    let currency = account["currency"].as_str().unwrap_or("NOK").to_owned();
    if let Some(connections) = account["connections"].as_object_mut() {
        for (name, connection) in connections.iter_mut() {
            let connection = if name == "payex" {
                &mut connection["creditcard"]
            } else {
                connection
            };
            if connection["status"] == "enabled" {
                connection["configuration"] = configuration(name, &currency);
            }
        }
    }
    if index.is_multiple_of(5) {
        let created = account["created_at"].clone();
        let live = account["progression"] == "live";
        let status = if live { "enabled" } else { "pending" };
        let mut common = json!({
            "created_at": created,
            "created_by": account["created_by"],
            "updated_at": created,
            "status": status,
            "schema": 1,
            "metadata": {},
            "signup": {
                "payment_options": default_options("common", &currency),
                "store_type": ["online"],
                "package": "Checkout 195 NOK/month + 1.5%",
                "created_at": created,
            },
            "events": [{
                "id": format!("common-{index:05}-1"),
                "created_at": created,
                "created_by": account["created_by"],
                "status": "pending",
                "event": "application_received",
                "description": "Dintero application received",
                "metadata": {},
            }],
        });
        if live {
            common["configuration"] = configuration("common", &currency);
        }
        account["connections"]["common"] = common;
    }
}

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
fn seed_events(store: &mut Store, rng: &mut StdRng) {
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

/// A private comment, as seeded and as `POST .../events` adds them.
pub fn comment(id: String, at: String, by: &str, body: &str) -> Value {
    json!({
        "event_type": "comment",
        "id": id,
        "created_at": at,
        "created_by": by,
        "body": body,
        "visibility": "private",
    })
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
