//! The seeded approvals: one seller approval per seller id of a merchant ([`seller_ids`]), extra ones
//! for some merchants, a payment approval for most merchants, and a CDD case behind each approval
//! whose event history leads to the approval's status. The first merchants get statuses in turn so
//! every `case_status` occurs among cases, payment approvals and seller approvals.

use chrono::{DateTime, Duration, Utc};
use rand::rngs::StdRng;
use rand::Rng;
use serde_json::{json, Value};

use super::bank;
use super::store::{links, CASE_STATUSES};
use crate::accounts::seed::slug;
use crate::clock::{seed_now, ts};
use crate::ids::{norwegian_org_number, seller_ids, swedish_org_number, uuid_from};
use crate::world::Partner;

/// Names of a merchant's outlets (sellers), Norwegian and Swedish.
const NO_OUTLETS: [&str; 6] = ["Sentrum", "Storsenter", "Nettbutikk", "Kafé", "Torget", "Brygga"];
const SE_OUTLETS: [&str; 6] = ["Centrum", "Gallerian", "Webbshop", "Kafé", "Torget", "Hamnen"];
const NO_TITLES: [&str; 3] = ["Daglig leder", "Styreleder", "Økonomisjef"];
const SE_TITLES: [&str; 3] = ["VD", "Styrelseordförande", "Ekonomichef"];

/// What a merchant's seeding needs to know about it.
struct Merchant {
    aid: String,
    country: String,
    currency: String,
    org: String,
    display: String,
    mcc: i64,
    submitter: Value,
}

pub fn seed(partner: &mut Partner, rng: &mut StdRng) {
    let creators: Vec<String> = partner.users.iter().map(|u| u.id.clone()).collect();
    let creator = |rng: &mut StdRng| {
        creators
            .get(rng.random_range(0..creators.len().max(1)))
            .cloned()
            .unwrap_or_default()
    };
    let merchants: Vec<Merchant> = partner.accounts.merchants.values().map(|m| merchant(m, rng)).collect();
    let store = &mut partner.approvals;
    for (index, m) in merchants.iter().enumerate() {
        let outlets: &[&str] = if m.country == "SE" { &SE_OUTLETS } else { &NO_OUTLETS };
        // Sellers with balances are approved; one in eight of them is only waiting for the review.
        let mut sellers: Vec<(String, String, &str)> = seller_ids(&m.aid)
            .into_iter()
            .enumerate()
            .map(|(i, id)| {
                let status = if rng.random_range(0..8) == 0 {
                    "UNDER_MANUAL_REVIEW"
                } else {
                    "ACTIVE"
                };
                (id, format!("{} {}", m.display, outlets[i % outlets.len()]), status)
            })
            .collect();
        // Extra (newer) sellers: every status in turn for the first ten merchants, some later.
        if index < CASE_STATUSES.len() || rng.random_range(0..4) == 0 {
            let status = if index < CASE_STATUSES.len() {
                CASE_STATUSES[index]
            } else {
                const LATER: [&str; 6] = [
                    "WAITING_FOR_DECLARATION",
                    "WAITING_FOR_SIGNATURE",
                    "AUTOMATIC_REVIEW",
                    "DECLINED",
                    "WAITING_FOR_DETAILS",
                    "ARCHIVED",
                ];
                LATER[rng.random_range(0..LATER.len())]
            };
            let outlet = outlets[rng.random_range(0..outlets.len())];
            let base: String = slug(&m.display).chars().take(26).collect();
            let id = format!("{}-{}", base.trim_end_matches('-'), slug(outlet));
            sellers.push((id, format!("{} {outlet} 2", m.display), status));
        }
        for (seller_id, name, status) in sellers {
            let created =
                seed_now() - Duration::days(rng.random_range(20..330)) - Duration::minutes(rng.random_range(0..1440));
            let by = creator(rng);
            let approval = seller_approval(rng, m, &seller_id, &name, status, created, by.clone());
            let case = cdd_case(rng, m, Some(&approval), status, created, by);
            store.sellers.entry(m.aid.clone()).or_default().push(approval);
            store.cdd_cases.entry(m.aid.clone()).or_default().push(case);
        }
        if index < CASE_STATUSES.len() || rng.random_range(0..4) != 0 {
            let status = if index < CASE_STATUSES.len() {
                CASE_STATUSES[CASE_STATUSES.len() - 1 - index]
            } else {
                [
                    "ACTIVE",
                    "ACTIVE",
                    "ACTIVE",
                    "UNDER_MANUAL_REVIEW",
                    "WAITING_FOR_SIGNATURE",
                ][rng.random_range(0..5)]
            };
            let created =
                seed_now() - Duration::days(rng.random_range(40..360)) - Duration::minutes(rng.random_range(0..1440));
            let by = creator(rng);
            let approval = payment_approval(rng, m, status, created, by.clone());
            let case = cdd_case(rng, m, None, status, created, by);
            store.payments.entry(m.aid.clone()).or_default().push(approval);
            store.cdd_cases.entry(m.aid.clone()).or_default().push(case);
        }
        for list in [&mut store.sellers, &mut store.payments, &mut store.cdd_cases] {
            if let Some(items) = list.get_mut(&m.aid) {
                items.sort_by(|a, b| a["created_at"].as_str().cmp(&b["created_at"].as_str()));
            }
        }
    }
}

