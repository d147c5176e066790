//! The pipeline: per merchant, the stage of each track (account progression, each connection, CDD,
//! payment approval, sellers), since when, and whose move it is. Pure, so it is tested here.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::queue_item::{parse_time, Kind, QueueItem};
use crate::dintero::approvals::CaseStatus;
use crate::i18n::key;
use crate::portfolio_scan::MerchantStages;

/// Who has to act next on a track.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Whose {
    /// The merchant: declare, sign, send details.
    Merchant,
    /// The partner's own team: manual review, errors, bringing the account live.
    Partner,
    /// Dintero: automatic review.
    Dintero,
    /// The payment provider: a connection waiting for Vipps, Klarna…
    Provider,
}

impl Whose {
    pub const ALL: [Whose; 4] = [Whose::Merchant, Whose::Partner, Whose::Dintero, Whose::Provider];

    pub fn as_str(self) -> &'static str {
        match self {
            Whose::Merchant => "merchant",
            Whose::Partner => "partner",
            Whose::Dintero => "dintero",
            Whose::Provider => "provider",
        }
    }

    pub fn parse(value: &str) -> Option<Whose> {
        Self::ALL.into_iter().find(|w| w.as_str() == value)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Whose::Merchant => key!("review.whose.merchant"),
            Whose::Partner => key!("review.whose.partner"),
            Whose::Dintero => key!("review.whose.dintero"),
            Whose::Provider => key!("review.whose.provider"),
        }
    }
}

/// Whose move a case or approval in `status` waits for; `None` when it is settled.
pub fn whose_move(status: &CaseStatus) -> Option<Whose> {
    match status {
        CaseStatus::WaitingForDeclaration | CaseStatus::WaitingForSignature | CaseStatus::WaitingForDetails => {
            Some(Whose::Merchant)
        }
        CaseStatus::UnderManualReview | CaseStatus::Error => Some(Whose::Partner),
        CaseStatus::AutomaticReview => Some(Whose::Dintero),
        _ => None,
    }
}

/// What a track is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum TrackName {
    Account,
    Connection(String),
    Cdd,
    Payment,
    Sellers,
}

/// One track's stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Track {
    pub name: TrackName,
    /// Dintero's word for the stage (`pending`, `UNDER_MANUAL_REVIEW`, `live`…), or for sellers the
    /// status of the one waiting longest.
    pub stage: String,
    /// When it got there (as far as Dintero tells).
    pub since: Option<DateTime<Utc>>,
    /// `None`: settled, nobody's move.
    pub whose: Option<Whose>,
    /// Sellers only: how many there are, by status.
    pub counts: Vec<(CaseStatus, usize)>,
}

/// One merchant's row.
#[derive(Debug, Clone, PartialEq)]
pub struct PipelineRow {
    pub account_id: String,
    pub name: String,
    pub tracks: Vec<Track>,
    /// The open track waiting longest: where the merchant is stuck.
    pub stuck: Option<Track>,
    /// False when some of the merchant could not be read.
    pub complete: bool,
}

impl PipelineRow {
    /// `merchant`'s tracks from its account and its cases and approvals.
    pub fn of(merchant: &MerchantStages, items: &[&QueueItem], complete: bool) -> Self {
        let mut tracks = vec![Track {
            name: TrackName::Account,
            stage: merchant.progression.clone().unwrap_or_else(|| "unknown".into()),
            since: parse_time(merchant.account_changed_at.as_deref()),
            whose: (merchant.progression.as_deref() == Some("applied")).then_some(Whose::Partner),
            counts: Vec::new(),
        }];
        tracks.extend(merchant.connections.iter().map(|c| Track {
            name: TrackName::Connection(c.name.clone()),
            stage: c.status.clone(),
            since: parse_time(c.since.as_deref()),
            whose: match c.status.as_str() {
                "pending" => Some(Whose::Provider),
                "failed" => Some(Whose::Partner),
                _ => None,
            },
            counts: Vec::new(),
        }));
        for (kind, name) in [(Kind::Cdd, TrackName::Cdd), (Kind::Payment, TrackName::Payment)] {
            let latest = items
                .iter()
                .filter(|i| i.kind == kind && i.status != CaseStatus::Archived)
                .max_by_key(|i| i.created());
            if let Some(item) = latest {
                tracks.push(Track {
                    name,
                    stage: item.status.as_str().to_owned(),
                    since: item.changed(),
                    whose: whose_move(&item.status),
                    counts: Vec::new(),
                });
            }
        }
        let sellers: Vec<&&QueueItem> = items.iter().filter(|i| i.kind == Kind::Seller).collect();
        if !sellers.is_empty() {
            let mut counts: Vec<(CaseStatus, usize)> = Vec::new();
            for seller in &sellers {
                match counts.iter_mut().find(|(s, _)| *s == seller.status) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((seller.status.clone(), 1)),
                }
            }
            let waiting = sellers
                .iter()
                .filter(|s| whose_move(&s.status).is_some())
                .min_by_key(|s| s.changed().unwrap_or(DateTime::<Utc>::MAX_UTC));
            tracks.push(Track {
                name: TrackName::Sellers,
                stage: waiting.map_or_else(|| "settled".to_owned(), |s| s.status.as_str().to_owned()),
                since: waiting.and_then(|s| s.changed()),
                whose: waiting.and_then(|s| whose_move(&s.status)),
                counts,
            });
        }
        let stuck = tracks
            .iter()
            .filter(|t| t.whose.is_some())
            .min_by_key(|t| t.since.unwrap_or(DateTime::<Utc>::MAX_UTC))
            .cloned();
        Self {
            account_id: merchant.account_id.clone(),
            name: merchant.name.clone(),
            tracks,
            stuck,
            complete,
        }
    }

    /// How long the most stuck track has waited, in whole days.
    pub fn stuck_days(&self, now: DateTime<Utc>) -> Option<i64> {
        Some((now - self.stuck.as_ref()?.since?).num_days())
    }
}

