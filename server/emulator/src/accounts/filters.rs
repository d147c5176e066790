//! The filters and the item cursor of `GET /v1/accounts/{oid}/management/accounts`
//! (02-partner-accounts.md), as pure functions over Dintero `Account` JSON.

use serde_json::Value;

use super::connections::{connection, connection_key, connections};
use crate::auth::is_account_id;
use crate::error::ApiError;
use crate::params::Params;

/// The list's filters, read from the query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub search: Option<String>,
    pub connection: Vec<String>,
    pub connection_status: Vec<String>,
    pub payment_option: Vec<String>,
    pub account_manager: Vec<String>,
    pub country: Option<String>,
    pub services: Vec<String>,
}

const STATUSES: [&str; 4] = ["pending", "enabled", "failed", "declined"];

impl Filters {
    /// The filters of a query; 400 for an unknown connection or status value.
    pub fn from_params(params: &Params) -> Result<Self, ApiError> {
        let filters = Self {
            search: params.one("search").map(|s| s.trim().to_lowercase()),
            connection: params.all("connection"),
            connection_status: params.all("connection_status"),
            payment_option: params.all("payment_option"),
            account_manager: params.all("account_manager").iter().map(|e| e.to_lowercase()).collect(),
            country: params.one("country").map(|c| c.trim().to_uppercase()),
            services: params.all("services"),
        };
        let mut failures = Vec::new();
        for (i, name) in filters.connection.iter().enumerate() {
            if connection_key(name).is_none() {
                failures.push((format!("/connection/{i}"), format!("unknown connection '{name}'")));
            }
        }
        for (i, status) in filters.connection_status.iter().enumerate() {
            if !STATUSES.contains(&status.as_str()) {
                failures.push((
                    format!("/connection_status/{i}"),
                    format!("should be one of {}", STATUSES.join(", ")),
                ));
            }
        }
        if failures.is_empty() {
            Ok(filters)
        } else {
            Err(ApiError::validation(failures))
        }
    }

    /// True when the account passes every filter given.
    pub fn matches(&self, account: &Value) -> bool {
        self.matches_search(account)
            && self.matches_connections(account)
            && self.matches_payment_options(account)
            && self.matches_manager(account)
            && self.matches_country(account)
            && self.matches_services(account)
    }

    fn matches_search(&self, account: &Value) -> bool {
        let Some(search) = &self.search else { return true };
        let text = |v: &Value| v.as_str().map(str::to_lowercase).unwrap_or_default();
        text(&account["account_id"]).contains(search)
            || text(&account["company"]["business_name"]).contains(search)
            || text(&account["company"]["display_name"]).contains(search)
    }

    /// `connection`: the account has all of them; `connection_status`: every listed status occurs
    /// among its connections (only the listed ones when `connection` is given).
    fn matches_connections(&self, account: &Value) -> bool {
        if !self.connection.iter().all(|name| connection(account, name).is_some()) {
            return false;
        }
        if self.connection_status.is_empty() {
            return true;
        }
        let statuses: Vec<&str> = if self.connection.is_empty() {
            connections(account)
                .into_iter()
                .filter_map(|(_, c)| c["status"].as_str())
                .collect()
        } else {
            self.connection
                .iter()
                .filter_map(|name| connection(account, name))
                .filter_map(|c| c["status"].as_str())
                .collect()
        };
        self.connection_status.iter().all(|s| statuses.contains(&s.as_str()))
    }

    /// Every listed option is among the payment options of an enabled connection.
    fn matches_payment_options(&self, account: &Value) -> bool {
        if self.payment_option.is_empty() {
            return true;
        }
        let enabled = enabled_payment_options(account);
        self.payment_option.iter().all(|o| enabled.contains(&o.as_str()))
    }

    fn matches_manager(&self, account: &Value) -> bool {
        self.account_manager.is_empty()
            || account["account_manager"]["email"]
                .as_str()
                .is_some_and(|e| self.account_manager.contains(&e.to_lowercase()))
    }

    fn matches_country(&self, account: &Value) -> bool {
        self.country.as_ref().is_none_or(|c| {
            account["company"]["address"]["country"]
                .as_str()
                .is_some_and(|x| x.eq_ignore_ascii_case(c))
        })
    }

