//! What a scan of the portfolio gives: the [`MerchantList`], each merchant with its account-level
//! [`MerchantStages`] and its connections' [`ConnectionStage`]s.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// At most this many merchants are read by one scan.
pub const SCAN_LIMIT: usize = 5000;

/// The partner's merchants as a scan reads them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MerchantList {
    /// The server's time when read; every age on the page is measured from it.
    pub now: DateTime<Utc>,
    pub merchants: Vec<MerchantStages>,
    /// False when the scan stopped at the limit before the end of the portfolio.
    pub complete: bool,
}

/// A merchant's account-level tracks, for the pipeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MerchantStages {
    pub account_id: String,
    pub name: String,
    /// `applied`, `live`, `frozen`, `deactivated`.
    pub progression: Option<String>,
    /// When the account last changed (Dintero does not say when the progression did).
    pub account_changed_at: Option<String>,
    pub connections: Vec<ConnectionStage>,
}

/// One connection's status and since when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConnectionStage {
    /// As the portfolio's `connection` filter spells it (`vipps`, `payex`…).
    pub name: String,
    pub status: String,
    /// The last event's time, else the connection's last change.
    pub since: Option<String>,
}
