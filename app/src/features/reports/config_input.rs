//! [`ConfigInput`]: a settlement report configuration as the form has it (checkboxes for file types
//! and providers, the account's e-mail, more addresses and sellers as text), and
//! [`ConfigInput::check`], which checks it field by field into Dintero's body before anything is
//! sent. Field names are `config[...]`, so an error points at its field.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::dintero::settlements::{
    ConfigurationFilter, ConfigurationFilterKind, DestinationType, ReportConfiguration, ReportDestination,
    ReportFileType,
};
use crate::error::AppError;
use crate::features::settlements::settlement_filter::PROVIDERS;
use crate::i18n::key;

/// The file types Dintero sends settlement reports as.
pub const FILETYPES: [&str; 4] = ["pdf", "csv", "xml", "json"];

/// At most this many e-mail addresses or sellers in one configuration.
pub const MAX_ITEMS: usize = 20;

/// The form's field names of the parts that can be wrong.
pub const FIELD_FILETYPES: &str = "config[filetypes]";
pub const FIELD_EMAILS: &str = "config[emails]";
pub const FIELD_PROVIDERS: &str = "config[providers]";
pub const FIELD_SELLERS: &str = "config[sellers]";

/// A configuration as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConfigInput {
    /// `config[filetypes][pdf]=on`...
    #[serde(default)]
    pub filetypes: BTreeMap<String, String>,
    /// `on`: send to the merchant account's own e-mail address.
    #[serde(default)]
    pub account_email: String,
    /// More addresses, one per line (commas and spaces also separate).
    #[serde(default)]
    pub emails: String,
    /// `config[providers][vipps]=on`...; none means every provider.
    #[serde(default)]
    pub providers: BTreeMap<String, String>,
    /// Only these sellers (payout destination ids); empty means all.
    #[serde(default)]
    pub sellers: String,
}

/// What Dintero is sent: the same for creating and for changing.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedConfig {
    pub filetypes: Vec<ReportFileType>,
    pub destinations: Vec<ReportDestination>,
    pub providers: Vec<String>,
    pub filters: Vec<ConfigurationFilter>,
}

fn checked(map: &BTreeMap<String, String>) -> Vec<&str> {
    map.iter()
        .filter(|(_, v)| !v.is_empty() && v.as_str() != "off")
        .map(|(k, _)| k.as_str())
        .collect()
}

/// The items of a list typed with newlines, commas, semicolons or spaces between them.
fn items(text: &str) -> Vec<&str> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect()
}

impl ConfigInput {
    /// Whether a file type's (or provider's) box is ticked.
    pub fn has_filetype(&self, filetype: &str) -> bool {
        checked(&self.filetypes).contains(&filetype)
    }

    pub fn has_provider(&self, provider: &str) -> bool {
        checked(&self.providers).contains(&provider)
    }

    pub fn sends_to_account_email(&self) -> bool {
        !self.account_email.is_empty() && self.account_email != "off"
    }

