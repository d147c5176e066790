//! Seller balances and transfers, Payout v2 (08-settlements-reports-payout.md).

use serde::{Deserialize, Serialize};

use super::settlements::{Attachment, PaymentStatus, SettlementAmount};

crate::open_enum! {
    /// A ledger entry's `type`.
    pub enum TransferType {
        Inbound = "inbound",
        Transfer = "transfer",
        Outbound = "outbound",
    }
}

crate::open_enum! {
    /// `outbound_receiver_bank_account_type`.
    pub enum BankAccountType {
        Iban = "iban",
        Bban = "bban",
    }
}

/// A seller's balance in one currency (minor units; may be negative).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Balance {
    #[serde(default)]
    pub account_id: Option<String>,
    #[serde(default)]
    pub payout_destination_config_id: Option<String>,
    #[serde(default)]
    pub payout_destination_id: Option<String>,
    pub currency: String,
    pub amount: i64,
}

/// The body of the balances endpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BalancesResponse {
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub payout_destination_balances: Vec<Balance>,
}

/// One ledger entry of a seller: money in (`inbound`), between sellers (`transfer`) or paid out
/// (`outbound`). Fields of the other types are `null`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TransferEntry {
    pub ledger_entry_id: String,
    #[serde(default)]
    pub account_id: Option<String>,
    #[serde(default)]
    pub payout_destination_config_id: Option<String>,
    #[serde(default)]
    pub payout_destination_id: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    pub currency: String,
    /// Signed, minor units.
    pub amount: i64,
    #[serde(rename = "type")]
    pub entry_type: TransferType,
    #[serde(default)]
    pub inbound_payment_provider: Option<String>,
    #[serde(default)]
    pub transfer_id: Option<String>,
    #[serde(default)]
    pub transfer_source_payout_destination_id: Option<String>,
    #[serde(default)]
    pub transfer_destination_payout_destination_id: Option<String>,
    #[serde(default)]
    pub transfer_reference: Option<String>,
    #[serde(default)]
    pub outbound_receiver_country: Option<String>,
    #[serde(default)]
    pub outbound_receiver_bank_account_type: Option<BankAccountType>,
    #[serde(default)]
    pub outbound_receiver_bank_account_number: Option<String>,
    #[serde(default)]
    pub outbound_receiver_bank_account_bic: Option<String>,
    #[serde(default)]
    pub outbound_message: Option<String>,
    #[serde(default)]
    pub payment_match_report_data: Option<PaymentMatchReportData>,
}

/// The settlement a payment-match entry came from (2026).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaymentMatchReportData {
    #[serde(default)]
    pub start_at: Option<String>,
    #[serde(default)]
    pub end_at: Option<String>,
    #[serde(default)]
    pub settled_at: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub provider: Option<String>,
    #[serde(default)]
    pub provider_reference: Option<String>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub attachments: Vec<Attachment>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub amounts: Vec<SettlementAmount>,
    #[serde(default)]
    pub payment_status: Option<PaymentStatus>,
    #[serde(default)]
    pub store_id: Option<String>,
    #[serde(default)]
    pub payout_destination_id: Option<String>,
}

/// One page of transfers; pass `next_page_token` as [`TransferQuery::page`] for the next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TransfersPage {
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub entries: Vec<TransferEntry>,
    #[serde(default)]
    pub next_page_token: Option<String>,
}

/// Filters of the transfers list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TransferQuery {
    /// 1–1000, Dintero's default 10.
    pub limit: Option<u32>,
    /// The previous page's `next_page_token`.
    pub page: Option<String>,
    /// ISO 4217, `^[A-Z]{3}$`.
    pub currency: Option<String>,
}

impl TransferQuery {
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        if let Some(limit) = self.limit {
            q.push(("limit", limit.to_string()));
        }
        if let Some(page) = &self.page {
            q.push(("page", page.clone()));
        }
        if let Some(currency) = &self.currency {
            q.push(("currency", currency.clone()));
        }
        q
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::dintero::http::Auth;
    use crate::dintero::{DinteroClient, DinteroError};
    use crate::secret::Secret;
    use crate::validate::{AccountId, SellerId};

    fn destination(aid: &AccountId, seller: &SellerId) -> String {
        format!("/v2/accounts/{aid}/payout/payout-destinations/{seller}")
    }

    impl DinteroClient {
        /// `GET /v2/accounts/{aid}/payout/payout-destinations/{payout_destination_id}/balances`.
        pub async fn seller_balances(
            &self,
            person: &Secret,
            aid: &AccountId,
            seller: &SellerId,
        ) -> Result<Vec<Balance>, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            let response: BalancesResponse = self
                .get(
                    &format!("{}/balances", destination(aid, seller)),
                    Auth::Bearer(&token),
                    &[],
                )
                .await?;
            Ok(response.payout_destination_balances)
        }

        /// `GET /v2/accounts/{aid}/payout/payout-destinations/{payout_destination_id}/transfers`: one page.
        pub async fn seller_transfers(
            &self,
            person: &Secret,
            aid: &AccountId,
            seller: &SellerId,
            query: &TransferQuery,
        ) -> Result<TransfersPage, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.get(
                &format!("{}/transfers", destination(aid, seller)),
                Auth::Bearer(&token),
                &query.to_query(),
            )
            .await
        }
    }
}
