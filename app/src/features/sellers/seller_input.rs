//! [`SellerInput`]: the seller's own fields of a new seller approval (payout destination id, name,
//! description, payout reference and interval), as typed, and [`check_seller`], which checks them
//! with the [`ApplicationInput`] into Dintero's [`NewSellerApproval`].

use serde::{Deserialize, Serialize};

use super::application::{Application, ApplicationInput};
use crate::dintero::approvals::{NewSellerApproval, PayoutIntervalType};
use crate::error::AppError;
use crate::i18n::key;
use crate::validate::is_payout_destination_id;

/// The seller's fields, in form order.
pub const SELLER_FIELDS: [&str; 5] = [
    "payout_destination_id",
    "payout_destination_name",
    "payout_destination_description",
    "payout_reference",
    "payout_interval_type",
];

/// The form field name of a seller field: `seller[payout_destination_id]`.
pub fn seller_field(name: &str) -> String {
    format!("seller[{name}]")
}

/// A seller as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SellerInput {
    #[serde(default)]
    pub payout_destination_id: String,
    #[serde(default)]
    pub payout_destination_name: String,
    #[serde(default)]
    pub payout_destination_description: String,
    #[serde(default)]
    pub payout_reference: String,
    /// `daily`, `weekly`, `monthly`, or empty (Dintero's default).
    #[serde(default)]
    pub payout_interval_type: String,
}

impl SellerInput {
    pub fn get(&self, name: &str) -> &str {
        match name {
            "payout_destination_id" => &self.payout_destination_id,
            "payout_destination_name" => &self.payout_destination_name,
            "payout_destination_description" => &self.payout_destination_description,
            "payout_reference" => &self.payout_reference,
            "payout_interval_type" => &self.payout_interval_type,
            _ => "",
        }
    }

    pub fn kept_fields(&self) -> Vec<(String, String)> {
        SELLER_FIELDS
            .iter()
            .map(|name| (seller_field(name), self.get(name).to_owned()))
            .collect()
    }

    /// `self` with what was kept after a failed plain post, if anything was.
    pub fn or_kept(self, kept: &crate::auth::KeptInput) -> Self {
        if !kept.0.contains_key(&seller_field("payout_destination_id")) {
            return self;
        }
        let get = |name: &str| kept.get(&seller_field(name));
        Self {
            payout_destination_id: get("payout_destination_id"),
            payout_destination_name: get("payout_destination_name"),
            payout_destination_description: get("payout_destination_description"),
            payout_reference: get("payout_reference"),
            payout_interval_type: get("payout_interval_type"),
        }
    }
}

/// Checks a new seller approval in form order (the company, then the seller's id, name and
/// description, then the bank account, then the payout reference and interval, then the form
/// submitter); the first wrong field is an [`AppError::Invalid`] naming it.
pub fn check_seller(seller: &SellerInput, application: &ApplicationInput) -> Result<NewSellerApproval, AppError> {
    let invalid = |name: &str, key: &str| AppError::invalid(&seller_field(name), key);
    // The company's fields come first in the form: check them (only) before the seller's.
    let company = ApplicationInput {
        country_code: application.country_code.clone(),
        organization_number: application.organization_number.clone(),
        ..ApplicationInput::for_company(Some("NO"), None)
    };
    if let Err(error) = company.check() {
        if matches!(
            error.field(),
            Some("application[country_code]" | "application[organization_number]")
        ) {
            return Err(error);
        }
    }
    let id = seller.payout_destination_id.trim();
    if id.is_empty() {
        return Err(invalid("payout_destination_id", key!("sellers.error.required")));
    }
    if !is_payout_destination_id(id) {
        return Err(invalid("payout_destination_id", key!("sellers.error.seller_id")));
    }
    let name = seller.payout_destination_name.trim();
    if name.is_empty() {
        return Err(invalid("payout_destination_name", key!("sellers.error.required")));
    }
    if name.chars().count() > 60 {
        return Err(invalid("payout_destination_name", key!("sellers.error.max_60")));
    }
    let description = seller.payout_destination_description.trim();
    if description.chars().count() > 1000 {
        return Err(invalid(
            "payout_destination_description",
            key!("sellers.error.max_1000"),
        ));
    }
    let Application {
        country_code,
        organization_number,
        bank_account,
        form_submitter,
    } = match application.check() {
        // The submitter comes after the payout fields in the form.
        Err(error) if error.field().is_some_and(|f| f.contains("submitter")) => {
            check_payout(seller)?;
            return Err(error);
        }
        other => other?,
    };
    let (payout_reference, payout_interval_type) = check_payout(seller)?;
    Ok(NewSellerApproval {
        payout_destination_id: id.to_owned(),
        payout_reference,
        country_code,
        organization_number,
        bank_accounts: vec![bank_account],
        payout_destination_name: Some(name.to_owned()),
        payout_destination_description: Some(description.to_owned()).filter(|d| !d.is_empty()),
        payout_interval_type,
        form_submitter,
    })
}

