//! The demo world, made deterministically from a seed number.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::world::{Account, Address, ApiClient, Company, Partner, User, World};
use super::{accounts, approvals, compliance, pricing, settlements};

/// How many merchants the demo partner has by default.
pub const DEFAULT_MERCHANTS: usize = 60;

/// The demo partner account.
pub const DEMO_PARTNER: &str = "T11200000";
/// The demo API client on it.
pub const DEMO_CLIENT_ID: &str = "demo-client";
pub const DEMO_CLIENT_SECRET: &str = "demo-secret";
/// The password of every demo person.
pub const DEMO_PASSWORD: &str = "demo-password";

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
                phone_number: format!("+47{}", 91_000_000 + rng.random_range(0..999_999)),
                // The administrator's sign-in needs a one-time code (codes: /__emulator/outbox).
                mfa_required: *email == "admin@partner.example",
            })
            .collect(),
        auth: Default::default(),
        accounts: accounts::Store::default(),
        approvals: approvals::Store::default(),
        pricing: pricing::Store::default(),
        compliance: compliance::Store::default(),
        settlements: settlements::Store::default(),
    };
    let area_rng = |salt: u64| StdRng::seed_from_u64(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ salt);
    accounts::seed(&mut partner, &mut area_rng(1), merchants);
    pricing::seed(&mut partner, &mut area_rng(2));
    approvals::seed(&mut partner, &mut area_rng(3));
    compliance::seed(&mut partner, &mut area_rng(4));
    settlements::seed(&mut partner, &mut area_rng(5));
    World {
        seed,
        merchants,
        partners: [(DEMO_PARTNER.to_owned(), partner)].into_iter().collect(),
    }
}

/// A random UUID v4 drawn from the seeded generator, so ids are the same for the same seed.
pub fn uuid_from(rng: &mut StdRng) -> String {
    uuid::Builder::from_random_bytes(rng.random()).into_uuid().to_string()
}

/// A nine-digit Norwegian organisation number whose mod-11 check digit holds.
pub fn norwegian_org_number(rng: &mut StdRng) -> String {
    const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];
    loop {
        let mut digits: Vec<u32> = vec![rng.random_range(8..=9)];
        digits.extend((0..7).map(|_| rng.random_range(0..=9)));
        let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
        let check = match 11 - sum % 11 {
            11 => 0,
            10 => continue,
            c => c,
        };
        digits.push(check);
        return digits.iter().map(|d| char::from_digit(*d, 10).unwrap_or('0')).collect();
    }
}

/// A ten-digit Swedish organisation number (`556xxx-xxxx`, an aktiebolag) whose Luhn check holds.
pub fn swedish_org_number(rng: &mut StdRng) -> String {
    let mut digits: Vec<u32> = vec![5, 5, 6];
    digits.extend((0..6).map(|_| rng.random_range(0..=9)));
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 0 {
                let x = d * 2;
                x / 10 + x % 10
            } else {
                *d
            }
        })
        .sum();
    digits.push((10 - sum % 10) % 10);
    let s: String = digits.iter().map(|d| char::from_digit(*d, 10).unwrap_or('0')).collect();
    format!("{}-{}", &s[..6], &s[6..])
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
    fn organisation_numbers_pass_mod_11() {
        let mut rng = StdRng::seed_from_u64(1);
        for _ in 0..200 {
            let n = norwegian_org_number(&mut rng);
            let d: Vec<u32> = n.chars().map(|c| c.to_digit(10).unwrap()).collect();
            let sum: u32 = d[..8].iter().zip([3, 2, 7, 6, 5, 4, 3, 2]).map(|(a, b)| a * b).sum();
            assert_eq!((sum + d[8]) % 11, 0, "{n}");
        }
    }

    #[test]
    fn swedish_organisation_numbers_pass_luhn() {
        let mut rng = StdRng::seed_from_u64(2);
        for _ in 0..200 {
            let n = swedish_org_number(&mut rng);
            assert_eq!(n.len(), 11, "{n}");
            let d: Vec<u32> = n.chars().filter_map(|c| c.to_digit(10)).collect();
            let sum: u32 = d
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    if i % 2 == 0 {
                        let y = x * 2;
                        y / 10 + y % 10
                    } else {
                        *x
                    }
                })
                .sum();
            assert_eq!(sum % 10, 0, "{n}");
        }
    }

    #[test]
    fn the_short_partner_id_names_the_same_partner() {
        let world = demo_world(1);
        assert!(world.partner("T112").is_some());
        assert!(world.partner("T113").is_none());
    }
}
