//! The settlements pages' reads: [`list_settlements`] (one page of a merchant's settlements with
//! the filters of the URL), [`portfolio_settlements`] (the portfolio's, summed) and
//! [`settlement_zip_progress`] (how far a bulk ZIP has come).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::portfolio::Portfolio;
use super::settlement_filter::SettlementFilter;
use super::zip_progress::ZipProgress;
use crate::dintero::settlements::SettlementItem;
use crate::error::AppError;

/// One page of settlements, with the merchant's name and where the next page starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SettlementList {
    pub aid: String,
    pub merchant_name: String,
    pub items: Vec<SettlementItem>,
    /// Dintero's `last_evaluated_key` as the next page's `(after_id, after_date)`.
    pub next: Option<(String, String)>,
    /// A new id under which the page can follow a bulk ZIP's progress.
    pub progress: String,
}

#[server(endpoint = "list_settlements")]
pub async fn list_settlements(
    aid: String,
    #[server(default)] filter: SettlementFilter,
) -> Result<SettlementList, AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::Settlements).await?;
    let aid = crate::validate::AccountId::parse(&aid)?;
    let query = filter.check()?;
    let state = crate::state::app_state()?;
    let (account, page) = tokio::join!(
        state.dintero.get_account(&user.access_token, &aid),
        state.dintero.settlements(&user.access_token, &aid, &query),
    );
    let page = page?;
    let merchant_name = account.map(|a| a.name()).unwrap_or_else(|_| aid.to_string());
    let by_created = query.created_from.is_some() || query.created_to.is_some();
    let next = page.last_evaluated_key.and_then(|key| {
        let date = if by_created {
            key.created_at.or(key.settled_at)
        } else {
            key.settled_at
        };
        date.map(|date| (key.id, date))
    });
    Ok(SettlementList {
        aid: aid.to_string(),
        merchant_name,
        items: page.items,
        next,
        progress: super::zip_progress::new_token(),
    })
}

/// The portfolio's settlements for `filter`, over `merchants` (account ids separated by spaces or
/// commas; empty: every merchant).
#[server(endpoint = "portfolio_settlements")]
pub async fn portfolio_settlements(
    #[server(default)] filter: SettlementFilter,
    #[server(default)] merchants: String,
) -> Result<Portfolio, AppError> {
    let state = crate::state::app_state()?;
    let user = crate::auth::session::require(crate::auth::Capability::Settlements).await?;
    let chosen = super::portfolio::chosen_merchants(&merchants)?;
    let today = crate::format::nordic_local(chrono::Utc::now()).0.date_naive();
    let filter = super::portfolio::with_default_period(filter, today);
    let mut query = filter.check()?;
    query.limit = Some(1000);
    let list = state
        .shared::<crate::portfolio_scan::PortfolioScan>()?
        .merchants(&state.dintero, &user, "")
        .await?;
    let wanted: Vec<_> = list
        .merchants
        .into_iter()
        .filter(|m| chosen.is_empty() || chosen.contains(&m.account_id))
        .collect();
    let reads = wanted.into_iter().map(|merchant| {
        let (state, user, query) = (&state, &user, &query);
        async move {
            let outcome = all_settlements(state, user, &merchant.account_id, query.clone()).await;
            let enabled = merchant
                .connections
                .iter()
                .filter(|c| c.status == "enabled")
                .map(|c| (c.name.clone(), c.since.clone()))
                .collect();
            (merchant.account_id, merchant.name, enabled, outcome)
        }
    });
    let read = futures_util::future::join_all(reads).await;
    Ok(super::portfolio::summarise(filter, chosen, list.complete, read))
}

/// Every page (at most `MAX_PAGES`) of merchant `aid`'s settlements for `query`; an id from the
/// merchant list that is not an account id is not asked about.
#[cfg(feature = "ssr")]
async fn all_settlements(
    state: &crate::state::AppState,
    user: &crate::auth::session::UserSession,
    aid: &str,
    mut query: crate::dintero::settlements::SettlementQuery,
) -> Result<Vec<crate::dintero::settlements::SettlementItem>, AppError> {
    let aid = crate::validate::AccountId::parse(aid)?;
    let mut items = Vec::new();
    for _ in 0..super::portfolio::MAX_PAGES {
        let page = state
            .shared::<crate::portfolio_scan::PortfolioScan>()?
            .limited(state.dintero.settlements(&user.access_token, &aid, &query))
            .await?;
        items.extend(page.items);
        match page.last_evaluated_key {
            Some(key) => query = query.after(&key),
            None => break,
        }
    }
    Ok(items)
}

/// The caller's bulk ZIP `token`: `None` until its download has started.
#[server(endpoint = "settlement_zip_progress")]
pub async fn settlement_zip_progress(token: String) -> Result<Option<ZipProgress>, AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::Settlements).await?;
    if !super::zip_progress::is_token(&token) {
        return Err(AppError::invalid(
            "progress",
            crate::i18n::key!("settlements.zip.bad_progress"),
        ));
    }
    let state = crate::state::app_state()?;
    Ok(state
        .shared::<super::zip_progress::ZipBoard>()?
        .get(&user.email, &token))
}
