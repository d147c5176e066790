//! [`SettlementFilter`]: a settlement list's filters as the URL has them
//! (`?settled_from=2026-01-01&settled_to=2026-03-31&payment_provider=vipps&payment_provider=payex`),
//! checked and turned into Dintero's query. Days are Nordic calendar days: `settled_from` starts at
//! local midnight, `settled_to` takes in its whole day.

use chrono::{Duration, NaiveDate, SecondsFormat};
use serde::{Deserialize, Serialize};

use crate::dintero::settlements::SettlementQuery;
use crate::error::AppError;
use crate::i18n::key;

/// Settlements per page.
pub const PAGE_SIZE: u32 = 25;

/// The providers Dintero settles for (the filter's choices).
pub const PROVIDERS: [&str; 8] = [
    "bambora",
    "collector",
    "dintero",
    "instabank",
    "klarna",
    "payex",
    "swish",
    "vipps",
];

/// The URL's names, in order.
pub const KEYS: [&str; 7] = [
    "settled_from",
    "settled_to",
    "payment_provider",
    "payout_destination_id",
    "search",
    "after_id",
    "after_date",
];

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SettlementFilter {
    #[serde(default)]
    pub settled_from: String,
    #[serde(default)]
    pub settled_to: String,
    #[serde(default)]
    pub payment_provider: Vec<String>,
    /// A seller (payout destination).
    #[serde(default)]
    pub payout_destination_id: String,
    /// Part of a settlement id.
    #[serde(default)]
    pub search: String,
    /// Where this page starts: Dintero's `last_evaluated_key` of the page before.
    #[serde(default)]
    pub after_id: String,
    #[serde(default)]
    pub after_date: String,
}

impl SettlementFilter {
    /// From the URL's pairs (repeated `payment_provider`); unknown names are ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut filter = Self::default();
        for (key, value) in pairs {
            let value = value.trim().to_owned();
            match key {
                "settled_from" => filter.settled_from = value,
                "settled_to" => filter.settled_to = value,
                "payment_provider" if !value.is_empty() && !filter.payment_provider.contains(&value) => {
                    filter.payment_provider.push(value)
                }
                "payout_destination_id" => filter.payout_destination_id = value,
                "search" => filter.search = value,
                "after_id" => filter.after_id = value,
                "after_date" => filter.after_date = value,
                _ => {}
            }
        }
        filter
    }

    /// The URL's pairs of these filters, without the page (`after_*`) unless `with_page`.
    pub fn pairs(&self, with_page: bool) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        let mut single = |key: &'static str, value: &String| {
            if !value.is_empty() {
                pairs.push((key, value.clone()));
            }
        };
        single("settled_from", &self.settled_from);
        single("settled_to", &self.settled_to);
        single("payout_destination_id", &self.payout_destination_id);
        single("search", &self.search);
        if with_page {
            single("after_id", &self.after_id);
            single("after_date", &self.after_date);
        }
        pairs.extend(self.payment_provider.iter().map(|p| ("payment_provider", p.clone())));
        pairs
    }

    /// Dintero's query for one page, or the first field that is wrong.
    pub fn check(&self) -> Result<SettlementQuery, AppError> {
        let from = day(&self.settled_from, "settled_from")?;
        let to = day(&self.settled_to, "settled_to")?;
        if let (Some(from), Some(to)) = (from, to) {
            if from > to {
                return Err(AppError::invalid("settled_to", key!("settlements.error.order")));
            }
        }
        if self.payment_provider.iter().any(|p| !PROVIDERS.contains(&p.as_str())) {
            return Err(AppError::invalid(
                "payment_provider",
                key!("settlements.error.provider"),
            ));
        }
        let seller = self.payout_destination_id.trim();
        if !seller.is_empty() && !crate::validate::is_payout_destination_id(seller) {
            return Err(AppError::invalid(
                "payout_destination_id",
                key!("settlements.error.seller"),
            ));
        }
        if self.search.len() > 100 {
            return Err(AppError::invalid("search", key!("settlements.error.search")));
        }
        let stamp = |at: chrono::DateTime<chrono::Utc>| at.to_rfc3339_opts(SecondsFormat::Millis, true);
        let page = (!self.after_id.is_empty() && !self.after_date.is_empty())
            .then(|| (self.after_id.clone(), self.after_date.clone()));
        Ok(SettlementQuery {
            limit: Some(PAGE_SIZE),
            starting_after_id: page.as_ref().map(|(id, _)| id.clone()),
            starting_after_date: page.map(|(_, date)| date),
            settled_from: from.map(|d| stamp(crate::format::local_day_start(d))),
            settled_to: to
                .map(|d| stamp(crate::format::local_day_start(d + Duration::days(1)) - Duration::milliseconds(1))),
            payment_provider: self.payment_provider.clone(),
            payout_destination_id: Some(seller.to_owned()).filter(|s| !s.is_empty()),
            search: Some(self.search.trim().to_owned()).filter(|s| !s.is_empty()),
            ..Default::default()
        })
    }
}

