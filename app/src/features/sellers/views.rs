//! What the browser is told about a merchant's seller approvals, payment approvals and CDD cases:
//! the fields the pages show, with Dintero's links kept only when they are web addresses.

use serde::{Deserialize, Serialize};

use crate::dintero::approvals::{ApprovalsBankAccount, CaseStatus, FormSubmitter, Link, LinkRel};
use crate::i18n::key;

/// A link Dintero gives (contract, CDD case, declaration, signed contract...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkView {
    pub rel: LinkRel,
    pub href: String,
}

/// The translation key naming a link.
pub fn link_key(rel: &LinkRel) -> &'static str {
    match rel {
        LinkRel::ContractUrl => key!("sellers.link.contract_url"),
        LinkRel::CddCaseUrl => key!("sellers.link.cdd_case_url"),
        LinkRel::DinteroCddCaseUrl => key!("sellers.link.dintero_cdd_case_url"),
        LinkRel::DeclarationUrl => key!("sellers.link.declaration_url"),
        LinkRel::SignedContractFileUrl => key!("sellers.link.signed_contract_file_url"),
        LinkRel::Other(_) => key!("sellers.link.other"),
    }
}

/// Only `https:` and `http:` addresses become links; anything else Dintero might send is dropped.
pub fn links_of(links: &[Link]) -> Vec<LinkView> {
    links
        .iter()
        .filter(|l| l.href.starts_with("https://") || l.href.starts_with("http://"))
        .map(|l| LinkView {
            rel: l.rel.clone(),
            href: l.href.clone(),
        })
        .collect()
}

/// One bank account of an approval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BankAccountView {
    pub bank_account_currency: String,
    pub payout_currency: String,
    pub number: Option<String>,
    /// `IBAN` or `BBAN`.
    pub number_type: Option<String>,
    pub bank_name: Option<String>,
    pub bic: Option<String>,
    pub country: Option<String>,
}

impl From<&ApprovalsBankAccount> for BankAccountView {
    fn from(a: &ApprovalsBankAccount) -> Self {
        Self {
            bank_account_currency: a.bank_account_currency.clone(),
            payout_currency: a.payout_currency.clone(),
            number: a.bank_account_number.clone(),
            number_type: a.bank_account_number_type.as_ref().map(|t| t.to_string()),
            bank_name: a.bank_name.clone(),
            bic: a.bank_identification_code.clone(),
            country: a.bank_account_country_code.clone(),
        }
    }
}

/// A row of the seller list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SellerRow {
    /// The approval's id.
    pub id: String,
    pub payout_destination_id: String,
    pub name: Option<String>,
    pub status: Option<CaseStatus>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub links: Vec<LinkView>,
}

/// One seller approval, whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SellerDetail {
    pub row: SellerRow,
    pub description: Option<String>,
    pub payout_reference: Option<String>,
    pub country_code: Option<String>,
    pub organization_number: Option<String>,
    pub payout_interval_type: Option<String>,
    pub bank_accounts: Vec<BankAccountView>,
    pub form_submitter: Option<FormSubmitter>,
    pub created_by: Option<String>,
    pub deleted_at: Option<String>,
    pub deleted_by: Option<String>,
}

/// Statuses Dintero archives a seller approval from (`ACTIVE` only with `delete_active=true`).
pub fn archivable(status: Option<&CaseStatus>) -> bool {
    matches!(
        status,
        Some(
            CaseStatus::Active
                | CaseStatus::Declined
                | CaseStatus::WaitingForSignature
                | CaseStatus::WaitingForDeclaration
                | CaseStatus::Error
        )
    )
}

/// A payment approval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaymentRow {
    pub id: String,
    pub status: Option<CaseStatus>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub country_code: Option<String>,
    pub organization_number: Option<String>,
    pub payment_methods: Vec<String>,
    pub products: Vec<String>,
    pub mcc: Option<i64>,
    pub bank_accounts: Vec<BankAccountView>,
    pub links: Vec<LinkView>,
}

