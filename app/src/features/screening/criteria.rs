//! [`Criteria`]: what a screening asks MATCH and VMSS about one merchant, as an editable form.
//! Filled in from the merchant's account ([`Criteria::from_account`]: legal and display name,
//! organisation number, address, phone, e-mail, website, category code, and the applicant as the
//! principal owner), checked field by field ([`Criteria::check`]), and turned into Mastercard's and
//! Visa's request bodies ([`Criteria::to_match`], [`Criteria::to_vmss`]).

use serde::{Deserialize, Serialize};

use crate::dintero::accounts::Account;
use crate::dintero::compliance::{
    MatchMerchant, MatchRequestAddress, MatchRequestPrincipal, MatchSearchCriteria, MatchSearchRequest, VmssAddress,
    VmssMerchant, VmssPrincipal, VmssSearchRequest, YesNo,
};
use crate::error::AppError;
use crate::i18n::key;

/// Principal rows the form offers (filled ones first, then blank ones up to this many).
pub const PRINCIPAL_ROWS: usize = 3;
/// The longest text a field takes.
const MAX_TEXT: usize = 200;

/// One owner or officer of the merchant, as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PrincipalInput {
    #[serde(default)]
    pub first_name: String,
    #[serde(default)]
    pub last_name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone_number: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub date_of_birth: String,
}

impl PrincipalInput {
    pub fn is_blank(&self) -> bool {
        [
            &self.first_name,
            &self.last_name,
            &self.email,
            &self.phone_number,
            &self.date_of_birth,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }

    pub fn name(&self) -> String {
        format!("{} {}", self.first_name.trim(), self.last_name.trim())
            .trim()
            .to_owned()
    }
}

/// The merchant as a screening asks about it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Criteria {
    /// The legal name (MATCH `business_name`, VMSS `legalName`).
    #[serde(default)]
    pub business_name: String,
    /// The trading name (MATCH `trade_name`, VMSS `DBAName`).
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
    /// ISO 3166-1 alpha-2 (`NO`).
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub phone_number: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub website: String,
    /// The merchant category code (MCC), four digits.
    #[serde(default)]
    pub mcc: String,
    #[serde(default)]
    pub principals: Vec<PrincipalInput>,
}

/// The form name of a principal's field.
pub fn principal_field(index: usize, field: &str) -> String {
    format!("criteria[principals][{index}][{field}]")
}

/// The form name of one of the merchant's own fields.
pub fn criteria_field(field: &str) -> String {
    format!("criteria[{field}]")
}

fn text(value: &Option<String>) -> String {
    value.as_deref().unwrap_or_default().trim().to_owned()
}

fn some(value: &str) -> Option<String> {
    Some(value.trim().to_owned()).filter(|v| !v.is_empty())
}

impl Criteria {
    /// What the merchant's account says about it.
    pub fn from_account(account: &Account) -> Self {
        let company = account.company.clone().unwrap_or_default();
        let address = company.address.clone().unwrap_or_default();
        let mut principals = Vec::new();
        if let Some(applicant) = &account.applicant {
            let principal = PrincipalInput {
                first_name: text(&applicant.first_name),
                last_name: text(&applicant.last_name),
                email: text(&applicant.email),
                phone_number: text(&applicant.phone_number),
                date_of_birth: String::new(),
            };
            if !principal.is_blank() {
                principals.push(principal);
            }
        }
        Self {
            business_name: text(&company.business_name),
            trade_name: text(&company.display_name),
            org_number: text(&company.organization_number),
            address_line: [text(&address.address_line), text(&address.address_line_2)]
                .into_iter()
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            postal_code: text(&address.postal_code),
            city: text(&address.postal_place),
            country: text(&address.country).to_ascii_uppercase(),
            phone_number: text(&company.phone_number),
            email: text(&company.email),
            website: text(&company.website),
            mcc: text(&company.merchant_category_code)
                .chars()
                .take(4)
                .collect::<String>()
                .trim()
                .to_owned(),
            principals,
        }
        .or_mcc(account.merchant_category_code.as_deref())
    }

    fn or_mcc(mut self, mcc: Option<&str>) -> Self {
        if self.mcc.is_empty() {
            self.mcc = mcc.unwrap_or_default().trim().to_owned();
        }
        self
    }

    /// The principals that are not blank.
    pub fn filled_principals(&self) -> impl Iterator<Item = &PrincipalInput> {
        self.principals.iter().filter(|p| !p.is_blank())
    }

