//! Adding a terminated merchant to MATCH or VMSS: [`TerminationInput`], the form, checked field by
//! field and turned into Mastercard's or Visa's body (sent by [`super::write::terminate_merchant`]
//! once it is confirmed, audited as `match.terminate` or `vmss.terminate`).

use serde::{Deserialize, Serialize};

use super::codes::{MATCH_TERMINATION_REASONS, VMSS_REASONS};
use super::criteria::{alpha3, Criteria, PrincipalInput};
use crate::dintero::compliance::{
    MatchTerminateRequest, MatchTerminatedMerchant, MatchTermination, TerminationReason, VmssAddress, VmssPrincipal,
    VmssTerminateRequest, VmssTerminatedRecord, YesNo,
};
use crate::error::AppError;
use crate::i18n::key;

/// The registers: `match` (Mastercard) and `vmss` (Visa).
pub const REGISTERS: [&str; 2] = ["match", "vmss"];

/// A termination as typed. Field names are the form's (and the query's on the confirmation step).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TerminationInput {
    /// `match` or `vmss`.
    #[serde(default)]
    pub register: String,
    #[serde(default)]
    pub business_name: String,
    #[serde(default)]
    pub trade_name: String,
    #[serde(default)]
    pub org_number: String,
    #[serde(default)]
    pub address_line: String,
    #[serde(default)]
    pub postal_code: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub phone_number: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub mcc: String,
    #[serde(default)]
    pub principal_first_name: String,
    #[serde(default)]
    pub principal_last_name: String,
    #[serde(default)]
    pub principal_email: String,
    #[serde(default)]
    pub principal_phone: String,
    /// The partner's own id of the merchant (MATCH `merchant_id`, VMSS acquirer-assigned id).
    #[serde(default)]
    pub merchant_id: String,
    /// `Y` or `N` (MATCH).
    #[serde(default)]
    pub proprietorship: String,
    /// A MATCH code (`04`) or a VMSS reason (`29-Bankruptcy/Liquidation/Insolvency`).
    #[serde(default)]
    pub reason: String,
    /// VMSS only.
    #[serde(default)]
    pub secondary_reason: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub start_date: String,
    #[serde(default)]
    pub end_date: String,
    #[serde(default)]
    pub comment: String,
}

/// The form's field names, in order (the query keys of the confirmation step).
pub const FIELDS: [&str; 23] = [
    "register",
    "business_name",
    "trade_name",
    "org_number",
    "address_line",
    "postal_code",
    "city",
    "country",
    "phone_number",
    "email",
    "website",
    "mcc",
    "principal_first_name",
    "principal_last_name",
    "principal_email",
    "principal_phone",
    "merchant_id",
    "proprietorship",
    "reason",
    "secondary_reason",
    "start_date",
    "end_date",
    "comment",
];

fn some(value: &str) -> Option<String> {
    Some(value.trim().to_owned()).filter(|v| !v.is_empty())
}

fn date(value: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}

impl TerminationInput {
    /// Filled in from the merchant's criteria, for `register`.
    pub fn from_criteria(register: &str, aid: &str, c: &Criteria) -> Self {
        let principal = c.filled_principals().next().cloned().unwrap_or_default();
        Self {
            register: register.to_owned(),
            business_name: c.business_name.clone(),
            trade_name: c.trade_name.clone(),
            org_number: c.org_number.clone(),
            address_line: c.address_line.clone(),
            postal_code: c.postal_code.clone(),
            city: c.city.clone(),
            country: c.country.clone(),
            phone_number: c.phone_number.clone(),
            email: c.email.clone(),
            website: c.website.clone(),
            mcc: c.mcc.clone(),
            principal_first_name: principal.first_name,
            principal_last_name: principal.last_name,
            principal_email: principal.email,
            principal_phone: principal.phone_number,
            merchant_id: aid.to_owned(),
            proprietorship: "N".into(),
            ..Default::default()
        }
    }