    /// `checkout.status.enabled` → `services.checkout.status == "enabled"`.
    fn matches_services(&self, account: &Value) -> bool {
        self.services.iter().all(|spec| {
            let mut parts = spec.splitn(3, '.');
            match (parts.next(), parts.next(), parts.next()) {
                (Some(service), Some(field), Some(value)) => account["services"][service][field] == value,
                _ => true,
            }
        })
    }
}

/// The payment option types of the account's enabled connections.
pub fn enabled_payment_options(account: &Value) -> Vec<&str> {
    connections(account)
        .into_iter()
        .filter(|(_, c)| c["status"] == "enabled")
        .filter_map(|(_, c)| c["configuration"]["payment_options"].as_array())
        .flatten()
        .filter_map(|o| o["type"].as_str())
        .collect()
}

/// The cursor an account gives: `pt.<account id>`.
pub fn paging_token(aid: &str) -> String {
    format!("pt.{aid}")
}

/// The account id a cursor stands for; 400 when it is not one this emulator gave.
pub fn cursor_account(token: &str) -> Result<String, ApiError> {
    token
        .strip_prefix("pt.")
        .filter(|aid| is_account_id(aid))
        .map(str::to_owned)
        .ok_or_else(|| {
            ApiError::validation(vec![(
                "/starting_after".into(),
                "should be the paging_token of an item of the previous page".into(),
            )])
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn account() -> Value {
        json!({
            "account_id": "T11200005",
            "company": {"business_name": "Bakeri Bodø AS", "display_name": "Bakeri Bodø", "address": {"country": "NO"}},
            "account_manager": {"email": "Manager@partner.example"},
            "services": {"checkout": {"status": "enabled"}},
            "connections": {
                "vipps": {"status": "enabled", "configuration": {"payment_options": [{"type": "vipps", "currencies": ["NOK"]}]}},
                "payex": {"creditcard": {"status": "pending"}},
                "collector": {"status": "declined", "configuration": {"payment_options": [{"type": "collector.invoice"}]}},
            }
        })
    }

    fn filters(query: &str) -> Filters {
        Filters::from_params(&Params::parse(query)).unwrap()
    }

    #[test]
    fn search_matches_id_and_names_case_insensitively() {
        assert!(filters("search=00005").matches(&account()));
        assert!(filters("search=bakeri%20BOD%C3%98").matches(&account()));
        assert!(!filters("search=Kaffebar").matches(&account()));
    }

    #[test]
    fn connections_must_all_be_present_and_payex_means_creditcard() {
        assert!(filters("connection=vipps&connection=payex").matches(&account()));
        assert!(filters("connection=payex.creditcard").matches(&account()));
        assert!(!filters("connection=vipps,swish").matches(&account()));
    }

    #[test]
    fn statuses_must_all_occur_among_the_considered_connections() {
        assert!(filters("connection_status=enabled&connection_status=pending").matches(&account()));
        assert!(!filters("connection_status=failed").matches(&account()));
        assert!(!filters("connection=vipps&connection_status=pending").matches(&account()));
        assert!(filters("connection=vipps&connection=payex&connection_status=pending").matches(&account()));
    }

    #[test]
    fn payment_options_count_only_when_enabled() {
        assert!(filters("payment_option=vipps").matches(&account()));
        assert!(!filters("payment_option=collector.invoice").matches(&account()));
    }

    #[test]
    fn manager_country_and_services() {
        assert!(filters("account_manager=manager@partner.example").matches(&account()));
        assert!(!filters("account_manager=other@partner.example").matches(&account()));
        assert!(filters("country=no").matches(&account()));
        assert!(!filters("country=SE").matches(&account()));
        assert!(filters("services=checkout.status.enabled").matches(&account()));
        assert!(!filters("services=checkout.status.disabled").matches(&account()));
    }

    #[test]
    fn unknown_values_are_refused_and_cursors_checked() {
        assert!(Filters::from_params(&Params::parse("connection=paypal")).is_err());
        assert!(Filters::from_params(&Params::parse("connection_status=paused")).is_err());
        assert_eq!(cursor_account(&paging_token("T11200007")).unwrap(), "T11200007");
        assert!(cursor_account("T11200007").is_err());
    }
}
