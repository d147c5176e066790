//! Mastercard MATCH and Visa VMSS: searches, inquiries by IRN, adding terminated merchants (07-compliance-match-vmss.md).
//!
//! MATCH bodies are snake_case; VMSS bodies keep Visa's camelCase (`DBAName`, `taxID`, `SSN`), so
//! every VMSS field is renamed explicitly. Response parts the reference only infers are typed
//! leniently: every field optional, `null` accepted, identifiers given as number or string kept as
//! strings, unknown fields ignored.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

crate::open_enum! {
    /// A MATCH `merchant_match` indicator: how a listed field matched the inquiry.
    pub enum MatchIndicator {
        /// `M00`: no match.
        NoMatch = "M00",
        /// `M01`: exact match.
        Exact = "M01",
        /// `M02`: phonetic (or partial) match.
        Phonetic = "M02",
    }
}

crate::open_enum! {
    /// Mastercard's `Y`/`N` flags (`search_all`, `is_proprietorship`, `is_transaction_laundering`).
    pub enum YesNo {
        Yes = "Y",
        No = "N",
    }
}

crate::open_enum! {
    /// A MATCH termination reason code (Mastercard's codes; that Dintero uses exactly these is inferred).
    pub enum TerminationReason {
        QuestionableMerchant = "00",
        AccountDataCompromise = "01",
        CommonPointOfPurchase = "02",
        Laundering = "03",
        ExcessiveChargebacks = "04",
        ExcessiveFraud = "05",
        Coercion = "06",
        QuestionableMerchantAudit = "08",
        Bankruptcy = "09",
        ViolationOfStandards = "10",
        MerchantCollusion = "11",
        PciDssNonCompliance = "12",
        IllegalTransactions = "13",
        IdentityTheft = "14",
        Reason20 = "20",
        Reason21 = "21",
        Reason24 = "24",
    }
}

impl TerminationReason {
    /// What the code means, in English (Mastercard's rules; 20, 21 and 24 not verified).
    pub fn description(&self) -> &'static str {
        match self {
            Self::QuestionableMerchant => "Questionable merchant / under investigation",
            Self::AccountDataCompromise => "Account data compromise",
            Self::CommonPointOfPurchase => "Common point of purchase",
            Self::Laundering => "Laundering",
            Self::ExcessiveChargebacks => "Excessive chargebacks",
            Self::ExcessiveFraud => "Excessive fraud",
            Self::Coercion => "Coercion",
            Self::QuestionableMerchantAudit => "Mastercard questionable merchant audit program",
            Self::Bankruptcy => "Bankruptcy / liquidation / insolvency",
            Self::ViolationOfStandards => "Violation of standards",
            Self::MerchantCollusion => "Merchant collusion",
            Self::PciDssNonCompliance => "PCI DSS non-compliance",
            Self::IllegalTransactions => "Illegal transactions",
            Self::IdentityTheft => "Identity theft",
            Self::Reason20 | Self::Reason21 | Self::Reason24 => "Other reason (meaning not verified)",
            Self::Other(_) => "Unknown reason code",
        }
    }
}

crate::open_enum! {
    /// The emulator's VMSS match signal per field (not documented by Dintero: inferred).
    pub enum MatchSignal {
        Exact = "EXACT",
        Phonetic = "PHONETIC",
        NoMatch = "NONE",
    }
}

/// A string, or a number kept as its digits, or nothing.
fn lenient_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::Bool(b)) => Some(b.to_string()),
        _ => None,
    })
}

// ---------------------------------------------------------------- MATCH requests

/// Body of `POST /v1/accounts/{aid}/compliance-search/match`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MatchSearchRequest {
    pub merchant: MatchMerchant,
    pub search_criteria: MatchSearchCriteria,
}

