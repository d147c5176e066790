//! The portfolio's and the merchant page's reads: [`list_merchants`], [`get_merchant`], and the
//! package and settings tabs' [`get_merchant_package`], [`get_merchant_settings`].

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::merchant_view::{MerchantDetail, MerchantRow};
use super::package_view::PackageView;
use super::portfolio_query::PortfolioQuery;
use crate::error::AppError;

/// One page of the portfolio and the cursor of the next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PortfolioPage {
    pub rows: Vec<MerchantRow>,
    pub next: Option<String>,
}

/// A comment on a merchant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentView {
    pub created_at: Option<String>,
    pub created_by: Option<String>,
    pub body: String,
}

/// One statistics event from Dintero: when, and per payment product type how many payments and
/// how much (minor units of `currency`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatisticsView {
    pub created_at: Option<String>,
    pub currency: Option<String>,
    /// (payment product type, count, amount).
    pub lines: Vec<(String, Option<u64>, Option<i64>)>,
}

/// Everything the merchant page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MerchantPageData {
    pub detail: MerchantDetail,
    /// Newest first.
    pub comments: Vec<CommentView>,
    /// Dintero's statistics events, newest first.
    pub statistics: Vec<StatisticsView>,
    /// The account's own `statistics` object, flattened (its shape is not documented).
    pub account_statistics: Vec<(String, String)>,
}

/// One page of the partner's merchants matching `query`.
#[server(endpoint = "list_merchants")]
pub async fn list_merchants(query: PortfolioQuery) -> Result<PortfolioPage, AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::ViewMerchants).await?;
    let state = crate::state::app_state()?;
    let size = query.page_size() as usize;
    // Ask for one more than the page to know whether another page follows (Dintero's list has no
    // "has more"); at 100, the most Dintero gives, look ahead with a second request instead.
    let mut request = query.to_accounts_query();
    request.limit = Some((size as u32 + 1).min(100));
    let mut items = state.dintero.list_accounts(&user.access_token, &request).await?.items;
    let more = if items.len() > size {
        items.truncate(size);
        true
    } else if items.len() == size && size == 100 {
        let mut ahead = query.to_accounts_query();
        ahead.limit = Some(1);
        ahead.starting_after = items.last().and_then(|a| a.paging_token.clone());
        !state
            .dintero
            .list_accounts(&user.access_token, &ahead)
            .await?
            .items
            .is_empty()
    } else {
        false
    };
    let next = if more {
        items.last().and_then(|a| a.paging_token.clone())
    } else {
        None
    };
    Ok(PortfolioPage {
        rows: items.iter().map(MerchantRow::from).collect(),
        next,
    })
}

/// A merchant's facts, connections with their timelines, comments and statistics (of the newest
/// 100 account events; Dintero's event filter knows only `comment`, so all types are read).
#[server(endpoint = "get_merchant")]
pub async fn get_merchant(aid: String) -> Result<MerchantPageData, AppError> {
    use crate::dintero::accounts::{AccountEventType, AccountEventsQuery};

    let user = crate::auth::session::require(crate::auth::Capability::ViewMerchants).await?;
    let aid = crate::validate::AccountId::parse(&aid)?;
    let state = crate::state::app_state()?;
    let events_query = AccountEventsQuery {
        types: Vec::new(),
        limit: Some(100),
        starting_after: None,
    };
    let (account, events) = tokio::join!(
        state.dintero.get_account(&user.access_token, &aid),
        state
            .dintero
            .list_account_events(&user.access_token, &aid, &events_query)
    );
    let account = account?;
    let events = events?.items;
    let detail = MerchantDetail::from(&account);
    let currency = detail.currency.clone().or_else(|| match detail.row.country.as_deref() {
        Some("SE") => Some("SEK".to_owned()),
        Some("NO") => Some("NOK".to_owned()),
        _ => None,
    });
    let mut statistics: Vec<StatisticsView> = events
        .iter()
        .filter(|e| e.event_type == AccountEventType::Statistics)
        .map(|e| StatisticsView {
            created_at: e.created_at.clone(),
            currency: currency.clone(),
            lines: e
                .statistics
                .as_ref()
                .and_then(|s| s.checkout.as_ref())
                .and_then(|c| c.payment_product_types.as_ref())
                .into_iter()
                .flatten()
                .map(|item| {
                    (
                        item["payment_product_type"].as_str().unwrap_or("–").to_owned(),
                        item["count"].as_u64(),
                        item["amount"].as_i64(),
                    )
                })
                .collect(),
        })
        .collect();
    statistics.sort_by(|a, b| b.created_at.cmp(&a.created_at));
    let mut account_statistics = Vec::new();
    if let Some(value) = &account.statistics {
        super::settings_lines::flatten("", value, &mut account_statistics);
    }
    let comments = events
        .into_iter()
        .filter(|e| e.event_type == AccountEventType::Comment)
        .map(|e| CommentView {
            created_at: e.created_at,
            created_by: e.created_by,
            body: e.body.unwrap_or_default(),
        })
        .collect();
    Ok(MerchantPageData {
        detail,
        comments,
        statistics,
        account_statistics,
    })
}

/// The package the merchant uses (`None` when it has none).
#[server(endpoint = "get_merchant_package")]
pub async fn get_merchant_package(aid: String) -> Result<Option<PackageView>, AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::ViewMerchants).await?;
    let aid = crate::validate::AccountId::parse(&aid)?;
    let state = crate::state::app_state()?;
    match state.dintero.account_price_package(&user.access_token, &aid).await {
        Ok(package) => Ok(Some(PackageView::from(&package))),
        Err(error) if error.status() == Some(404) => Ok(None),
        Err(error) => Err(error.into()),
    }
}

/// The merchant's own settings as Dintero returns them, as (field path, value) lines; connection
/// configurations, keys and anything named like a secret are left out.
#[server(endpoint = "get_merchant_settings")]
pub async fn get_merchant_settings(aid: String) -> Result<Vec<(String, String)>, AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::ViewMerchants).await?;
    let aid = crate::validate::AccountId::parse(&aid)?;
    let state = crate::state::app_state()?;
    let settings = state.dintero.merchant_settings(&user.access_token, &aid).await?;
    let value = serde_json::to_value(&settings).map_err(|_| AppError::Internal)?;
    let mut lines = Vec::new();
    super::settings_lines::flatten("", &value, &mut lines);
    Ok(lines)
}
