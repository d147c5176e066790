//! [`Portfolio`], as [`super::read::portfolio_settlements`] reads it: the settlements of every merchant (or a chosen set) for the same
//! filters as one merchant's page, gathered with a bounded number of requests in flight (the review
//! shared [`crate::portfolio_scan::PortfolioScan`] semaphore), summed per provider and currency and
//! per month, with the merchants that have an enabled connection but **no** settlement from it in
//! the period.
//!
//! Without days, the period is the last 90 days (Nordic calendar days). A merchant whose settlements
//! could not be read is listed with Dintero's answer; the rest is still summed. The renders of one
//! page share one gathering (keyed by the request id), and a person's repeated view for 30 s.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::settlement_filter::{SettlementFilter, PROVIDERS};
use crate::error::AppError;
use crate::i18n::key;

/// At most this many settlement pages (of 1000) are read per merchant.
pub const MAX_PAGES: usize = 10;
/// Days in the period when the filter gives none.
pub const DEFAULT_DAYS: i64 = 90;

/// The sums of one provider in one currency.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderTotal {
    pub provider: String,
    pub currency: String,
    pub settlements: u32,
    pub merchants: u32,
    pub capture: i64,
    pub refund: i64,
    pub fee: i64,
    pub amount: i64,
}

/// Paid out in one month (Nordic time of `settled_at`, `2026-05`) in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthTotal {
    pub month: String,
    pub currency: String,
    pub amount: i64,
}

/// One merchant's settlements in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MerchantTotal {
    pub account_id: String,
    pub name: String,
    pub settlements: u32,
    /// Paid out per currency.
    pub amounts: Vec<(String, i64)>,
}

/// A merchant with an enabled connection that settled nothing in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    pub account_id: String,
    pub name: String,
    pub provider: String,
    /// When the connection was enabled (its last event), if known.
    pub enabled_since: Option<String>,
}

/// A merchant whose settlements could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadFailure {
    pub account_id: String,
    pub name: String,
    pub error: AppError,
}

/// The portfolio's settlements for a filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Portfolio {
    /// The filter as applied (the default period filled in).
    pub filter: SettlementFilter,
    /// The chosen merchants, as asked (empty: all).
    pub chosen: Vec<String>,
    pub merchants_read: u32,
    pub totals: Vec<ProviderTotal>,
    pub months: Vec<MonthTotal>,
    pub merchants: Vec<MerchantTotal>,
    /// `None` when the filter looks for one seller or one settlement id (no gap means anything then).
    pub gaps: Option<Vec<Gap>>,
    pub failures: Vec<ReadFailure>,
    /// False when the merchant list stopped at its limit.
    pub complete: bool,
}

/// The chosen merchants from a text of account ids (spaces, commas or new lines between them),
/// upper case, each once; or the first that is not an account id.
pub fn chosen_merchants(text: &str) -> Result<Vec<String>, AppError> {
    let mut chosen: Vec<String> = Vec::new();
    for id in text.split([',', ' ', '\n', '\r', '\t', ';']).filter(|s| !s.is_empty()) {
        let id = id.to_ascii_uppercase();
        if !crate::validate::is_account_id(&id) {
            return Err(AppError::invalid(
                "merchants",
                key!("settlements.portfolio.error.merchants"),
            ));
        }
        if !chosen.contains(&id) {
            chosen.push(id);
        }
    }
    Ok(chosen)
}

/// The filter with the default period when it has no days.
pub fn with_default_period(mut filter: SettlementFilter, today: chrono::NaiveDate) -> SettlementFilter {
    if filter.settled_from.is_empty() && filter.settled_to.is_empty() {
        filter.settled_from = (today - chrono::Duration::days(DEFAULT_DAYS))
            .format("%Y-%m-%d")
            .to_string();
        filter.settled_to = today.format("%Y-%m-%d").to_string();
    }
    filter.after_id.clear();
    filter.after_date.clear();
    filter
}

