//! [`read_merchants`]: the partner's merchants, each with its account progression and connections,
//! read page by page up to [`SCAN_LIMIT`].

use super::stages::{ConnectionStage, MerchantList, MerchantStages, SCAN_LIMIT};
use crate::dintero::accounts::{Account, AccountsQuery};
use crate::dintero::DinteroClient;
use crate::error::AppError;
use crate::secret::Secret;

/// The merchants matching Dintero's account `search` (all of them when it is empty).
pub async fn read_merchants(dintero: &DinteroClient, person: &Secret, search: &str) -> Result<MerchantList, AppError> {
    let now = chrono::Utc::now();
    let search = Some(search.trim().to_owned()).filter(|m| !m.is_empty());
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
        let page: Vec<Account> = dintero.list_accounts(person, &query).await?.items;
        merchants.extend(page.iter().map(stages));
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

fn stages(account: &Account) -> MerchantStages {
    MerchantStages {
        account_id: account.account_id.clone(),
        name: account.name(),
        progression: account.progression.as_ref().map(|p| p.to_string()),
        account_changed_at: account.updated_at.clone().or_else(|| account.created_at.clone()),
        connections: account
            .connection_list()
            .into_iter()
            .map(|(name, c)| ConnectionStage {
                name,
                status: c
                    .status
                    .as_ref()
                    .map_or_else(|| "unknown".to_owned(), |s| s.to_string()),
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
}
