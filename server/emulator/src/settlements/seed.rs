//! The seeded part of the settlements area: the salt of everything made lazily, and report
//! configurations for every fourth merchant. Settlements, reports and ledgers are made on first use
//! (see [`super::store::Store`]).

use chrono::Duration;
use rand::rngs::StdRng;
use rand::Rng;

use super::store::{Destination, Filter, ReportConfig};
use crate::clock::{seed_now, ts};
use crate::ids::{seller_ids, uuid_from};
use crate::world::Partner;

/// Draws the area's salt, then seeds report configurations.
pub fn seed(partner: &mut Partner, rng: &mut StdRng) {
    partner.settlements.salt = rng.random();
    configs(partner, rng);
}

/// One or two configurations for every fourth merchant.
fn configs(partner: &mut Partner, rng: &mut StdRng) {
    let aids: Vec<(String, String)> = partner
        .accounts
        .merchants
        .iter()
        .map(|(aid, account)| {
            let email = account["company"]["email"].as_str().unwrap_or("post@merchant.example");
            (
                aid.clone(),
                format!("regnskap@{}", email.split('@').nth(1).unwrap_or("merchant.example")),
            )
        })
        .collect();
    for (n, (aid, email)) in aids.into_iter().enumerate() {
        if !n.is_multiple_of(4) {
            continue;
        }
        let created = seed_now() - Duration::days(rng.random_range(30..500));
        let mut configs = vec![ReportConfig {
            id: uuid_from(rng),
            account_id: aid.clone(),
            filetypes: vec!["pdf".into(), "csv".into()],
            destinations: vec![
                Destination {
                    id: format!("dst_{:08x}", rng.random::<u32>()),
                    destination_type: "account_email".into(),
                    destination_value: None,
                },
                Destination {
                    id: format!("dst_{:08x}", rng.random::<u32>()),
                    destination_type: "email".into(),
                    destination_value: Some(email),
                },
            ],
            providers: vec![],
            filters: vec![],
            send_every: Some(86_400_000),
            last_send_at: Some((seed_now() - Duration::hours(rng.random_range(2..30))).timestamp_millis()),
            last_modified_at: created.timestamp_millis(),
            created_at: ts(created),
            updated_at: ts(created),
        }];
        if n.is_multiple_of(8) {
            let later = created + Duration::days(rng.random_range(1..25));
            let filters = seller_ids(&aid)
                .first()
                .map(|s| {
                    vec![Filter {
                        filter: "payout_destination_id".into(),
                        value: s.clone(),
                    }]
                })
                .unwrap_or_default();
            configs.push(ReportConfig {
                id: uuid_from(rng),
                account_id: aid.clone(),
                filetypes: vec!["xml".into(), "json".into()],
                destinations: vec![],
                providers: vec!["payex".into(), "vipps".into()],
                filters,
                send_every: None,
                last_send_at: None,
                last_modified_at: later.timestamp_millis(),
                created_at: ts(later),
                updated_at: ts(later),
            });
        }
        partner.settlements.configs.insert(aid, configs);
    }
}
