//! The seeded price packages: the partner's standard packages (those merchants' `price_package`
//! names, [`PRICE_PACKAGE_IDS`], and a few more) and custom account packages derived from them.

use chrono::Duration;
use rand::rngs::StdRng;
use rand::Rng;
use serde_json::{json, Value};

use crate::accounts::seed::PRICE_PACKAGE_IDS;
use crate::clock::{seed_now, ts};
use crate::ids::uuid_from;
use crate::world::Partner;

/// One price: `flat_amount` in minor units, `unit_amount` a decimal string, and its dimensions.
fn price(flat: i64, unit: &str, description: &str, dimensions: Value) -> Value {
    json!({
        "type": "blend",
        "amounts": [{"flat_amount": flat, "unit_amount": unit, "name": "default", "description": description}],
        "dimensions": dimensions,
    })
}

fn product(product_id: &str, prices: Vec<Value>) -> Value {
    let namespace = product_id.split('.').next().unwrap_or("checkout");
    json!({"namespace": namespace, "product_id": product_id, "prices": prices})
}

fn currency(c: &[&str]) -> Value {
    json!([{"name": "currency", "values": c}])
}

/// Card prices: domestic cards at `domestic`, other cards at `foreign`, each plus `flat`.
fn card(cur: &str, country: &str, flat: i64, domestic: &str, foreign: &str, swedish: bool) -> Value {
    let (home, abroad) = if swedish {
        ("Kort, svenska kort", "Utländska kort")
    } else {
        ("Kort, norske kort", "Utenlandske kort")
    };
    product(
        "checkout.capture.card",
        vec![
            price(
                flat,
                domestic,
                home,
                json!([{"name": "currency", "values": [cur]}, {"name": "card.issuer_country", "values": [country]}]),
            ),
            price(flat, foreign, abroad, currency(&["NOK", "SEK", "EUR"])),
        ],
    )
}

fn invoice(cur: &str, flat: i64, unit: &str, swedish: bool) -> Value {
    let text = if swedish {
        "Faktura privat/företag"
    } else {
        "Faktura privat/bedrift"
    };
    product(
        "checkout.capture.invoice",
        vec![price(
            flat,
            unit,
            text,
            json!([{"name": "currency", "values": [cur]},
                   {"name": "payment_product_type_category", "values": ["invoice", "b2b_invoice"]}]),
        )],
    )
}

fn payout(cur: &str, flat: i64, swedish: bool) -> Value {
    let text = if swedish {
        "Utbetalning per överföring"
    } else {
        "Utbetaling per overføring"
    };
    product("payout.transfer", vec![price(flat, "0", text, currency(&[cur]))])
}

fn wallet(product_id: &str, cur: &str, flat: i64, unit: &str) -> Value {
    let description = if product_id.ends_with("swish") {
        "Swish fast avgift"
    } else {
        "Vipps"
    };
    product(product_id, vec![price(flat, unit, description, currency(&[cur]))])
}

