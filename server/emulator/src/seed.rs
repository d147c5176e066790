//! The demo world, made deterministically from a seed number: the demo partner, its API client and
//! people, then each area's seeding in turn (`<area>::seed`), each from its own generator.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::ids::{norwegian_org_number, uuid_from};
use crate::world::{Account, Address, ApiClient, Company, Partner, User, World};
use crate::{accounts, approvals, compliance, pricing, settlements};

/// How many merchants the demo partner has by default.
pub const DEFAULT_MERCHANTS: usize = 60;

/// The demo partner account.
pub const DEMO_PARTNER: &str = "T11200000";
/// The demo API client on it.
pub const DEMO_CLIENT_ID: &str = "demo-client";
pub const DEMO_CLIENT_SECRET: &str = "demo-secret";
/// The password of every demo person.
pub use crate::world::DEMO_PASSWORD;

/// The demo people: e-mail, name, what they do, and their Dintero scopes.
pub const DEMO_PEOPLE: [(&str, &str, &str, &[&str]); 4] = [
    (
        "manager@partner.example",
        "Kari Nordmann",
        "account manager",
        &["read:accounts", "write:accounts"],
    ),
    (
        "onboarding@partner.example",
        "Ola Bjørnstad",
        "onboarding team",
        &[
            "read:accounts",
            "write:accounts:/management/settings/approvals",
            "read:accounts:/match",
            "write:accounts:/match",
            "read:accounts:/vmss",
            "write:accounts:/vmss",
        ],
    ),
    (
        "finance@partner.example",
        "Ingrid Sæther",
        "finance",
        &["read:accounts", "read:settlements", "read:reports", "read:payout"],
    ),
    (
        "admin@partner.example",
        "Åsa Lindqvist",
        "administrator: all of the above",
        &[
            "admin:accounts",
            "admin:settlements",
            "admin:reports",
            "admin:payout",
            "read:accounts:/match",
            "write:accounts:/match",
            "read:accounts:/vmss",
            "write:accounts:/vmss",
        ],
    ),
];

/// The world every emulator starts with: the demo partner, its API client, its people and
/// [`DEFAULT_MERCHANTS`] merchants with everything that hangs off them.
pub fn demo_world(seed: u64) -> World {
    world(seed, DEFAULT_MERCHANTS)
}

