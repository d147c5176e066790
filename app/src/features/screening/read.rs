//! The workbench's reads: [`find_screening_merchants`] (pick a merchant by id or name),
//! [`screening_subject`] (the merchant and the criteria its account gives) and
//! [`screening_results`] (a page of a MATCH inquiry by its IRN, and the VMSS answer kept with it).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::criteria::Criteria;
use super::results::{MatchPage, VmssResult};
use crate::error::AppError;

/// A merchant to screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subject {
    pub aid: String,
    pub name: String,
    pub org_number: Option<String>,
    /// What its account says, for the search form.
    pub criteria: Criteria,
}

/// A merchant found by [`find_screening_merchants`]: (account id, name, organisation number).
pub type Candidate = (String, String, Option<String>);

/// What a screening found: a page of the MATCH inquiry and, when the app still has it, the VMSS
/// answer of the same search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Findings {
    pub matches: MatchPage,
    pub vmss: Option<VmssResult>,
}

/// At most ten merchants whose account id or name contains `q`.
#[server(endpoint = "find_screening_merchants")]
pub async fn find_screening_merchants(q: String) -> Result<Vec<Candidate>, AppError> {
    use crate::dintero::accounts::AccountsQuery;
    use crate::features::merchants::merchant_view::MerchantRow;

    let user = crate::auth::session::require(crate::auth::Capability::Screen).await?;
    let q = q.trim();
    if q.is_empty() || q.chars().count() > 100 {
        return Err(AppError::invalid("q", crate::i18n::key!("screening.error.search")));
    }
    let state = crate::state::app_state()?;
    let query = AccountsQuery {
        search: Some(q.to_owned()),
        limit: Some(10),
        ..Default::default()
    };
    let page = state.dintero.list_accounts(&user.access_token, &query).await?;
    Ok(page
        .items
        .iter()
        .map(|a| {
            let row = MerchantRow::from(a);
            (row.account_id, row.name, row.organization_number)
        })
        .collect())
}

/// The merchant `aid` and the search criteria its account gives.
#[server(endpoint = "screening_subject")]
pub async fn screening_subject(aid: String) -> Result<Subject, AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::Screen).await?;
    let aid = crate::validate::AccountId::parse(&aid)?;
    let state = crate::state::app_state()?;
    let account = state.dintero.get_account(&user.access_token, &aid).await?;
    let row = crate::features::merchants::merchant_view::MerchantRow::from(&account);
    Ok(Subject {
        aid: row.account_id,
        name: row.name,
        org_number: row.organization_number,
        criteria: Criteria::from_account(&account),
    })
}

/// The page of MATCH inquiry `irn` of merchant `aid` that starts at `offset`, and the VMSS answer
/// `vmss` if this person's session still holds it.
#[server(endpoint = "screening_results")]
pub async fn screening_results(aid: String, irn: String, offset: u64, vmss: String) -> Result<Findings, AppError> {
    use super::results::MATCH_PAGE_SIZE;

    let user = crate::auth::session::require(crate::auth::Capability::Screen).await?;
    let aid = crate::validate::AccountId::parse(&aid)?;
    let irn = crate::validate::Irn::parse(&irn)
        .map_err(|_| AppError::invalid("irn", crate::i18n::key!("screening.error.irn")))?;
    let state = crate::state::app_state()?;
    let inquiry = state
        .dintero
        .match_inquiry(&user.access_token, &aid, &irn, Some(MATCH_PAGE_SIZE), Some(offset))
        .await?;
    Ok(Findings {
        matches: MatchPage::from_inquiry(&inquiry, irn.as_str()),
        vmss: super::kept::vmss_result(aid.as_str(), &vmss).await,
    })
}

/// An inquiry reference number: digits only (Dintero types it as an integer).
pub use crate::validate::is_irn;
