//! [`CatalogueQuery`]: the price package catalogue's filters and page, in the URL under Dintero's
//! own names (`?type=default&price_package_id=...&limit=25`).

use serde::{Deserialize, Serialize};

use crate::dintero::price_packages::{PricePackageQuery, PricePackageType};
use crate::paging::Cursor;

/// Page sizes offered; Dintero allows 1–100.
pub const PAGE_SIZES: [u32; 4] = [10, 25, 50, 100];
pub const DEFAULT_PAGE_SIZE: u32 = 25;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CatalogueQuery {
    /// `default` and/or `account`; none: both.
    #[serde(default)]
    pub types: Vec<String>,
    /// One package by its id.
    #[serde(default)]
    pub price_package_id: String,
    #[serde(default)]
    pub limit: Option<u32>,
    #[serde(default)]
    pub starting_after: Option<String>,
    #[serde(default)]
    pub trail: Vec<String>,
}

/// The query keys the catalogue reads from the URL.
pub const KEYS: [&str; 5] = ["type", "price_package_id", "limit", "starting_after", "trail"];

impl CatalogueQuery {
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut query = Self::default();
        for (name, value) in pairs {
            let value = value.trim();
            match name {
                "type" if !value.is_empty() => query.types.push(value.to_owned()),
                "price_package_id" => query.price_package_id = value.to_owned(),
                "limit" => query.limit = value.parse().ok(),
                "starting_after" if !value.is_empty() => query.starting_after = Some(value.to_owned()),
                "trail" => query.trail = crate::paging::parse_trail(value),
                _ => {}
            }
        }
        query
    }

    pub fn page_size(&self) -> u32 {
        self.limit.unwrap_or(DEFAULT_PAGE_SIZE).clamp(1, 100)
    }

    /// The Dintero request for this page (its `limit` is set by the caller).
    pub fn to_dintero(&self) -> PricePackageQuery {
        PricePackageQuery {
            limit: Some(self.page_size()),
            starting_after: self.starting_after.clone(),
            types: self.types.iter().map(|t| PricePackageType::from(t.as_str())).collect(),
            price_package_id: Some(self.price_package_id.trim().to_owned()).filter(|id| !id.is_empty()),
        }
    }

    pub fn filter_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs: Vec<(&'static str, String)> = self.types.iter().map(|t| ("type", t.clone())).collect();
        if !self.price_package_id.trim().is_empty() {
            pairs.push(("price_package_id", self.price_package_id.trim().to_owned()));
        }
        if let Some(limit) = self.limit {
            pairs.push(("limit", limit.to_string()));
        }
        pairs
    }

    fn cursor(&self) -> Cursor<'_> {
        Cursor {
            starting_after: self.starting_after.as_deref(),
            trail: &self.trail,
        }
    }

    pub fn next_page_href(&self, next: &str) -> String {
        href(&self.cursor().next_pairs(self.filter_pairs(), next))
    }

    pub fn previous_page_href(&self) -> Option<String> {
        Some(href(&self.cursor().previous_pairs(self.filter_pairs())?))
    }

    pub fn page_number(&self) -> usize {
        self.cursor().page_number()
    }
}

fn href(pairs: &[(&str, String)]) -> String {
    crate::paging::href("/price-packages", pairs)
}

impl crate::url_query::FromQuery for CatalogueQuery {
    const KEYS: &'static [&'static str] = &KEYS;

    fn from_url<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Self::from_pairs(pairs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_use_dinteros_names_and_paging_keeps_a_trail() {
        let first = CatalogueQuery::from_pairs([("type", "default"), ("type", "account"), ("limit", "10")]);
        assert_eq!(
            first.to_dintero().to_query(),
            [
                ("limit", "10".to_owned()),
                ("type", "default".to_owned()),
                ("type", "account".to_owned())
            ]
        );
        assert_eq!(first.previous_page_href(), None);
        let second_href = first.next_page_href("pp_2");
        assert_eq!(
            second_href,
            "/price-packages?type=default&type=account&limit=10&starting_after=pp_2&trail="
        );
        let second = CatalogueQuery::from_pairs([
            ("type", "default"),
            ("type", "account"),
            ("limit", "10"),
            ("starting_after", "pp_2"),
            ("trail", ""),
        ]);
        assert_eq!(second.page_number(), 2);
        assert_eq!(
            second.previous_page_href().as_deref(),
            Some("/price-packages?type=default&type=account&limit=10")
        );
    }
}