/// The merchant asked about (or terminated).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MatchMerchant {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_name: Option<String>,
    /// The DBA name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trade_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<MatchRequestAddress>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub principals: Vec<MatchRequestPrincipal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// MCC, e.g. `5462`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website_url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MatchRequestAddress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line_2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// ISO alpha-3 (`NOR`, `SWE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MatchRequestPrincipal {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<MatchRequestAddress>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MatchSearchCriteria {
    /// `Y`: search worldwide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_all: Option<YesNo>,
    /// Mastercard region codes (`1`, `A`, `D`, ...).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub region: Vec<String>,
    /// ISO alpha-3 countries.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub country: Vec<String>,
}

/// Body of `POST /v1/accounts/{aid}/compliance-search/match/terminate`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchTerminateRequest {
    pub merchant: MatchTerminatedMerchant,
    pub termination: MatchTermination,
}

/// The search's merchant plus the acquirer's own facts about it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MatchTerminatedMerchant {
    #[serde(flatten)]
    pub merchant: MatchMerchant,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_proprietorship: Option<YesNo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_transaction_laundering: Option<YesNo>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchTermination {
    pub termination_reason: TerminationReason,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement_start_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement_termination_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

// ---------------------------------------------------------------- MATCH responses

/// A MATCH inquiry's page: the search's answer, and the answer of the lookup by IRN.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MatchInquiry {
    /// The offset of this page.
    #[serde(default)]
    pub starting_after: Option<u64>,
    /// The IRN, for [`DinteroClient::match_inquiry`](crate::dintero::DinteroClient).
    #[serde(default, deserialize_with = "lenient_string")]
    pub inquiry_reference_number: Option<String>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub possible_matches: Vec<PossibleMatch>,
}

impl MatchInquiry {
    /// Every terminated merchant on this page.
    pub fn terminated_merchants(&self) -> impl Iterator<Item = &TerminatedMerchant> {
        self.possible_matches.iter().flat_map(|p| p.terminated_merchants.iter())
    }

    /// How many listings matched in all (over every page).
    pub fn total(&self) -> u64 {
        self.possible_matches
            .iter()
            .map(|p| p.total_merchant_matches.unwrap_or(p.terminated_merchants.len() as u64))
            .sum()
    }

    /// The offset of the next page, if there is one.
    pub fn next_offset(&self) -> Option<u64> {
        let next = self.starting_after.unwrap_or(0) + self.terminated_merchants().count() as u64;
        (self.terminated_merchants().next().is_some() && next < self.total()).then_some(next)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PossibleMatch {
    #[serde(default)]
    pub total_merchant_matches: Option<u64>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub terminated_merchants: Vec<TerminatedMerchant>,
}

/// A listed merchant and how it matched.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TerminatedMerchant {
    #[serde(default)]
    pub merchant: Option<ListedMerchant>,
    #[serde(default)]
    pub merchant_match: Option<MerchantMatch>,
}

/// A merchant on the MATCH register (fields past `alt_phone_number` inferred from Mastercard).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListedMerchant {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub doing_business_as_name: Option<String>,
    #[serde(default)]
    pub address: Option<ListedAddress>,
    #[serde(default, deserialize_with = "lenient_string")]
    pub phone_number: Option<String>,
    #[serde(default, deserialize_with = "lenient_string")]
    pub alt_phone_number: Option<String>,
    #[serde(default, deserialize_with = "lenient_string")]
    pub national_tax_id: Option<String>,
    #[serde(default, deserialize_with = "lenient_string")]
    pub country_subdivision_tax_id: Option<String>,
    #[serde(default)]
    pub service_prov_legal: Option<String>,
    #[serde(default)]
    pub service_prov_dba: Option<String>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub url: Vec<String>,
    #[serde(
        default,
        alias = "principal",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub principals: Vec<ListedPrincipal>,
    #[serde(default)]
    pub added_on_date: Option<String>,
    #[serde(default)]
    pub termination_reason_code: Option<TerminationReason>,
    #[serde(default, deserialize_with = "lenient_string")]
    pub added_by_acquirer_id: Option<String>,
    /// Opaque (Mastercard's URL groups).
    #[serde(default)]
    pub url_group: Option<Value>,
    #[serde(default)]
    pub comments: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListedAddress {
    #[serde(default)]
    pub address_line_one: Option<String>,
    #[serde(default)]
    pub address_line_two: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub country_subdivision: Option<String>,
    #[serde(default)]
    pub province: Option<String>,
    #[serde(default, deserialize_with = "lenient_string")]
    pub postal_code: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
}

/// An owner or officer of a listed merchant (inferred from Mastercard).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListedPrincipal {
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub middle_initial: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub address: Option<ListedAddress>,
    #[serde(default, deserialize_with = "lenient_string")]
    pub phone_number: Option<String>,
    #[serde(default, deserialize_with = "lenient_string")]
    pub alt_phone_number: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub date_of_birth: Option<String>,
    #[serde(default, deserialize_with = "lenient_string")]
    pub national_id: Option<String>,
    /// Opaque (number, country, subdivision).
    #[serde(default)]
    pub drivers_license: Option<Value>,
}

