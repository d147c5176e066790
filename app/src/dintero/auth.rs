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

#[cfg(feature = "ssr")]
pub use merchant_tokens::MerchantTokens;

/// The cache of merchant tokens (server only).
#[cfg(feature = "ssr")]
mod merchant_tokens {
    use std::collections::HashMap;
    use std::hash::{DefaultHasher, Hash, Hasher};
    use std::sync::{Arc, Mutex};

    use serde_json::json;
    use tokio::sync::OnceCell;

    use super::AccessToken;
    use crate::dintero::http::{Auth, CachedToken};
    use crate::dintero::{DinteroClient, DinteroError};
    use crate::secret::Secret;

    /// Merchant tokens by (person, merchant), each kept until shortly before it expires. A slot is
    /// a `OnceCell`, so concurrent requests for the same merchant wait for one exchange.
    #[derive(Default)]
    pub struct MerchantTokens(Mutex<HashMap<(u64, String), Arc<OnceCell<CachedToken>>>>);

    /// How many slots the cache holds before it drops the stale ones.
    const PRUNE_AT: usize = 10_000;

    impl MerchantTokens {
        fn slot(&self, key: &(u64, String)) -> Arc<OnceCell<CachedToken>> {
            let mut slots = self.0.lock().unwrap_or_else(|p| p.into_inner());
            if slots.len() >= PRUNE_AT {
                slots.retain(|_, slot| slot.get().is_none_or(CachedToken::is_fresh));
            }
            slots.entry(key.clone()).or_default().clone()
        }

        /// Forgets `slot` for `key` if it is still the one there (it held an expired token).
        fn evict(&self, key: &(u64, String), slot: &Arc<OnceCell<CachedToken>>) {
            let mut slots = self.0.lock().unwrap_or_else(|p| p.into_inner());
            if slots.get(key).is_some_and(|s| Arc::ptr_eq(s, slot)) {
                slots.remove(key);
            }
        }
    }

    /// Who a person token belongs to, without keeping the token itself as a key.
    fn fingerprint(person: &Secret) -> u64 {
        let mut hasher = DefaultHasher::new();
        person.expose().hash(&mut hasher);
        hasher.finish()
    }

    impl DinteroClient {
        /// Exchanges a partner token (the person's) for a token on one of the partner's merchants
        /// (`POST /v1/accounts/{partner_id}/auth/exchange_token`).
        pub async fn exchange_token(&self, person: &Secret, account_id: &str) -> Result<AccessToken, DinteroError> {
            let partner = self.partner_id();
            let body = json!({"account_id": account_id});
            self.post(
                &format!("/v1/accounts/{partner}/auth/exchange_token"),
                Auth::Bearer(person),
                &body,
            )
            .await
        }

        /// The person's token on merchant `aid`: exchanged once, then cached per person and
        /// merchant until shortly before it expires.
        pub async fn merchant_token(&self, person: &Secret, aid: &str) -> Result<Secret, DinteroError> {
            let key = (fingerprint(person), aid.to_owned());
            loop {
                let slot = self.merchant_tokens().slot(&key);
                let token = slot
                    .get_or_try_init(|| async {
                        let fresh = self.exchange_token(person, aid).await?;
                        Ok::<_, DinteroError>(CachedToken::new(fresh.access_token, fresh.expires_in))
                    })
                    .await?;
                if token.is_fresh() {
                    return Ok(token.token.clone());
                }
                self.merchant_tokens().evict(&key, &slot);
            }
        }
    }
}
