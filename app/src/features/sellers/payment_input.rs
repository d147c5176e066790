//! [`PaymentInput`]: the payment methods and products a payment approval applies for (checkboxes),
//! and [`PaymentInput::check`], which makes Dintero's [`NewPaymentApproval`] with the application.

use serde::{Deserialize, Serialize};

use super::application::ApplicationInput;
use crate::dintero::approvals::{ApprovalProduct, NewPaymentApproval, PaymentMethod, PaymentMethodItem, ProductItem};
use crate::error::AppError;
use crate::i18n::key;

/// The checkboxes: (field, what it applies for, translation key).
pub const PAYMENT_METHODS: [(&str, &str); 3] = [
    ("creditcard", key!("sellers.method.creditcard")),
    ("billie", key!("sellers.method.billie")),
    ("ipp", key!("sellers.method.ipp")),
];
pub const PRODUCTS: [(&str, &str); 2] = [
    ("checkout", key!("sellers.product.checkout")),
    ("payout", key!("sellers.product.payout")),
];

/// The form field name of a payment choice: `payment[creditcard]`.
pub fn payment_field(name: &str) -> String {
    format!("payment[{name}]")
}

/// Checked boxes (any value but empty counts).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PaymentInput {
    #[serde(default)]
    pub creditcard: String,
    #[serde(default)]
    pub billie: String,
    #[serde(default)]
    pub ipp: String,
    #[serde(default)]
    pub checkout: String,
    #[serde(default)]
    pub payout: String,
}

impl PaymentInput {
    pub fn is_checked(&self, name: &str) -> bool {
        let value = match name {
            "creditcard" => &self.creditcard,
            "billie" => &self.billie,
            "ipp" => &self.ipp,
            "checkout" => &self.checkout,
            "payout" => &self.payout,
            _ => return false,
        };
        !value.is_empty()
    }

    /// What a new form starts with: cards through Checkout.
    pub fn start() -> Self {
        Self {
            creditcard: "on".into(),
            checkout: "on".into(),
            ..Default::default()
        }
    }

    pub fn kept_fields(&self) -> Vec<(String, String)> {
        PAYMENT_METHODS
            .iter()
            .chain(PRODUCTS.iter())
            .map(|(name, _)| {
                (
                    payment_field(name),
                    if self.is_checked(name) { "on" } else { "" }.to_owned(),
                )
            })
            .collect()
    }

    pub fn or_kept(self, kept: &crate::auth::KeptInput) -> Self {
        if !kept.0.contains_key(&payment_field("creditcard")) {
            return self;
        }
        let get = |name: &str| kept.get(&payment_field(name));
        Self {
            creditcard: get("creditcard"),
            billie: get("billie"),
            ipp: get("ipp"),
            checkout: get("checkout"),
            payout: get("payout"),
        }
    }

    /// The application, then at least one payment method and one product.
    pub fn check(&self, application: &ApplicationInput) -> Result<NewPaymentApproval, AppError> {
        let checked = application.check()?;
        let payment_methods: Vec<PaymentMethodItem> = PAYMENT_METHODS
            .iter()
            .filter(|(name, _)| self.is_checked(name))
            .map(|(name, _)| PaymentMethodItem {
                payment_method: PaymentMethod::from(*name),
            })
            .collect();
        if payment_methods.is_empty() {
            return Err(AppError::invalid(
                &payment_field("creditcard"),
                key!("sellers.error.payment_method"),
            ));
        }
        let products: Vec<ProductItem> = PRODUCTS
            .iter()
            .filter(|(name, _)| self.is_checked(name))
            .map(|(name, _)| ProductItem {
                product: ApprovalProduct::from(*name),
            })
            .collect();
        if products.is_empty() {
            return Err(AppError::invalid(
                &payment_field("checkout"),
                key!("sellers.error.product"),
            ));
        }
        Ok(NewPaymentApproval {
            country_code: checked.country_code,
            organization_number: checked.organization_number,
            bank_accounts: vec![checked.bank_account],
            payment_methods,
            products,
            form_submitter: checked.form_submitter,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn application() -> ApplicationInput {
        ApplicationInput {
            bank_account_number: "86011117947".into(),
            ..ApplicationInput::for_company(Some("NO"), Some("923609016"))
        }
    }

    #[test]
    fn checked_boxes_become_dintero_s_lists() {
        let mut input = PaymentInput::start();
        input.ipp = "on".into();
        let body = input.check(&application()).unwrap();
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(
            json["payment_methods"],
            serde_json::json!([{"payment_method": "creditcard"}, {"payment_method": "ipp"}])
        );
        assert_eq!(json["products"], serde_json::json!([{"product": "checkout"}]));
        assert_eq!(json["bank_accounts"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn none_checked_is_refused_at_the_boxes() {
        let field = |input: &PaymentInput| input.check(&application()).unwrap_err().field().map(str::to_owned);
        assert_eq!(field(&PaymentInput::default()).as_deref(), Some("payment[creditcard]"));
        let only_method = PaymentInput {
            billie: "on".into(),
            ..Default::default()
        };
        assert_eq!(field(&only_method).as_deref(), Some("payment[checkout]"));
        let mut wrong = application();
        wrong.bank_account_number = "1".into();
        assert_eq!(
            PaymentInput::start().check(&wrong).unwrap_err().field(),
            Some("application[bank_account_number]")
        );
        let kept = crate::auth::KeptInput(only_method.kept_fields().into_iter().collect());
        assert_eq!(PaymentInput::start().or_kept(&kept), only_method);
    }
}
