//! Saved views: a person names the portfolio's current filters and finds them again. Kept per
//! person (by e-mail) in the app's own store ([`crate::store`]), not at Dintero. Here the view and
//! its checks; [`read`] and [`write`] hold the server functions, [`panel`] the portfolio's panel.

mod panel;
mod read;
mod write;

pub use panel::SavedViewsPanel;
pub use read::{list_saved_views, ListSavedViews};
pub use write::{delete_view, save_view, DeleteView, SaveView};

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::i18n::key;

/// The most views one person keeps.
#[cfg(feature = "ssr")]
pub const MAX_VIEWS: usize = 50;
/// The longest name (characters).
#[cfg(feature = "ssr")]
pub const MAX_NAME: usize = 60;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedView {
    pub id: i64,
    pub name: String,
    /// The portfolio's query string, without paging (`search=...&connection=vipps`).
    pub query: String,
}

impl SavedView {
    pub fn href(&self) -> String {
        if self.query.is_empty() {
            "/accounts".to_owned()
        } else {
            format!("/accounts?{}", self.query)
        }
    }
}

/// Checks a view's name and query string (which must be the portfolio's own filters).
#[cfg(feature = "ssr")]
pub fn check_view(name: &str, query: &str) -> Result<(), AppError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::invalid("name", key!("views.error.name_required")));
    }
    if name.chars().count() > MAX_NAME {
        return Err(AppError::invalid("name", key!("views.error.name_long")));
    }
    let known = [
        "search",
        "connection",
        "connection_status",
        "payment_option",
        "account_manager",
        "limit",
    ];
    let valid = query.len() <= 2_000
        && query
            .split('&')
            .filter(|p| !p.is_empty())
            .all(|pair| pair.split_once('=').is_some_and(|(k, _)| known.contains(&k)));
    if !valid {
        return Err(AppError::invalid("name", key!("views.error.query")));
    }
    Ok(())
}

#[cfg(feature = "ssr")]
pub(super) fn store_error(error: sqlx::Error) -> AppError {
    tracing::error!(%error, "saved views store failed");
    AppError::Internal
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn a_view_needs_a_name_and_the_portfolios_own_filters() {
        assert!(check_view("Swedish Swish", "connection=swish&connection_status=enabled").is_ok());
        assert!(check_view("Everything", "").is_ok());
        assert_eq!(check_view("  ", "").unwrap_err().field(), Some("name"));
        assert_eq!(check_view(&"x".repeat(61), "").unwrap_err().field(), Some("name"));
        assert!(check_view("x", "starting_after=T1").is_err(), "no paging");
        assert!(check_view("x", "javascript:alert(1)").is_err());
    }
}