/// A CDD case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CddRow {
    pub id: String,
    /// The `case_status` of its last event.
    pub status: Option<CaseStatus>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub products: Vec<String>,
    pub checks: Vec<String>,
    pub actions_on_approval: Vec<String>,
    pub payout_destination_id: Option<String>,
    /// The provider's contract, from the `case_created` event.
    pub contract_url: Option<String>,
    pub events: usize,
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::dintero::approvals::{PaymentApproval, SellerApproval};
    use crate::dintero::cdd::CddCase;

    impl From<&SellerApproval> for SellerRow {
        fn from(a: &SellerApproval) -> Self {
            Self {
                id: a.id.clone(),
                payout_destination_id: a.payout_destination_id.clone(),
                name: a.payout_destination_name.clone(),
                status: a.case_status.clone(),
                created_at: a.created_at.clone(),
                updated_at: a.updated_at.clone(),
                links: links_of(&a.links),
            }
        }
    }

    impl From<&SellerApproval> for SellerDetail {
        fn from(a: &SellerApproval) -> Self {
            Self {
                row: SellerRow::from(a),
                description: a.payout_destination_description.clone(),
                payout_reference: a.payout_reference.clone(),
                country_code: a.country_code.clone(),
                organization_number: a.organization_number.clone(),
                payout_interval_type: a.payout_interval_type.as_ref().map(|i| i.to_string()),
                bank_accounts: a.bank_accounts.iter().map(BankAccountView::from).collect(),
                form_submitter: a.form_submitter.clone(),
                created_by: a.created_by.clone(),
                deleted_at: a.deleted_at.clone(),
                deleted_by: a.deleted_by.clone(),
            }
        }
    }

    impl From<&PaymentApproval> for PaymentRow {
        fn from(a: &PaymentApproval) -> Self {
            Self {
                id: a.id.clone(),
                status: a.case_status.clone(),
                created_at: a.created_at.clone(),
                updated_at: a.updated_at.clone(),
                country_code: a.country_code.clone(),
                organization_number: a.organization_number.clone(),
                payment_methods: a.payment_methods.iter().map(|m| m.payment_method.to_string()).collect(),
                products: a.products.iter().map(|p| p.product.to_string()).collect(),
                mcc: a.mcc,
                bank_accounts: a.bank_accounts.iter().map(BankAccountView::from).collect(),
                links: links_of(&a.links),
            }
        }
    }

    impl From<&CddCase> for CddRow {
        fn from(c: &CddCase) -> Self {
            let contract_url = c
                .events
                .iter()
                .find_map(|e| e.created.as_ref().and_then(|created| created.contract_url.clone()))
                .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
            Self {
                id: c.id.clone(),
                status: c.status().cloned(),
                created_at: c.created_at.clone(),
                updated_at: c.updated_at.clone(),
                products: c.products.iter().map(|p| p.to_string()).collect(),
                checks: c
                    .case_request
                    .as_ref()
                    .map(|r| r.checks.iter().map(|k| k.to_string()).collect())
                    .unwrap_or_default(),
                actions_on_approval: c.actions_on_approval.iter().map(|a| a.to_string()).collect(),
                payout_destination_id: c.case_for.as_ref().and_then(|f| f.payout_destination_id.clone()),
                contract_url,
                events: c.events.len(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_are_kept() {
        let links = vec![
            Link {
                href: "https://contract.dintero.example/c/1".into(),
                rel: LinkRel::ContractUrl,
            },
            Link {
                href: "javascript:alert(1)".into(),
                rel: LinkRel::DeclarationUrl,
            },
        ];
        let kept = links_of(&links);
        assert_eq!(kept.len(), 1);
        assert_eq!(link_key(&kept[0].rel), key!("sellers.link.contract_url"));
        assert_eq!(link_key(&LinkRel::Other("x".into())), key!("sellers.link.other"));
    }

    #[test]
    fn archivable_follows_dintero() {
        assert!(archivable(Some(&CaseStatus::Active)) && archivable(Some(&CaseStatus::Error)));
        for status in [
            CaseStatus::UnderManualReview,
            CaseStatus::AutomaticReview,
            CaseStatus::WaitingForDetails,
            CaseStatus::Terminated,
            CaseStatus::Archived,
        ] {
            assert!(!archivable(Some(&status)), "{status}");
        }
        assert!(!archivable(None));
    }
}