/// Per-field match indicators of one listed merchant (inferred from Mastercard's `MerchantMatch`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MerchantMatch {
    #[serde(default)]
    pub name: Option<MatchIndicator>,
    #[serde(default)]
    pub doing_business_as_name: Option<MatchIndicator>,
    #[serde(default)]
    pub address: Option<MatchIndicator>,
    #[serde(default)]
    pub phone_number: Option<MatchIndicator>,
    #[serde(default)]
    pub alt_phone_number: Option<MatchIndicator>,
    #[serde(default)]
    pub country_subdivision_tax_id: Option<MatchIndicator>,
    #[serde(default)]
    pub national_tax_id: Option<MatchIndicator>,
    #[serde(default)]
    pub service_prov_legal: Option<MatchIndicator>,
    #[serde(default)]
    pub service_prov_dba: Option<MatchIndicator>,
    /// One per listed principal, in the same order.
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub principal_matches: Vec<PrincipalMatch>,
    /// One per listed URL, in the same order.
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub url_matches: Vec<UrlMatch>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PrincipalMatch {
    #[serde(default)]
    pub name: Option<MatchIndicator>,
    #[serde(default)]
    pub address: Option<MatchIndicator>,
    #[serde(default)]
    pub phone_number: Option<MatchIndicator>,
    #[serde(default)]
    pub alt_phone_number: Option<MatchIndicator>,
    #[serde(default)]
    pub national_id: Option<MatchIndicator>,
    #[serde(default)]
    pub drivers_license: Option<MatchIndicator>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UrlMatch {
    #[serde(default)]
    pub url: Option<MatchIndicator>,
}

/// Answer of `POST .../compliance-search/match/terminate`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchTerminateResponse {
    pub merchant_reference_number: i64,
}

// ---------------------------------------------------------------- VMSS

/// Body of `POST /v1/accounts/{aid}/compliance-search/vmss`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VmssSearchRequest {
    pub merchant: VmssMerchant,
}

