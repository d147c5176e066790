//! The queue's reads: [`review_merchants`] (the partner's merchants with their account-level
//! stages) and [`review_batch`] (what a batch of them has waiting). A page asks for the merchants,
//! then for every batch at once; each batch is shown as it arrives.

use leptos::prelude::*;

use super::queue_item::{Batch, MerchantList};
use crate::error::AppError;

/// At most this many merchants are read for the queue.
pub const SCAN_LIMIT: usize = 5000;
/// The merchant list is read in this many slices at once, each shown as it arrives.
pub const SLICES: usize = 20;
/// Merchants per [`review_batch`] call at most.
pub const BATCH_SIZE: usize = SCAN_LIMIT / SLICES;

/// The partner's merchants (those matching Dintero's account `search` when `merchant` is given),
/// with each one's progression and connections.
#[server(endpoint = "review_merchants")]
pub async fn review_merchants(merchant: String) -> Result<MerchantList, AppError> {
    use super::queue_item::{ConnectionStage, MerchantStages};
    use crate::dintero::accounts::{Account, AccountsQuery};

    let user = crate::auth::session::require(crate::auth::Capability::Review).await?;
    let state = crate::state::app_state()?;
    let now = chrono::Utc::now();
    let search = Some(merchant.trim().to_owned()).filter(|m| !m.is_empty());
    let mut merchants = Vec::new();
    let mut cursor = None;
    let mut complete = false;
    while merchants.len() < SCAN_LIMIT {
        let query = AccountsQuery {
            search: search.clone(),
            limit: Some(100),
            starting_after: cursor.take(),
            ..Default::default()
        };
        let page: Vec<Account> = state.dintero.list_accounts(&user.access_token, &query).await?.items;
        merchants.extend(page.iter().map(|a| {
            let row = crate::features::merchants::merchant_view::MerchantRow::from(a);
            MerchantStages {
                account_id: row.account_id,
                name: row.name,
                progression: row.progression,
                account_changed_at: a.updated_at.clone().or_else(|| a.created_at.clone()),
                connections: a
                    .connection_list()
                    .into_iter()
                    .map(|(name, c)| ConnectionStage {
                        name,
                        status: c.status.as_ref().map_or_else(|| "unknown".to_owned(), |s| s.to_string()),
                        since: c
                            .events()
                            .iter()
                            .rev()
                            .find_map(|e| e.created_at.clone())
                            .or_else(|| c.updated_at.clone())
                            .or_else(|| c.created_at.clone()),
                    })
                    .collect(),
            }
        }));
        cursor = page.last().and_then(|a| a.paging_token.clone());
        if page.len() < 100 || cursor.is_none() {
            complete = true;
            break;
        }
    }
    Ok(MerchantList {
        now,
        merchants,
        complete,
    })
}

/// Every CDD case, payment approval and seller approval of `aids` (at most [`BATCH_SIZE`]), and
/// which of them could not be read.
#[server(endpoint = "review_batch")]
pub async fn review_batch(#[server(default)] aids: Vec<String>) -> Result<Batch, AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::Review).await?;
    if aids.len() > BATCH_SIZE {
        return Err(AppError::invalid("aids", "review.error.batch_too_large"));
    }
    if let Some(bad) = aids.iter().position(|aid| !crate::validate::is_account_id(aid)) {
        return Err(AppError::invalid(&format!("aids[{bad}]"), "review.error.account_id"));
    }
    let state = crate::state::app_state()?;
    let with_cdd = super::queue_item::reads_cdd(&user.scopes);
    Ok(state.review.batch(&state.dintero, &user.access_token, &aids, with_cdd).await)
}
