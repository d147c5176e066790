//! Settlements (filters, `last_evaluated_key` cursor), attachment downloads as byte streams,
//! settlement report configurations (08-settlements-reports-payout.md).

use serde::{Deserialize, Serialize};

crate::open_enum! {
    /// `payment_status` of a settlement (`payment-match` on Payout v2 `payment_match_report_data`).
    pub enum PaymentStatus {
        Paid = "paid",
        Postponed = "postponed",
        PaymentMatch = "payment-match",
    }
}

crate::open_enum! {
    /// A settlement report configuration's `destinations[].destination_type`.
    pub enum DestinationType {
        AccountEmail = "account_email",
        Email = "email",
    }
}

crate::open_enum! {
    /// A settlement report configuration's `filetypes[]` (values inferred: pdf, csv, xml, json).
    pub enum ReportFileType {
        Pdf = "pdf",
        Csv = "csv",
        Xml = "xml",
        Json = "json",
    }
}

crate::open_enum! {
    /// A settlement report configuration's `filters[].filter`.
    pub enum ConfigurationFilterKind {
        PayoutDestinationId = "payout_destination_id",
    }
}

/// One settlement (`SettlementItem`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SettlementItem {
    pub id: String,
    #[serde(default)]
    pub provider: Option<String>,
    #[serde(default)]
    pub provider_reference: Option<String>,
    /// First payment event covered.
    #[serde(default)]
    pub start_at: Option<String>,
    /// Last payment event covered.
    #[serde(default)]
    pub end_at: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
    /// The payout date.
    #[serde(default)]
    pub settled_at: Option<String>,
    #[serde(default)]
    pub email_received_at: Option<String>,
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

/// A settlement's file: Dintero's normalised report or the provider's own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    pub id: String,
    #[serde(default)]
    pub key: Option<String>,
    #[serde(default)]
    pub content_type: Option<String>,
    #[serde(default)]
    pub extension: Option<String>,
    /// `dintero` or the provider (e.g. `payex`).
    #[serde(default)]
    pub created_by: Option<String>,
}

/// A settlement's sums in one currency, minor units; `amount = capture − refund − fee`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SettlementAmount {
    pub currency: String,
    pub amount: i64,
    #[serde(default)]
    pub capture: i64,
    #[serde(default)]
    pub refund: i64,
    #[serde(default)]
    pub fee: i64,
}

/// Where the next page starts; absent on the last page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LastEvaluatedKey {
    pub id: String,
    #[serde(default)]
    pub account_id: Option<String>,
    #[serde(default)]
    pub settled_at: Option<String>,
    /// Only when the list was filtered with `item_created_at.*`.
    #[serde(default)]
    pub created_at: Option<String>,
}

/// One page of `GET /v1/accounts/{aid}/settlements`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SettlementPage {
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub items: Vec<SettlementItem>,
    #[serde(default)]
    pub last_evaluated_key: Option<LastEvaluatedKey>,
}

/// Filters of the settlement list. Dates are `YYYY-MM-DD` or RFC 3339 date-times.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SettlementQuery {
    /// 1–1000, Dintero's default 10.
    pub limit: Option<u32>,
    pub starting_after_id: Option<String>,
    pub starting_after_date: Option<String>,
    /// `created_at.gte`: filters on `settled_at`.
    pub settled_from: Option<String>,
    /// `created_at.lte`: filters on `settled_at`.
    pub settled_to: Option<String>,
    /// `item_created_at.gte`: filters on `created_at` (not with `settled_*`).
    pub created_from: Option<String>,
    /// `item_created_at.lte`.
    pub created_to: Option<String>,
    pub payment_provider: Vec<String>,
    pub payout_destination_id: Option<String>,
    /// Matches the settlement id.
    pub search: Option<String>,
}

