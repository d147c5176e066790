//! VMSS request and response bodies (Visa's camelCase kept, every field renamed explicitly).

use super::*;

/// Body of `POST /v1/accounts/{aid}/compliance-search/vmss`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VmssSearchRequest {
    pub merchant: VmssMerchant,
}

/// The merchant asked about, in Visa's names.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VmssMerchant {
    #[serde(rename = "DBAName")]
    pub dba_name: Option<String>,
    #[serde(rename = "legalName")]
    pub legal_name: Option<String>,
    pub address: Option<VmssAddress>,
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub principals: Vec<VmssPrincipal>,
    #[serde(
        rename = "businessPhoneNumbers",
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub business_phone_numbers: Vec<String>,
    #[serde(rename = "businessEmailAddress")]
    pub business_email_address: Option<String>,
    #[serde(rename = "taxID")]
    pub tax_id: Option<String>,
    #[serde(rename = "businessRegistrationNumber")]
    pub business_registration_number: Option<String>,
    /// Visa category code (optional since 2024-12).
    pub category: Option<String>,
    #[serde(rename = "tradeOverInternet")]
    pub trade_over_internet: Option<bool>,
    #[serde(
        rename = "webAddresses",
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub web_addresses: Vec<String>,
    #[serde(
        rename = "merchantCategoryCodes",
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub merchant_category_codes: Vec<String>,
    #[serde(
        rename = "financialAccts",
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub financial_accts: Vec<VmssFinancialAccount>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VmssAddress {
    #[serde(rename = "streetAddress")]
    pub street_address: Option<String>,
    pub city: Option<String>,
    #[serde(rename = "stateOrProvince")]
    pub state_or_province: Option<String>,
    #[serde(rename = "zipOrPostalCode", deserialize_with = "lenient_string")]
    pub zip_or_postal_code: Option<String>,
    /// ISO alpha-2 (`NO`).
    #[serde(rename = "countryOrRegion")]
    pub country_or_region: Option<String>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VmssPrincipal {
    pub name: Option<String>,
    #[serde(rename = "SSN")]
    pub ssn: Option<String>,
    #[serde(rename = "principalID")]
    pub principal_id: Option<String>,
    #[serde(rename = "passportNumber")]
    pub passport_number: Option<String>,
    #[serde(rename = "driverLicenseNumber")]
    pub driver_license_number: Option<String>,
    #[serde(rename = "residentIDOrNationalID")]
    pub resident_id_or_national_id: Option<String>,
    #[serde(rename = "businessPhoneNumber")]
    pub business_phone_number: Option<String>,
    #[serde(rename = "businessEmailAddress")]
    pub business_email_address: Option<String>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VmssFinancialAccount {
    #[serde(rename = "intBankAccountNumber")]
    pub int_bank_account_number: Option<String>,
    #[serde(rename = "financialAccountNumber")]
    pub financial_account_number: Option<String>,
    #[serde(rename = "financialInstitutionID")]
    pub financial_institution_id: Option<String>,
}

/// A terminated merchant on the VMSS register: a matched record's `terminatedRecord`, and the
/// `merchant` of a VMSS termination.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VmssTerminatedRecord {
    #[serde(rename = "DBAName")]
    pub dba_name: Option<String>,
    #[serde(rename = "legalName")]
    pub legal_name: Option<String>,
    pub address: Option<VmssAddress>,
    #[serde(deserialize_with = "lenient_string")]
    pub category: Option<String>,
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub principals: Vec<VmssPrincipal>,
    #[serde(
        rename = "cardAcceptorIDs",
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub card_acceptor_ids: Vec<String>,
    /// `YYYY-MM-DD`.
    #[serde(rename = "contractStartDate")]
    pub contract_start_date: Option<String>,
    #[serde(rename = "contractEndDate")]
    pub contract_end_date: Option<String>,
    #[serde(rename = "tradeOverInternet")]
    pub trade_over_internet: Option<bool>,
    #[serde(rename = "tradeInternationally")]
    pub trade_internationally: Option<bool>,
    #[serde(
        rename = "businessPhoneNumbers",
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub business_phone_numbers: Vec<String>,
    #[serde(rename = "businessEmailAddress")]
    pub business_email_address: Option<String>,
    /// Visa's spelling (sic).
    #[serde(rename = "incorportationStatus", deserialize_with = "lenient_string")]
    pub incorportation_status: Option<String>,
    /// E.g. `29-Bankruptcy/Liquidation/Insolvency`.
    #[serde(rename = "primaryListingReason")]
    pub primary_listing_reason: Option<String>,
    #[serde(rename = "secondaryListingReason")]
    pub secondary_listing_reason: Option<String>,
    #[serde(
        rename = "merchantCategoryCodes",
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub merchant_category_codes: Vec<String>,
    #[serde(rename = "taxID")]
    pub tax_id: Option<String>,
    #[serde(rename = "businessRegistrationNumber", deserialize_with = "lenient_string")]
    pub business_registration_number: Option<String>,
    #[serde(
        rename = "webAddresses",
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub web_addresses: Vec<String>,
    #[serde(
        rename = "financialAccts",
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub financial_accts: Vec<VmssFinancialAccount>,
    #[serde(rename = "paymentFacilitatorBID", deserialize_with = "lenient_string")]
    pub payment_facilitator_bid: Option<String>,
    #[serde(rename = "acquirerAssignedMerchantID", deserialize_with = "lenient_string")]
    pub acquirer_assigned_merchant_id: Option<String>,
}

/// Answer of `POST .../compliance-search/vmss`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VmssSearchResponse {
    #[serde(rename = "searchTerminatedResponse")]
    pub search_terminated_response: Option<SearchTerminatedResponse>,
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
#[serde(default)]
pub struct SearchTerminatedResponse {
    #[serde(rename = "possibleMatches")]
    pub possible_matches: Option<VmssPossibleMatches>,
    /// Opaque (`searchRequestRefID`, ...).
    #[serde(rename = "searchRequestRef")]
    pub search_request_ref: Option<Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VmssPossibleMatches {
    #[serde(
        rename = "matchedRecords",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub matched_records: Vec<VmssMatchedRecord>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VmssMatchedRecord {
    #[serde(rename = "acquirerBID", deserialize_with = "lenient_string")]
    pub acquirer_bid: Option<String>,
    #[serde(rename = "acquirerName")]
    pub acquirer_name: Option<String>,
    #[serde(rename = "acquirerCountryOrRegion")]
    pub acquirer_country_or_region: Option<String>,
    #[serde(rename = "terminatedRefID", deserialize_with = "lenient_string")]
    pub terminated_ref_id: Option<String>,
    #[serde(rename = "terminatedRecord")]
    pub terminated_record: Option<VmssTerminatedRecord>,
    /// What matched, per field (the emulator's; inferred).
    #[serde(rename = "matchSignals")]
    pub match_signals: Option<VmssMatchSignals>,
}

/// Per-field signals of a VMSS match (inferred).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VmssMatchSignals {
    #[serde(rename = "DBAName")]
    pub dba_name: Option<MatchSignal>,
    #[serde(rename = "legalName")]
    pub legal_name: Option<MatchSignal>,
    pub address: Option<MatchSignal>,
    #[serde(deserialize_with = "crate::dintero::wire::null_as_default")]
    pub principals: Vec<VmssPrincipalSignals>,
    #[serde(rename = "taxID")]
    pub tax_id: Option<MatchSignal>,
    #[serde(rename = "businessRegistrationNumber")]
    pub business_registration_number: Option<MatchSignal>,
    #[serde(rename = "businessPhoneNumbers")]
    pub business_phone_numbers: Option<MatchSignal>,
    #[serde(rename = "businessEmailAddress")]
    pub business_email_address: Option<MatchSignal>,
    #[serde(rename = "webAddresses")]
    pub web_addresses: Option<MatchSignal>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VmssPrincipalSignals {
    pub name: Option<MatchSignal>,
    pub identification: Option<MatchSignal>,
}

/// Visa's status, e.g. `API000` / `Success`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VmssStatus {
    #[serde(rename = "statusCode", deserialize_with = "lenient_string")]
    pub status_code: Option<String>,
    #[serde(rename = "statusDescription")]
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
