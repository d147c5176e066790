//! [`ReviewQuery`]: the review queue's filters in the URL, under Dintero's names where Dintero has
//! one (`?case_status=WAITING_FOR_SIGNATURE&case_status=UNDER_MANUAL_REVIEW&kind=seller&merchant=…`).
//! Filtering happens in the app, over everything gathered, so the queue and the pipeline share one
//! gathering.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::queue_item::{Kind, QueueItem};
use crate::dintero::approvals::CaseStatus;

/// The statuses that need someone's attention: the queue's default when no `case_status` is given.
pub const OPEN_STATUSES: [CaseStatus; 6] = [
    CaseStatus::UnderManualReview,
    CaseStatus::AutomaticReview,
    CaseStatus::WaitingForDetails,
    CaseStatus::WaitingForSignature,
    CaseStatus::WaitingForDeclaration,
    CaseStatus::Error,
];

/// Ages offered by the filters, in days.
pub const AGE_CHOICES: [u32; 5] = [1, 3, 7, 14, 30];

/// The order of the queue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sort {
    /// Oldest created first (the default).
    #[default]
    Oldest,
    /// Newest created first.
    Newest,
    /// Longest without a change first.
    Stalest,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Oldest, Sort::Newest, Sort::Stalest];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Oldest => "oldest",
            Sort::Newest => "newest",
            Sort::Stalest => "stalest",
        }
    }

    fn parse(value: &str) -> Option<Sort> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReviewQuery {
    /// Any of these kinds; none: all.
    #[serde(default)]
    pub kind: Vec<Kind>,
    /// Any of these statuses (Dintero's names); none: [`OPEN_STATUSES`].
    #[serde(default)]
    pub case_status: Vec<CaseStatus>,
    /// Dintero's account `search` (account id or name); empty: every merchant.
    #[serde(default)]
    pub merchant: String,
    /// Created at least this many days ago.
    #[serde(default)]
    pub older_than: Option<u32>,
    /// Unchanged for at least this many days.
    #[serde(default)]
    pub unchanged_for: Option<u32>,
    #[serde(default)]
    pub sort: Sort,
}

/// The query keys the queue reads from the URL.
pub const KEYS: [&str; 6] = ["kind", "case_status", "merchant", "older_than", "unchanged_for", "sort"];

impl ReviewQuery {
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut query = Self::default();
        for (name, value) in pairs {
            let value = value.trim();
            match name {
                "kind" => {
                    if let Some(kind) = Kind::parse(value).filter(|k| !query.kind.contains(k)) {
                        query.kind.push(kind);
                    }
                }
                "case_status" if !value.is_empty() => query.case_status.push(CaseStatus::from(value)),
                "merchant" => query.merchant = value.to_owned(),
                "older_than" => query.older_than = value.parse().ok().filter(|d| *d > 0),
                "unchanged_for" => query.unchanged_for = value.parse().ok().filter(|d| *d > 0),
                "sort" => query.sort = Sort::parse(value).unwrap_or_default(),
                _ => {}
            }
        }
        query
    }

    /// The statuses asked for: the URL's, or the open ones.
    pub fn statuses(&self) -> &[CaseStatus] {
        if self.case_status.is_empty() {
            &OPEN_STATUSES
        } else {
            &self.case_status
        }
    }

    /// True when `item` passes every filter at `now`.
    pub fn keeps(&self, item: &QueueItem, now: DateTime<Utc>) -> bool {
        let days = |at: Option<DateTime<Utc>>| at.map(|at| (now - at).num_days());
        (self.kind.is_empty() || self.kind.contains(&item.kind))
            && self.statuses().contains(&item.status)
            && self
                .older_than
                .is_none_or(|d| days(item.created()).is_some_and(|age| age >= i64::from(d)))
            && self
                .unchanged_for
                .is_none_or(|d| days(item.changed()).is_some_and(|age| age >= i64::from(d)))
    }

    /// The items that pass, in the asked order (ties by merchant, then id, so the order is stable).
    pub fn select(&self, items: impl IntoIterator<Item = QueueItem>, now: DateTime<Utc>) -> Vec<QueueItem> {
        let mut kept: Vec<QueueItem> = items.into_iter().filter(|i| self.keeps(i, now)).collect();
        let far = DateTime::<Utc>::MAX_UTC;
        kept.sort_by(|a, b| {
            let order = match self.sort {
                Sort::Oldest => a.created().unwrap_or(far).cmp(&b.created().unwrap_or(far)),
                Sort::Newest => b.created().cmp(&a.created()),
                Sort::Stalest => a.changed().unwrap_or(far).cmp(&b.changed().unwrap_or(far)),
            };
            order
                .then_with(|| a.account_id.cmp(&b.account_id))
                .then_with(|| a.id.cmp(&b.id))
        });
        kept
    }

    /// The filters as URL pairs (for links that keep them).
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs: Vec<(&'static str, String)> =
            self.kind.iter().map(|k| ("kind", k.as_str().to_owned())).collect();
        pairs.extend(self.case_status.iter().map(|s| ("case_status", s.as_str().to_owned())));
        if !self.merchant.is_empty() {
            pairs.push(("merchant", self.merchant.clone()));
        }
        if let Some(d) = self.older_than {
            pairs.push(("older_than", d.to_string()));
        }
        if let Some(d) = self.unchanged_for {
            pairs.push(("unchanged_for", d.to_string()));
        }
        if self.sort != Sort::default() {
            pairs.push(("sort", self.sort.as_str().to_owned()));
        }
        pairs
    }
}