/// Sums what was read. `read` holds each merchant with its enabled connections (name, since) and
/// its settlements, or the failure.
#[allow(clippy::type_complexity)]
pub fn summarise(
    filter: SettlementFilter,
    chosen: Vec<String>,
    complete: bool,
    read: Vec<(
        String,
        String,
        Vec<(String, Option<String>)>,
        Result<Vec<crate::dintero::settlements::SettlementItem>, AppError>,
    )>,
) -> Portfolio {
    let mut totals: BTreeMap<(String, String), (ProviderTotal, std::collections::BTreeSet<String>)> = BTreeMap::new();
    let mut months: BTreeMap<(String, String), i64> = BTreeMap::new();
    let mut merchants = Vec::new();
    let mut gaps = Vec::new();
    let mut failures = Vec::new();
    let mut merchants_read = 0;
    let period_start = filter.settled_from.clone();
    let looks_for_one = !filter.search.is_empty() || !filter.payout_destination_id.is_empty();
    for (account_id, name, enabled, settlements) in read {
        let settlements = match settlements {
            Ok(settlements) => settlements,
            Err(error) => {
                failures.push(ReadFailure {
                    account_id,
                    name,
                    error,
                });
                continue;
            }
        };
        merchants_read += 1;
        let mut amounts: BTreeMap<String, i64> = BTreeMap::new();
        for item in &settlements {
            let provider = item.provider.clone().unwrap_or_default();
            let month = item
                .settled_at
                .as_deref()
                .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
                .map(|at| {
                    crate::format::nordic_local(at.with_timezone(&chrono::Utc))
                        .0
                        .format("%Y-%m")
                        .to_string()
                })
                .unwrap_or_default();
            for sum in &item.amounts {
                let (total, seen) = totals
                    .entry((provider.clone(), sum.currency.clone()))
                    .or_insert_with(|| {
                        (
                            ProviderTotal {
                                provider: provider.clone(),
                                currency: sum.currency.clone(),
                                ..ProviderTotal::default()
                            },
                            Default::default(),
                        )
                    });
                total.settlements += 1;
                total.capture += sum.capture;
                total.refund += sum.refund;
                total.fee += sum.fee;
                total.amount += sum.amount;
                seen.insert(account_id.clone());
                *months.entry((month.clone(), sum.currency.clone())).or_default() += sum.amount;
                *amounts.entry(sum.currency.clone()).or_default() += sum.amount;
            }
        }
        if !looks_for_one {
            for (provider, since) in enabled {
                let asked = filter.payment_provider.is_empty() || filter.payment_provider.contains(&provider);
                // Only connections enabled before the period began owe a settlement in it.
                let before_period = since
                    .as_deref()
                    .is_none_or(|since| since.get(..10).unwrap_or(since) < period_start.as_str());
                let settled = settlements
                    .iter()
                    .any(|s| s.provider.as_deref() == Some(provider.as_str()));
                if asked && before_period && !settled && PROVIDERS.contains(&provider.as_str()) {
                    gaps.push(Gap {
                        account_id: account_id.clone(),
                        name: name.clone(),
                        provider,
                        enabled_since: since,
                    });
                }
            }
        }
        if !settlements.is_empty() {
            merchants.push(MerchantTotal {
                account_id,
                name,
                settlements: settlements.len() as u32,
                amounts: amounts.into_iter().collect(),
            });
        }
    }
    Portfolio {
        filter,
        chosen,
        merchants_read,
        totals: totals
            .into_values()
            .map(|(mut total, seen)| {
                total.merchants = seen.len() as u32;
                total
            })
            .collect(),
        months: months
            .into_iter()
            .map(|((month, currency), amount)| MonthTotal {
                month,
                currency,
                amount,
            })
            .collect(),
        merchants,
        gaps: (!looks_for_one).then_some(gaps),
        failures,
        complete,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dintero::settlements::SettlementItem;

    fn settlement(provider: &str, settled_at: &str, currency: &str, amount: i64) -> SettlementItem {
        serde_json::from_value(serde_json::json!({
            "id": format!("{provider}-{settled_at}"),
            "provider": provider,
            "settled_at": settled_at,
            "attachments": [],
            "amounts": [{"amount": amount, "capture": amount + 10, "refund": 0, "fee": 10, "currency": currency}],
        }))
        .unwrap()
    }

    #[test]
    fn sums_per_provider_and_month_and_finds_the_gaps() {
        let filter = SettlementFilter {
            settled_from: "2026-01-01".into(),
            settled_to: "2026-03-31".into(),
            ..SettlementFilter::default()
        };
        let enabled = |p: &[&str]| {
            p.iter()
                .map(|p| (p.to_string(), Some("2025-01-01T00:00:00Z".to_string())))
                .collect()
        };
        let portfolio = summarise(
            filter,
            vec![],
            true,
            vec![
                (
                    "T1".into(),
                    "One".into(),
                    enabled(&["vipps", "klarna"]),
                    Ok(vec![
                        settlement("vipps", "2026-01-31T23:30:00Z", "NOK", 100),
                        settlement("vipps", "2026-02-10T10:00:00Z", "NOK", 50),
                    ]),
                ),
                (
                    "T2".into(),
                    "Two".into(),
                    enabled(&["vipps"]),
                    Ok(vec![settlement("vipps", "2026-02-01T10:00:00Z", "NOK", 7)]),
                ),
                (
                    "T3".into(),
                    "Three".into(),
                    enabled(&["vipps"]),
                    Err(AppError::NotFound),
                ),
            ],
        );
        assert_eq!(portfolio.merchants_read, 2);
        assert_eq!(portfolio.totals.len(), 1);
        let vipps = &portfolio.totals[0];
        assert_eq!(
            (vipps.settlements, vipps.merchants, vipps.amount, vipps.fee),
            (3, 2, 157, 30)
        );
        // 23:30 UTC on 31 January is 1 February in Oslo.
        assert_eq!(
            portfolio.months,
            vec![MonthTotal {
                month: "2026-02".into(),
                currency: "NOK".into(),
                amount: 157
            }]
        );
        let gaps = portfolio.gaps.unwrap();
        assert_eq!(gaps.len(), 1);
        assert_eq!(
            (gaps[0].account_id.as_str(), gaps[0].provider.as_str()),
            ("T1", "klarna")
        );
        assert_eq!(portfolio.failures.len(), 1);
    }

    #[test]
    fn a_connection_enabled_during_the_period_is_no_gap_and_a_seller_filter_has_none() {
        let filter = SettlementFilter {
            settled_from: "2026-01-01".into(),
            ..SettlementFilter::default()
        };
        let late = vec![("klarna".to_string(), Some("2026-02-01T00:00:00Z".to_string()))];
        let portfolio = summarise(
            filter.clone(),
            vec![],
            true,
            vec![("T1".into(), "One".into(), late.clone(), Ok(vec![]))],
        );
        assert_eq!(portfolio.gaps, Some(vec![]));
        let seller = SettlementFilter {
            payout_destination_id: "PD001".into(),
            ..filter
        };
        let portfolio = summarise(
            seller,
            vec![],
            true,
            vec![("T1".into(), "One".into(), late, Ok(vec![]))],
        );
        assert_eq!(portfolio.gaps, None);
    }

    #[test]
    fn chosen_merchants_are_account_ids_each_once() {
        assert_eq!(
            chosen_merchants("t11200002, T11200003 t11200002").unwrap(),
            vec!["T11200002", "T11200003"]
        );
        assert!(chosen_merchants("T1 nope!").is_err());
        assert_eq!(chosen_merchants("").unwrap(), Vec::<String>::new());
    }

    #[test]
    fn no_days_means_the_last_ninety() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let filter = with_default_period(SettlementFilter::default(), today);
        assert_eq!(
            (filter.settled_from.as_str(), filter.settled_to.as_str()),
            ("2026-08-23", "2026-11-21")
        );
    }
}