    /// Checks every field; the first wrong one is an [`AppError::Invalid`] naming it.
    pub fn check(&self) -> Result<(), AppError> {
        let invalid = |field: &str, key: &str| Err(AppError::invalid(&criteria_field(field), key));
        let name = self.business_name.trim();
        if name.is_empty() {
            return invalid("business_name", key!("screening.error.business_name"));
        }
        for (field, value) in [
            ("business_name", &self.business_name),
            ("trade_name", &self.trade_name),
            ("address_line", &self.address_line),
            ("city", &self.city),
            ("website", &self.website),
        ] {
            if value.chars().count() > MAX_TEXT {
                return invalid(field, key!("screening.error.too_long"));
            }
        }
        let org = self.org_number.trim();
        if org.len() > 32 || !org.chars().all(|c| c.is_ascii_alphanumeric() || " -".contains(c)) {
            return invalid("org_number", key!("screening.error.org_number"));
        }
        if self.postal_code.trim().len() > 16 {
            return invalid("postal_code", key!("screening.error.postal_code"));
        }
        let country = self.country.trim();
        if !country.is_empty() && alpha3(country).is_none() {
            return invalid("country", key!("screening.error.country"));
        }
        if !self.phone_number.trim().is_empty() && !crate::validate::is_phone_number(self.phone_number.trim()) {
            return invalid("phone_number", key!("screening.error.phone"));
        }
        if !self.email.trim().is_empty() && !crate::validate::is_email(self.email.trim()) {
            return invalid("email", key!("screening.error.email"));
        }
        let mcc = self.mcc.trim();
        if !mcc.is_empty() && (mcc.len() != 4 || !mcc.chars().all(|c| c.is_ascii_digit())) {
            return invalid("mcc", key!("screening.error.mcc"));
        }
        for (i, p) in self.principals.iter().enumerate() {
            if p.is_blank() {
                continue;
            }
            let wrong = |field: &str, key: &str| Err(AppError::invalid(&principal_field(i, field), key));
            if p.last_name.trim().is_empty() {
                return wrong("last_name", key!("screening.error.principal_name"));
            }
            if p.name().chars().count() > MAX_TEXT {
                return wrong("last_name", key!("screening.error.too_long"));
            }
            if !p.email.trim().is_empty() && !crate::validate::is_email(p.email.trim()) {
                return wrong("email", key!("screening.error.email"));
            }
            if !p.phone_number.trim().is_empty() && !crate::validate::is_phone_number(p.phone_number.trim()) {
                return wrong("phone_number", key!("screening.error.phone"));
            }
            let dob = p.date_of_birth.trim();
            if !dob.is_empty() && chrono::NaiveDate::parse_from_str(dob, "%Y-%m-%d").is_err() {
                return wrong("date_of_birth", key!("screening.error.date"));
            }
        }
        Ok(())
    }

    /// The MATCH inquiry (worldwide).
    pub fn to_match(&self) -> MatchSearchRequest {
        MatchSearchRequest {
            merchant: self.match_merchant(),
            search_criteria: MatchSearchCriteria {
                search_all: Some(YesNo::Yes),
                ..Default::default()
            },
        }
    }

    /// The merchant as MATCH takes it (also for a termination).
    pub fn match_merchant(&self) -> MatchMerchant {
        let address = MatchRequestAddress {
            address_line: some(&self.address_line),
            address_line_2: None,
            city: some(&self.city),
            postal_code: some(&self.postal_code),
            country: alpha3(self.country.trim()).map(str::to_owned),
        };
        let has_address = address != MatchRequestAddress::default();
        MatchMerchant {
            business_name: some(&self.business_name),
            trade_name: some(&self.trade_name),
            address: has_address.then_some(address),
            principals: self
                .filled_principals()
                .map(|p| MatchRequestPrincipal {
                    first_name: some(&p.first_name),
                    last_name: some(&p.last_name),
                    email: some(&p.email),
                    phone_number: some(&p.phone_number),
                    date_of_birth: chrono::NaiveDate::parse_from_str(p.date_of_birth.trim(), "%Y-%m-%d").ok(),
                    address: None,
                })
                .collect(),
            phone_number: some(&self.phone_number),
            merchant_category: some(&self.mcc),
            website_url: some(&self.website),
        }
    }

    /// The VMSS inquiry.
    pub fn to_vmss(&self) -> VmssSearchRequest {
        VmssSearchRequest {
            merchant: self.vmss_merchant(),
        }
    }

    /// The merchant in Visa's names.
    pub fn vmss_merchant(&self) -> VmssMerchant {
        let address = VmssAddress {
            street_address: some(&self.address_line),
            city: some(&self.city),
            state_or_province: None,
            zip_or_postal_code: some(&self.postal_code),
            country_or_region: some(&self.country.to_ascii_uppercase()),
        };
        let has_address = address != VmssAddress::default();
        VmssMerchant {
            dba_name: some(&self.trade_name).or_else(|| some(&self.business_name)),
            legal_name: some(&self.business_name),
            address: has_address.then_some(address),
            principals: self
                .filled_principals()
                .map(|p| VmssPrincipal {
                    name: some(&p.name()),
                    business_phone_number: some(&p.phone_number),
                    business_email_address: some(&p.email),
                    ..Default::default()
                })
                .collect(),
            business_phone_numbers: some(&self.phone_number).into_iter().collect(),
            business_email_address: some(&self.email),
            business_registration_number: some(&self.org_number.replace([' ', '-'], "")),
            web_addresses: some(&self.website).into_iter().collect(),
            merchant_category_codes: some(&self.mcc).into_iter().collect(),
            ..Default::default()
        }
    }

