//! The reads: a merchant's seller approvals ([`list_seller_approvals`]), one of them
//! ([`get_seller_approval`]), what the new-seller form starts with ([`new_seller_form`]), and the
//! merchant's payment approvals and CDD cases ([`merchant_approvals`]). All need `Review`; Dintero is
//! asked with the person's token exchanged for one on the merchant.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::application::ApplicationInput;
use super::views::{CddRow, PaymentRow, SellerDetail, SellerRow};
use crate::components::MerchantHead;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::validate::{AccountId, ResourceId};

/// The merchant's seller approvals matching the filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SellerList {
    pub merchant: MerchantHead,
    pub rows: Vec<SellerRow>,
}

/// One seller approval, and whether the person's Dintero user may archive it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SellerPageData {
    pub merchant: MerchantHead,
    pub detail: SellerDetail,
    /// Dintero archives only for `write:accounts` or `admin:accounts`.
    pub may_archive: bool,
}

/// What a create form starts with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormStart {
    pub merchant: MerchantHead,
    /// The company's country, organisation number and currency from the merchant's account.
    pub application: ApplicationInput,
    /// The form's submission id (see `once`).
    pub submission: String,
    /// Whether Dintero lets the person apply for a seller ([`dintero_allows_seller_applications`]).
    pub may_apply: bool,
}

/// The merchant's payment approvals and CDD cases; each list read on its own, so one Dintero refuses
/// (CDD cases need `write:accounts`) does not hide the other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApprovalsData {
    pub merchant: MerchantHead,
    pub payments: Result<Vec<PaymentRow>, AppError>,
    pub cdd_cases: Result<Vec<CddRow>, AppError>,
    /// Dintero creates payment approvals and CDD cases only for `write:accounts` or `admin:accounts`.
    pub may_create: bool,
    pub application: ApplicationInput,
    pub payment_submission: String,
    pub cdd_submission: String,
}

/// The person's Dintero user may change approvals beyond applying for sellers (archive, payment
/// approvals, CDD cases): the reference's scopes for those calls.
#[cfg(feature = "ssr")]
pub fn dintero_allows_changes(user: &crate::auth::session::UserSession) -> bool {
    user.scopes
        .iter()
        .any(|s| s == "admin:accounts" || s == "write:accounts")
}

/// Dintero takes a new seller approval from `write:accounts`, `admin:accounts` or the approvals
/// scope `write:accounts:/management/settings/approvals` (REFERENCE.md, "Approvals & CDD").
#[cfg(feature = "ssr")]
pub fn dintero_allows_seller_applications(user: &crate::auth::session::UserSession) -> bool {
    dintero_allows_changes(user)
        || user
            .scopes
            .iter()
            .any(|s| s == "write:accounts:/management/settings/approvals")
}

/// The merchant `aid`.
///
/// The callers take the state from the context before their first request to Dintero: while a
/// page renders on the server, the context is not there any more once such a request was awaited.
#[cfg(feature = "ssr")]
pub async fn merchant_head(
    state: &crate::state::AppState,
    token: &crate::secret::Secret,
    aid: &crate::validate::AccountId,
) -> Result<MerchantHead, AppError> {
    use crate::features::merchants::merchant_view::MerchantRow;
    let account = state.dintero.get_account(token, aid).await?;
    let row = MerchantRow::from(&account);
    Ok(MerchantHead {
        aid: aid.to_string(),
        name: row.name,
        country: row.country,
        organization_number: row.organization_number,
    })
}

/// The statuses of a `?case_status=` filter that Dintero knows, each once, in Dintero's order.
pub fn known_statuses(values: &[String]) -> Vec<crate::dintero::approvals::CaseStatus> {
    use crate::dintero::approvals::CaseStatus;
    CaseStatus::KNOWN
        .iter()
        .filter(|s| values.iter().any(|v| v == s.as_str()))
        .cloned()
        .collect()
}

