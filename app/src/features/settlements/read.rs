//! [`list_settlements`]: one page of a merchant's settlements with the filters of the URL.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::settlement_filter::SettlementFilter;
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
    let merchant_name = account
        .map(|a| crate::features::merchants::merchant_view::MerchantRow::from(&a).name)
        .unwrap_or_else(|_| aid.to_string());
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