/// The merchant asked about, in Visa's names.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VmssMerchant {
    #[serde(rename = "DBAName", default, skip_serializing_if = "Option::is_none")]
    pub dba_name: Option<String>,
    #[serde(rename = "legalName", default, skip_serializing_if = "Option::is_none")]
    pub legal_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<VmssAddress>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub principals: Vec<VmssPrincipal>,
    #[serde(
        rename = "businessPhoneNumbers",
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub business_phone_numbers: Vec<String>,
    #[serde(rename = "businessEmailAddress", default, skip_serializing_if = "Option::is_none")]
    pub business_email_address: Option<String>,
    #[serde(rename = "taxID", default, skip_serializing_if = "Option::is_none")]
    pub tax_id: Option<String>,
    #[serde(
        rename = "businessRegistrationNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub business_registration_number: Option<String>,
    /// Visa category code (optional since 2024-12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(rename = "tradeOverInternet", default, skip_serializing_if = "Option::is_none")]
    pub trade_over_internet: Option<bool>,
    #[serde(
        rename = "webAddresses",
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub web_addresses: Vec<String>,
    #[serde(
        rename = "merchantCategoryCodes",
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub merchant_category_codes: Vec<String>,
    #[serde(
        rename = "financialAccts",
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub financial_accts: Vec<VmssFinancialAccount>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VmssAddress {
    #[serde(rename = "streetAddress", default, skip_serializing_if = "Option::is_none")]
    pub street_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(rename = "stateOrProvince", default, skip_serializing_if = "Option::is_none")]
    pub state_or_province: Option<String>,
    #[serde(
        rename = "zipOrPostalCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub zip_or_postal_code: Option<String>,
    /// ISO alpha-2 (`NO`).
    #[serde(rename = "countryOrRegion", default, skip_serializing_if = "Option::is_none")]
    pub country_or_region: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VmssPrincipal {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "SSN", default, skip_serializing_if = "Option::is_none")]
    pub ssn: Option<String>,
    #[serde(rename = "principalID", default, skip_serializing_if = "Option::is_none")]
    pub principal_id: Option<String>,
    #[serde(rename = "passportNumber", default, skip_serializing_if = "Option::is_none")]
    pub passport_number: Option<String>,
    #[serde(rename = "driverLicenseNumber", default, skip_serializing_if = "Option::is_none")]
    pub driver_license_number: Option<String>,
    #[serde(rename = "residentIDOrNationalID", default, skip_serializing_if = "Option::is_none")]
    pub resident_id_or_national_id: Option<String>,
    #[serde(rename = "businessPhoneNumber", default, skip_serializing_if = "Option::is_none")]
    pub business_phone_number: Option<String>,
    #[serde(rename = "businessEmailAddress", default, skip_serializing_if = "Option::is_none")]
    pub business_email_address: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VmssFinancialAccount {
    #[serde(rename = "intBankAccountNumber", default, skip_serializing_if = "Option::is_none")]
    pub int_bank_account_number: Option<String>,
    #[serde(rename = "financialAccountNumber", default, skip_serializing_if = "Option::is_none")]
    pub financial_account_number: Option<String>,
    #[serde(rename = "financialInstitutionID", default, skip_serializing_if = "Option::is_none")]
    pub financial_institution_id: Option<String>,
}

