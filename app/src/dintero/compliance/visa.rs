//! VMSS request and response bodies (Visa's camelCase kept, every field renamed explicitly).

use super::*;

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