/// (price_package_id, name, description, products, pricing_conditions, creation_state)
fn standard_packages() -> Vec<(&'static str, &'static str, &'static str, Vec<Value>, &'static str)> {
    vec![
        (
            PRICE_PACKAGE_IDS[0],
            "Nordlys Start",
            "Inngangspakke for nye norske nettbutikker",
            vec![
                card("NOK", "NO", 100, "0.0199", "0.0299", false),
                wallet("checkout.capture.vipps", "NOK", 0, "0.0199"),
            ],
            "Ingen månedsavgift. Gjelder fra 1. januar 2026.",
        ),
        (
            PRICE_PACKAGE_IDS[1],
            "Nordlys Standard",
            "Standard prispakke for Nordlys-kunder i Norge",
            vec![
                card("NOK", "NO", 100, "0.0149", "0.0249", false),
                wallet("checkout.capture.vipps", "NOK", 0, "0.0175"),
                invoice("NOK", 2900, "0.029", false),
                payout("NOK", 500, false),
            ],
            "Gjelder fra 1. november 2025. Minimum 195 NOK per måned.",
        ),
        (
            PRICE_PACKAGE_IDS[2],
            "Nordlys Pluss",
            "For norske kunder med høy omsetning",
            vec![
                card("NOK", "NO", 75, "0.0119", "0.0219", false),
                wallet("checkout.capture.vipps", "NOK", 0, "0.0149"),
                invoice("NOK", 1900, "0.025", false),
                payout("NOK", 0, false),
            ],
            "Forutsetter minst 2 MNOK årlig omsetning. Månedsavgift 495 NOK.",
        ),
        (
            PRICE_PACKAGE_IDS[3],
            "Nordlys Standard Sverige",
            "Standardpaket för svenska handlare",
            vec![
                card("SEK", "SE", 150, "0.0145", "0.0245", true),
                wallet("checkout.capture.swish", "SEK", 200, "0"),
                invoice("SEK", 2900, "0.029", true),
                payout("SEK", 0, true),
            ],
            "Gäller från 1 november 2025. Minsta månadsavgift 195 SEK.",
        ),
        (
            "NORDLYS_SE_PLUS",
            "Nordlys Plus Sverige",
            "För svenska handlare med hög omsättning",
            vec![
                card("SEK", "SE", 100, "0.0115", "0.0215", true),
                wallet("checkout.capture.swish", "SEK", 150, "0"),
                invoice("SEK", 1900, "0.025", true),
                payout("SEK", 0, true),
            ],
            "Förutsätter minst 2 MSEK i årlig omsättning.",
        ),
        (
            "NORDLYS_B2B",
            "Nordlys Bedrift",
            "Faktura og kort for bedriftskunder",
            vec![
                card("NOK", "NO", 100, "0.0159", "0.0259", false),
                invoice("NOK", 3900, "0.019", false),
                payout("NOK", 500, false),
            ],
            "Kredittvurdering av kjøper er inkludert i fakturaprisen.",
        ),
        (
            "NORDLYS_STANDARD_2024",
            "Nordlys Standard 2024",
            "Tidligere standardpakke, gjelder eksisterende avtaler",
            vec![
                card("NOK", "NO", 100, "0.0169", "0.0269", false),
                wallet("checkout.capture.vipps", "NOK", 0, "0.0189"),
            ],
            "Gjaldt fra 1. november 2024 til 31. oktober 2025.",
        ),
        (
            "NORDLYS_SE_PILOT",
            "Nordlys SE Pilot",
            "Pilotpaket för svenska handlare",
            vec![wallet("checkout.capture.swish", "SEK", 150, "0")],
            "Endast Swish. Gäller under pilotperioden.",
        ),
    ]
}

pub fn seed(partner: &mut Partner, rng: &mut StdRng) {
    let created_by = partner.users.last().map(|u| u.id.clone()).unwrap_or_default();
    let mut created = seed_now() - Duration::days(700);
    let mut packages = Vec::new();
    for (id, name, description, products, conditions) in standard_packages() {
        created += Duration::days(rng.random_range(5..40));
        packages.push(json!({
            "id": uuid_from(rng),
            "created_at": ts(created),
            "created_by": created_by,
            "updated_at": ts(created + Duration::days(rng.random_range(0..30))),
            "price_package_id": id,
            "name": name,
            "description": description,
            "type": "default",
            "products": products,
            "pricing_conditions": conditions,
            "metadata": {"owner": "Nordlys Betalingspartner AS", "tier": id.to_lowercase()},
            "creation_state": "pristine",
        }));
    }
    // Custom packages for a few merchants, derived from the package they use, a cheaper card price.
    for index in [5usize, 12, 18, 27] {
        let aid = format!("T112{index:05}");
        let Some(merchant) = partner.accounts.merchants.get(&aid) else {
            continue;
        };
        let source = merchant["price_package"]
            .as_str()
            .unwrap_or(PRICE_PACKAGE_IDS[1])
            .to_owned();
        let display = merchant["company"]["display_name"].as_str().unwrap_or(&aid).to_owned();
        let swedish = merchant["company"]["address"]["country"] == "SE";
        let Some(base) = packages
            .iter()
            .find(|p| p["price_package_id"] == source.as_str())
            .cloned()
        else {
            continue;
        };
        let mut products = base["products"].clone();
        if let Some(amount) = products[0]["prices"][0]["amounts"][0].as_object_mut() {
            amount.insert("unit_amount".into(), json!("0.0099"));
        }
        created += Duration::days(rng.random_range(5..40));
        let (name, description, conditions) = if swedish {
            (
                format!("{display} – anpassat"),
                format!(
                    "Anpassat paket baserat på {}",
                    base["name"].as_str().unwrap_or_default()
                ),
                "Rabatterat kortpris de första 12 månaderna",
            )
        } else {
            (
                format!("{display} – tilpasset"),
                format!(
                    "Tilpasset pakke basert på {}",
                    base["name"].as_str().unwrap_or_default()
                ),
                "Rabattert kortpris første 12 måneder",
            )
        };
        packages.push(json!({
            "id": uuid_from(rng),
            "created_at": ts(created),
            "created_by": created_by,
            "updated_at": ts(created),
            "price_package_id": format!("{aid}-custom"),
            "name": name,
            "description": description,
            "type": "account",
            "products": products,
            "pricing_conditions": conditions,
            "source_price_package_id": source,
            "metadata": {"approved_by": "kari.nordmann@nordlys.example", "note": null},
            "creation_state": "modified",
        }));
    }
    partner.pricing.packages = packages;
}
