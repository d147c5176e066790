//! The reads, for people with `Payouts`: the merchant's sellers with their balances
//! ([`payout_sellers`]) and one seller's balances and transfers ledger ([`seller_ledger`]).
//!
//! Dintero has no list of a merchant's payout destinations (Payout v2), so the sellers are the
//! merchant's seller approvals (every status, archived too: an archived seller may still hold
//! money), and any other id can be looked up.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::components::MerchantHead;
use crate::dintero::approvals::CaseStatus;
use crate::dintero::payout::{Balance, TransferEntry, TransferType};
use crate::error::AppError;
use crate::i18n::key;
#[cfg(feature = "ssr")]
use crate::validate::{AccountId, SellerId};

/// Ledger entries per page.
pub const PAGE_SIZE: u32 = 25;
/// At most this many sellers' balances are read for one page.
pub const MAX_SELLERS: usize = 50;
/// Balances asked for at once.
pub const BALANCES_IN_FLIGHT: usize = 8;

/// A seller (payout destination) and its balances.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SellerBalances {
    pub id: String,
    pub name: Option<String>,
    /// Its approval's status; `None` when it was looked up and has no approval.
    pub status: Option<CaseStatus>,
    pub balances: Result<Vec<Balance>, AppError>,
}

/// The merchant's sellers with their balances.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SellerOverview {
    pub merchant: MerchantHead,
    pub sellers: Vec<SellerBalances>,
    /// Why the seller approvals could not be read, if they could not.
    pub approvals_error: Option<AppError>,
    /// More sellers than [`MAX_SELLERS`]: only the first are shown.
    pub cut: bool,
}

/// One ledger entry as the page shows it (a bank account number masked to its last four).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerRow {
    pub id: String,
    pub created_at: Option<String>,
    pub entry_type: TransferType,
    pub currency: String,
    pub amount: i64,
    pub provider: Option<String>,
    pub transfer_from: Option<String>,
    pub transfer_to: Option<String>,
    pub reference: Option<String>,
    pub bank_account: Option<String>,
    pub bank_country: Option<String>,
    pub message: Option<String>,
}

impl From<&TransferEntry> for LedgerRow {
    fn from(e: &TransferEntry) -> Self {
        Self {
            id: e.ledger_entry_id.clone(),
            created_at: e.created_at.clone(),
            entry_type: e.entry_type.clone(),
            currency: e.currency.clone(),
            amount: e.amount,
            provider: e.inbound_payment_provider.clone(),
            transfer_from: e.transfer_source_payout_destination_id.clone(),
            transfer_to: e.transfer_destination_payout_destination_id.clone(),
            reference: e.transfer_reference.clone(),
            bank_account: e
                .outbound_receiver_bank_account_number
                .as_deref()
                .map(crate::format::last_four),
            bank_country: e.outbound_receiver_country.clone(),
            message: e.outbound_message.clone(),
        }
    }
}

/// One seller's balances and a page of its ledger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ledger {
    pub merchant: MerchantHead,
    pub destination: String,
    pub balances: Vec<Balance>,
    pub rows: Vec<LedgerRow>,
    /// Dintero's `next_page_token`.
    pub next: Option<String>,
}

/// A currency filter: empty, or three letters (upper-cased).
pub fn check_currency(currency: &str) -> Result<Option<String>, AppError> {
    let currency = currency.trim().to_ascii_uppercase();
    if currency.is_empty() {
        Ok(None)
    } else if currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(Some(currency))
    } else {
        Err(AppError::invalid("currency", key!("payouts.error.currency")))
    }
}

/// A page token as Dintero gives them (opaque; URL-safe characters, at most 2,000).
pub fn check_page(page: &str) -> Result<Option<String>, AppError> {
    let page = page.trim();
    if page.is_empty() {
        Ok(None)
    } else if page.len() <= 2000
        && page
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'=' | b'.' | b'~' | b'+' | b'/'))
    {
        Ok(Some(page.to_owned()))
    } else {
        Err(AppError::invalid("page", key!("payouts.error.page")))
    }
}

