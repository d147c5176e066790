//! An account's own settings: `GET`/`PUT /v1/accounts/{aid}/management/settings`
//! (02-partner-accounts.md). The answer is the `Account` object without the partner-private fields
//! (so the same [`Account`] type reads it, those fields left empty).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use super::accounts::Account;
use super::accounts::{AccountBilling, AccountCompany, AccountService};

/// The body of `PUT .../management/settings`: every part optional; what is given is changed.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SettingsUpdate {
    pub company: Option<AccountCompany>,
    pub billing: Option<AccountBilling>,
    pub services: Option<BTreeMap<String, AccountService>>,
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::{Account, SettingsUpdate};
    use crate::dintero::http::Auth;
    use crate::dintero::{DinteroClient, DinteroError};
    use crate::secret::Secret;
    use crate::validate::AccountId;

    impl DinteroClient {
        /// Reads the partner account's own settings with the app's token
        /// (`GET /v1/accounts/{partner}/management/settings`).
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

        /// Reads a merchant's own settings with the person's merchant token
        /// (`GET /v1/accounts/{aid}/management/settings`).
        pub async fn merchant_settings(&self, person: &Secret, aid: &AccountId) -> Result<Account, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.get(
                &format!("/v1/accounts/{aid}/management/settings"),
                Auth::Bearer(&token),
                &[],
            )
            .await
        }

        /// Changes a merchant's company, billing or services (`PUT /v1/accounts/{aid}/management/settings`).
        pub async fn update_merchant_settings(
            &self,
            person: &Secret,
            aid: &AccountId,
            update: &SettingsUpdate,
        ) -> Result<Account, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            self.put(
                &format!("/v1/accounts/{aid}/management/settings"),
                Auth::Bearer(&token),
                update,
            )
            .await
        }
    }
}
