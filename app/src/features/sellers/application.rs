//! [`ApplicationInput`]: what a seller approval and a payment approval both ask for (the company,
//! its one bank account and who fills in Dintero's form), as typed, and [`ApplicationInput::check`],
//! which checks it before anything is sent: organisation numbers (NO mod-11, SE Luhn), IBAN
//! (mod-97 and the country's length), Norwegian BBAN (mod-11), BIC shape, e-mail. Each refusal names
//! its form field (`application[...]`), so the page marks it.

use serde::{Deserialize, Serialize};

use crate::dintero::approvals::{ApprovalsBankAccount, BankAccountNumberType, FormSubmitter};
use crate::error::AppError;
use crate::i18n::key;
use crate::validate::{is_email, is_iban, is_norwegian_bban, is_org_number};

/// Countries a company or bank account may be in (the organisation number is checked for NO and SE).
pub const COUNTRIES: [&str; 4] = ["NO", "SE", "DK", "FI"];
/// Currencies of a bank account and of payouts.
pub const CURRENCIES: [&str; 4] = ["NOK", "SEK", "DKK", "EUR"];

/// The form field name of an application field: `application[country_code]`.
pub fn application_field(name: &str) -> String {
    format!("application[{name}]")
}

/// The name a field is kept under after a failed plain post: `prefix[name]` without `_code`, since
/// kept input leaves out every field whose name looks like a secret (`code`, `token`...), and
/// `country_code` is none.
pub fn kept_name(prefix: &str, name: &str) -> String {
    format!("{prefix}[{}]", name.replace("_code", ""))
}

/// The fields, in form order (also the order refusals are reported in).
pub const APPLICATION_FIELDS: [&str; 12] = [
    "country_code",
    "organization_number",
    "bank_account_currency",
    "payout_currency",
    "bank_account_number_type",
    "bank_account_number",
    "bank_name",
    "bank_identification_code",
    "bank_account_country_code",
    "submitter_name",
    "submitter_title",
    "submitter_email",
];

/// An application as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ApplicationInput {
    #[serde(default)]
    pub country_code: String,
    #[serde(default)]
    pub organization_number: String,
    #[serde(default)]
    pub bank_account_currency: String,
    #[serde(default)]
    pub payout_currency: String,
    /// `IBAN` or `BBAN`.
    #[serde(default)]
    pub bank_account_number_type: String,
    #[serde(default)]
    pub bank_account_number: String,
    #[serde(default)]
    pub bank_name: String,
    #[serde(default)]
    pub bank_identification_code: String,
    #[serde(default)]
    pub bank_account_country_code: String,
    #[serde(default)]
    pub submitter_name: String,
    #[serde(default)]
    pub submitter_title: String,
    #[serde(default)]
    pub submitter_email: String,
}

/// A checked application, ready for Dintero.
#[derive(Debug, Clone, PartialEq)]
pub struct Application {
    pub country_code: String,
    pub organization_number: String,
    pub bank_account: ApprovalsBankAccount,
    pub form_submitter: Option<FormSubmitter>,
}

impl ApplicationInput {
    /// The value of field `name` (one of [`APPLICATION_FIELDS`]).
    pub fn get(&self, name: &str) -> &str {
        match name {
            "country_code" => &self.country_code,
            "organization_number" => &self.organization_number,
            "bank_account_currency" => &self.bank_account_currency,
            "payout_currency" => &self.payout_currency,
            "bank_account_number_type" => &self.bank_account_number_type,
            "bank_account_number" => &self.bank_account_number,
            "bank_name" => &self.bank_name,
            "bank_identification_code" => &self.bank_identification_code,
            "bank_account_country_code" => &self.bank_account_country_code,
            "submitter_name" => &self.submitter_name,
            "submitter_title" => &self.submitter_title,
            "submitter_email" => &self.submitter_email,
            _ => "",
        }
    }