    /// The value of form field `name`.
    pub fn get(&self, name: &str) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.get(name).and_then(|v| v.as_str().map(str::to_owned)))
            .unwrap_or_default()
    }

    /// Read from form fields (`name` → value); missing ones empty.
    pub fn from_fields<'a>(fields: impl Iterator<Item = (&'a str, String)>) -> Self {
        let map: serde_json::Map<String, serde_json::Value> = fields
            .filter(|(k, _)| FIELDS.contains(k))
            .map(|(k, v)| (k.to_owned(), serde_json::Value::String(v)))
            .collect();
        serde_json::from_value(serde_json::Value::Object(map)).unwrap_or_default()
    }

    pub fn is_match(&self) -> bool {
        self.register == "match"
    }

    /// The merchant's facts as screening criteria (for the checks and the bodies they share).
    fn criteria(&self) -> Criteria {
        Criteria {
            business_name: self.business_name.clone(),
            trade_name: self.trade_name.clone(),
            org_number: self.org_number.clone(),
            address_line: self.address_line.clone(),
            postal_code: self.postal_code.clone(),
            city: self.city.clone(),
            country: self.country.clone(),
            phone_number: self.phone_number.clone(),
            email: self.email.clone(),
            website: self.website.clone(),
            mcc: self.mcc.clone(),
            principals: vec![PrincipalInput {
                first_name: self.principal_first_name.clone(),
                last_name: self.principal_last_name.clone(),
                email: self.principal_email.clone(),
                phone_number: self.principal_phone.clone(),
                date_of_birth: String::new(),
            }],
        }
    }

    /// Checks every field; the first wrong one is an [`AppError::Invalid`] naming it.
    pub fn check(&self) -> Result<(), AppError> {
        let invalid = |field: &str, key: &str| Err(AppError::invalid(field, key));
        if !REGISTERS.contains(&self.register.as_str()) {
            return invalid("register", key!("screening.error.register"));
        }
        // The shared fields are checked as the search checks them, under this form's names.
        if let Err(AppError::Invalid { field, message }) = self.criteria().check() {
            let name = field
                .trim_start_matches("criteria[")
                .trim_end_matches(']')
                .replace("principals][0][", "principal_")
                .replace("principal_phone_number", "principal_phone");
            return Err(AppError::Invalid { field: name, message });
        }
        if !self.is_match() && self.trade_name.trim().is_empty() {
            return invalid("trade_name", key!("screening.error.trade_name_vmss"));
        }
        if self.merchant_id.chars().count() > 64 {
            return invalid("merchant_id", key!("screening.error.too_long"));
        }
        if self.is_match() && !["Y", "N"].contains(&self.proprietorship.as_str()) {
            return invalid("proprietorship", key!("screening.error.proprietorship"));
        }
        let reason_ok = if self.is_match() {
            MATCH_TERMINATION_REASONS.contains(&self.reason.as_str())
        } else {
            VMSS_REASONS.contains(&self.reason.as_str())
        };
        if !reason_ok {
            return invalid("reason", key!("screening.error.reason"));
        }
        if !self.secondary_reason.is_empty() && !VMSS_REASONS.contains(&self.secondary_reason.as_str()) {
            return invalid("secondary_reason", key!("screening.error.reason"));
        }
        for (field, value) in [("start_date", &self.start_date), ("end_date", &self.end_date)] {
            if !value.trim().is_empty() && date(value).is_none() {
                return invalid(field, key!("screening.error.date"));
            }
        }
        let end = date(&self.end_date);
        if end.is_none() {
            return invalid("end_date", key!("screening.error.end_date"));
        }
        if let (Some(start), Some(end)) = (date(&self.start_date), end) {
            if end < start {
                return invalid("end_date", key!("screening.error.end_before_start"));
            }
        }
        if self.comment.chars().count() > 500 {
            return invalid("comment", key!("screening.error.too_long"));
        }
        Ok(())
    }

    /// Mastercard's body.
    pub fn to_match(&self) -> MatchTerminateRequest {
        MatchTerminateRequest {
            merchant: MatchTerminatedMerchant {
                merchant: self.criteria().match_merchant(),
                merchant_id: some(&self.merchant_id),
                is_proprietorship: Some(YesNo::from(self.proprietorship.as_str())),
                is_transaction_laundering: Some(if self.reason == "03" { YesNo::Yes } else { YesNo::No }),
            },
            termination: MatchTermination {
                termination_reason: TerminationReason::from(self.reason.as_str()),
                agreement_start_date: date(&self.start_date),
                agreement_termination_date: date(&self.end_date),
                comment: some(&self.comment),
            },
        }
    }

    /// Visa's body.
    pub fn to_vmss(&self) -> VmssTerminateRequest {
        let m = self.criteria().vmss_merchant();
        let principal = some(&format!(
            "{} {}",
            self.principal_first_name.trim(),
            self.principal_last_name.trim()
        ));
        VmssTerminateRequest {
            merchant: VmssTerminatedRecord {
                dba_name: m.dba_name,
                legal_name: m.legal_name,
                address: m.address.map(|a| VmssAddress {
                    country_or_region: a.country_or_region.filter(|c| alpha3(c).is_some()),
                    ..a
                }),
                principals: principal
                    .map(|name| VmssPrincipal {
                        name: Some(name),
                        business_phone_number: some(&self.principal_phone),
                        business_email_address: some(&self.principal_email),
                        ..Default::default()
                    })
                    .into_iter()
                    .collect(),
                contract_start_date: date(&self.start_date).map(|d| d.to_string()),
                contract_end_date: date(&self.end_date).map(|d| d.to_string()),
                business_phone_numbers: m.business_phone_numbers,
                business_email_address: m.business_email_address,
                primary_listing_reason: some(&self.reason),
                secondary_listing_reason: some(&self.secondary_reason),
                merchant_category_codes: m.merchant_category_codes,
                business_registration_number: m.business_registration_number,
                web_addresses: m.web_addresses,
                acquirer_assigned_merchant_id: some(&self.merchant_id),
                ..Default::default()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(register: &str) -> TerminationInput {
        TerminationInput {
            register: register.into(),
            business_name: "Svindel Import AS".into(),
            trade_name: "Svindel".into(),
            country: "NO".into(),
            proprietorship: "N".into(),
            reason: if register == "match" {
                "13".into()
            } else {
                VMSS_REASONS[5].into()
            },
            start_date: "2024-01-01".into(),
            end_date: "2026-11-01".into(),
            principal_last_name: "Hansen".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_termination_is_checked_and_sent_in_the_register_s_names() {
        assert!(input("match").check().is_ok());
        assert!(input("vmss").check().is_ok());
        let field = |i: &TerminationInput| i.check().unwrap_err().field().map(str::to_owned);
        let mut wrong = input("match");
        wrong.reason = "07".into();
        assert_eq!(field(&wrong).as_deref(), Some("reason"));
        let mut wrong = input("match");
        wrong.end_date = "2023-01-01".into();
        assert_eq!(field(&wrong).as_deref(), Some("end_date"));
        let mut wrong = input("vmss");
        wrong.principal_email = "nope".into();
        assert_eq!(field(&wrong).as_deref(), Some("principal_email"));
        let mut wrong = input("match");
        wrong.business_name = String::new();
        assert_eq!(field(&wrong).as_deref(), Some("business_name"));

        let mc = serde_json::to_value(input("match").to_match()).unwrap();
        assert_eq!(mc["merchant"]["business_name"], "Svindel Import AS");
        assert_eq!(mc["merchant"]["address"]["country"], "NOR");
        assert_eq!(mc["termination"]["termination_reason"], "13");
        assert_eq!(mc["termination"]["agreement_termination_date"], "2026-11-01");
        let visa = serde_json::to_value(input("vmss").to_vmss()).unwrap();
        assert_eq!(visa["merchant"]["DBAName"], "Svindel");
        assert_eq!(visa["merchant"]["primaryListingReason"], VMSS_REASONS[5]);
        assert_eq!(visa["merchant"]["principals"][0]["name"], "Hansen");

        let back = TerminationInput::from_fields(FIELDS.iter().map(|f| (*f, input("vmss").get(f))));
        assert_eq!(back, input("vmss"));
    }
}
