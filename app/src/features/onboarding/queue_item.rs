//! What the review queue gathers: [`QueueItem`]s (one CDD case, payment approval or seller
//! approval each) and the [`Failure`]s of merchants that could not be read (the merchants
//! themselves are [`crate::portfolio_scan::MerchantList`]).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::dintero::approvals::CaseStatus;
use crate::error::AppError;
use crate::i18n::key;

/// What an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// A due-diligence (KYC/AML) case.
    Cdd,
    /// A payment approval.
    Payment,
    /// A seller (payout destination) approval.
    Seller,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Cdd, Kind::Payment, Kind::Seller];

    /// The name in the URL (`?kind=seller`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Cdd => "cdd",
            Kind::Payment => "payment",
            Kind::Seller => "seller",
        }
    }

    pub fn parse(value: &str) -> Option<Kind> {
        Self::ALL.into_iter().find(|k| k.as_str() == value)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Kind::Cdd => key!("review.kind.cdd"),
            Kind::Payment => key!("review.kind.payment"),
            Kind::Seller => key!("review.kind.seller"),
        }
    }
}

/// Dintero lets only these scopes read CDD cases (REFERENCE.md, "Approvals & CDD"); the approvals
/// scope of the onboarding team does not, so for them the queue leaves CDD out and says so.
pub const CDD_SCOPES: [&str; 2] = ["admin:accounts", "write:accounts"];

pub fn reads_cdd<S: AsRef<str>>(scopes: &[S]) -> bool {
    scopes.iter().any(|s| CDD_SCOPES.contains(&s.as_ref()))
}

/// One case or approval of one merchant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueItem {
    pub account_id: String,
    pub kind: Kind,
    pub id: String,
    /// What it is about: the seller's name, the products applied for.
    pub title: String,
    pub status: CaseStatus,
    pub created_at: Option<String>,
    /// When its status last changed (Dintero's `updated_at`, or the last event's time for a case).
    pub updated_at: Option<String>,
    /// Dintero's links: (`rel`, `href`).
    pub links: Vec<(String, String)>,
}

pub(crate) fn parse_time(rfc3339: Option<&str>) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(rfc3339?)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

impl QueueItem {
    pub fn created(&self) -> Option<DateTime<Utc>> {
        parse_time(self.created_at.as_deref())
    }

    /// The last change, or the creation when there was none.
    pub fn changed(&self) -> Option<DateTime<Utc>> {
        parse_time(self.updated_at.as_deref()).or_else(|| self.created())
    }

    /// Where in the app the item is worked on.
    pub fn href(&self) -> String {
        let aid = crate::url::encode_path(&self.account_id);
        match self.kind {
            Kind::Seller => format!("/accounts/{aid}/sellers/{}", crate::url::encode_path(&self.id)),
            Kind::Payment | Kind::Cdd => format!("/accounts/{aid}/approvals#{}", crate::url::encode(&self.id)),
        }
    }
}

/// A merchant, or one kind of a merchant, that could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Failure {
    pub account_id: String,
    /// `None`: the merchant itself (its token) could not be had.
    pub kind: Option<Kind>,
    /// Dintero's status, when it answered.
    pub status: Option<u16>,
    pub error: AppError,
}

/// What one batch of merchants gave.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Batch {
    /// Every case and approval, of every status.
    pub items: Vec<QueueItem>,
    pub failures: Vec<Failure>,
}
