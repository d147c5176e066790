//! A merchant's connection signups, one GET per provider with a known path
//! (`/v1/accounts/{aid}/management/settings/connections/...`, 04-connections.md). Each answers the
//! [`Connection`] object: the common part plus the provider's `signup`/`signups`/`configuration`.
//! Called with the person's token exchanged for the merchant.

pub use super::accounts::Connection;

crate::open_enum! {
    /// The PayEx product a connection is for (only value known: `payex.creditcard`).
    pub enum PayexProductType {
        Creditcard = "payex.creditcard",
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::{Connection, PayexProductType};
    use crate::dintero::http::Auth;
    use crate::dintero::wire::segment;
    use crate::dintero::{DinteroClient, DinteroError};
    use crate::secret::Secret;
    use crate::validate::AccountId;

    impl DinteroClient {
        async fn connection(
            &self,
            person: &Secret,
            aid: &AccountId,
            provider: &str,
        ) -> Result<Connection, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            let path = format!("/v1/accounts/{aid}/management/settings/connections/{provider}");
            self.get(&path, Auth::Bearer(&token), &[]).await
        }

        /// `GET /v1/accounts/{aid}/management/settings/connections/common`.
        pub async fn common_connection(&self, person: &Secret, aid: &AccountId) -> Result<Connection, DinteroError> {
            self.connection(person, aid, "common").await
        }

        /// `GET /v1/accounts/{aid}/management/settings/connections/bambora` (all Bambora variants).
        pub async fn bambora_connection(&self, person: &Secret, aid: &AccountId) -> Result<Connection, DinteroError> {
            self.connection(person, aid, "bambora").await
        }

        /// `GET /v1/accounts/{aid}/management/settings/connections/collector`.
        pub async fn collector_connection(&self, person: &Secret, aid: &AccountId) -> Result<Connection, DinteroError> {
            self.connection(person, aid, "collector").await
        }

        /// `GET /v1/accounts/{aid}/management/settings/connections/instabank`.
        pub async fn instabank_connection(&self, person: &Secret, aid: &AccountId) -> Result<Connection, DinteroError> {
            self.connection(person, aid, "instabank").await
        }

        /// `GET /v1/accounts/{aid}/management/settings/connections/klarna`.
        pub async fn klarna_connection(&self, person: &Secret, aid: &AccountId) -> Result<Connection, DinteroError> {
            self.connection(person, aid, "klarna").await
        }

        /// `GET /v1/accounts/{aid}/management/settings/connections/vipps-psp`.
        pub async fn vipps_psp_connection(&self, person: &Secret, aid: &AccountId) -> Result<Connection, DinteroError> {
            self.connection(person, aid, "vipps-psp").await
        }

        /// `GET /v1/accounts/{aid}/management/settings/connections/payex/{payment_product_type}`.
        pub async fn payex_connection(
            &self,
            person: &Secret,
            aid: &AccountId,
            product: &PayexProductType,
        ) -> Result<Connection, DinteroError> {
            self.connection(person, aid, &format!("payex/{}", segment(product.as_str())))
                .await
        }

        /// `GET /v1/accounts/{aid}/management/settings/connections/swish`.
        pub async fn swish_connection(&self, person: &Secret, aid: &AccountId) -> Result<Connection, DinteroError> {
            self.connection(person, aid, "swish").await
        }

        /// `GET /v1/accounts/{aid}/management/settings/connections/vipps`.
        pub async fn vipps_connection(&self, person: &Secret, aid: &AccountId) -> Result<Connection, DinteroError> {
            self.connection(person, aid, "vipps").await
        }
    }
}
