//! Tokens: `POST /v1/accounts/{oid}/auth/token` (01-auth.md).

use serde::{Deserialize, Serialize};

/// Dintero's `AccessToken`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessToken {
    pub access_token: String,
    pub token_type: String,
    /// Seconds until the token expires.
    pub expires_in: i64,
    #[serde(default)]
    pub refresh_token: Option<String>,
}

impl std::fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccessToken")
            .field("expires_in", &self.expires_in)
            .finish_non_exhaustive()
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use serde_json::json;

    use super::AccessToken;
    use crate::dintero::http::Auth;
    use crate::dintero::{DinteroClient, DinteroError};
    use crate::secret::Secret;

    impl DinteroClient {
        /// Gets a token for the app's own API client (client-credentials grant, HTTP Basic).
        pub async fn client_credentials_token(&self) -> Result<AccessToken, DinteroError> {
            let partner = self.partner_id();
            let body = json!({"grant_type": "client_credentials", "audience": self.audience(partner)});
            let (id, secret) = self.credentials();
            self.post(
                &format!("/v1/accounts/{partner}/auth/token"),
                Auth::Basic(id, secret),
                &body,
            )
            .await
        }

        /// Signs a person in with e-mail and password (password grant, Bearer = the app's token).
        pub async fn password_token(&self, username: &str, password: &Secret) -> Result<AccessToken, DinteroError> {
            let partner = self.partner_id();
            let body = json!({
                "grant_type": "password",
                "username": username,
                "password": password.expose(),
                "audience": self.audience(partner),
            });
            let app = self.app_token().await?;
            self.post(&format!("/v1/accounts/{partner}/auth/token"), Auth::Bearer(&app), &body)
                .await
        }
    }
}
