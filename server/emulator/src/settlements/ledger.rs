//! A merchant's seller ledgers (Payout v2): inbound payments by provider, transfers between sellers
//! and weekly outbound payouts, made deterministically on first use, and an entry as Dintero
//! answers it.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};

use super::generate::{enabled_providers, seed_for};
use crate::clock::{seed_now, ts};
use crate::ids::{seller_ids, uuid_from};

/// How many weeks back a ledger goes.
const WEEKS: i64 = 26;

#[derive(Debug, Clone)]
pub struct LedgerEntry {
    pub ledger_entry_id: String,
    pub created_at: DateTime<Utc>,
    pub currency: String,
    /// Signed, minor units.
    pub amount: i64,
    pub kind: Kind,
}

#[derive(Debug, Clone)]
pub enum Kind {
    Inbound {
        provider: String,
    },
    Transfer {
        id: String,
        source: String,
        destination: String,
        reference: String,
    },
    Outbound {
        iban: bool,
        account: String,
        bic: Option<String>,
        message: String,
    },
}

/// `pdc_` + eight hex digits, stable per seller.
pub fn config_id(aid: &str, seller: &str) -> String {
    format!("pdc_{:08x}", seed_for(0, aid, seller) as u32)
}

impl LedgerEntry {
    pub fn to_json(&self, aid: &str, seller: &str) -> Value {
        let mut v = json!({
            "ledger_entry_id": self.ledger_entry_id,
            "account_id": aid,
            "payout_destination_config_id": config_id(aid, seller),
            "payout_destination_id": seller,
            "created_at": ts(self.created_at),
            "currency": self.currency,
            "amount": self.amount,
            "inbound_payment_provider": null,
            "transfer_id": null,
            "transfer_source_payout_destination_id": null,
            "transfer_destination_payout_destination_id": null,
            "transfer_reference": null,
            "outbound_receiver_country": null,
            "outbound_receiver_bank_account_type": null,
            "outbound_receiver_bank_account_number": null,
            "outbound_receiver_bank_account_bic": null,
            "outbound_message": null,
        });
        match &self.kind {
            Kind::Inbound { provider } => {
                v["type"] = json!("inbound");
                v["inbound_payment_provider"] = json!(provider);
            }
            Kind::Transfer {
                id,
                source,
                destination,
                reference,
            } => {
                v["type"] = json!("transfer");
                v["transfer_id"] = json!(id);
                v["transfer_source_payout_destination_id"] = json!(source);
                v["transfer_destination_payout_destination_id"] = json!(destination);
                v["transfer_reference"] = json!(reference);
            }
            Kind::Outbound {
                iban,
                account,
                bic,
                message,
            } => {
                v["type"] = json!("outbound");
                v["outbound_receiver_country"] = json!(&account[..2]);
                v["outbound_receiver_bank_account_type"] = json!(if *iban { "iban" } else { "bban" });
                v["outbound_receiver_bank_account_number"] = json!(if *iban {
                    account.clone()
                } else {
                    account[4..].to_owned()
                });
                v["outbound_receiver_bank_account_bic"] = json!(bic);
                v["outbound_message"] = json!(message);
            }
        }
        v
    }
}