    /// Blank principal rows added up to [`PRINCIPAL_ROWS`] (at least one blank), for the form.
    pub fn with_blank_rows(mut self) -> Self {
        self.principals.retain(|p| !p.is_blank());
        let wanted = PRINCIPAL_ROWS.max(self.principals.len() + 1);
        self.principals.resize_with(wanted, PrincipalInput::default);
        self
    }
}

/// ISO alpha-3 of an alpha-2 country code (the Nordic and the countries MATCH listings often name).
pub fn alpha3(alpha2: &str) -> Option<&'static str> {
    const CODES: [(&str, &str); 20] = [
        ("NO", "NOR"),
        ("SE", "SWE"),
        ("DK", "DNK"),
        ("FI", "FIN"),
        ("IS", "ISL"),
        ("DE", "DEU"),
        ("GB", "GBR"),
        ("NL", "NLD"),
        ("EE", "EST"),
        ("LV", "LVA"),
        ("LT", "LTU"),
        ("PL", "POL"),
        ("FR", "FRA"),
        ("ES", "ESP"),
        ("IT", "ITA"),
        ("IE", "IRL"),
        ("US", "USA"),
        ("CA", "CAN"),
        ("AE", "ARE"),
        ("CH", "CHE"),
    ];
    let code = alpha2.trim().to_ascii_uppercase();
    CODES.iter().find(|(a2, _)| *a2 == code).map(|(_, a3)| *a3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account() -> Account {
        serde_json::from_value(serde_json::json!({
            "account_id": "T11200005",
            "merchant_category_code": "5462",
            "company": {"business_name": "Bakeri Bodø AS", "display_name": "Bakeri Bodø",
                "organization_number": "912345678", "phone_number": "+4791234567", "website": "https://b.example",
                "address": {"address_line": "Storgata 1", "postal_code": "8006", "postal_place": "Bodø", "country": "NO"}},
            "applicant": {"first_name": "Kari", "last_name": "Hansen", "email": "kari@b.example", "phone_number": "+4799999999"}
        }))
        .unwrap()
    }

    #[test]
    fn the_account_fills_both_requests() {
        let criteria = Criteria::from_account(&account());
        assert_eq!(criteria.mcc, "5462");
        assert_eq!(criteria.principals.len(), 1);
        let mc = serde_json::to_value(criteria.to_match()).unwrap();
        assert_eq!(mc["merchant"]["business_name"], "Bakeri Bodø AS");
        assert_eq!(mc["merchant"]["trade_name"], "Bakeri Bodø");
        assert_eq!(mc["merchant"]["address"]["country"], "NOR");
        assert_eq!(mc["merchant"]["principals"][0]["last_name"], "Hansen");
        assert_eq!(mc["search_criteria"]["search_all"], "Y");
        let visa = serde_json::to_value(criteria.to_vmss()).unwrap();
        assert_eq!(visa["merchant"]["legalName"], "Bakeri Bodø AS");
        assert_eq!(visa["merchant"]["DBAName"], "Bakeri Bodø");
        assert_eq!(visa["merchant"]["businessRegistrationNumber"], "912345678");
        assert_eq!(visa["merchant"]["address"]["countryOrRegion"], "NO");
        assert_eq!(visa["merchant"]["principals"][0]["name"], "Kari Hansen");
        assert!(criteria.check().is_ok());
    }

    #[test]
    fn a_wrong_field_is_named() {
        let field = |c: &Criteria| c.check().unwrap_err().field().map(str::to_owned);
        let mut c = Criteria::from_account(&account());
        c.business_name = " ".into();
        assert_eq!(field(&c).as_deref(), Some("criteria[business_name]"));
        let mut c = Criteria::from_account(&account());
        c.country = "XX".into();
        assert_eq!(field(&c).as_deref(), Some("criteria[country]"));
        let mut c = Criteria::from_account(&account()).with_blank_rows();
        assert_eq!(c.principals.len(), PRINCIPAL_ROWS);
        c.principals[1].first_name = "Ola".into();
        assert_eq!(field(&c).as_deref(), Some("criteria[principals][1][last_name]"));
        c.principals[1].last_name = "Nordmann".into();
        c.principals[1].date_of_birth = "1.2.1980".into();
        assert_eq!(field(&c).as_deref(), Some("criteria[principals][1][date_of_birth]"));
    }
}
