//! The audit log: every change a person makes through the app, appended to the app's own store
//! before the response is sent, and never edited or deleted (SQLite triggers refuse both).
//!
//! - [`AuditAction`], [`AuditEntry`], [`ActivityFilter`]: what an entry says, and how to look;
//! - `log` (ssr): append, read a page, read everything in batches (for CSV);
//! - `record` (ssr): [`audited`], the one way a server function sends a change to Dintero.

#[cfg(feature = "ssr")]
mod log;
#[cfg(feature = "ssr")]
mod record;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub use log::{append, entries, NewEntry};
#[cfg(feature = "ssr")]
pub use record::{audited, Summary};

/// What a person changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditAction {
    AccountCreate,
    AccountUpdate,
    AccountDelete,
    ConnectionEvent,
    AccountComment,
    SettingsUpdate,
    PricePackageCreate,
    PricePackageUpdate,
    PricePackageAssign,
    ApprovalCreate,
    ApprovalDecide,
    ApprovalArchive,
    CddCreate,
    CddDecide,
    ScreeningDecide,
    MatchTerminate,
    VmssTerminate,
    ReportConfigCreate,
    ReportConfigUpdate,
    ReportConfigDelete,
    TeamInvite,
    TeamChange,
    TeamRemove,
}

impl AuditAction {
    pub const ALL: [AuditAction; 23] = [
        Self::AccountCreate,
        Self::AccountUpdate,
        Self::AccountDelete,
        Self::ConnectionEvent,
        Self::AccountComment,
        Self::SettingsUpdate,
        Self::PricePackageCreate,
        Self::PricePackageUpdate,
        Self::PricePackageAssign,
        Self::ApprovalCreate,
        Self::ApprovalDecide,
        Self::ApprovalArchive,
        Self::CddCreate,
        Self::CddDecide,
        Self::ScreeningDecide,
        Self::MatchTerminate,
        Self::VmssTerminate,
        Self::ReportConfigCreate,
        Self::ReportConfigUpdate,
        Self::ReportConfigDelete,
        Self::TeamInvite,
        Self::TeamChange,
        Self::TeamRemove,
    ];

    /// The name stored in the log and used in filters, e.g. `account.update`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AccountCreate => "account.create",
            Self::AccountUpdate => "account.update",
            Self::AccountDelete => "account.delete",
            Self::ConnectionEvent => "connection.event",
            Self::AccountComment => "account.comment",
            Self::SettingsUpdate => "settings.update",
            Self::PricePackageCreate => "price_package.create",
            Self::PricePackageUpdate => "price_package.update",
            Self::PricePackageAssign => "price_package.assign",
            Self::ApprovalCreate => "approval.create",
            Self::ApprovalDecide => "approval.decide",
            Self::ApprovalArchive => "approval.archive",
            Self::CddCreate => "cdd.create",
            Self::CddDecide => "cdd.decide",
            Self::ScreeningDecide => "screening.decide",
            Self::MatchTerminate => "match.terminate",
            Self::VmssTerminate => "vmss.terminate",
            Self::ReportConfigCreate => "report_config.create",
            Self::ReportConfigUpdate => "report_config.update",
            Self::ReportConfigDelete => "report_config.delete",
            Self::TeamInvite => "team.invite",
            Self::TeamChange => "team.change",
            Self::TeamRemove => "team.remove",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == name)
    }
}

/// One line of the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// The person's Dintero user id, when Dintero told it.
    pub user_id: Option<String>,
    pub email: String,
    pub partner_id: String,
    /// The merchant changed, if the change was on one.
    pub account_id: Option<String>,
    /// [`AuditAction::as_str`].
    pub action: String,
    /// The input, without secrets or full personal ids.
    pub summary: String,
    /// Dintero's answer; `None` when none came (timeout, no connection).
    pub status: Option<u16>,
    /// Dintero's request id, for support cases.
    pub request_id: Option<String>,
}

impl AuditEntry {
    /// True when Dintero accepted the change.
    pub fn succeeded(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }
}

/// How to narrow the log; every field is optional. Dates are Nordic local calendar days.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActivityFilter {
    /// Part of the person's e-mail.
    pub person: Option<String>,
    /// A merchant's account id.
    pub merchant: Option<String>,
    /// An [`AuditAction::as_str`].
    pub action: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// One page of the log, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityPage {
    pub entries: Vec<AuditEntry>,
    /// Pass as `before` for the next (older) page.
    pub older: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_names_are_unique_and_parse_back() {
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::parse(action.as_str()), Some(action));
        }
        let mut names: Vec<_> = AuditAction::ALL.iter().map(|a| a.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), AuditAction::ALL.len());
    }
}