/// Every seller's ledger for merchant `aid`, newest entry first.
pub fn generate(salt: u64, aid: &str, account: &Value) -> BTreeMap<String, Vec<LedgerEntry>> {
    let mut rng = StdRng::seed_from_u64(seed_for(salt, aid, "ledger"));
    let currency = account["currency"].as_str().unwrap_or("NOK").to_owned();
    let country = if currency == "SEK" { "SE" } else { "NO" };
    let mut providers: Vec<String> = enabled_providers(account).into_iter().map(|(p, _)| p).collect();
    if providers.is_empty() {
        providers.push(if country == "SE" { "swish" } else { "vipps" }.into());
    }
    let sellers = seller_ids(aid);
    let mut ledgers: BTreeMap<String, Vec<LedgerEntry>> = sellers.iter().map(|s| (s.clone(), Vec::new())).collect();
    let start = seed_now() - Duration::weeks(WEEKS);
    for (n, seller) in sellers.iter().enumerate() {
        let iban = n.is_multiple_of(2);
        let bank: String = (0..11).map(|_| char::from(b'0' + rng.random_range(0..10u8))).collect();
        let account_number = format!("{country}{:02}{bank}", rng.random_range(10..99));
        let mut balance: BTreeMap<String, i64> = BTreeMap::new();
        for week in 0..WEEKS {
            let monday = start + Duration::weeks(week);
            for _ in 0..rng.random_range(1..4) {
                let amount = rng.random_range(50_000..2_500_000);
                let at = monday + Duration::minutes(rng.random_range(0..7 * 24 * 60));
                let (cur, amount) = if seller == "PD002" && rng.random_range(0..6) == 0 {
                    ("EUR".to_owned(), amount / 11)
                } else {
                    (currency.clone(), amount)
                };
                *balance.entry(cur.clone()).or_default() += amount;
                let entry = LedgerEntry {
                    ledger_entry_id: uuid_from(&mut rng),
                    created_at: at,
                    currency: cur,
                    amount,
                    kind: Kind::Inbound {
                        provider: providers[rng.random_range(0..providers.len())].clone(),
                    },
                };
                if let Some(l) = ledgers.get_mut(seller) {
                    l.push(entry);
                }
            }
            // Monday payout of most of the home-currency balance (EUR stays on the account).
            let home = balance.get(&currency).copied().unwrap_or(0);
            if home > 0 && week > 0 {
                let payout = home * rng.random_range(70..100) / 100;
                *balance.entry(currency.clone()).or_default() -= payout;
                let entry = LedgerEntry {
                    ledger_entry_id: uuid_from(&mut rng),
                    created_at: monday + Duration::hours(6),
                    currency: currency.clone(),
                    amount: -payout,
                    kind: Kind::Outbound {
                        iban,
                        account: account_number.clone(),
                        bic: iban.then(|| if country == "SE" { "SWEDSESS" } else { "DNBANOKK" }.to_owned()),
                        message: format!("Utbetaling {aid} {seller} uke {}", week + 1),
                    },
                };
                if let Some(l) = ledgers.get_mut(seller) {
                    l.push(entry);
                }
            }
        }
    }
    // Transfers between sellers every fourth week, recorded on both sides.
    if sellers.len() >= 2 {
        for week in (2..WEEKS).step_by(4) {
            let i = rng.random_range(0..sellers.len());
            let (source, destination) = (sellers[i].clone(), sellers[(i + 1) % sellers.len()].clone());
            let amount = rng.random_range(10_000..200_000);
            let at = start + Duration::weeks(week) + Duration::hours(rng.random_range(8..17));
            let id = uuid_from(&mut rng);
            let reference = format!("Internfordeling uke {}", week + 1);
            for (seller, signed) in [(&source, -amount), (&destination, amount)] {
                let entry = LedgerEntry {
                    ledger_entry_id: uuid_from(&mut rng),
                    created_at: at,
                    currency: currency.clone(),
                    amount: signed,
                    kind: Kind::Transfer {
                        id: id.clone(),
                        source: source.clone(),
                        destination: destination.clone(),
                        reference: reference.clone(),
                    },
                };
                if let Some(l) = ledgers.get_mut(seller) {
                    l.push(entry);
                }
            }
        }
    }
    for ledger in ledgers.values_mut() {
        ledger.sort_by(|a, b| (b.created_at, &b.ledger_entry_id).cmp(&(a.created_at, &a.ledger_entry_id)));
    }
    ledgers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transfers_appear_on_both_sides_and_every_type_is_made() {
        // T11200006: n = 6, sellers 1 + 3 % 4 = 4.
        let ledgers = generate(1, "T11200006", &json!({"currency": "NOK", "connections": {}}));
        assert_eq!(ledgers.len(), 4);
        let all: Vec<&LedgerEntry> = ledgers.values().flatten().collect();
        let transfers: i64 = all
            .iter()
            .filter(|e| matches!(e.kind, Kind::Transfer { .. }))
            .map(|e| e.amount)
            .sum();
        assert_eq!(transfers, 0);
        assert!(all.iter().any(|e| matches!(e.kind, Kind::Transfer { .. })));
        assert!(all.iter().any(|e| matches!(e.kind, Kind::Outbound { iban: true, .. })));
        assert!(all.iter().any(|e| matches!(e.kind, Kind::Outbound { iban: false, .. })));
        assert!(ledgers["PD002"].iter().any(|e| e.currency == "EUR"));
    }
}
