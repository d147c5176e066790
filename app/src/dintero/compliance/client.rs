//! The MATCH and VMSS calls (server only).

use super::*;

fn paging(limit: Option<u32>, starting_after: Option<u64>) -> Vec<(&'static str, String)> {
    let mut query = Vec::new();
    if let Some(limit) = limit {
        query.push(("limit", limit.to_string()));
    }
    if let Some(offset) = starting_after {
        query.push(("starting_after", offset.to_string()));
    }
    query
}

#[cfg(feature = "ssr")]
mod ssr {
    use reqwest::Method;

    use super::{
        paging, MatchInquiry, MatchSearchRequest, MatchTerminateRequest, MatchTerminateResponse, VmssSearchRequest,
        VmssSearchResponse, VmssTerminateRequest, VmssTerminateResponse,
    };
    use crate::dintero::http::Auth;
    use crate::dintero::{DinteroClient, DinteroError};
    use crate::secret::Secret;
    use crate::validate::{AccountId, Irn};

    impl DinteroClient {
        /// `POST /v1/accounts/{aid}/compliance-search/match`: a MATCH inquiry (sent once; one page).
        pub async fn match_search(
            &self,
            person: &Secret,
            aid: &AccountId,
            body: &MatchSearchRequest,
            limit: Option<u32>,
            starting_after: Option<u64>,
        ) -> Result<MatchInquiry, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.write(
                Method::POST,
                &format!("/v1/accounts/{aid}/compliance-search/match"),
                Auth::Bearer(&token),
                &paging(limit, starting_after),
                Some(body),
            )
            .await
        }

        /// `GET /v1/accounts/{aid}/compliance-search/match/{irn}`: a page of a previous inquiry.
        pub async fn match_inquiry(
            &self,
            person: &Secret,
            aid: &AccountId,
            irn: &Irn,
            limit: Option<u32>,
            starting_after: Option<u64>,
        ) -> Result<MatchInquiry, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.get(
                &format!("/v1/accounts/{aid}/compliance-search/match/{irn}"),
                Auth::Bearer(&token),
                &paging(limit, starting_after),
            )
            .await
        }

        /// `POST /v1/accounts/{aid}/compliance-search/match/terminate`: lists a terminated merchant on MATCH.
        pub async fn match_terminate(
            &self,
            person: &Secret,
            aid: &AccountId,
            body: &MatchTerminateRequest,
        ) -> Result<MatchTerminateResponse, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.post(
                &format!("/v1/accounts/{aid}/compliance-search/match/terminate"),
                Auth::Bearer(&token),
                body,
            )
            .await
        }

        /// `POST /v1/accounts/{aid}/compliance-search/vmss`: a Visa VMSS inquiry.
        pub async fn vmss_search(
            &self,
            person: &Secret,
            aid: &AccountId,
            body: &VmssSearchRequest,
        ) -> Result<VmssSearchResponse, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.post(
                &format!("/v1/accounts/{aid}/compliance-search/vmss"),
                Auth::Bearer(&token),
                body,
            )
            .await
        }

        /// `POST /v1/accounts/{aid}/compliance-search/vmss/terminate`: lists a terminated merchant on VMSS.
        pub async fn vmss_terminate(
            &self,
            person: &Secret,
            aid: &AccountId,
            body: &VmssTerminateRequest,
        ) -> Result<VmssTerminateResponse, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.post(
                &format!("/v1/accounts/{aid}/compliance-search/vmss/terminate"),
                Auth::Bearer(&token),
                body,
            )
            .await
        }
    }
}