fn merchant(account: &Value, rng: &mut StdRng) -> Merchant {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    let company = &account["company"];
    let country = company["address"]["country"].as_str().unwrap_or("NO").to_owned();
    let applicant = &account["applicant"];
    let titles: &[&str] = if country == "SE" { &SE_TITLES } else { &NO_TITLES };
    Merchant {
        aid: text(&account["account_id"]),
        currency: account["currency"].as_str().unwrap_or("NOK").to_owned(),
        org: text(&company["organization_number"]),
        display: company["display_name"]
            .as_str()
            .or(company["business_name"].as_str())
            .unwrap_or("Butikk")
            .to_owned(),
        mcc: company["merchant_category_code"]
            .as_str()
            .and_then(|s| s.parse().ok())
            .or(company["merchant_category_code"].as_i64())
            .unwrap_or(5499),
        submitter: json!({
            "email": applicant["email"],
            "name": format!("{} {}", text(&applicant["first_name"]), text(&applicant["last_name"])),
            "title": titles[rng.random_range(0..titles.len())],
        }),
        country,
    }
}

/// The statuses a case went through to reach `status`, first to last.
fn history(status: &str) -> Vec<&'static str> {
    let to_review = [
        "WAITING_FOR_DECLARATION",
        "WAITING_FOR_SIGNATURE",
        "UNDER_MANUAL_REVIEW",
    ];
    let mut path: Vec<&'static str> = match status {
        "AUTOMATIC_REVIEW" | "ERROR" => vec![],
        "WAITING_FOR_DECLARATION" => vec![],
        "WAITING_FOR_SIGNATURE" | "WAITING_FOR_DETAILS" => vec!["WAITING_FOR_DECLARATION"],
        "ARCHIVED" => to_review[..2].to_vec(),
        "TERMINATED" => vec![to_review[0], to_review[1], to_review[2], "ACTIVE"],
        _ => to_review.to_vec(),
    };
    let last = CASE_STATUSES
        .iter()
        .find(|s| **s == status)
        .copied()
        .unwrap_or("WAITING_FOR_DECLARATION");
    if path.last() != Some(&last) {
        path.push(last);
    }
    path
}

/// Times for each step of a history: the creation time, then a day or three per step.
fn step_times(rng: &mut StdRng, created: DateTime<Utc>, steps: usize) -> Vec<DateTime<Utc>> {
    let mut at = created;
    (0..steps)
        .map(|i| {
            if i > 0 {
                at += Duration::hours(rng.random_range(20..72));
            }
            at.min(seed_now() - Duration::hours(1))
        })
        .collect()
}

fn seller_approval(
    rng: &mut StdRng,
    m: &Merchant,
    seller_id: &str,
    name: &str,
    status: &str,
    created: DateTime<Utc>,
    created_by: String,
) -> Value {
    let id = uuid_from(rng);
    let times = step_times(rng, created, history(status).len());
    let updated = *times.last().unwrap_or(&created);
    let org = if m.country == "SE" {
        swedish_org_number(rng)
    } else {
        norwegian_org_number(rng)
    };
    let description = if m.country == "SE" {
        format!("Underhandlare {seller_id} hos {}", m.display)
    } else {
        format!("Underforhandler {seller_id} hos {}", m.display)
    };
    let interval = ["daily", "weekly", "monthly"][rng.random_range(0..3)];
    let mut approval = json!({
        "id": id,
        "created_at": ts(created),
        "created_by": created_by,
        "updated_at": ts(updated),
        "payout_destination_id": seller_id,
        "payout_reference": name.chars().take(60).collect::<String>(),
        "payout_destination_name": name.chars().take(60).collect::<String>(),
        "payout_destination_description": description,
        "payout_interval_type": interval,
        "country_code": m.country,
        "organization_number": org,
        "bank_accounts": [bank::seeded_account(rng, &m.country, &m.currency)],
        "form_submitter": m.submitter,
        "case_status": status,
        "links": links(&id, status),
    });
    if status == "ARCHIVED" {
        approval["deleted_at"] = json!(ts(updated));
        approval["deleted_by"] = approval["created_by"].clone();
    }
    approval
}

