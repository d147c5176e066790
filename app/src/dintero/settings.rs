//! An account's own settings: `GET /v1/accounts/{aid}/management/settings` (02-partner-accounts.md).
//! The `Account` object here is the part the app reads so far; unknown fields are ignored.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Account {
    pub account_id: String,
    #[serde(default)]
    pub livemode: Option<bool>,
    #[serde(default)]
    pub company: Option<AccountCompany>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountCompany {
    #[serde(default)]
    pub business_name: Option<String>,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub organization_number: Option<String>,
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::Account;
    use crate::dintero::http::Auth;
    use crate::dintero::{DinteroClient, DinteroError};

    impl DinteroClient {
        /// Reads the partner account's own settings with the app's token.
        pub async fn partner_settings(&self) -> Result<Account, DinteroError> {
            let app = self.app_token().await?;
            let partner = self.partner_id();
            self.get(
                &format!("/v1/accounts/{partner}/management/settings"),
                Auth::Bearer(&app),
                &[],
            )
            .await
        }
    }
}
