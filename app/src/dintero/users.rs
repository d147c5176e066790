//! The partner's account users: `GET /v1/accounts/{oid}/management/users` (01-auth.md).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountUser {
    pub id: String,
    pub email: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub scope: Vec<String>,
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::AccountUser;
    use crate::dintero::http::Auth;
    use crate::dintero::{DinteroClient, DinteroError};

    impl DinteroClient {
        /// Lists the partner's account users with the app's token.
        pub async fn partner_users(&self) -> Result<Vec<AccountUser>, DinteroError> {
            let app = self.app_token().await?;
            let partner = self.partner_id();
            self.get(
                &format!("/v1/accounts/{partner}/management/users"),
                Auth::Bearer(&app),
                &[],
            )
            .await
        }
    }
}
