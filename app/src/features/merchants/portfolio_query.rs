//! [`PortfolioQuery`]: the portfolio's filters and page, kept in the URL under Dintero's own
//! parameter names (`?search=...&connection=vipps&connection_status=enabled`), so a view can be
//! bookmarked, shared and reloaded.

use serde::{Deserialize, Serialize};

use crate::dintero::accounts::{AccountsQuery, ConnectionName, ConnectionStatus, PaymentOptionType};

/// Page sizes offered; Dintero allows 1–100.
pub const PAGE_SIZES: [u32; 4] = [10, 25, 50, 100];
pub const DEFAULT_PAGE_SIZE: u32 = 25;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PortfolioQuery {
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub connection: Vec<String>,
    #[serde(default)]
    pub connection_status: Vec<String>,
    #[serde(default)]
    pub payment_option: Vec<String>,
    /// E-mails; one value may hold several separated by commas.
    #[serde(default)]
    pub account_manager: Vec<String>,
    #[serde(default)]
    pub limit: Option<u32>,
    /// The cursor this page starts after (`None`: the first page).
    #[serde(default)]
    pub starting_after: Option<String>,
    /// The cursors of the pages before this one, oldest first (`""` for the first page), so
    /// "Previous" works without JavaScript and without asking Dintero.
    #[serde(default)]
    pub trail: Vec<String>,
}

impl PortfolioQuery {
    /// Reads the URL's query pairs (repeated names give several values).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut query = Self::default();
        for (name, value) in pairs {
            let value = value.trim();
            match name {
                "search" => query.search = value.to_owned(),
                "connection" if !value.is_empty() => query.connection.push(value.to_owned()),
                "connection_status" if !value.is_empty() => query.connection_status.push(value.to_owned()),
                "payment_option" if !value.is_empty() => query.payment_option.push(value.to_owned()),
                "account_manager" => query.account_manager.extend(
                    value
                        .split(',')
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(str::to_owned),
                ),
                "limit" => query.limit = value.parse().ok(),
                "starting_after" if !value.is_empty() => query.starting_after = Some(value.to_owned()),
                "trail" => query.trail = crate::paging::parse_trail(value),
                _ => {}
            }
        }
        query
    }

    /// The page size asked for, clamped to what Dintero allows.
    pub fn page_size(&self) -> u32 {
        self.limit.unwrap_or(DEFAULT_PAGE_SIZE).clamp(1, 100)
    }

    /// The Dintero list request for this query.
    pub fn to_accounts_query(&self) -> AccountsQuery {
        AccountsQuery {
            search: Some(self.search.trim().to_owned()).filter(|s| !s.is_empty()),
            connection: self
                .connection
                .iter()
                .map(|c| ConnectionName::from(c.as_str()))
                .collect(),
            connection_status: self
                .connection_status
                .iter()
                .map(|s| ConnectionStatus::from(s.as_str()))
                .collect(),
            payment_option: self
                .payment_option
                .iter()
                .map(|o| PaymentOptionType::from(o.as_str()))
                .collect(),
            account_manager: self.account_manager.clone(),
            limit: Some(self.page_size()),
            starting_after: self.starting_after.clone(),
            ..Default::default()
        }
    }

    /// The filter part of the URL (no paging): the same for every page of one view.
    pub fn filter_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.search.trim().is_empty() {
            pairs.push(("search", self.search.trim().to_owned()));
        }
        pairs.extend(self.connection.iter().map(|v| ("connection", v.clone())));
        pairs.extend(self.connection_status.iter().map(|v| ("connection_status", v.clone())));
        pairs.extend(self.payment_option.iter().map(|v| ("payment_option", v.clone())));
        pairs.extend(self.account_manager.iter().map(|v| ("account_manager", v.clone())));
        if let Some(limit) = self.limit {
            pairs.push(("limit", limit.to_string()));
        }
        pairs
    }

    /// `/accounts?...` for this view's first page.
    pub fn first_page_href(&self) -> String {
        href(&self.filter_pairs())
    }

    fn cursor(&self) -> crate::paging::Cursor<'_> {
        crate::paging::Cursor {
            starting_after: self.starting_after.as_deref(),
            trail: &self.trail,
        }
    }

    /// `/accounts?...` for the page after this one, which starts after `next`.
    pub fn next_page_href(&self, next: &str) -> String {
        href(&self.cursor().next_pairs(self.filter_pairs(), next))
    }

    /// `/accounts?...` for the page before this one; `None` on the first page.
    pub fn previous_page_href(&self) -> Option<String> {
        Some(href(&self.cursor().previous_pairs(self.filter_pairs())?))
    }

    /// The page number (1 for the first), from the trail.
    pub fn page_number(&self) -> usize {
        self.cursor().page_number()
    }
}

/// `/accounts` with `pairs` as its query.
pub fn href(pairs: &[(&str, String)]) -> String {
    crate::paging::href("/accounts", pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_uses_dinteros_names_and_repeats_values() {
        let query = PortfolioQuery::from_pairs([
            ("search", " nord "),
            ("connection", "vipps"),
            ("connection", "swish"),
            ("connection_status", "enabled"),
            ("account_manager", "a@x.no, b@x.no"),
            ("limit", "10"),
        ]);
        let accounts = query.to_accounts_query().to_query();
        assert_eq!(
            accounts,
            [
                ("search", "nord".to_owned()),
                ("connection", "vipps".to_owned()),
                ("connection", "swish".to_owned()),
                ("connection_status", "enabled".to_owned()),
                ("account_manager", "a@x.no".to_owned()),
                ("account_manager", "b@x.no".to_owned()),
                ("limit", "10".to_owned()),
            ]
        );
        assert_eq!(
            query.first_page_href(),
            "/accounts?search=nord&connection=vipps&connection=swish&connection_status=enabled&account_manager=a%40x.no&account_manager=b%40x.no&limit=10"
        );
    }

    #[test]
    fn paging_forward_and_back_keeps_a_trail_of_cursors() {
        let first = PortfolioQuery::from_pairs([("connection", "vipps")]);
        assert_eq!(first.previous_page_href(), None);
        assert_eq!(first.page_number(), 1);
        let second_href = first.next_page_href("T2");
        assert_eq!(second_href, "/accounts?connection=vipps&starting_after=T2&trail=");
        let second = parse(&second_href);
        assert_eq!(second.page_number(), 2);
        let third = parse(&second.next_page_href("T4"));
        assert_eq!(third.trail, ["", "T2"]);
        assert_eq!(third.page_number(), 3);
        assert_eq!(
            third.previous_page_href().as_deref(),
            Some("/accounts?connection=vipps&starting_after=T2&trail=")
        );
        assert_eq!(
            second.previous_page_href().as_deref(),
            Some("/accounts?connection=vipps")
        );
    }

    fn parse(href: &str) -> PortfolioQuery {
        let query = href.split_once('?').map(|(_, q)| q).unwrap_or_default();
        let pairs: Vec<(String, String)> = query
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.replace("%40", "@").replace("%2C", ",")))
            .collect();
        PortfolioQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    #[test]
    fn the_page_size_is_clamped() {
        assert_eq!(PortfolioQuery::from_pairs([("limit", "500")]).page_size(), 100);
        assert_eq!(
            PortfolioQuery::from_pairs([("limit", "x")]).page_size(),
            DEFAULT_PAGE_SIZE
        );
    }
}
