//! Insight report metadata (08-settlements-reports-payout.md).

use serde::{Deserialize, Serialize};

crate::open_enum! {
    /// `report_filters[].filter` of an insight report.
    pub enum ReportFilterKind {
        OperationPayoutDestination = "operation_payout_destination",
        StoreId = "store_id",
    }
}

/// One insight report file (all fields read-only). Download it through `signed_url`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportMetadata {
    pub id: String,
    /// Shared by every format of one run.
    #[serde(default)]
    pub report_job_id: Option<String>,
    #[serde(default)]
    pub account_id: Option<String>,
    #[serde(default)]
    pub template_id: Option<String>,
    #[serde(default)]
    pub content_type: Option<String>,
    #[serde(default)]
    pub content_language: Option<String>,
    #[serde(default)]
    pub created_by: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub data_from: Option<String>,
    #[serde(default)]
    pub data_to: Option<String>,
    /// E.g. `weekly`, `monthly` (values not documented, so a plain string).
    #[serde(default)]
    pub schedule: Option<String>,
    #[serde(default)]
    pub report_file_name: Option<String>,
    #[serde(default)]
    pub custom_report_name: Option<String>,
    #[serde(default)]
    pub report_config_id: Option<String>,
    #[serde(default)]
    pub data_type: Option<String>,
    /// A pre-signed download URL.
    #[serde(default)]
    pub signed_url: Option<String>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub report_filters: Vec<ReportFilter>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportFilter {
    pub filter: ReportFilterKind,
    pub value: String,
}

/// One page of `GET /v1/accounts/{aid}/reports/metadata`; `starting_after` is the next page's cursor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportMetadataPage {
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub reports: Vec<ReportMetadata>,
    #[serde(default)]
    pub starting_after: Option<String>,
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::{ReportMetadata, ReportMetadataPage};
    use crate::dintero::http::Auth;
    use crate::dintero::{DecodeFailure, DinteroClient, DinteroError, FileStream};
    use crate::secret::Secret;
    use crate::validate::AccountId;

    impl DinteroClient {
        /// `GET /v1/accounts/{aid}/reports/metadata`: one page (limit 1–100, default 10).
        pub async fn report_metadata(
            &self,
            person: &Secret,
            aid: &AccountId,
            limit: Option<u32>,
            starting_after: Option<&str>,
        ) -> Result<ReportMetadataPage, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            let mut query = Vec::new();
            if let Some(limit) = limit {
                query.push(("limit", limit.to_string()));
            }
            if let Some(after) = starting_after {
                query.push(("starting_after", after.to_owned()));
            }
            self.get(
                &format!("/v1/accounts/{aid}/reports/metadata"),
                Auth::Bearer(&token),
                &query,
            )
            .await
        }

        /// The report's file, streamed from its `signed_url` (no bearer: the signature is the
        /// permission). A URL that is neither on Dintero's own origin (the configured base URL's)
        /// nor an HTTPS URL on Amazon S3 or a `dintero.com` host is refused without a request.
        pub async fn report_file(&self, report: &ReportMetadata) -> Result<FileStream, DinteroError> {
            let Some(url) = report.signed_url.as_deref().filter(|u| !u.is_empty()) else {
                return Err(DinteroError::Decode(Box::new(DecodeFailure {
                    method: "GET".to_owned(),
                    path: format!("/reports/{}", report.id),
                    json_path: "signed_url".to_owned(),
                    message: "the report has no signed URL".to_owned(),
                    request_id: None,
                })));
            };
            self.get_signed(url).await
        }
    }
}