fn payment_approval(rng: &mut StdRng, m: &Merchant, status: &str, created: DateTime<Utc>, created_by: String) -> Value {
    let id = uuid_from(rng);
    let times = step_times(rng, created, history(status).len());
    let mut methods = vec![json!({"payment_method": "creditcard"})];
    let wallet = if m.country == "SE" { "swish" } else { "vipps" };
    if rng.random_range(0..3) != 0 {
        methods.push(json!({"payment_method": wallet}));
    }
    if rng.random_range(0..4) == 0 {
        methods.push(json!({"payment_method": "billie"}));
    }
    let mut approval = json!({
        "id": id,
        "created_at": ts(created),
        "created_by": created_by,
        "updated_at": ts(*times.last().unwrap_or(&created)),
        "products": [{"product": "checkout"}],
        "payment_methods": methods,
        "country_code": m.country,
        "organization_number": m.org,
        "bank_accounts": [bank::seeded_account(rng, &m.country, &m.currency)],
        "form_submitter": m.submitter,
        "case_status": status,
        "links": links(&id, status),
        "mcc": m.mcc,
    });
    if status == "ARCHIVED" {
        approval["deleted_at"] = approval["updated_at"].clone();
        approval["deleted_by"] = approval["created_by"].clone();
    }
    approval
}

/// The CDD case behind a seller approval (`seller` given) or a payment approval.
fn cdd_case(
    rng: &mut StdRng,
    m: &Merchant,
    seller: Option<&Value>,
    status: &str,
    created: DateTime<Utc>,
    created_by: String,
) -> Value {
    let id = uuid_from(rng);
    let steps = history(status);
    let times = step_times(rng, created, steps.len());
    let provider_case = format!("cdd-{}", &id[..8]);
    let contract_url = format!("https://contract.dintero.example/c/{provider_case}");
    let events: Vec<Value> = steps
        .iter()
        .zip(&times)
        .enumerate()
        .map(|(i, (step, at))| {
            let mut event = json!({
                "id": i + 1,
                "request_id": format!("req_{}", &uuid_from(rng)[..8]),
                "event": if i == 0 { "case_created" } else { "case_updated" },
                "created_at": ts(*at),
                "case_status": step,
            });
            if i == 0 {
                event["created"] = json!({"case_id": provider_case, "contract_url": contract_url});
            } else if *step == "ACTIVE" {
                event["case"] = json!({"contracts": [{
                    "contract_id": format!("{provider_case}-k1"),
                    "signed_at": ts(*at),
                    "file_url": format!("https://files.dintero.example/contracts/{provider_case}.pdf"),
                }]});
            } else {
                event["case"] = json!({});
            }
            if *step == "ERROR" {
                event["error"] = json!(if m.country == "SE" {
                    "Organisationsnumret kunde inte hittas i Bolagsverket"
                } else {
                    "Fant ikke organisasjonsnummeret i Enhetsregisteret"
                });
            }
            event
        })
        .collect();
    let updated = *times.last().unwrap_or(&created);
    let callback = format!(
        "https://api.dintero.com/v1/accounts/{}/management/settings/cdd/cases/{id}/updated",
        m.aid
    );
    let (case_for, products, actions, org, reference) = match seller {
        Some(s) => (
            json!({
                "account_id": m.aid,
                "payout_destination_id": s["payout_destination_id"],
                "payout_destination_name": s["payout_destination_name"],
                "payout_destination_description": s["payout_destination_description"],
                "payout_reference": s["payout_reference"],
            }),
            "payout",
            "create_payout_destination",
            s["organization_number"].clone(),
            s["payout_destination_id"].clone(),
        ),
        None => (
            json!({"account_id": m.aid}),
            "checkout",
            "enable_checkout_account",
            json!(m.org),
            json!(m.aid),
        ),
    };
    let bank_account = seller
        .and_then(|s| s["bank_accounts"][0]["bank_account_number"].as_str())
        .map(|n| json!({"bankAccount": n}))
        .unwrap_or_else(|| json!({}));
    let mut case = json!({
        "id": id,
        "created_at": ts(created),
        "created_by": created_by,
        "updated_at": ts(updated),
        "case_for": case_for,
        "products": [products],
        "case_request": {
            "checks": if seller.is_some() { json!(["KYC", "AML", "BANK_OWNERSHIP"]) } else { json!(["KYC", "AML"]) },
            "countryCode": m.country,
            "organizationNumber": org,
            "requireContractSigning": true,
            "details": bank_account,
            "callbackUrl": callback,
            "referenceId": reference,
        },
        "account_id": m.aid,
        "events": events,
        "package": "standard",
        "actions_on_approval": [actions],
    });
    if seller.is_none() {
        let wallet = if m.country == "SE" { "swish.swish" } else { "vipps" };
        case["payment_options"] = json!([
            {"type": "payex.creditcard", "currencies": [m.currency]},
            {"type": wallet, "currencies": [m.currency]},
        ]);
    }
    case
}
