//! MATCH request and response bodies (snake_case, as Dintero re-wraps Mastercard MATCH).

use super::*;

/// Body of `POST /v1/accounts/{aid}/compliance-search/match`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MatchSearchRequest {
    pub merchant: MatchMerchant,
    pub search_criteria: MatchSearchCriteria,
}

/// The merchant asked about (or terminated).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatchMerchant {
    pub business_name: Option<String>,
    /// The DBA name.
    pub trade_name: Option<String>,
    pub address: Option<MatchRequestAddress>,
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub principals: Vec<MatchRequestPrincipal>,
    pub phone_number: Option<String>,
    /// MCC, e.g. `5462`.
    pub merchant_category: Option<String>,
    pub website_url: Option<String>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatchRequestAddress {
    pub address_line: Option<String>,
    pub address_line_2: Option<String>,
    pub city: Option<String>,
    pub postal_code: Option<String>,
    /// ISO alpha-3 (`NOR`, `SWE`).
    pub country: Option<String>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatchRequestPrincipal {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
    pub address: Option<MatchRequestAddress>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatchSearchCriteria {
    /// `Y`: search worldwide.
    pub search_all: Option<YesNo>,
    /// Mastercard region codes (`1`, `A`, `D`, ...).
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::dintero::wire::null_as_default"
    )]
    pub region: Vec<String>,
    /// ISO alpha-3 countries.
    #[serde(
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
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MatchTerminatedMerchant {
    #[serde(flatten)]
    pub merchant: MatchMerchant,
    pub merchant_id: Option<String>,
    pub is_proprietorship: Option<YesNo>,
    pub is_transaction_laundering: Option<YesNo>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchTermination {
    pub termination_reason: TerminationReason,
    pub agreement_start_date: Option<NaiveDate>,
    pub agreement_termination_date: Option<NaiveDate>,
    pub comment: Option<String>,
}

// ---------------------------------------------------------------- MATCH responses

/// A MATCH inquiry's page: the search's answer, and the answer of the lookup by IRN.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatchInquiry {
    /// The offset of this page.
    pub starting_after: Option<u64>,
    /// The IRN, for [`DinteroClient::match_inquiry`](crate::dintero::DinteroClient).
    #[serde(deserialize_with = "lenient_string")]
    pub inquiry_reference_number: Option<String>,
    #[serde(deserialize_with = "crate::dintero::wire::null_as_default")]
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
#[serde(default)]
pub struct PossibleMatch {
    pub total_merchant_matches: Option<u64>,
    #[serde(deserialize_with = "crate::dintero::wire::null_as_default")]
    pub terminated_merchants: Vec<TerminatedMerchant>,
}

/// A listed merchant and how it matched.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TerminatedMerchant {
    pub merchant: Option<ListedMerchant>,
    pub merchant_match: Option<MerchantMatch>,
}

/// A merchant on the MATCH register (fields past `alt_phone_number` inferred from Mastercard).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListedMerchant {
    pub name: Option<String>,
    pub doing_business_as_name: Option<String>,
    pub address: Option<ListedAddress>,
    #[serde(deserialize_with = "lenient_string")]
    pub phone_number: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub alt_phone_number: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub national_tax_id: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub country_subdivision_tax_id: Option<String>,
    pub service_prov_legal: Option<String>,
    pub service_prov_dba: Option<String>,
    #[serde(deserialize_with = "crate::dintero::wire::null_as_default")]
    pub url: Vec<String>,
    #[serde(alias = "principal", deserialize_with = "crate::dintero::wire::null_as_default")]
    pub principals: Vec<ListedPrincipal>,
    pub added_on_date: Option<String>,
    pub termination_reason_code: Option<TerminationReason>,
    #[serde(deserialize_with = "lenient_string")]
    pub added_by_acquirer_id: Option<String>,
    /// Opaque (Mastercard's URL groups).
    pub url_group: Option<Value>,
    pub comments: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListedAddress {
    pub address_line_one: Option<String>,
    pub address_line_two: Option<String>,
    pub city: Option<String>,
    pub country_subdivision: Option<String>,
    pub province: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub postal_code: Option<String>,
    pub country: Option<String>,
}

/// An owner or officer of a listed merchant (inferred from Mastercard).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListedPrincipal {
    pub first_name: Option<String>,
    pub middle_initial: Option<String>,
    pub last_name: Option<String>,
    pub address: Option<ListedAddress>,
    #[serde(deserialize_with = "lenient_string")]
    pub phone_number: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub alt_phone_number: Option<String>,
    pub email: Option<String>,
    pub date_of_birth: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub national_id: Option<String>,
    /// Opaque (number, country, subdivision).
    pub drivers_license: Option<Value>,
}

/// Per-field match indicators of one listed merchant (inferred from Mastercard's `MerchantMatch`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MerchantMatch {
    pub name: Option<MatchIndicator>,
    pub doing_business_as_name: Option<MatchIndicator>,
    pub address: Option<MatchIndicator>,
    pub phone_number: Option<MatchIndicator>,
    pub alt_phone_number: Option<MatchIndicator>,
    pub country_subdivision_tax_id: Option<MatchIndicator>,
    pub national_tax_id: Option<MatchIndicator>,
    pub service_prov_legal: Option<MatchIndicator>,
    pub service_prov_dba: Option<MatchIndicator>,
    /// One per listed principal, in the same order.
    #[serde(deserialize_with = "crate::dintero::wire::null_as_default")]
    pub principal_matches: Vec<PrincipalMatch>,
    /// One per listed URL, in the same order.
    #[serde(deserialize_with = "crate::dintero::wire::null_as_default")]
    pub url_matches: Vec<UrlMatch>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PrincipalMatch {
    pub name: Option<MatchIndicator>,
    pub address: Option<MatchIndicator>,
    pub phone_number: Option<MatchIndicator>,
    pub alt_phone_number: Option<MatchIndicator>,
    pub national_id: Option<MatchIndicator>,
    pub drivers_license: Option<MatchIndicator>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UrlMatch {
    pub url: Option<MatchIndicator>,
}

/// Answer of `POST .../compliance-search/match/terminate`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchTerminateResponse {
    pub merchant_reference_number: i64,
}
