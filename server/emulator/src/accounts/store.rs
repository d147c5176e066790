//! The accounts area's state: the partner's merchants (Dintero `Account` objects as JSON), their
//! account events, and the merchants deleted.

use std::collections::BTreeMap;

use serde_json::Value;

/// Merchants by account id, each Dintero's `Account` object as JSON (so fields the emulator does
/// not interpret are kept as given), and their account events (comments), newest last.
#[derive(Debug, Clone, Default)]
pub struct Store {
    pub merchants: BTreeMap<String, Value>,
    pub events: BTreeMap<String, Vec<Value>>,
    /// Deleted merchants, as answered by the DELETE (their ids are never reused).
    pub deleted: BTreeMap<String, Value>,
}

impl Store {
    /// The next free merchant id under the partner prefix (`T112` → `T11200061`).
    pub fn next_account_id(&self, prefix: &str) -> String {
        let highest = self
            .merchants
            .keys()
            .chain(self.deleted.keys())
            .filter(|id| id.starts_with(prefix))
            .filter_map(|id| id[prefix.len()..].parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        format!("{prefix}{:05}", highest + 1)
    }
}
