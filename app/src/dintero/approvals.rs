//! Payment approvals and seller (payout destination) approvals (05-approvals-cdd.md).
//!
//! Both are merchant-level: every call exchanges the person's token for one on the merchant first.
//! `case_status`, the links and the bank account type are shared with [`super::cdd`].

use serde::{Deserialize, Serialize};

crate::open_enum! {
    /// Where a case or approval stands (05-approvals-cdd.md, "Shared enums").
    pub enum CaseStatus {
        Active = "ACTIVE",
        Declined = "DECLINED",
        UnderManualReview = "UNDER_MANUAL_REVIEW",
        AutomaticReview = "AUTOMATIC_REVIEW",
        WaitingForSignature = "WAITING_FOR_SIGNATURE",
        WaitingForDeclaration = "WAITING_FOR_DECLARATION",
        Error = "ERROR",
        Archived = "ARCHIVED",
        WaitingForDetails = "WAITING_FOR_DETAILS",
        Terminated = "TERMINATED",
    }
}

crate::open_enum! {
    /// What a link of an approval points at.
    pub enum LinkRel {
        ContractUrl = "contract_url",
        CddCaseUrl = "cdd_case_url",
        DinteroCddCaseUrl = "dintero_cdd_case_url",
        DeclarationUrl = "declaration_url",
        SignedContractFileUrl = "signed_contract_file_url",
    }
}

crate::open_enum! {
    /// How `bank_account_number` is written.
    pub enum BankAccountNumberType {
        Iban = "IBAN",
        Bban = "BBAN",
    }
}

crate::open_enum! {
    /// How often a seller is paid out.
    pub enum PayoutIntervalType {
        Daily = "daily",
        Weekly = "weekly",
        Monthly = "monthly",
    }
}

crate::open_enum! {
    /// A product an approval or CDD case is for.
    pub enum ApprovalProduct {
        Checkout = "checkout",
        Payout = "payout",
    }
}

crate::open_enum! {
    /// A payment method applied for (the full list was not recovered; others come as `Other`).
    pub enum PaymentMethod {
        Creditcard = "creditcard",
        Billie = "billie",
        Ipp = "ipp",
    }
}

/// `{href, rel}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub href: String,
    pub rel: LinkRel,
}

/// `ApprovalsBankAccount`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ApprovalsBankAccount {
    pub bank_account_currency: String,
    pub payout_currency: String,
    pub bank_name: Option<String>,
    pub bank_account_number: Option<String>,
    pub bank_account_number_type: Option<BankAccountNumberType>,
    pub bank_account_country_code: Option<String>,
    pub bank_identification_code: Option<String>,
}

/// Who fills in the form (`email` set: Dintero e-mails it to them).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FormSubmitter {
    pub email: Option<String>,
    pub name: Option<String>,
    pub title: Option<String>,
}

/// `{payment_method}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaymentMethodItem {
    pub payment_method: PaymentMethod,
}

/// `{product}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductItem {
    pub product: ApprovalProduct,
}

/// A seller approval (`SellerApproval`): the application plus the entity fields, status and links.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SellerApproval {
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
    pub payout_destination_id: String,
    #[serde(default)]
    pub payout_reference: Option<String>,
    #[serde(default)]
    pub country_code: Option<String>,
    #[serde(default)]
    pub organization_number: Option<String>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub bank_accounts: Vec<ApprovalsBankAccount>,
    #[serde(default)]
    pub payout_destination_name: Option<String>,
    #[serde(default)]
    pub payout_destination_description: Option<String>,
    #[serde(default)]
    pub payout_interval_type: Option<PayoutIntervalType>,
    #[serde(default)]
    pub form_submitter: Option<FormSubmitter>,
    #[serde(default)]
    pub case_status: Option<CaseStatus>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub links: Vec<Link>,
}

/// A payment approval (`PaymentApproval`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaymentApproval {
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
    pub country_code: Option<String>,
    #[serde(default)]
    pub organization_number: Option<String>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub bank_accounts: Vec<ApprovalsBankAccount>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub payment_methods: Vec<PaymentMethodItem>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub products: Vec<ProductItem>,
    #[serde(default)]
    pub form_submitter: Option<FormSubmitter>,
    #[serde(default)]
    pub case_status: Option<CaseStatus>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub links: Vec<Link>,
    /// Merchant category code, e.g. 5814.
    #[serde(default)]
    pub mcc: Option<i64>,
}

/// The link with `rel`, if the approval has one.
pub fn link<'a>(links: &'a [Link], rel: &LinkRel) -> Option<&'a str> {
    links.iter().find(|l| &l.rel == rel).map(|l| l.href.as_str())
}

/// `GET .../approvals/payments` response.
#[derive(Debug, Clone, Deserialize)]
pub struct PaymentApprovals {
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub payments: Vec<PaymentApproval>,
}

/// `GET .../approvals/payout-destinations` response.
#[derive(Debug, Clone, Deserialize)]
pub struct SellerApprovals {
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub payout_destinations: Vec<SellerApproval>,
}

/// Body of `POST .../approvals/payments`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewPaymentApproval {
    pub country_code: String,
    pub organization_number: String,
    /// Exactly one.
    pub bank_accounts: Vec<ApprovalsBankAccount>,
    pub payment_methods: Vec<PaymentMethodItem>,
    pub products: Vec<ProductItem>,
    pub form_submitter: Option<FormSubmitter>,
}