    fn set(&mut self, name: &str, value: String) {
        let slot = match name {
            "country_code" => &mut self.country_code,
            "organization_number" => &mut self.organization_number,
            "bank_account_currency" => &mut self.bank_account_currency,
            "payout_currency" => &mut self.payout_currency,
            "bank_account_number_type" => &mut self.bank_account_number_type,
            "bank_account_number" => &mut self.bank_account_number,
            "bank_name" => &mut self.bank_name,
            "bank_identification_code" => &mut self.bank_identification_code,
            "bank_account_country_code" => &mut self.bank_account_country_code,
            "submitter_name" => &mut self.submitter_name,
            "submitter_title" => &mut self.submitter_title,
            "submitter_email" => &mut self.submitter_email,
            _ => return,
        };
        *slot = value;
    }

    /// A new application for a company in `country` with `organization_number` (from the merchant's
    /// account), paid out in the country's currency.
    pub fn for_company(country: Option<&str>, organization_number: Option<&str>) -> Self {
        let country = country.filter(|c| COUNTRIES.contains(c)).unwrap_or("NO");
        let currency = match country {
            "SE" => "SEK",
            "DK" => "DKK",
            "FI" => "EUR",
            _ => "NOK",
        };
        Self {
            country_code: country.to_owned(),
            organization_number: organization_number.unwrap_or_default().to_owned(),
            bank_account_currency: currency.to_owned(),
            payout_currency: currency.to_owned(),
            bank_account_number_type: if country == "NO" { "BBAN" } else { "IBAN" }.to_owned(),
            bank_account_country_code: country.to_owned(),
            ..Default::default()
        }
    }

    /// The fields as name/value pairs, to keep after a failed plain post (see [`kept_name`]).
    pub fn kept_fields(&self) -> Vec<(String, String)> {
        APPLICATION_FIELDS
            .iter()
            .map(|name| (kept_name("application", name), self.get(name).to_owned()))
            .collect()
    }

    /// `self` with what was kept after a failed plain post, if anything was.
    pub fn or_kept(mut self, kept: &crate::auth::KeptInput) -> Self {
        if kept.0.contains_key(&kept_name("application", "organization_number")) {
            for name in APPLICATION_FIELDS {
                self.set(name, kept.get(&kept_name("application", name)));
            }
        }
        self
    }

    /// Checks everything, in form order; the first wrong field is an [`AppError::Invalid`] naming it.
    pub fn check(&self) -> Result<Application, AppError> {
        let invalid = |name: &str, key: &str| AppError::invalid(&application_field(name), key);
        let country = self.country_code.trim().to_ascii_uppercase();
        if !COUNTRIES.contains(&country.as_str()) {
            return Err(invalid("country_code", key!("sellers.error.country")));
        }
        let organization_number = self.organization_number.trim();
        if organization_number.is_empty() {
            return Err(invalid("organization_number", key!("sellers.error.required")));
        }
        if !is_org_number(&country, organization_number) || organization_number.chars().count() > 40 {
            return Err(invalid(
                "organization_number",
                match country.as_str() {
                    "NO" => key!("sellers.error.org_number_no"),
                    "SE" => key!("sellers.error.org_number_se"),
                    _ => key!("sellers.error.org_number"),
                },
            ));
        }
        let currency = |name: &str, value: &str| {
            let value = value.trim().to_ascii_uppercase();
            if CURRENCIES.contains(&value.as_str()) {
                Ok(value)
            } else {
                Err(invalid(name, key!("sellers.error.currency")))
            }
        };
        let bank_account_currency = currency("bank_account_currency", &self.bank_account_currency)?;
        let payout_currency = currency("payout_currency", &self.payout_currency)?;
        let kind = match self.bank_account_number_type.trim() {
            "IBAN" => BankAccountNumberType::Iban,
            "BBAN" => BankAccountNumberType::Bban,
            _ => return Err(invalid("bank_account_number_type", key!("sellers.error.number_type"))),
        };
        let bank_country = self.bank_account_country_code.trim().to_ascii_uppercase();
        let number = bank_account_number(&kind, &self.bank_account_number, &bank_country)
            .map_err(|key| invalid("bank_account_number", key))?;
        let bank_name = self.bank_name.trim();
        if bank_name.chars().count() > 100 {
            return Err(invalid("bank_name", key!("sellers.error.too_long")));
        }
        let bic = self.bank_identification_code.trim().to_ascii_uppercase();
        if !bic.is_empty() && !is_bic(&bic) {
            return Err(invalid("bank_identification_code", key!("sellers.error.bic")));
        }
        if !COUNTRIES.contains(&bank_country.as_str()) {
            return Err(invalid("bank_account_country_code", key!("sellers.error.country")));
        }
        for name in ["submitter_name", "submitter_title"] {
            if self.get(name).trim().chars().count() > 100 {
                return Err(invalid(name, key!("sellers.error.too_long")));
            }
        }
        let email = self.submitter_email.trim();
        if !email.is_empty() && !is_email(email) {
            return Err(invalid("submitter_email", key!("sellers.error.email")));
        }
        let optional = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let submitter = FormSubmitter {
            email: optional(email),
            name: optional(&self.submitter_name),
            title: optional(&self.submitter_title),
        };
        Ok(Application {
            organization_number: organization_number.split_whitespace().collect(),
            bank_account: ApprovalsBankAccount {
                bank_account_currency,
                payout_currency,
                bank_name: optional(bank_name),
                bank_account_number: Some(number),
                bank_account_number_type: Some(kind),
                bank_account_country_code: Some(bank_country),
                bank_identification_code: Some(bic).filter(|b| !b.is_empty()),
            },
            form_submitter: (submitter != FormSubmitter::default()).then_some(submitter),
            country_code: country,
        })
    }
}

