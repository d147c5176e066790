//! [`CddInput`]: a new customer due diligence case as typed (the company, the products, the checks
//! the provider runs, what happens on approval), and [`CddInput::check`], which makes Dintero's
//! [`NewCddCase`] for the merchant.

use serde::{Deserialize, Serialize};

use super::application::{kept_name, COUNTRIES};
use crate::dintero::cdd::{ActionOnApproval, ApprovalProduct, CaseFor, CaseRequest, CddCheck, NewCddCase};
use crate::error::AppError;
use crate::i18n::key;
use crate::validate::{is_org_number, is_payout_destination_id};

/// The checkboxes of each group: (field, Dintero's value, translation key).
pub const CDD_PRODUCTS: [(&str, &str, &str); 2] = [
    ("checkout", "checkout", key!("sellers.product.checkout")),
    ("payout", "payout", key!("sellers.product.payout")),
];
pub const CDD_CHECKS: [(&str, &str, &str); 3] = [
    ("kyc", "KYC", key!("sellers.check.kyc")),
    ("aml", "AML", key!("sellers.check.aml")),
    ("bank_ownership", "BANK_OWNERSHIP", key!("sellers.check.bank_ownership")),
];
pub const CDD_ACTIONS: [(&str, &str, &str); 2] = [
    (
        "enable_checkout_account",
        "enable_checkout_account",
        key!("sellers.action.enable_checkout_account"),
    ),
    (
        "enable_payout_account",
        "enable_payout_account",
        key!("sellers.action.enable_payout_account"),
    ),
];
/// The text fields, in form order.
pub const CDD_TEXT_FIELDS: [&str; 4] = [
    "country_code",
    "organization_number",
    "payout_destination_id",
    "package",
];

/// The form field name of a CDD field: `cdd[kyc]`.
pub fn cdd_field(name: &str) -> String {
    format!("cdd[{name}]")
}

/// A CDD case as typed; a checkbox counts when its value is not empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CddInput {
    #[serde(default)]
    pub country_code: String,
    #[serde(default)]
    pub organization_number: String,
    #[serde(default)]
    pub checkout: String,
    #[serde(default)]
    pub payout: String,
    #[serde(default)]
    pub kyc: String,
    #[serde(default)]
    pub aml: String,
    #[serde(default)]
    pub bank_ownership: String,
    #[serde(default)]
    pub require_contract_signing: String,
    #[serde(default)]
    pub enable_checkout_account: String,
    #[serde(default)]
    pub enable_payout_account: String,
    /// The seller the case is for, if it is for one.
    #[serde(default)]
    pub payout_destination_id: String,
    /// Dintero's pricing strategy, if any.
    #[serde(default)]
    pub package: String,
}

impl CddInput {
    /// The value of field `name`.
    pub fn get(&self, name: &str) -> &str {
        match name {
            "country_code" => &self.country_code,
            "organization_number" => &self.organization_number,
            "checkout" => &self.checkout,
            "payout" => &self.payout,
            "kyc" => &self.kyc,
            "aml" => &self.aml,
            "bank_ownership" => &self.bank_ownership,
            "require_contract_signing" => &self.require_contract_signing,
            "enable_checkout_account" => &self.enable_checkout_account,
            "enable_payout_account" => &self.enable_payout_account,
            "payout_destination_id" => &self.payout_destination_id,
            "package" => &self.package,
            _ => "",
        }
    }

    fn set(&mut self, name: &str, value: String) {
        let slot = match name {
            "country_code" => &mut self.country_code,
            "organization_number" => &mut self.organization_number,
            "checkout" => &mut self.checkout,
            "payout" => &mut self.payout,
            "kyc" => &mut self.kyc,
            "aml" => &mut self.aml,
            "bank_ownership" => &mut self.bank_ownership,
            "require_contract_signing" => &mut self.require_contract_signing,
            "enable_checkout_account" => &mut self.enable_checkout_account,
            "enable_payout_account" => &mut self.enable_payout_account,
            "payout_destination_id" => &mut self.payout_destination_id,
            "package" => &mut self.package,
            _ => return,
        };
        *slot = value;
    }