impl SettlementQuery {
    /// The same filters, from the page after `key`.
    pub fn after(&self, key: &LastEvaluatedKey) -> Self {
        let by_created = self.created_from.is_some() || self.created_to.is_some();
        let date = if by_created {
            key.created_at.clone().or_else(|| key.settled_at.clone())
        } else {
            key.settled_at.clone()
        };
        Self {
            starting_after_id: Some(key.id.clone()),
            starting_after_date: date,
            ..self.clone()
        }
    }

    /// As query parameters, arrays repeated.
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        let singles = [
            ("starting_after_id", &self.starting_after_id),
            ("starting_after_date", &self.starting_after_date),
            ("created_at.gte", &self.settled_from),
            ("created_at.lte", &self.settled_to),
            ("item_created_at.gte", &self.created_from),
            ("item_created_at.lte", &self.created_to),
            ("payout_destination_id", &self.payout_destination_id),
            ("search", &self.search),
        ];
        if let Some(limit) = self.limit {
            q.push(("limit", limit.to_string()));
        }
        for (name, value) in singles {
            if let Some(value) = value {
                q.push((name, value.clone()));
            }
        }
        for provider in &self.payment_provider {
            q.push(("payment_provider", provider.clone()));
        }
        q
    }
}

/// Where a settlement report goes.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportDestination {
    pub id: Option<String>,
    pub destination_type: DestinationType,
    /// The address, when `destination_type` is `email`.
    pub destination_value: Option<String>,
}

/// Send only settlements matching this (e.g. one seller).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfigurationFilter {
    pub filter: ConfigurationFilterKind,
    pub value: String,
}

/// A settlement report configuration as Dintero returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportConfiguration {
    pub id: String,
    #[serde(default)]
    pub account_id: Option<String>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub filetypes: Vec<ReportFileType>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub destinations: Vec<ReportDestination>,
    /// Empty means all providers.
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub providers: Vec<String>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub filters: Vec<ConfigurationFilter>,
    /// Deprecated, milliseconds.
    #[serde(default)]
    pub send_every: Option<i64>,
    /// Deprecated, epoch ms.
    #[serde(default)]
    pub last_send_at: Option<i64>,
    /// Deprecated, epoch ms.
    #[serde(default)]
    pub last_modified_at: Option<i64>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// The body of `POST .../settlements/reports/configuration`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NewReportConfiguration {
    pub id: Option<String>,
    pub filetypes: Vec<ReportFileType>,
    pub destinations: Vec<ReportDestination>,
    pub providers: Vec<String>,
    pub filters: Option<Vec<ConfigurationFilter>>,
    pub send_every: Option<i64>,
}

/// The body of `PUT .../settlements/reports/configuration/{id}` (a full replacement, no `id`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReportConfigurationUpdate {
    pub filetypes: Vec<ReportFileType>,
    pub destinations: Vec<ReportDestination>,
    pub providers: Vec<String>,
    pub filters: Option<Vec<ConfigurationFilter>>,
    pub send_every: Option<i64>,
}