/// The account number as Dintero wants it (an IBAN compact and upper case; a BBAN without spaces
/// and dots), or the translation key of what is wrong with it.
fn bank_account_number(kind: &BankAccountNumberType, typed: &str, bank_country: &str) -> Result<String, &'static str> {
    let compact: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect::<String>()
        .to_ascii_uppercase();
    if compact.is_empty() {
        return Err(key!("sellers.error.required"));
    }
    match kind {
        BankAccountNumberType::Iban => {
            if !is_iban(&compact) {
                Err(key!("sellers.error.iban"))
            } else if COUNTRIES.contains(&bank_country) && !compact.starts_with(bank_country) {
                Err(key!("sellers.error.iban_country"))
            } else {
                Ok(compact)
            }
        }
        _ if bank_country == "NO" => {
            if is_norwegian_bban(&compact) {
                Ok(compact)
            } else {
                Err(key!("sellers.error.bban_no"))
            }
        }
        _ => {
            if (5..=30).contains(&compact.len()) && compact.chars().all(|c| c.is_ascii_alphanumeric()) {
                Ok(compact)
            } else {
                Err(key!("sellers.error.bban"))
            }
        }
    }
}

/// A BIC (ISO 9362): bank (4 letters), country (2 letters), location (2), optional branch (3).
pub fn is_bic(s: &str) -> bool {
    let b = s.as_bytes();
    matches!(b.len(), 8 | 11)
        && b[..6].iter().all(u8::is_ascii_uppercase)
        && b[6..].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> ApplicationInput {
        ApplicationInput {
            bank_account_number: "8601.11.17947".into(),
            bank_name: "DNB".into(),
            bank_identification_code: "dnbanokkxxx".into(),
            submitter_email: "kari@fjordkaffe.no".into(),
            ..ApplicationInput::for_company(Some("NO"), Some("923 609 016"))
        }
    }

    fn refused(input: &ApplicationInput) -> (String, String) {
        match input.check() {
            Err(AppError::Invalid { field, message }) => (field, message),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn a_valid_norwegian_application_is_normalised() {
        let checked = valid().check().unwrap();
        assert_eq!(checked.organization_number, "923609016");
        assert_eq!(checked.bank_account.bank_account_number.as_deref(), Some("86011117947"));
        assert_eq!(
            checked.bank_account.bank_identification_code.as_deref(),
            Some("DNBANOKKXXX")
        );
        assert_eq!(checked.bank_account.bank_account_currency, "NOK");
        let submitter = checked.form_submitter.unwrap();
        assert_eq!(submitter.email.as_deref(), Some("kari@fjordkaffe.no"));
        assert_eq!(submitter.name, None);
    }

    #[test]
    fn ibans_are_checked_by_mod_97_length_and_country() {
        let mut input = valid();
        input.bank_account_number_type = "IBAN".into();
        input.bank_account_number = "NO93 8601 1117 947".into();
        assert_eq!(
            input.check().unwrap().bank_account.bank_account_number.as_deref(),
            Some("NO9386011117947")
        );
        for (number, key) in [
            ("NO9386011117948", key!("sellers.error.iban")),
            ("NO938601111794", key!("sellers.error.iban")),
            ("SE4550000000058398257466", key!("sellers.error.iban_country")),
            ("", key!("sellers.error.required")),
        ] {
            input.bank_account_number = number.into();
            assert_eq!(
                refused(&input),
                ("application[bank_account_number]".into(), key.into()),
                "{number}"
            );
        }
        input.bank_account_country_code = "SE".into();
        input.bank_account_number = "SE4550000000058398257466".into();
        assert!(input.check().is_ok());
    }

    #[test]
    fn norwegian_bbans_are_checked_by_mod_11() {
        let mut input = valid();
        input.bank_account_number = "86011117948".into();
        assert_eq!(refused(&input).1, key!("sellers.error.bban_no"));
        input.bank_account_number = "8601111794".into();
        assert_eq!(refused(&input).1, key!("sellers.error.bban_no"));
        input.bank_account_number = "1234.56.78903".into();
        assert!(input.check().is_ok());
    }

    #[test]
    fn organisation_numbers_are_checked_for_the_country() {
        let mut input = valid();
        input.organization_number = "923609017".into();
        assert_eq!(
            refused(&input),
            (
                "application[organization_number]".into(),
                key!("sellers.error.org_number_no").into()
            )
        );
        input.country_code = "SE".into();
        input.organization_number = "556036-0794".into();
        assert_eq!(refused(&input).1, key!("sellers.error.org_number_se"));
        input.organization_number = "556036-0793".into();
        assert!(input.check().is_ok());
        input.organization_number = " ".into();
        assert_eq!(refused(&input).1, key!("sellers.error.required"));
        input.organization_number = "556036-0793".into();
        input.country_code = "US".into();
        assert_eq!(refused(&input).0, "application[country_code]");
    }

    #[test]
    fn other_fields_are_named_when_wrong() {
        let cases: [(&str, &str, &str); 5] = [
            ("bank_account_currency", "USD", key!("sellers.error.currency")),
            ("bank_account_number_type", "", key!("sellers.error.number_type")),
            ("bank_identification_code", "DNB", key!("sellers.error.bic")),
            ("submitter_email", "kari@", key!("sellers.error.email")),
            ("bank_account_country_code", "", key!("sellers.error.country")),
        ];
        for (field, value, key) in cases {
            let mut input = valid();
            input.set(field, value.into());
            if field == "bank_account_country_code" {
                input.bank_account_number_type = "IBAN".into();
                input.bank_account_number = "NO9386011117947".into();
            }
            assert_eq!(refused(&input), (application_field(field), key.into()), "{field}");
        }
        assert!(is_bic("DNBANOKK") && is_bic("ESSESESS123") && !is_bic("DNBANOK") && !is_bic("1NBANOKK"));
    }

    #[test]
    fn kept_fields_come_back() {
        let mut input = valid();
        input.bank_account_number = "wrong".into();
        let kept = crate::auth::KeptInput(input.kept_fields().into_iter().collect());
        assert_eq!(ApplicationInput::default().or_kept(&kept), input);
        // Kept input drops names that look like secrets; none of these may.
        for (name, _) in input.kept_fields() {
            assert!(
                !["code", "token", "password", "secret"].iter().any(|s| name.contains(s)),
                "{name}"
            );
        }
        let nothing = crate::auth::KeptInput::default();
        assert_eq!(valid().or_kept(&nothing), valid());
    }
}
