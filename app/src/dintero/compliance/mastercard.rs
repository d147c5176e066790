//! MATCH request and response bodies (snake_case, as Dintero re-wraps Mastercard MATCH).

use super::*;

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
