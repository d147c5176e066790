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

crate::open_enum! {
    /// Where a one-time code is sent.
    pub enum OobChannel {
        Sms = "sms",
        Email = "email",
    }
}

/// The answer to an MFA challenge: the `oob_code` to send back with the code the person received.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct MfaChallenge {
    pub challenge_type: String,
    #[serde(default)]
    pub binding_method: Option<String>,
    pub oob_code: String,
}

impl std::fmt::Debug for MfaChallenge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MfaChallenge")
            .field("challenge_type", &self.challenge_type)
            .finish_non_exhaustive()
    }
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

    use super::{AccessToken, MfaChallenge, OobChannel};
    use crate::dintero::http::Auth;
    use crate::dintero::{DinteroClient, DinteroError, MfaToken};
    use crate::secret::Secret;

    impl DinteroClient {
        /// Asks Dintero to send a one-time code for a sign-in that answered `mfa_required`
        /// (`POST /v1/accounts/{partner}/auth/mfa/challenge`).
        pub async fn mfa_challenge(
            &self,
            mfa_token: &MfaToken,
            channel: OobChannel,
        ) -> Result<MfaChallenge, DinteroError> {
            let partner = self.partner_id();
            let body = json!({"challenge_type": "oob", "mfa_token": mfa_token.0, "oob_channel": channel.as_str()});
            let app = self.app_token().await?;
            self.post(
                &format!("/v1/accounts/{partner}/auth/mfa/challenge"),
                Auth::Bearer(&app),
                &body,
            )
            .await
        }

        /// Completes an MFA sign-in with the code the person received (`mfa_oob` grant).
        pub async fn mfa_oob_token(
            &self,
            mfa_token: &MfaToken,
            oob_code: &str,
            binding_code: &str,
        ) -> Result<AccessToken, DinteroError> {
            let partner = self.partner_id();
            let body = json!({
                "grant_type": "mfa_oob",
                "mfa_token": mfa_token.0,
                "oob_code": oob_code,
                "binding_code": binding_code,
            });
            let app = self.app_token().await?;
            self.post(&format!("/v1/accounts/{partner}/auth/token"), Auth::Bearer(&app), &body)
                .await
        }

        /// A new token for the person from their refresh token (`refresh_token` grant, Bearer = the
        /// app's token, the client that obtained it).
        pub async fn refresh_token(&self, refresh_token: &Secret) -> Result<AccessToken, DinteroError> {
            let partner = self.partner_id();
            let body = json!({"grant_type": "refresh_token", "refresh_token": refresh_token.expose()});
            let app = self.app_token().await?;
            self.post(&format!("/v1/accounts/{partner}/auth/token"), Auth::Bearer(&app), &body)
                .await
        }

        /// Revokes a refresh token (`POST /v1/accounts/{partner}/auth/revoke`).
        pub async fn revoke(&self, refresh_token: &Secret) -> Result<(), DinteroError> {
            let partner = self.partner_id();
            let body = json!({"token": refresh_token.expose()});
            let app = self.app_token().await?;
            let _: serde_json::Value = self
                .post(
                    &format!("/v1/accounts/{partner}/auth/revoke"),
                    Auth::Bearer(&app),
                    &body,
                )
                .await?;
            Ok(())
        }

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

/// Exchanging a person's token for a merchant's, kept in the client's cache (server only).
#[cfg(feature = "ssr")]
mod merchant_tokens {
    use serde_json::json;

    use super::AccessToken;
    use crate::dintero::http::Auth;
    use crate::dintero::token_cache::{fingerprint, CachedToken};
    use crate::dintero::{DinteroClient, DinteroError};
    use crate::secret::Secret;
    use crate::validate::AccountId;

    impl DinteroClient {
        /// Exchanges a partner token (the person's) for a token on one of the partner's merchants
        /// (`POST /v1/accounts/{partner_id}/auth/exchange_token`).
        pub async fn exchange_token(
            &self,
            person: &Secret,
            account_id: &AccountId,
        ) -> Result<AccessToken, DinteroError> {
            let partner = self.partner_id();
            let body = json!({"account_id": account_id.as_str()});
            self.post(
                &format!("/v1/accounts/{partner}/auth/exchange_token"),
                Auth::Bearer(person),
                &body,
            )
            .await
        }

        /// The person's token on merchant `aid`: exchanged once, then cached per person and
        /// merchant until shortly before it expires.
        pub async fn merchant_token(&self, person: &Secret, aid: &AccountId) -> Result<Secret, DinteroError> {
            let key = (fingerprint(person), aid.clone());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dintero::ErrorEnvelope;

    fn example(name: &str) -> String {
        let path = format!("{}/../../shared/api/examples/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn the_reference_token_examples_decode() {
        for name in ["token.json", "token_password_with_refresh.json", "exchange_token.json"] {
            let token: AccessToken = serde_json::from_str(&example(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(token.token_type, "Bearer", "{name}");
            assert!(token.expires_in > 0, "{name}");
        }
        let with_refresh: AccessToken = serde_json::from_str(&example("token_password_with_refresh.json")).unwrap();
        assert!(with_refresh.refresh_token.is_some());
        assert!(
            !format!("{with_refresh:?}").contains(&with_refresh.access_token),
            "Debug hides the token"
        );
        let challenge: MfaChallenge = serde_json::from_str(&example("mfa_challenge.json")).unwrap();
        assert_eq!(challenge.binding_method.as_deref(), Some("prompt"));
    }

    #[test]
    fn the_reference_error_examples_decode() {
        for name in [
            "error_400_validation.json",
            "error_401.json",
            "error_429.json",
            "error_mfa_required.json",
        ] {
            let envelope: ErrorEnvelope =
                serde_json::from_str(&example(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(!envelope.error.message.is_empty(), "{name}");
        }
        let validation: ErrorEnvelope = serde_json::from_str(&example("error_400_validation.json")).unwrap();
        assert_eq!(validation.error.errors.map(|e| e.len()), Some(2));
        let mfa: ErrorEnvelope = serde_json::from_str(&example("error_mfa_required.json")).unwrap();
        assert_eq!(mfa.error.code.as_deref(), Some("mfa_required"));
        assert!(mfa.mfa_token.is_some());
    }

    #[test]
    fn tokens_tolerate_nulls_and_unknown_fields() {
        let token: AccessToken = serde_json::from_str(
            r#"{"access_token":"a.b.c","token_type":"Bearer","expires_in":60,"refresh_token":null,"scope":"x y"}"#,
        )
        .unwrap();
        assert_eq!(token.refresh_token, None);
        let envelope: ErrorEnvelope =
            serde_json::from_str(r#"{"error":{"message":"m","code":null,"errors":null,"trace":"t"},"extra":1}"#)
                .unwrap();
        assert_eq!(envelope.error.code, None);
        let channel: OobChannel = serde_json::from_str(r#""push""#).unwrap();
        assert_eq!(channel, OobChannel::Other("push".into()));
    }
}