/// A terminated merchant on the VMSS register: a matched record's `terminatedRecord`, and the
/// `merchant` of a VMSS termination.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VmssTerminatedRecord {
    #[serde(rename = "DBAName", default, skip_serializing_if = "Option::is_none")]
    pub dba_name: Option<String>,
    #[serde(rename = "legalName", default, skip_serializing_if = "Option::is_none")]
    pub legal_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<VmssAddress>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub category: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub principals: Vec<VmssPrincipal>,
    #[serde(
        rename = "cardAcceptorIDs",
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub card_acceptor_ids: Vec<String>,
    /// `YYYY-MM-DD`.
    #[serde(rename = "contractStartDate", default, skip_serializing_if = "Option::is_none")]
    pub contract_start_date: Option<String>,
    #[serde(rename = "contractEndDate", default, skip_serializing_if = "Option::is_none")]
    pub contract_end_date: Option<String>,
    #[serde(rename = "tradeOverInternet", default, skip_serializing_if = "Option::is_none")]
    pub trade_over_internet: Option<bool>,
    #[serde(rename = "tradeInternationally", default, skip_serializing_if = "Option::is_none")]
    pub trade_internationally: Option<bool>,
    #[serde(
        rename = "businessPhoneNumbers",
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub business_phone_numbers: Vec<String>,
    #[serde(rename = "businessEmailAddress", default, skip_serializing_if = "Option::is_none")]
    pub business_email_address: Option<String>,
    /// Visa's spelling (sic).
    #[serde(
        rename = "incorportationStatus",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub incorportation_status: Option<String>,
    /// E.g. `29-Bankruptcy/Liquidation/Insolvency`.
    #[serde(rename = "primaryListingReason", default, skip_serializing_if = "Option::is_none")]
    pub primary_listing_reason: Option<String>,
    #[serde(rename = "secondaryListingReason", default, skip_serializing_if = "Option::is_none")]
    pub secondary_listing_reason: Option<String>,
    #[serde(
        rename = "merchantCategoryCodes",
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub merchant_category_codes: Vec<String>,
    #[serde(rename = "taxID", default, skip_serializing_if = "Option::is_none")]
    pub tax_id: Option<String>,
    #[serde(
        rename = "businessRegistrationNumber",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub business_registration_number: Option<String>,
    #[serde(
        rename = "webAddresses",
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub web_addresses: Vec<String>,
    #[serde(
        rename = "financialAccts",
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub financial_accts: Vec<VmssFinancialAccount>,
    #[serde(
        rename = "paymentFacilitatorBID",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub payment_facilitator_bid: Option<String>,
    #[serde(
        rename = "acquirerAssignedMerchantID",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub acquirer_assigned_merchant_id: Option<String>,
}

/// Answer of `POST .../compliance-search/vmss`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VmssSearchResponse {
    #[serde(rename = "searchTerminatedResponse", default)]
    pub search_terminated_response: Option<SearchTerminatedResponse>,
    #[serde(default)]
    pub status: Option<VmssStatus>,
}