/// The sellers of `aid` (from its seller approvals) and `destination` if one is looked up, each
/// with its balances.
#[server(endpoint = "payout_sellers")]
pub async fn payout_sellers(aid: String, #[server(default)] destination: String) -> Result<SellerOverview, AppError> {
    use crate::dintero::approvals::SellerApprovalQuery;
    use futures_util::StreamExt;

    let user = crate::auth::session::require(crate::auth::Capability::Payouts).await?;
    let aid = AccountId::parse(&aid)?;
    let destination = destination.trim().to_owned();
    if !destination.is_empty() && !crate::validate::is_payout_destination_id(&destination) {
        return Err(AppError::invalid("destination", key!("payouts.error.destination")));
    }
    let state = crate::state::app_state()?;
    let merchant = crate::features::sellers::read::merchant_head(&state, &user.access_token, &aid).await?;
    let every_status = SellerApprovalQuery {
        payout_destination_id: None,
        case_status: CaseStatus::KNOWN.to_vec(),
    };
    let approvals = state
        .dintero
        .seller_approvals(&user.access_token, &aid, &every_status)
        .await
        .map_err(AppError::from);
    let (mut approvals, approvals_error) = match approvals {
        Ok(list) => (list, None),
        Err(AppError::Unauthenticated) => return Err(AppError::Unauthenticated),
        Err(error) => (Vec::new(), Some(error)),
    };
    approvals.sort_by(|a, b| a.payout_destination_id.cmp(&b.payout_destination_id));
    let mut sellers: Vec<(String, Option<String>, Option<CaseStatus>)> = Vec::new();
    for approval in approvals {
        // One row per seller: its newest approval's status.
        match sellers
            .iter_mut()
            .find(|(id, ..)| *id == approval.payout_destination_id)
        {
            Some(row) if approval.case_status != Some(CaseStatus::Archived) => {
                row.2 = approval.case_status.clone();
            }
            Some(_) => {}
            None => sellers.push((
                approval.payout_destination_id.clone(),
                approval.payout_destination_name.clone(),
                approval.case_status.clone(),
            )),
        }
    }
    if !destination.is_empty() && !sellers.iter().any(|(id, ..)| *id == destination) {
        sellers.insert(0, (destination.clone(), None, None));
    }
    let cut = sellers.len() > MAX_SELLERS;
    sellers.truncate(MAX_SELLERS);
    // A few at a time, in order: Dintero is asked for at most `BALANCES_IN_FLIGHT` at once.
    let ids: Vec<String> = sellers.iter().map(|(id, ..)| id.clone()).collect();
    let balances: Vec<_> = futures_util::stream::iter(ids.into_iter().map(|id| {
        let (client, token, aid) = (state.dintero.clone(), user.access_token.clone(), aid.clone());
        async move {
            let seller = SellerId::parse(&id)?;
            Ok::<_, AppError>(client.seller_balances(&token, &aid, &seller).await?)
        }
    }))
    .buffered(BALANCES_IN_FLIGHT)
    .collect()
    .await;
    let mut rows = Vec::new();
    for ((id, name, status), balances) in sellers.into_iter().zip(balances) {
        if balances == Err(AppError::Unauthenticated) {
            return Err(AppError::Unauthenticated);
        }
        rows.push(SellerBalances {
            id,
            name,
            status,
            balances,
        });
    }
    Ok(SellerOverview {
        merchant,
        sellers: rows,
        approvals_error,
        cut,
    })
}

/// The balances of seller `destination` of `aid` and one page of its transfers, in `currency` if
/// given, from `page` (the previous page's `next_page_token`).
#[server(endpoint = "seller_ledger")]
pub async fn seller_ledger(
    aid: String,
    destination: String,
    #[server(default)] currency: String,
    #[server(default)] page: String,
) -> Result<Ledger, AppError> {
    use crate::dintero::payout::TransferQuery;

    let user = crate::auth::session::require(crate::auth::Capability::Payouts).await?;
    let aid = AccountId::parse(&aid)?;
    let destination = SellerId::parse(&destination)?;
    let currency = check_currency(&currency)?;
    let page = check_page(&page)?;
    let state = crate::state::app_state()?;
    let merchant = crate::features::sellers::read::merchant_head(&state, &user.access_token, &aid).await?;
    let query = TransferQuery {
        limit: Some(PAGE_SIZE),
        page,
        currency,
    };
    let (balances, transfers) = tokio::join!(
        state.dintero.seller_balances(&user.access_token, &aid, &destination),
        state
            .dintero
            .seller_transfers(&user.access_token, &aid, &destination, &query),
    );
    let transfers = transfers?;
    Ok(Ledger {
        merchant,
        destination: destination.to_string(),
        balances: balances?,
        rows: transfers.entries.iter().map(LedgerRow::from).collect(),
        next: transfers.next_page_token.filter(|t| !t.is_empty()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_checked() {
        assert_eq!(check_currency(" eur ").unwrap().as_deref(), Some("EUR"));
        assert_eq!(check_currency("").unwrap(), None);
        for wrong in ["EU", "EURO", "E1R", "kr."] {
            assert!(check_currency(wrong).is_err(), "{wrong}");
        }
        assert_eq!(check_page("eyJvIjoyNX0").unwrap().as_deref(), Some("eyJvIjoyNX0"));
        assert!(check_page("a&b").is_err());
        assert!(check_page(&"a".repeat(2001)).is_err());
    }
}
