//! The settlements area's state: per merchant its settlements, insight reports and seller ledgers
//! (each made on first use, see [`Store`]), and its report configurations.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::Value;

use super::generate::{self, Settlement};
use super::insight::{self, ReportMeta};
use super::ledger::{self, LedgerEntry};

#[derive(Debug, Clone, Default)]
pub struct Store {
    /// Salt of everything made lazily (drawn from the area's generator at seed time).
    pub salt: u64,
    /// A merchant's settlements, newest first, made on first use (plus large ones added later).
    pub settlements: HashMap<String, Vec<Settlement>>,
    /// A merchant's insight reports, newest first, made on first use.
    pub reports: HashMap<String, Vec<ReportMeta>>,
    /// A merchant's ledgers per seller, newest entry first, made on first use.
    pub ledgers: HashMap<String, BTreeMap<String, Vec<LedgerEntry>>>,
    /// Settlement report configurations per merchant, in creation order.
    pub configs: HashMap<String, Vec<ReportConfig>>,
}

impl Store {
    /// A merchant's settlements, made on first use.
    pub fn settlements_of(&mut self, aid: &str, account: &Value) -> &mut Vec<Settlement> {
        let salt = self.salt;
        self.settlements
            .entry(aid.to_owned())
            .or_insert_with(|| generate::settlements(salt, aid, account))
    }

    /// A merchant's insight reports, made on first use.
    pub fn reports_of(&mut self, aid: &str, account: &Value) -> &Vec<ReportMeta> {
        let salt = self.salt;
        self.reports
            .entry(aid.to_owned())
            .or_insert_with(|| insight::generate(salt, aid, account))
    }

    /// A merchant's seller ledgers, made on first use.
    pub fn ledgers_of(&mut self, aid: &str, account: &Value) -> &BTreeMap<String, Vec<LedgerEntry>> {
        let salt = self.salt;
        self.ledgers
            .entry(aid.to_owned())
            .or_insert_with(|| ledger::generate(salt, aid, account))
    }
}

/// A settlement report configuration (`GET .../settlements/reports/configuration`).
#[derive(Debug, Clone, Serialize)]
pub struct ReportConfig {
    pub id: String,
    pub account_id: String,
    pub filetypes: Vec<String>,
    pub destinations: Vec<Destination>,
    pub providers: Vec<String>,
    pub filters: Vec<Filter>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub send_every: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_send_at: Option<i64>,
    pub last_modified_at: i64,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Destination {
    pub id: String,
    pub destination_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_value: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Filter {
    pub filter: String,
    pub value: String,
}