/// A `YYYY-MM-DD` day, none when empty.
fn day(value: &str, field: &str) -> Result<Option<NaiveDate>, AppError> {
    if value.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| AppError::invalid(field, key!("settlements.error.date")))
}

impl crate::url_query::FromQuery for SettlementFilter {
    const KEYS: &'static [&'static str] = &KEYS;

    fn from_url<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Self::from_pairs(pairs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_url_and_gives_dintero_nordic_days() {
        let filter = SettlementFilter::from_pairs([
            ("settled_from", "2026-01-01"),
            ("settled_to", "2026-07-31"),
            ("payment_provider", "vipps"),
            ("payment_provider", "vipps"),
            ("payment_provider", "payex"),
            ("other", "x"),
        ]);
        assert_eq!(filter.payment_provider, ["vipps", "payex"]);
        let query = filter.check().unwrap();
        // Midnight in Oslo: 23:00 UTC in winter; the end of a summer day: 21:59:59.999 UTC.
        assert_eq!(query.settled_from.as_deref(), Some("2025-12-31T23:00:00.000Z"));
        assert_eq!(query.settled_to.as_deref(), Some("2026-07-31T21:59:59.999Z"));
        assert_eq!(query.payment_provider, ["vipps", "payex"]);
        assert_eq!(query.limit, Some(PAGE_SIZE));
        assert_eq!(query.starting_after_id, None);
    }

    #[test]
    fn a_wrong_field_is_named() {
        let field = |pairs: &[(&str, &str)]| match SettlementFilter::from_pairs(pairs.iter().copied()).check() {
            Err(AppError::Invalid { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(field(&[("settled_from", "31.01.2026")]), "settled_from");
        assert_eq!(
            field(&[("settled_from", "2026-02-01"), ("settled_to", "2026-01-01")]),
            "settled_to"
        );
        assert_eq!(field(&[("payment_provider", "paypal")]), "payment_provider");
        assert_eq!(field(&[("payout_destination_id", "a b")]), "payout_destination_id");
    }

    #[test]
    fn the_page_is_both_halves_of_dintero_s_key_or_none() {
        let page = SettlementFilter::from_pairs([("after_id", "s1"), ("after_date", "2026-02-01T05:00:00.000Z")]);
        let query = page.check().unwrap();
        assert_eq!(query.starting_after_id.as_deref(), Some("s1"));
        assert_eq!(query.starting_after_date.as_deref(), Some("2026-02-01T05:00:00.000Z"));
        let half = SettlementFilter::from_pairs([("after_id", "s1")]).check().unwrap();
        assert_eq!(half.starting_after_id, None);
        assert_eq!(page.pairs(false), Vec::<(&str, String)>::new());
        assert_eq!(page.pairs(true).len(), 2);
    }
}