/// The seller approvals of `aid` in any of `case_status` (Dintero's default without: all but
/// archived), oldest first.
#[server(endpoint = "list_seller_approvals")]
pub async fn list_seller_approvals(
    aid: String,
    #[server(default)] case_status: Vec<String>,
) -> Result<SellerList, AppError> {
    use crate::dintero::approvals::SellerApprovalQuery;

    let user = crate::auth::session::require(crate::auth::Capability::Review).await?;
    let aid = AccountId::parse(&aid)?;
    let state = crate::state::app_state()?;
    let merchant = merchant_head(&state, &user.access_token, &aid).await?;
    let filter = SellerApprovalQuery {
        payout_destination_id: None,
        case_status: known_statuses(&case_status),
    };
    let mut approvals = state
        .dintero
        .seller_approvals(&user.access_token, &aid, &filter)
        .await?;
    approvals.sort_by(|a, b| a.created_at.cmp(&b.created_at));
    Ok(SellerList {
        merchant,
        rows: approvals.iter().map(SellerRow::from).collect(),
    })
}

/// One seller approval of `aid` by its approval id.
#[server(endpoint = "get_seller_approval")]
pub async fn get_seller_approval(aid: String, id: String) -> Result<SellerPageData, AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::Review).await?;
    let aid = AccountId::parse(&aid)?;
    let id = ResourceId::parse(&id)?;
    let state = crate::state::app_state()?;
    let merchant = merchant_head(&state, &user.access_token, &aid).await?;
    let approval = state.dintero.seller_approval(&user.access_token, &aid, &id).await?;
    Ok(SellerPageData {
        merchant,
        detail: SellerDetail::from(&approval),
        may_archive: dintero_allows_changes(&user),
    })
}

/// The new-seller form's start: the merchant's country and organisation number, and a submission id.
#[server(endpoint = "new_seller_form")]
pub async fn new_seller_form(aid: String) -> Result<FormStart, AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::Review).await?;
    let aid = AccountId::parse(&aid)?;
    let state = crate::state::app_state()?;
    let merchant = merchant_head(&state, &user.access_token, &aid).await?;
    Ok(FormStart {
        application: ApplicationInput::for_company(
            merchant.country.as_deref(),
            merchant.organization_number.as_deref(),
        ),
        merchant,
        submission: crate::submit::new_submission(),
        may_apply: dintero_allows_seller_applications(&user),
    })
}

/// The payment approvals and CDD cases of `aid`, oldest first.
#[server(endpoint = "merchant_approvals")]
pub async fn merchant_approvals(aid: String) -> Result<ApprovalsData, AppError> {
    use crate::dintero::cdd::CddCaseQuery;

    let user = crate::auth::session::require(crate::auth::Capability::Review).await?;
    let aid = AccountId::parse(&aid)?;
    let state = crate::state::app_state()?;
    let merchant = merchant_head(&state, &user.access_token, &aid).await?;
    let every_case = CddCaseQuery::default();
    let (payments, cases) = tokio::join!(
        state.dintero.payment_approvals(&user.access_token, &aid, &[]),
        state.dintero.cdd_cases(&user.access_token, &aid, &every_case)
    );
    let payments = payments.map_err(AppError::from).map(|mut list| {
        list.sort_by(|a, b| a.created_at.cmp(&b.created_at));
        list.iter().map(PaymentRow::from).collect()
    });
    let cdd_cases = cases.map_err(AppError::from).map(|mut list| {
        list.sort_by(|a, b| a.created_at.cmp(&b.created_at));
        list.iter().map(CddRow::from).collect()
    });
    // A session that ended is the page's failure, not a section's.
    for outcome in [payments.as_ref().err(), cdd_cases.as_ref().err()]
        .into_iter()
        .flatten()
    {
        if *outcome == AppError::Unauthenticated {
            return Err(AppError::Unauthenticated);
        }
    }
    Ok(ApprovalsData {
        application: ApplicationInput::for_company(
            merchant.country.as_deref(),
            merchant.organization_number.as_deref(),
        ),
        merchant,
        payments,
        cdd_cases,
        may_create: dintero_allows_changes(&user),
        payment_submission: crate::submit::new_submission(),
        cdd_submission: crate::submit::new_submission(),
    })
}