    /// The form, filled in from a configuration Dintero has.
    pub fn from_configuration(config: &ReportConfiguration) -> Self {
        let on = || "on".to_owned();
        Self {
            filetypes: config.filetypes.iter().map(|f| (f.as_str().to_owned(), on())).collect(),
            account_email: if config
                .destinations
                .iter()
                .any(|d| d.destination_type == DestinationType::AccountEmail)
            {
                on()
            } else {
                String::new()
            },
            emails: config
                .destinations
                .iter()
                .filter(|d| d.destination_type == DestinationType::Email)
                .filter_map(|d| d.destination_value.clone())
                .collect::<Vec<_>>()
                .join("\n"),
            providers: config.providers.iter().map(|p| (p.clone(), on())).collect(),
            sellers: config
                .filters
                .iter()
                .filter(|f| f.filter == ConfigurationFilterKind::PayoutDestinationId)
                .map(|f| f.value.clone())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// Checks the form in its order (file types, destinations, providers, sellers); the first wrong
    /// field is an [`AppError::Invalid`] naming it.
    pub fn check(&self) -> Result<CheckedConfig, AppError> {
        let filetypes = checked(&self.filetypes);
        if filetypes.is_empty() {
            return Err(AppError::invalid(
                FIELD_FILETYPES,
                key!("reports.error.filetype_required"),
            ));
        }
        if filetypes.iter().any(|f| !FILETYPES.contains(f)) {
            return Err(AppError::invalid(
                FIELD_FILETYPES,
                key!("reports.error.filetype_unknown"),
            ));
        }
        let mut destinations = Vec::new();
        if self.sends_to_account_email() {
            destinations.push(ReportDestination {
                id: None,
                destination_type: DestinationType::AccountEmail,
                destination_value: None,
            });
        }
        let emails = items(&self.emails);
        if emails.len() > MAX_ITEMS {
            return Err(AppError::invalid(FIELD_EMAILS, key!("reports.error.too_many")));
        }
        let mut seen: Vec<String> = Vec::new();
        for email in emails {
            if !crate::validate::is_email(email) {
                return Err(AppError::invalid(FIELD_EMAILS, key!("reports.error.email")));
            }
            let lower = email.to_lowercase();
            if !seen.contains(&lower) {
                seen.push(lower);
                destinations.push(ReportDestination {
                    id: None,
                    destination_type: DestinationType::Email,
                    destination_value: Some(email.to_owned()),
                });
            }
        }
        let providers = checked(&self.providers);
        if providers.iter().any(|p| !PROVIDERS.contains(p)) {
            return Err(AppError::invalid(FIELD_PROVIDERS, key!("reports.error.provider")));
        }
        let sellers = items(&self.sellers);
        if sellers.len() > MAX_ITEMS {
            return Err(AppError::invalid(FIELD_SELLERS, key!("reports.error.too_many")));
        }
        let mut filters: Vec<ConfigurationFilter> = Vec::new();
        for seller in sellers {
            if !crate::validate::is_payout_destination_id(seller) {
                return Err(AppError::invalid(FIELD_SELLERS, key!("reports.error.seller")));
            }
            if !filters.iter().any(|f| f.value == seller) {
                filters.push(ConfigurationFilter {
                    filter: ConfigurationFilterKind::PayoutDestinationId,
                    value: seller.to_owned(),
                });
            }
        }
        Ok(CheckedConfig {
            // In the form's order, not the map's.
            filetypes: FILETYPES
                .iter()
                .filter(|f| filetypes.contains(f))
                .map(|f| ReportFileType::from(*f))
                .collect(),
            destinations,
            providers: PROVIDERS
                .iter()
                .filter(|p| providers.contains(p))
                .map(|p| (*p).to_owned())
                .collect(),
            filters,
        })
    }

    /// The form's fields as `(name, value)`, to keep after a failed plain post.
    pub fn kept_fields(&self) -> Vec<(String, String)> {
        let mut fields = vec![
            ("config[account_email]".to_owned(), self.account_email.clone()),
            (FIELD_EMAILS.to_owned(), self.emails.clone()),
            (FIELD_SELLERS.to_owned(), self.sellers.clone()),
        ];
        for f in checked(&self.filetypes) {
            fields.push((format!("config[filetypes][{f}]"), "on".to_owned()));
        }
        for p in checked(&self.providers) {
            fields.push((format!("config[providers][{p}]"), "on".to_owned()));
        }
        fields
    }

    /// What was kept after a failed plain post, if anything was; else `self`.
    pub fn or_kept(self, kept: &crate::auth::KeptInput) -> Self {
        if !kept.0.contains_key(FIELD_EMAILS) {
            return self;
        }
        let under = |prefix: &str| -> BTreeMap<String, String> {
            kept.0
                .iter()
                .filter_map(|(k, v)| {
                    k.strip_prefix(prefix)
                        .and_then(|rest| rest.strip_suffix(']'))
                        .map(|name| (name.to_owned(), v.clone()))
                })
                .collect()
        };
        Self {
            filetypes: under("config[filetypes]["),
            account_email: kept.get("config[account_email]"),
            emails: kept.get(FIELD_EMAILS),
            providers: under("config[providers]["),
            sellers: kept.get(FIELD_SELLERS),
        }
    }
}

/// The form field a Dintero validation error points at (its JSON pointer `path`, e.g.
/// `/destinations/1/destination_value`), if it is one of the form's.
pub fn field_of_pointer(pointer: &str) -> Option<&'static str> {
    let top = pointer.trim_start_matches('/').split('/').next().unwrap_or_default();
    match top {
        "filetypes" => Some(FIELD_FILETYPES),
        "destinations" => Some(FIELD_EMAILS),
        "providers" => Some(FIELD_PROVIDERS),
        "filters" => Some(FIELD_SELLERS),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(filetypes: &[&str], account: bool, emails: &str, providers: &[&str], sellers: &str) -> ConfigInput {
        let on = |list: &[&str]| list.iter().map(|k| ((*k).to_owned(), "on".to_owned())).collect();
        ConfigInput {
            filetypes: on(filetypes),
            account_email: if account { "on".into() } else { String::new() },
            emails: emails.into(),
            providers: on(providers),
            sellers: sellers.into(),
        }
    }

    fn field(input: &ConfigInput) -> String {
        match input.check() {
            Err(AppError::Invalid { field, .. }) => field,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_valid_form_becomes_dintero_s_body_in_the_form_s_order() {
        let checked = input(
            &["xml", "pdf"],
            true,
            "regnskap@fjordkaffe.no,\n Kari@Fjordkaffe.no; kari@fjordkaffe.no",
            &["vipps", "payex"],
            "PD001 PD002, PD001",
        )
        .check()
        .unwrap();
        assert_eq!(checked.filetypes, [ReportFileType::Pdf, ReportFileType::Xml]);
        assert_eq!(checked.providers, ["payex", "vipps"]);
        assert_eq!(checked.destinations.len(), 3, "the account's e-mail and two addresses");
        assert_eq!(checked.destinations[0].destination_type, DestinationType::AccountEmail);
        assert_eq!(
            checked.destinations[2].destination_value.as_deref(),
            Some("Kari@Fjordkaffe.no")
        );
        let sellers: Vec<&str> = checked.filters.iter().map(|f| f.value.as_str()).collect();
        assert_eq!(sellers, ["PD001", "PD002"]);
        let nothing_else = input(&["csv"], false, "", &[], "").check().unwrap();
        assert!(nothing_else.destinations.is_empty() && nothing_else.providers.is_empty());
    }

    #[test]
    fn each_wrong_part_is_named_at_its_field() {
        assert_eq!(field(&input(&[], true, "", &[], "")), FIELD_FILETYPES);
        assert_eq!(field(&input(&["docx"], true, "", &[], "")), FIELD_FILETYPES);
        assert_eq!(
            field(&input(&["pdf"], false, "ok@x.no\nnot-an-address", &[], "")),
            FIELD_EMAILS
        );
        assert_eq!(field(&input(&["pdf"], false, "a@b", &[], "")), FIELD_EMAILS);
        assert_eq!(field(&input(&["pdf"], false, "", &["paypal"], "")), FIELD_PROVIDERS);
        assert_eq!(field(&input(&["pdf"], false, "", &["vipps"], "PD/001")), FIELD_SELLERS);
        assert_eq!(field(&input(&["pdf"], false, "", &[], &"x".repeat(41))), FIELD_SELLERS);
        let many = (0..=MAX_ITEMS)
            .map(|i| format!("p{i}@x.no"))
            .collect::<Vec<_>>()
            .join(",");
        assert_eq!(field(&input(&["pdf"], false, &many, &[], "")), FIELD_EMAILS);
        // The first wrong field in the form's order.
        assert_eq!(field(&input(&[], false, "bad", &["paypal"], "a b/c")), FIELD_FILETYPES);
    }

    #[test]
    fn a_configuration_fills_the_form_and_comes_back_the_same() {
        let config: ReportConfiguration = serde_json::from_value(serde_json::json!({
            "id": "c1",
            "filetypes": ["pdf", "csv"],
            "destinations": [
                {"id": "d1", "destination_type": "account_email"},
                {"id": "d2", "destination_type": "email", "destination_value": "regnskap@x.no"}
            ],
            "providers": ["vipps"],
            "filters": [{"filter": "payout_destination_id", "value": "PD001"}]
        }))
        .unwrap();
        let form = ConfigInput::from_configuration(&config);
        assert!(form.has_filetype("pdf") && form.has_filetype("csv") && !form.has_filetype("xml"));
        assert!(form.sends_to_account_email() && form.has_provider("vipps"));
        assert_eq!(
            (form.emails.as_str(), form.sellers.as_str()),
            ("regnskap@x.no", "PD001")
        );
        let checked = form.check().unwrap();
        assert_eq!(checked.filetypes, config.filetypes);
        assert_eq!(checked.providers, config.providers);
        assert_eq!(checked.filters, config.filters);
    }

    #[test]
    fn kept_fields_give_the_same_form_back() {
        let typed = input(&["json"], true, "bad address", &["klarna"], "PD009");
        let kept = crate::auth::KeptInput(typed.kept_fields().into_iter().collect());
        assert_eq!(ConfigInput::default().or_kept(&kept), typed);
        let nothing = crate::auth::KeptInput::default();
        assert_eq!(typed.clone().or_kept(&nothing), typed);
    }

    #[test]
    fn dintero_s_pointers_name_the_form_s_fields() {
        assert_eq!(
            field_of_pointer("/destinations/1/destination_value"),
            Some(FIELD_EMAILS)
        );
        assert_eq!(field_of_pointer("/filetypes/0"), Some(FIELD_FILETYPES));
        assert_eq!(field_of_pointer("/filters/0/value"), Some(FIELD_SELLERS));
        assert_eq!(field_of_pointer("/send_every"), None);
    }
}