fn check_payout(seller: &SellerInput) -> Result<(String, Option<PayoutIntervalType>), AppError> {
    let invalid = |name: &str, key: &str| AppError::invalid(&seller_field(name), key);
    let reference = seller.payout_reference.trim();
    if reference.is_empty() {
        return Err(invalid("payout_reference", key!("sellers.error.required")));
    }
    if reference.chars().count() > 60 {
        return Err(invalid("payout_reference", key!("sellers.error.max_60")));
    }
    let interval = match seller.payout_interval_type.trim() {
        "" => None,
        "daily" => Some(PayoutIntervalType::Daily),
        "weekly" => Some(PayoutIntervalType::Weekly),
        "monthly" => Some(PayoutIntervalType::Monthly),
        _ => return Err(invalid("payout_interval_type", key!("sellers.error.interval"))),
    };
    Ok((reference.to_owned(), interval))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seller() -> SellerInput {
        SellerInput {
            payout_destination_id: "fjord-kaffe-sentrum".into(),
            payout_destination_name: "Fjord Kaffe Sentrum".into(),
            payout_destination_description: "AUTO_APPROVE".into(),
            payout_reference: "Fjord Kaffe".into(),
            payout_interval_type: "weekly".into(),
        }
    }

    fn application() -> ApplicationInput {
        ApplicationInput {
            bank_account_number: "86011117947".into(),
            ..ApplicationInput::for_company(Some("NO"), Some("923609016"))
        }
    }

    #[test]
    fn a_valid_seller_becomes_dintero_s_body() {
        let body = check_seller(&seller(), &application()).unwrap();
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(json["payout_destination_id"], "fjord-kaffe-sentrum");
        assert_eq!(json["payout_interval_type"], "weekly");
        assert_eq!(json["bank_accounts"][0]["bank_account_number"], "86011117947");
        assert_eq!(json["bank_accounts"][0]["bank_account_number_type"], "BBAN");
        assert_eq!(json["organization_number"], "923609016");
        assert!(json.get("form_submitter").is_none());
    }

    #[test]
    fn refusals_follow_the_form_order() {
        let field = |s: &SellerInput, a: &ApplicationInput| check_seller(s, a).unwrap_err().field().map(str::to_owned);
        let mut a = application();
        let mut s = seller();
        a.organization_number = "923609017".into();
        s.payout_destination_id = "with space".into();
        assert_eq!(field(&s, &a).as_deref(), Some("application[organization_number]"));
        a = application();
        assert_eq!(field(&s, &a).as_deref(), Some("seller[payout_destination_id]"));
        s = seller();
        a.bank_account_number = "86011117948".into();
        s.payout_reference = String::new();
        assert_eq!(field(&s, &a).as_deref(), Some("application[bank_account_number]"));
        a = application();
        a.submitter_email = "nope".into();
        assert_eq!(field(&s, &a).as_deref(), Some("seller[payout_reference]"));
        s = seller();
        assert_eq!(field(&s, &a).as_deref(), Some("application[submitter_email]"));
        a = application();
        s.payout_interval_type = "hourly".into();
        assert_eq!(field(&s, &a).as_deref(), Some("seller[payout_interval_type]"));
        s = seller();
        s.payout_destination_name = "x".repeat(61);
        assert_eq!(field(&s, &a).as_deref(), Some("seller[payout_destination_name]"));
    }

    #[test]
    fn kept_fields_come_back() {
        let kept = crate::auth::KeptInput(seller().kept_fields().into_iter().collect());
        assert_eq!(SellerInput::default().or_kept(&kept), seller());
    }
}