/// The demo partner with `merchants` merchants, made from `seed`. Each area draws from its own
/// generator, so a change in one area's seeding does not move another's.
pub fn world(seed: u64, merchants: usize) -> World {
    let mut rng = StdRng::seed_from_u64(seed);
    let created = "2023-03-14T09:12:44.512Z".to_owned();
    let mut partner = Partner {
        account: Account {
            id: uuid_from(&mut rng),
            account_id: DEMO_PARTNER.to_owned(),
            created_at: created.clone(),
            livemode: false,
            active: true,
            currency: "NOK".to_owned(),
            language_code: "nb".to_owned(),
            company: Company {
                business_name: "Nordlys Betalingspartner AS".to_owned(),
                display_name: Some("Nordlys Betaling".to_owned()),
                organization_number: norwegian_org_number(&mut rng),
                address: Address {
                    address_line: "Karl Johans gate 12".to_owned(),
                    postal_code: "0154".to_owned(),
                    postal_place: "Oslo".to_owned(),
                    country: "NO".to_owned(),
                },
                email: Some("partner@nordlys.example".to_owned()),
                website: Some("https://nordlys.example".to_owned()),
            },
        },
        clients: vec![ApiClient {
            client_id: DEMO_CLIENT_ID.to_owned(),
            client_secret: DEMO_CLIENT_SECRET.to_owned(),
            name: "Partner Back-office".to_owned(),
            scopes: [
                "admin:accounts",
                "write:accounts:/auth/users",
                "write:accounts:/auth/mfa",
                "create:accounts:auth:refresh_token",
            ]
            .map(String::from)
            .to_vec(),
        }],
        users: DEMO_PEOPLE
            .iter()
            .map(|(email, name, _, scopes)| User {
                id: uuid_from(&mut rng),
                email: (*email).to_owned(),
                name: (*name).to_owned(),
                password: DEMO_PASSWORD.to_owned(),
                scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
                authentication_type: None,
                created_at: created.clone(),
                last_seen_at: None,
                phone_number: format!("+47{}", 91_000_000 + rng.random_range(0..999_999)),
                // The administrator's sign-in needs a one-time code (codes: /__emulator/outbox).
                mfa_required: *email == "admin@partner.example",
            })
            .collect(),
        auth: Default::default(),
        accounts: Default::default(),
        approvals: Default::default(),
        pricing: Default::default(),
        compliance: Default::default(),
        settlements: Default::default(),
    };
    let area_rng = |salt: u64| StdRng::seed_from_u64(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ salt);
    let partner_id = partner.account.account_id.clone();
    accounts::seed::seed(&mut partner.accounts, &partner_id, &mut area_rng(1), merchants);
    pricing::seed::seed(&mut partner, &mut area_rng(2));
    approvals::seed::seed(&mut partner, &mut area_rng(3));
    compliance::seed::seed(&mut partner, &mut area_rng(4));
    settlements::seed::seed(&mut partner, &mut area_rng(5));
    World {
        seed,
        merchants,
        partners: [(DEMO_PARTNER.to_owned(), partner)].into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_makes_the_same_world() {
        let a = demo_world(7);
        let b = demo_world(7);
        assert_eq!(
            a.partner(DEMO_PARTNER).map(|p| p.account.id.clone()),
            b.partner(DEMO_PARTNER).map(|p| p.account.id.clone())
        );
        assert_ne!(
            a.partner(DEMO_PARTNER).map(|p| p.account.id.clone()),
            demo_world(8).partner(DEMO_PARTNER).map(|p| p.account.id.clone())
        );
    }

    #[test]
    fn the_short_partner_id_names_the_same_partner() {
        let world = demo_world(1);
        assert!(world.partner("T112").is_some());
        assert!(world.partner("T113").is_none());
    }

    /// The demo world holds what the accounts area needs.
    mod accounts {
        use serde_json::Value;

        use crate::accounts::connections::{connection, connections};
        use crate::accounts::filters::Filters;
        use crate::accounts::seed;
        use crate::accounts::store::Store;
        use crate::params::Params;
        use crate::seed::{demo_world, DEMO_PARTNER};

        fn store() -> Store {
            demo_world(1).partner(DEMO_PARTNER).unwrap().accounts.clone()
        }

        #[test]
        fn every_status_progression_and_channel_is_seeded() {
            let store = store();
            let accounts: Vec<&Value> = store.merchants.values().collect();
            for status in seed::CONNECTION_STATUSES {
                assert!(
                    accounts
                        .iter()
                        .any(|a| connections(a).iter().any(|(_, c)| c["status"] == status)),
                    "{status}"
                );
            }
            for progression in seed::PROGRESSIONS {
                assert!(
                    accounts.iter().any(|a| a["progression"] == progression),
                    "{progression}"
                );
            }
            for channel in seed::SALE_CHANNELS {
                assert!(accounts.iter().any(|a| a["sale_channel"] == channel), "{channel}");
            }
            assert!(accounts.iter().any(|a| connection(a, "common").is_some()));
            assert!(store.events.values().flatten().any(|e| e["event_type"] == "comment"));
            assert!(store.events.values().flatten().any(|e| e["event_type"] == "statistics"));
        }

        #[test]
        fn multi_filter_queries_select_some_but_not_all() {
            let store = store();
            for query in [
                "connection=vipps&connection=payex&connection_status=enabled",
                "payment_option=vipps&payment_option=payex.creditcard",
                "country=SE&connection_status=pending",
                "account_manager=manager@partner.example&connection=klarna",
            ] {
                let filters = Filters::from_params(&Params::parse(query)).unwrap();
                let n = store.merchants.values().filter(|a| filters.matches(a)).count();
                assert!(n > 0 && n < store.merchants.len() / 2, "{query}: {n}");
            }
        }

        #[test]
        fn next_ids_follow_the_highest_ever_used() {
            let mut store = store();
            assert_eq!(store.next_account_id("T112"), "T11200061");
            let gone = store.merchants.remove("T11200060").unwrap();
            store.deleted.insert("T11200060".into(), gone);
            assert_eq!(store.next_account_id("T112"), "T11200061");
        }
    }

    /// The demo world holds what the pricing area needs.
    mod pricing {
        use crate::accounts::seed::PRICE_PACKAGE_IDS;

        #[test]
        fn every_package_a_merchant_names_is_seeded_and_both_types_occur() {
            let world = crate::seed::demo_world(1);
            let partner = world.partner("T11200000").expect("partner");
            let ids: Vec<&str> = partner
                .pricing
                .packages
                .iter()
                .filter_map(|p| p["price_package_id"].as_str())
                .collect();
            for id in PRICE_PACKAGE_IDS {
                assert!(ids.contains(&id), "{id}");
            }
            for merchant in partner.accounts.merchants.values() {
                assert!(ids.contains(&merchant["price_package"].as_str().unwrap_or_default()));
            }
            assert!(ids.len() >= 10);
            for kind in ["default", "account"] {
                assert!(partner.pricing.packages.iter().any(|p| p["type"] == kind), "{kind}");
            }
            let custom = partner
                .pricing
                .packages
                .iter()
                .filter(|p| p["type"] == "account")
                .all(|p| ids.contains(&p["source_price_package_id"].as_str().unwrap_or_default()));
            assert!(custom);
        }
    }

    /// The demo world holds what the approvals area needs.
    mod approvals {
        use crate::approvals::store::{cdd_status, CASE_STATUSES};

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
                for seller in crate::ids::seller_ids(aid) {
                    let n = approvals
                        .iter()
                        .filter(|a| a["payout_destination_id"] == seller.as_str())
                        .count();
                    assert_eq!(n, 1, "{aid} {seller}");
                }
            }
        }
    }

    /// The demo world holds what the compliance area needs.
    mod compliance {
        use crate::compliance::register::TERMINATION_REASONS;
        use crate::compliance::seed::{merchant_match_query, merchant_vmss_query};
        use crate::compliance::{register, visa, vocabulary};
        use crate::seed::{demo_world, DEMO_PARTNER};

        /// Which merchants of the demo world each register finds, by account id.
        fn listed(seed: u64) -> (Vec<String>, Vec<String>) {
            let world = demo_world(seed);
            let partner = world.partner(DEMO_PARTNER).expect("partner");
            let store = &partner.compliance;
            let mut in_match = Vec::new();
            let mut in_vmss = Vec::new();
            for (aid, m) in &partner.accounts.merchants {
                let q = merchant_match_query(m);
                if store.match_register.iter().any(|l| register::compare(&q, l).is_some()) {
                    in_match.push(aid.clone());
                }
                let q = merchant_vmss_query(m);
                if store.vmss_register.iter().any(|r| visa::compare(&q, r).is_some()) {
                    in_vmss.push(aid.clone());
                }
            }
            (in_match, in_vmss)
        }

        #[test]
        fn only_the_merchants_listed_on_purpose_are_found() {
            let (in_match, in_vmss) = listed(1);
            assert_eq!(in_match, ["T11200005", "T11200011", "T11200017"]);
            assert_eq!(in_vmss, ["T11200005", "T11200023"]);
        }

        #[test]
        fn the_registers_are_seeded_with_every_reason_code() {
            let world = demo_world(1);
            let store = &world.partner(DEMO_PARTNER).expect("partner").compliance;
            assert!(
                (35..=45).contains(&store.match_register.len()),
                "{}",
                store.match_register.len()
            );
            assert!(
                (35..=45).contains(&store.vmss_register.len()),
                "{}",
                store.vmss_register.len()
            );
            for code in TERMINATION_REASONS {
                assert!(
                    store.match_register.iter().any(|l| l.termination_reason_code == code),
                    "{code}"
                );
            }
            let family = register::MatchQuery {
                business_name: vocabulary::FAMILY_NAME.into(),
                search_all: true,
                ..Default::default()
            };
            let found = store
                .match_register
                .iter()
                .filter(|l| register::compare(&family, l).is_some())
                .count();
            assert_eq!(found, 6);
        }
    }
}