impl VmssSearchResponse {
    /// Every matched record (none when Visa found nothing).
    pub fn matched_records(&self) -> &[VmssMatchedRecord] {
        self.search_terminated_response
            .as_ref()
            .and_then(|r| r.possible_matches.as_ref())
            .map(|p| p.matched_records.as_slice())
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchTerminatedResponse {
    #[serde(rename = "possibleMatches", default)]
    pub possible_matches: Option<VmssPossibleMatches>,
    /// Opaque (`searchRequestRefID`, ...).
    #[serde(rename = "searchRequestRef", default)]
    pub search_request_ref: Option<Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VmssPossibleMatches {
    #[serde(
        rename = "matchedRecords",
        default,
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub matched_records: Vec<VmssMatchedRecord>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VmssMatchedRecord {
    #[serde(rename = "acquirerBID", default, deserialize_with = "lenient_string")]
    pub acquirer_bid: Option<String>,
    #[serde(rename = "acquirerName", default)]
    pub acquirer_name: Option<String>,
    #[serde(rename = "acquirerCountryOrRegion", default)]
    pub acquirer_country_or_region: Option<String>,
    #[serde(rename = "terminatedRefID", default, deserialize_with = "lenient_string")]
    pub terminated_ref_id: Option<String>,
    #[serde(rename = "terminatedRecord", default)]
    pub terminated_record: Option<VmssTerminatedRecord>,
    /// What matched, per field (the emulator's; inferred).
    #[serde(rename = "matchSignals", default)]
    pub match_signals: Option<VmssMatchSignals>,
}

/// Per-field signals of a VMSS match (inferred).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VmssMatchSignals {
    #[serde(rename = "DBAName", default)]
    pub dba_name: Option<MatchSignal>,
    #[serde(rename = "legalName", default)]
    pub legal_name: Option<MatchSignal>,
    #[serde(default)]
    pub address: Option<MatchSignal>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub principals: Vec<VmssPrincipalSignals>,
    #[serde(rename = "taxID", default)]
    pub tax_id: Option<MatchSignal>,
    #[serde(rename = "businessRegistrationNumber", default)]
    pub business_registration_number: Option<MatchSignal>,
    #[serde(rename = "businessPhoneNumbers", default)]
    pub business_phone_numbers: Option<MatchSignal>,
    #[serde(rename = "businessEmailAddress", default)]
    pub business_email_address: Option<MatchSignal>,
    #[serde(rename = "webAddresses", default)]
    pub web_addresses: Option<MatchSignal>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VmssPrincipalSignals {
    #[serde(default)]
    pub name: Option<MatchSignal>,
    #[serde(default)]
    pub identification: Option<MatchSignal>,
}

/// Visa's status, e.g. `API000` / `Success`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VmssStatus {
    #[serde(rename = "statusCode", default, deserialize_with = "lenient_string")]
    pub status_code: Option<String>,
    #[serde(rename = "statusDescription", default)]
    pub status_description: Option<String>,
}

/// Body of `POST .../compliance-search/vmss/terminate`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VmssTerminateRequest {
    pub merchant: VmssTerminatedRecord,
}

/// Answer of `POST .../compliance-search/vmss/terminate` (not documented: `terminatedRefID`
/// inferred; anything else Dintero sends is kept).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VmssTerminateResponse {
    #[serde(rename = "terminatedRefID", default, deserialize_with = "lenient_string")]
    pub terminated_ref_id: Option<String>,
    #[serde(flatten)]
    pub extra: serde_json::Map<String, Value>,
}

/// `limit` and `starting_after` as query pairs (absent ones left out).
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
fn paging(limit: Option<u32>, starting_after: Option<u64>) -> Vec<(&'static str, String)> {
    let mut query = Vec::new();
    if let Some(limit) = limit {
        query.push(("limit", limit.to_string()));
    }
    if let Some(offset) = starting_after {
        query.push(("starting_after", offset.to_string()));
    }
    query
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::dintero::wire::segment;
    use reqwest::Method;

    use super::{
        paging, MatchInquiry, MatchSearchRequest, MatchTerminateRequest, MatchTerminateResponse, VmssSearchRequest,
        VmssSearchResponse, VmssTerminateRequest, VmssTerminateResponse,
    };
    use crate::dintero::http::Auth;
    use crate::dintero::{DinteroClient, DinteroError};
    use crate::secret::Secret;

    impl DinteroClient {
        /// `POST /v1/accounts/{aid}/compliance-search/match`: a MATCH inquiry (sent once; one page).
        pub async fn match_search(
            &self,
            person: &Secret,
            aid: &str,
            body: &MatchSearchRequest,
            limit: Option<u32>,
            starting_after: Option<u64>,
        ) -> Result<MatchInquiry, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.write(
                Method::POST,
                &format!("/v1/accounts/{}/compliance-search/match", segment(aid)),
                Auth::Bearer(&token),
                &paging(limit, starting_after),
                Some(body),
            )
            .await
        }

        /// `GET /v1/accounts/{aid}/compliance-search/match/{irn}`: a page of a previous inquiry.
        pub async fn match_inquiry(
            &self,
            person: &Secret,
            aid: &str,
            irn: &str,
            limit: Option<u32>,
            starting_after: Option<u64>,
        ) -> Result<MatchInquiry, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.get(
                &format!("/v1/accounts/{}/compliance-search/match/{}", segment(aid), segment(irn)),
                Auth::Bearer(&token),
                &paging(limit, starting_after),
            )
            .await
        }