/// Most stuck first; merchants with nothing open last, by name.
pub fn sort_rows(rows: &mut [PipelineRow]) {
    let far = DateTime::<Utc>::MAX_UTC;
    rows.sort_by(|a, b| {
        let since = |r: &PipelineRow| r.stuck.as_ref().map(|t| t.since.unwrap_or(far));
        match (since(a), since(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| a.name.cmp(&b.name))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::portfolio_scan::ConnectionStage;

    fn merchant() -> MerchantStages {
        MerchantStages {
            account_id: "T11200001".into(),
            name: "Fjord Kaffe AS".into(),
            progression: Some("applied".into()),
            account_changed_at: Some("2026-11-20T00:00:00Z".into()),
            connections: vec![ConnectionStage {
                name: "vipps".into(),
                status: "pending".into(),
                since: Some("2026-11-01T00:00:00Z".into()),
            }],
        }
    }

    fn item(kind: Kind, status: CaseStatus, changed: &str) -> QueueItem {
        QueueItem {
            account_id: "T11200001".into(),
            kind,
            id: format!("{kind:?}-{changed}"),
            title: String::new(),
            status,
            created_at: Some("2026-10-01T00:00:00Z".into()),
            updated_at: Some(changed.into()),
            links: Vec::new(),
        }
    }

    #[test]
    fn the_most_stuck_track_names_whose_move_it_is() {
        let cdd = item(Kind::Cdd, CaseStatus::WaitingForSignature, "2026-10-15T00:00:00Z");
        let seller_active = item(Kind::Seller, CaseStatus::Active, "2026-09-01T00:00:00Z");
        let seller_review = item(Kind::Seller, CaseStatus::UnderManualReview, "2026-11-10T00:00:00Z");
        let row = PipelineRow::of(&merchant(), &[&cdd, &seller_active, &seller_review], true);
        let stuck = row.stuck.clone().unwrap();
        assert_eq!(stuck.name, TrackName::Cdd);
        assert_eq!(stuck.whose, Some(Whose::Merchant));
        assert_eq!(row.stuck_days("2026-11-21T00:00:00Z".parse().unwrap()), Some(37));
        let sellers = row.tracks.iter().find(|t| t.name == TrackName::Sellers).unwrap();
        assert_eq!(sellers.stage, "UNDER_MANUAL_REVIEW");
        assert_eq!(sellers.whose, Some(Whose::Partner));
        assert_eq!(sellers.counts.len(), 2);
        let vipps = &row.tracks[1];
        assert_eq!((vipps.stage.as_str(), vipps.whose), ("pending", Some(Whose::Provider)));
    }

    #[test]
    fn a_settled_merchant_sorts_last() {
        let mut settled = merchant();
        settled.progression = Some("live".into());
        settled.connections.clear();
        settled.name = "Aaa".into();
        let mut rows = vec![
            PipelineRow::of(&settled, &[], true),
            PipelineRow::of(&merchant(), &[], true),
        ];
        sort_rows(&mut rows);
        assert_eq!(rows[0].name, "Fjord Kaffe AS");
        assert!(rows[1].stuck.is_none());
    }
}