/// One page of report configurations; `starting_after` is the cursor of the next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportConfigurationPage {
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub items: Vec<ReportConfiguration>,
    #[serde(default)]
    pub starting_after: Option<String>,
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::dintero::http::Auth;
    use crate::dintero::{DinteroClient, DinteroError, FileStream};
    use crate::secret::Secret;
    use crate::validate::{AccountId, OpaqueId, ResourceId};

    fn configurations(aid: &AccountId) -> String {
        format!("/v1/accounts/{aid}/settlements/reports/configuration")
    }

    impl DinteroClient {
        /// `GET /v1/accounts/{aid}/settlements`: one page; follow with `query.after(key)`.
        pub async fn settlements(
            &self,
            person: &Secret,
            aid: &AccountId,
            query: &SettlementQuery,
        ) -> Result<SettlementPage, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.get(
                &format!("/v1/accounts/{aid}/settlements"),
                Auth::Bearer(&token),
                &query.to_query(),
            )
            .await
        }

        /// `GET /v1/accounts/{aid}/settlements/{settlementid}/attachments/{attachmentid}`: the file as a stream.
        pub async fn settlement_attachment(
            &self,
            person: &Secret,
            aid: &AccountId,
            settlement_id: &OpaqueId,
            attachment_id: &OpaqueId,
        ) -> Result<FileStream, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.get_stream(
                &format!("/v1/accounts/{aid}/settlements/{settlement_id}/attachments/{attachment_id}"),
                Auth::Bearer(&token),
            )
            .await
        }

        /// `GET /v1/accounts/{aid}/settlements/reports/configuration`: one page (limit 1–1000, default 100).
        pub async fn report_configurations(
            &self,
            person: &Secret,
            aid: &AccountId,
            limit: Option<u32>,
            starting_after: Option<&str>,
        ) -> Result<ReportConfigurationPage, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            let mut query = Vec::new();
            if let Some(limit) = limit {
                query.push(("limit", limit.to_string()));
            }
            if let Some(after) = starting_after {
                query.push(("starting_after", after.to_owned()));
            }
            self.get(&configurations(aid), Auth::Bearer(&token), &query).await
        }

        /// `POST /v1/accounts/{aid}/settlements/reports/configuration`.
        pub async fn create_report_configuration(
            &self,
            person: &Secret,
            aid: &AccountId,
            body: &NewReportConfiguration,
        ) -> Result<ReportConfiguration, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.post(&configurations(aid), Auth::Bearer(&token), body).await
        }

        /// `GET /v1/accounts/{aid}/settlements/reports/configuration/{id}`.
        pub async fn report_configuration(
            &self,
            person: &Secret,
            aid: &AccountId,
            id: &ResourceId,
        ) -> Result<ReportConfiguration, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            let path = format!("{}/{id}", configurations(aid));
            self.get(&path, Auth::Bearer(&token), &[]).await
        }

        /// `PUT /v1/accounts/{aid}/settlements/reports/configuration/{id}`.
        pub async fn update_report_configuration(
            &self,
            person: &Secret,
            aid: &AccountId,
            id: &ResourceId,
            body: &ReportConfigurationUpdate,
        ) -> Result<ReportConfiguration, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            let path = format!("{}/{id}", configurations(aid));
            self.put(&path, Auth::Bearer(&token), body).await
        }

        /// `DELETE /v1/accounts/{aid}/settlements/reports/configuration/{id}`: returns the deleted configuration.
        pub async fn delete_report_configuration(
            &self,
            person: &Secret,
            aid: &AccountId,
            id: &ResourceId,
        ) -> Result<ReportConfiguration, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            let path = format!("{}/{id}", configurations(aid));
            self.delete(&path, Auth::Bearer(&token), &[]).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_repeats_arrays_and_names_dates_as_dintero_does() {
        let q = SettlementQuery {
            limit: Some(5),
            settled_from: Some("2026-01-01".into()),
            payment_provider: vec!["vipps".into(), "payex".into()],
            ..Default::default()
        };
        assert_eq!(
            q.to_query(),
            [
                ("limit", "5".to_owned()),
                ("created_at.gte", "2026-01-01".to_owned()),
                ("payment_provider", "vipps".to_owned()),
                ("payment_provider", "payex".to_owned()),
            ]
        );
        let key = LastEvaluatedKey {
            id: "s1".into(),
            account_id: None,
            settled_at: Some("2026-02-01T05:00:00.000Z".into()),
            created_at: Some("2026-02-01T06:00:00.000Z".into()),
        };
        let next = q.after(&key);
        assert_eq!(next.starting_after_date.as_deref(), Some("2026-02-01T05:00:00.000Z"));
        let by_created = SettlementQuery {
            created_from: Some("2026-01-01".into()),
            ..Default::default()
        };
        assert_eq!(
            by_created.after(&key).starting_after_date.as_deref(),
            Some("2026-02-01T06:00:00.000Z")
        );
    }
}