        /// `POST /v1/accounts/{aid}/compliance-search/match/terminate`: lists a terminated merchant on MATCH.
        pub async fn match_terminate(
            &self,
            person: &Secret,
            aid: &str,
            body: &MatchTerminateRequest,
        ) -> Result<MatchTerminateResponse, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.post(
                &format!("/v1/accounts/{}/compliance-search/match/terminate", segment(aid)),
                Auth::Bearer(&token),
                body,
            )
            .await
        }

        /// `POST /v1/accounts/{aid}/compliance-search/vmss`: a Visa VMSS inquiry.
        pub async fn vmss_search(
            &self,
            person: &Secret,
            aid: &str,
            body: &VmssSearchRequest,
        ) -> Result<VmssSearchResponse, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.post(
                &format!("/v1/accounts/{}/compliance-search/vmss", segment(aid)),
                Auth::Bearer(&token),
                body,
            )
            .await
        }

        /// `POST /v1/accounts/{aid}/compliance-search/vmss/terminate`: lists a terminated merchant on VMSS.
        pub async fn vmss_terminate(
            &self,
            person: &Secret,
            aid: &str,
            body: &VmssTerminateRequest,
        ) -> Result<VmssTerminateResponse, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.post(
                &format!("/v1/accounts/{}/compliance-search/vmss/terminate", segment(aid)),
                Auth::Bearer(&token),
                body,
            )
            .await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn termination_reasons_have_words_and_unknown_codes_survive() {
        assert_eq!(TerminationReason::KNOWN.len(), 17);
        assert_eq!(TerminationReason::from("04").description(), "Excessive chargebacks");
        let unknown: TerminationReason = serde_json::from_value(json!("99")).unwrap();
        assert_eq!(unknown, TerminationReason::Other("99".into()));
        assert_eq!(unknown.description(), "Unknown reason code");
        for reason in TerminationReason::KNOWN {
            assert!(!reason.description().is_empty());
        }
    }

    #[test]
    fn requests_serialize_only_what_is_set_in_dinteros_names() {
        let body = MatchTerminateRequest {
            merchant: MatchTerminatedMerchant {
                merchant: MatchMerchant {
                    business_name: Some("Snap AS".into()),
                    ..Default::default()
                },
                is_proprietorship: Some(YesNo::No),
                ..Default::default()
            },
            termination: MatchTermination {
                termination_reason: TerminationReason::IllegalTransactions,
                agreement_start_date: NaiveDate::from_ymd_opt(2013, 12, 31),
                agreement_termination_date: None,
                comment: None,
            },
        };
        assert_eq!(
            serde_json::to_value(&body).unwrap(),
            json!({
                "merchant": {"business_name": "Snap AS", "is_proprietorship": "N"},
                "termination": {"termination_reason": "13", "agreement_start_date": "2013-12-31"},
            })
        );
        let vmss = VmssSearchRequest {
            merchant: VmssMerchant {
                dba_name: Some("Snap".into()),
                tax_id: Some("GB1".into()),
                principals: vec![VmssPrincipal {
                    ssn: Some("1".into()),
                    resident_id_or_national_id: Some("2".into()),
                    ..Default::default()
                }],
                ..Default::default()
            },
        };
        assert_eq!(
            serde_json::to_value(&vmss).unwrap(),
            json!({"merchant": {"DBAName": "Snap", "taxID": "GB1",
                "principals": [{"SSN": "1", "residentIDOrNationalID": "2"}]}})
        );
    }

    #[test]
    fn paging_follows_the_offsets() {
        let page: MatchInquiry = serde_json::from_value(json!({
            "starting_after": 2,
            "inquiry_reference_number": 22772025031400002u64,
            "possible_matches": [{"total_merchant_matches": 5, "terminated_merchants": [{}, {}]}],
        }))
        .unwrap();
        assert_eq!(page.inquiry_reference_number.as_deref(), Some("22772025031400002"));
        assert_eq!(page.total(), 5);
        assert_eq!(page.next_offset(), Some(4));
        let last: MatchInquiry = serde_json::from_value(json!({
            "starting_after": 4, "possible_matches": [{"total_merchant_matches": 5, "terminated_merchants": [{}]}],
        }))
        .unwrap();
        assert_eq!(last.next_offset(), None);
        assert_eq!(MatchInquiry::default().next_offset(), None);
        #[cfg(feature = "ssr")]
        assert_eq!(crate::dintero::wire::segment("12/../x y"), "12%2F..%2Fx%20y");
    }
}