    fn all_fields() -> impl Iterator<Item = &'static str> {
        CDD_TEXT_FIELDS
            .into_iter()
            .chain(CDD_PRODUCTS.iter().map(|(f, ..)| *f))
            .chain(CDD_CHECKS.iter().map(|(f, ..)| *f))
            .chain(CDD_ACTIONS.iter().map(|(f, ..)| *f))
            .chain(["require_contract_signing"])
    }

    /// What a new form starts with: the company from the merchant's account, Checkout, a KYC check,
    /// a contract to sign.
    pub fn start(country: &str, organization_number: &str) -> Self {
        Self {
            country_code: country.to_owned(),
            organization_number: organization_number.to_owned(),
            checkout: "on".into(),
            kyc: "on".into(),
            require_contract_signing: "on".into(),
            ..Default::default()
        }
    }

    pub fn kept_fields(&self) -> Vec<(String, String)> {
        Self::all_fields()
            .map(|name| (kept_name("cdd", name), self.get(name).to_owned()))
            .collect()
    }

    pub fn or_kept(mut self, kept: &crate::auth::KeptInput) -> Self {
        if kept.0.contains_key(&kept_name("cdd", "organization_number")) {
            for name in Self::all_fields() {
                self.set(name, kept.get(&kept_name("cdd", name)));
            }
        }
        self
    }

    /// Checks the case in form order; the first wrong field is an [`AppError::Invalid`] naming it.
    pub fn check(&self, aid: &str) -> Result<NewCddCase, AppError> {
        let invalid = |name: &str, key: &str| AppError::invalid(&cdd_field(name), key);
        let on = |name: &str| !self.get(name).is_empty();
        let country = self.country_code.trim().to_ascii_uppercase();
        if !COUNTRIES.contains(&country.as_str()) {
            return Err(invalid("country_code", key!("sellers.error.country")));
        }
        let organization_number = self.organization_number.trim();
        if organization_number.is_empty() {
            return Err(invalid("organization_number", key!("sellers.error.required")));
        }
        if !is_org_number(&country, organization_number) {
            return Err(invalid(
                "organization_number",
                match country.as_str() {
                    "NO" => key!("sellers.error.org_number_no"),
                    "SE" => key!("sellers.error.org_number_se"),
                    _ => key!("sellers.error.org_number"),
                },
            ));
        }
        let seller = self.payout_destination_id.trim();
        if !seller.is_empty() && !is_payout_destination_id(seller) {
            return Err(invalid("payout_destination_id", key!("sellers.error.seller_id")));
        }
        let package = self.package.trim();
        if package.chars().count() > 100 {
            return Err(invalid("package", key!("sellers.error.too_long")));
        }
        let products: Vec<ApprovalProduct> = CDD_PRODUCTS
            .iter()
            .filter(|(field, ..)| on(field))
            .map(|(_, value, _)| ApprovalProduct::from(*value))
            .collect();
        if products.is_empty() {
            return Err(invalid("checkout", key!("sellers.error.product")));
        }
        let checks: Vec<CddCheck> = CDD_CHECKS
            .iter()
            .filter(|(field, ..)| on(field))
            .map(|(_, value, _)| CddCheck::from(*value))
            .collect();
        if checks.is_empty() {
            return Err(invalid("kyc", key!("sellers.error.check")));
        }
        let actions: Vec<ActionOnApproval> = CDD_ACTIONS
            .iter()
            .filter(|(field, ..)| on(field))
            .map(|(_, value, _)| ActionOnApproval::from(*value))
            .collect();
        Ok(NewCddCase {
            case_for: CaseFor {
                account_id: Some(aid.to_owned()),
                payout_destination_id: Some(seller.to_owned()).filter(|s| !s.is_empty()),
                ..Default::default()
            },
            products,
            case_request: CaseRequest {
                checks,
                country_code: Some(country),
                organization_number: Some(organization_number.split_whitespace().collect()),
                require_contract_signing: Some(on("require_contract_signing")),
                ..Default::default()
            },
            package: Some(package.to_owned()).filter(|p| !p.is_empty()),
            actions_on_approval: Some(actions).filter(|a| !a.is_empty()),
            payment_options: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_for_the_merchant() {
        let mut input = CddInput::start("NO", "923 609 016");
        input.enable_checkout_account = "on".into();
        let body = input.check("T11200001").unwrap();
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(json["case_for"], serde_json::json!({"account_id": "T11200001"}));
        assert_eq!(json["products"], serde_json::json!(["checkout"]));
        assert_eq!(json["case_request"]["checks"], serde_json::json!(["KYC"]));
        assert_eq!(json["case_request"]["organizationNumber"], "923609016");
        assert_eq!(json["case_request"]["requireContractSigning"], true);
        assert_eq!(
            json["actions_on_approval"],
            serde_json::json!(["enable_checkout_account"])
        );
        assert!(json.get("package").is_none());
    }

    #[test]
    fn wrong_fields_are_named() {
        let field = |input: &CddInput| input.check("T11200001").unwrap_err().field().map(str::to_owned);
        let mut input = CddInput::start("SE", "556036-0794");
        assert_eq!(field(&input).as_deref(), Some("cdd[organization_number]"));
        input.organization_number = "556036-0793".into();
        input.checkout = String::new();
        assert_eq!(field(&input).as_deref(), Some("cdd[checkout]"));
        input.payout = "on".into();
        input.kyc = String::new();
        assert_eq!(field(&input).as_deref(), Some("cdd[kyc]"));
        input.aml = "on".into();
        input.payout_destination_id = "a b".into();
        assert_eq!(field(&input).as_deref(), Some("cdd[payout_destination_id]"));
        input.payout_destination_id = "seller-1".into();
        assert!(input.check("T11200001").is_ok());
        let kept = crate::auth::KeptInput(input.kept_fields().into_iter().collect());
        assert_eq!(CddInput::default().or_kept(&kept), input);
    }
}
