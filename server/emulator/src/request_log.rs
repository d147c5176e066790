//! The log of recent requests behind `GET /__emulator/requests`: method, path, query string,
//! subject and status of each (never bodies or headers).

use std::collections::VecDeque;
use std::sync::Mutex;

use serde::Serialize;

/// How many requests `/__emulator/requests` remembers.
const REQUEST_LOG_LENGTH: usize = 2_000;

#[derive(Debug, Clone, Serialize)]
pub struct RequestEntry {
    pub method: String,
    pub path: String,
    /// The query string as sent (without `?`), so two reads of one path with different filters or
    /// pages can be told apart; `None` when there was none.
    pub query: Option<String>,
    /// For a token exchange, the account it was for (its body's `account_id`, never the token):
    /// exchanges for different merchants share one path and differ only in this.
    pub subject: Option<String>,
    pub status: u16,
}

/// What a handler tells the request log about a request beyond its method, path and query (see
/// [`RequestEntry::subject`]); carried as a response extension.
#[derive(Debug, Clone)]
pub struct LogSubject(pub String);

#[derive(Default)]
pub struct RequestLog(Mutex<VecDeque<RequestEntry>>);

impl RequestLog {
    pub fn push(&self, method: &str, path: &str, query: Option<&str>, subject: Option<&str>, status: u16) {
        let mut log = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if log.len() == REQUEST_LOG_LENGTH {
            log.pop_front();
        }
        log.push_back(RequestEntry {
            method: method.to_owned(),
            path: path.to_owned(),
            query: query.map(str::to_owned),
            subject: subject.map(str::to_owned),
            status,
        });
    }

    pub fn entries(&self) -> Vec<RequestEntry> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .cloned()
            .collect()
    }

    pub fn clear(&self) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}