impl crate::url_query::FromQuery for ReviewQuery {
    const KEYS: &'static [&'static str] = &KEYS;

    fn from_url<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Self::from_pairs(pairs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str, kind: Kind, status: CaseStatus, created: &str, updated: &str) -> QueueItem {
        QueueItem {
            account_id: "T11200001".into(),
            kind,
            id: id.into(),
            title: String::new(),
            status,
            created_at: Some(created.into()),
            updated_at: Some(updated.into()),
            links: Vec::new(),
        }
    }

    fn now() -> DateTime<Utc> {
        "2026-11-21T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn reads_dintero_names_and_repeats_from_the_url() {
        let q = ReviewQuery::from_pairs([
            ("case_status", "WAITING_FOR_SIGNATURE"),
            ("case_status", "UNDER_MANUAL_REVIEW"),
            ("kind", "seller"),
            ("kind", "nonsense"),
            ("merchant", " T11200005 "),
            ("older_than", "7"),
            ("unchanged_for", "0"),
            ("sort", "stalest"),
        ]);
        assert_eq!(
            q.case_status,
            [CaseStatus::WaitingForSignature, CaseStatus::UnderManualReview]
        );
        assert_eq!(q.kind, [Kind::Seller]);
        assert_eq!(q.merchant, "T11200005");
        assert_eq!((q.older_than, q.unchanged_for, q.sort), (Some(7), None, Sort::Stalest));
        assert_eq!(
            ReviewQuery::from_pairs(q.pairs().iter().map(|(k, v)| (*k, v.as_str()))),
            q
        );
    }

    #[test]
    fn without_a_status_the_open_ones_are_kept_and_settled_ones_are_not() {
        let q = ReviewQuery::default();
        let open = item(
            "a",
            Kind::Cdd,
            CaseStatus::UnderManualReview,
            "2026-11-01T00:00:00Z",
            "2026-11-02T00:00:00Z",
        );
        let done = item(
            "b",
            Kind::Cdd,
            CaseStatus::Active,
            "2026-11-01T00:00:00Z",
            "2026-11-02T00:00:00Z",
        );
        assert!(q.keeps(&open, now()));
        assert!(!q.keeps(&done, now()));
    }

    #[test]
    fn ages_are_whole_days_since_created_and_since_changed() {
        let i = item(
            "a",
            Kind::Seller,
            CaseStatus::Error,
            "2026-11-11T11:00:00Z",
            "2026-11-19T12:00:00Z",
        );
        let with = |pairs: &[(&str, &str)]| ReviewQuery::from_pairs(pairs.iter().copied()).keeps(&i, now());
        assert!(with(&[("older_than", "10")]));
        assert!(!with(&[("older_than", "11")]));
        assert!(with(&[("unchanged_for", "2")]));
        assert!(!with(&[("unchanged_for", "3")]));
    }

    #[test]
    fn oldest_first_by_default_then_newest_and_stalest() {
        let items = vec![
            item(
                "new",
                Kind::Cdd,
                CaseStatus::Error,
                "2026-11-20T00:00:00Z",
                "2026-11-20T00:00:00Z",
            ),
            item(
                "old",
                Kind::Cdd,
                CaseStatus::Error,
                "2026-10-01T00:00:00Z",
                "2026-11-21T00:00:00Z",
            ),
            item(
                "mid",
                Kind::Cdd,
                CaseStatus::Error,
                "2026-11-01T00:00:00Z",
                "2026-11-01T00:00:00Z",
            ),
        ];
        let ids = |sort: &str| -> Vec<String> {
            ReviewQuery::from_pairs([("sort", sort)])
                .select(items.clone(), now())
                .into_iter()
                .map(|i| i.id)
                .collect()
        };
        assert_eq!(ids(""), ["old", "mid", "new"]);
        assert_eq!(ids("newest"), ["new", "mid", "old"]);
        assert_eq!(ids("stalest"), ["mid", "new", "old"]);
    }
}