/// Body of `POST .../approvals/payout-destinations`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct NewSellerApproval {
    /// At most 40 characters.
    pub payout_destination_id: String,
    /// At most 60 characters; the name shown on bank payments.
    pub payout_reference: String,
    pub country_code: String,
    pub organization_number: String,
    /// Exactly one.
    pub bank_accounts: Vec<ApprovalsBankAccount>,
    pub payout_destination_name: Option<String>,
    /// At most 1000 characters. On test accounts `AUTO_APPROVE`, `AUTO_DECLINE` and
    /// `AUTO_WAITING_FOR_SIGNATURE` in it decide the outcome.
    pub payout_destination_description: Option<String>,
    pub payout_interval_type: Option<PayoutIntervalType>,
    pub form_submitter: Option<FormSubmitter>,
}

/// Filters of the seller approval list.
#[derive(Debug, Clone, Default)]
pub struct SellerApprovalQuery {
    pub payout_destination_id: Option<String>,
    /// Any of these; archived approvals are listed only when `Archived` is asked for.
    pub case_status: Vec<CaseStatus>,
}

impl SellerApprovalQuery {
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut query = Vec::new();
        if let Some(id) = &self.payout_destination_id {
            query.push(("payout_destination_id", id.clone()));
        }
        query.extend(self.case_status.iter().map(|s| ("case_status", s.to_string())));
        query
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::dintero::http::Auth;
    use crate::dintero::{DinteroClient, DinteroError};
    use crate::secret::Secret;
    use crate::validate::{AccountId, ResourceId};

    fn base(aid: &AccountId) -> String {
        format!("/v1/accounts/{aid}/management/settings/approvals")
    }

    impl DinteroClient {
        /// `GET /v1/accounts/{aid}/management/settings/approvals/payments`, any of `case_status`.
        pub async fn payment_approvals(
            &self,
            person: &Secret,
            aid: &AccountId,
            case_status: &[CaseStatus],
        ) -> Result<Vec<PaymentApproval>, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            let query: Vec<(&str, String)> = case_status.iter().map(|s| ("case_status", s.to_string())).collect();
            let list: PaymentApprovals = self
                .get(&format!("{}/payments", base(aid)), Auth::Bearer(&token), &query)
                .await?;
            Ok(list.payments)
        }

        /// `POST /v1/accounts/{aid}/management/settings/approvals/payments`.
        pub async fn create_payment_approval(
            &self,
            person: &Secret,
            aid: &AccountId,
            body: &NewPaymentApproval,
        ) -> Result<PaymentApproval, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.post(&format!("{}/payments", base(aid)), Auth::Bearer(&token), body)
                .await
        }

        /// `GET /v1/accounts/{aid}/management/settings/approvals/payout-destinations`.
        pub async fn seller_approvals(
            &self,
            person: &Secret,
            aid: &AccountId,
            filter: &SellerApprovalQuery,
        ) -> Result<Vec<SellerApproval>, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            let list: SellerApprovals = self
                .get(
                    &format!("{}/payout-destinations", base(aid)),
                    Auth::Bearer(&token),
                    &filter.to_query(),
                )
                .await?;
            Ok(list.payout_destinations)
        }

        /// `POST /v1/accounts/{aid}/management/settings/approvals/payout-destinations`.
        pub async fn create_seller_approval(
            &self,
            person: &Secret,
            aid: &AccountId,
            body: &NewSellerApproval,
        ) -> Result<SellerApproval, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.post(
                &format!("{}/payout-destinations", base(aid)),
                Auth::Bearer(&token),
                body,
            )
            .await
        }

        /// `GET /v1/accounts/{aid}/management/settings/approvals/payout-destinations/{id}` (approval id).
        pub async fn seller_approval(
            &self,
            person: &Secret,
            aid: &AccountId,
            id: &ResourceId,
        ) -> Result<SellerApproval, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.get(
                &format!("{}/payout-destinations/{id}", base(aid)),
                Auth::Bearer(&token),
                &[],
            )
            .await
        }

        /// `DELETE /v1/accounts/{aid}/management/settings/approvals/payout-destinations/{id}?delete_active=`:
        /// archives the approval (an `ACTIVE` one only with `delete_active`); answers the archived approval.
        pub async fn archive_seller_approval(
            &self,
            person: &Secret,
            aid: &AccountId,
            id: &ResourceId,
            delete_active: bool,
        ) -> Result<SellerApproval, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.delete(
                &format!("{}/payout-destinations/{id}", base(aid)),
                Auth::Bearer(&token),
                &[("delete_active", delete_active.to_string())],
            )
            .await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_seller_approval_sends_only_what_is_set() {
        let body = NewSellerApproval {
            payout_destination_id: "PD009".into(),
            payout_reference: "Bakeri Bodø".into(),
            country_code: "NO".into(),
            organization_number: "923456781".into(),
            bank_accounts: vec![ApprovalsBankAccount {
                bank_account_currency: "NOK".into(),
                payout_currency: "NOK".into(),
                bank_account_number: Some("86011117947".into()),
                bank_account_number_type: Some(BankAccountNumberType::Bban),
                ..Default::default()
            }],
            payout_interval_type: Some(PayoutIntervalType::Weekly),
            ..Default::default()
        };
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(json["bank_accounts"][0]["bank_account_number_type"], "BBAN");
        assert_eq!(json["payout_interval_type"], "weekly");
        assert!(json.get("payout_destination_description").is_none());
        assert!(json["bank_accounts"][0].get("bank_name").is_none());
    }

    #[test]
    fn the_query_repeats_statuses() {
        let q = SellerApprovalQuery {
            payout_destination_id: Some("PD001".into()),
            case_status: vec![CaseStatus::Active, CaseStatus::Archived],
        };
        assert_eq!(
            q.to_query(),
            [
                ("payout_destination_id", "PD001".to_string()),
                ("case_status", "ACTIVE".into()),
                ("case_status", "ARCHIVED".into())
            ]
        );
    }
}
