//! Customer due diligence (CDD) cases (05-approvals-cdd.md): `GET`/`POST
//! /v1/accounts/{aid}/management/settings/cdd/cases`. A case has no status of its own: it is the
//! `case_status` of its last event ([`CddCase::status`]).

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use super::approvals::{ApprovalProduct, CaseStatus};

crate::open_enum! {
    /// What happens when the case is approved.
    pub enum ActionOnApproval {
        EnablePayoutAccount = "enable_payout_account",
        EnableCheckoutAccount = "enable_checkout_account",
        CreatePayoutDestination = "create_payout_destination",
    }
}

crate::open_enum! {
    /// A check the CDD provider runs (`KYC` documented; others seen as examples).
    pub enum CddCheck {
        Kyc = "KYC",
        Aml = "AML",
        BankOwnership = "BANK_OWNERSHIP",
    }
}

crate::open_enum! {
    /// What an event of a case records.
    pub enum CddEventKind {
        CaseCreated = "case_created",
        CaseUpdated = "case_updated",
    }
}

crate::open_enum! {
    /// `includes` of the case list.
    pub enum CddInclude {
        /// Contract details in the events' `case` (left out by default since 2022-07-01).
        EventsCaseContracts = "events.case.contracts",
    }
}

/// Who or what the case is for.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CaseFor {
    pub account_id: Option<String>,
    pub payout_destination_id: Option<String>,
    pub payout_destination_name: Option<String>,
    pub payout_destination_description: Option<String>,
    pub payout_reference: Option<String>,
}

/// What is passed to the CDD provider (camelCase, as Dintero spells it here).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CaseRequest {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<CddCheck>,
    #[serde(rename = "countryCode")]
    pub country_code: Option<String>,
    #[serde(rename = "organizationNumber")]
    pub organization_number: Option<String>,
    #[serde(rename = "requireContractSigning")]
    pub require_contract_signing: Option<bool>,
    /// Provider-specific details (opaque).
    pub details: Option<Value>,
    #[serde(rename = "callbackUrl")]
    pub callback_url: Option<String>,
    #[serde(rename = "referenceId")]
    pub reference_id: Option<String>,
}

/// `{type, currencies[]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaymentOption {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub currencies: Vec<String>,
}

/// `created` of a `case_created` event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseCreated {
    #[serde(default)]
    pub case_id: Option<String>,
    #[serde(default)]
    pub contract_url: Option<String>,
}

/// One event of a case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CddEvent {
    pub id: i64,
    #[serde(default)]
    pub request_id: Option<String>,
    #[serde(default)]
    pub event: Option<CddEventKind>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub case_status: Option<CaseStatus>,
    /// What went wrong (a text in the examples; kept opaque).
    #[serde(default)]
    pub error: Option<Value>,
    /// The provider's case (opaque; `contracts` only with [`CddInclude::EventsCaseContracts`]).
    #[serde(default)]
    pub case: Option<Value>,
    #[serde(default)]
    pub created: Option<CaseCreated>,
}

/// A CDD case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CddCase {
    pub id: String,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub created_by: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
    #[serde(default)]
    pub deleted_by: Option<String>,
    #[serde(default)]
    pub deleted_at: Option<String>,
    #[serde(default)]
    pub case_for: Option<CaseFor>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub products: Vec<ApprovalProduct>,
    #[serde(default)]
    pub case_request: Option<CaseRequest>,
    #[serde(default)]
    pub account_id: Option<String>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub events: Vec<CddEvent>,
    /// Pricing strategy.
    #[serde(default)]
    pub package: Option<String>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub actions_on_approval: Vec<ActionOnApproval>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub payment_options: Vec<PaymentOption>,
}

impl CddCase {
    /// The `case_status` of the last event that has one.
    pub fn status(&self) -> Option<&CaseStatus> {
        self.events.iter().rev().find_map(|e| e.case_status.as_ref())
    }
}

/// Body of `POST .../cdd/cases`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct NewCddCase {
    pub case_for: CaseFor,
    /// Not empty.
    pub products: Vec<ApprovalProduct>,
    pub case_request: CaseRequest,
    pub package: Option<String>,
    pub actions_on_approval: Option<Vec<ActionOnApproval>>,
    pub payment_options: Option<Vec<PaymentOption>>,
}

/// Filters of the case list (arrays: any of).
#[derive(Debug, Clone, Default)]
pub struct CddCaseQuery {
    pub products: Vec<ApprovalProduct>,
    /// `*` stands for any run of characters.
    pub payout_destination_id: Option<String>,
    pub case_status: Vec<CaseStatus>,
    pub actions_on_approval: Vec<ActionOnApproval>,
    pub includes: Vec<CddInclude>,
}

impl CddCaseQuery {
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut query: Vec<(&'static str, String)> = Vec::new();
        query.extend(self.products.iter().map(|p| ("products", p.to_string())));
        if let Some(id) = &self.payout_destination_id {
            query.push(("payout_destination_id", id.clone()));
        }
        query.extend(self.case_status.iter().map(|s| ("case_status", s.to_string())));
        query.extend(
            self.actions_on_approval
                .iter()
                .map(|a| ("actions_on_approval", a.to_string())),
        );
        query.extend(self.includes.iter().map(|i| ("includes", i.to_string())));
        query
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::dintero::http::Auth;
    use crate::dintero::{DinteroClient, DinteroError};
    use crate::secret::Secret;
    use crate::validate::AccountId;

    impl DinteroClient {
        /// `GET /v1/accounts/{aid}/management/settings/cdd/cases` (not paged).
        pub async fn cdd_cases(
            &self,
            person: &Secret,
            aid: &AccountId,
            filter: &CddCaseQuery,
        ) -> Result<Vec<CddCase>, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.get(
                &format!("/v1/accounts/{aid}/management/settings/cdd/cases"),
                Auth::Bearer(&token),
                &filter.to_query(),
            )
            .await
        }

        /// `POST /v1/accounts/{aid}/management/settings/cdd/cases`.
        pub async fn create_cdd_case(
            &self,
            person: &Secret,
            aid: &AccountId,
            body: &NewCddCase,
        ) -> Result<CddCase, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.post(
                &format!("/v1/accounts/{aid}/management/settings/cdd/cases"),
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

    #[test]
    fn the_case_request_is_camel_case_and_skips_nones() {
        let body = NewCddCase {
            case_for: CaseFor {
                account_id: Some("T11200001".into()),
                ..Default::default()
            },
            products: vec![ApprovalProduct::Checkout],
            case_request: CaseRequest {
                checks: vec![CddCheck::Kyc],
                country_code: Some("NO".into()),
                require_contract_signing: Some(true),
                ..Default::default()
            },
            ..Default::default()
        };
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(json["case_request"]["countryCode"], "NO");
        assert_eq!(json["case_request"]["requireContractSigning"], true);
        assert!(json["case_request"].get("callbackUrl").is_none());
        assert!(json.get("package").is_none());
        assert_eq!(json["case_for"], serde_json::json!({"account_id": "T11200001"}));
    }

    #[test]
    fn the_query_repeats_arrays() {
        let q = CddCaseQuery {
            products: vec![ApprovalProduct::Payout],
            case_status: vec![CaseStatus::Active, CaseStatus::Error],
            includes: vec![CddInclude::EventsCaseContracts],
            ..Default::default()
        };
        let q = q.to_query();
        assert_eq!(q.iter().filter(|(k, _)| *k == "case_status").count(), 2);
        assert!(q.contains(&("includes", "events.case.contracts".into())));
    }
}
