//! The partner's account users: `GET /v1/accounts/{oid}/management/users` (11-team-and-access.md,
//! "Account users"): the people who sign in to the partner's account, and so to this back-office.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountUser {
    pub id: String,
    pub email: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub scope: Vec<String>,
    #[serde(default)]
    pub last_seen_at: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub configuration: Option<UserConfiguration>,
}

/// `POST …/management/users`: a person to invite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewUser {
    pub email: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub scope: Vec<String>,
}

/// `PUT …/management/users/{uid}`: what changes (absent fields stay).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UserUpdate {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Vec<String>>,
}

/// `configuration` of a user: which second factors are on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UserConfiguration {
    #[serde(default)]
    pub mfa: Option<Mfa>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Mfa {
    #[serde(default)]
    pub sms: Option<MfaFactor>,
    #[serde(default)]
    pub totp: Option<MfaFactor>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MfaFactor {
    #[serde(default)]
    pub enabled: bool,
}

impl AccountUser {
    /// Whether a second factor (SMS or an authenticator app) is on.
    pub fn has_mfa(&self) -> bool {
        let mfa = self.configuration.as_ref().and_then(|c| c.mfa.as_ref());
        mfa.is_some_and(|m| m.sms.as_ref().is_some_and(|f| f.enabled) || m.totp.as_ref().is_some_and(|f| f.enabled))
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::{AccountUser, NewUser, UserUpdate};
    use crate::dintero::http::Auth;
    use crate::dintero::{DinteroClient, DinteroError};
    use crate::secret::Secret;

    impl DinteroClient {
        /// Lists the partner's account users with the app's token (at sign-in, to learn the
        /// person's scopes).
        pub async fn partner_users(&self) -> Result<Vec<AccountUser>, DinteroError> {
            let app = self.app_token().await?;
            self.team(&app).await
        }

        /// Invites a person to the partner's account, as `person`.
        pub async fn invite_user(&self, person: &Secret, user: &NewUser) -> Result<AccountUser, DinteroError> {
            let partner = self.partner_id();
            self.post(
                &format!("/v1/accounts/{partner}/management/users"),
                Auth::Bearer(person),
                user,
            )
            .await
        }

        /// Changes the partner's user `uid`, as `person`.
        pub async fn update_user(
            &self,
            person: &Secret,
            uid: &str,
            change: &UserUpdate,
        ) -> Result<AccountUser, DinteroError> {
            let partner = self.partner_id();
            let uid = crate::url::encode(uid);
            self.put(
                &format!("/v1/accounts/{partner}/management/users/{uid}"),
                Auth::Bearer(person),
                change,
            )
            .await
        }

        /// Removes the partner's user `uid`, as `person`.
        pub async fn remove_user(&self, person: &Secret, uid: &str) -> Result<AccountUser, DinteroError> {
            let partner = self.partner_id();
            let uid = crate::url::encode(uid);
            self.delete(
                &format!("/v1/accounts/{partner}/management/users/{uid}"),
                Auth::Bearer(person),
                &[],
            )
            .await
        }

        /// Lists the partner's account users as `person` (the team page).
        pub async fn team(&self, person: &Secret) -> Result<Vec<AccountUser>, DinteroError> {
            let partner = self.partner_id();
            self.get(
                &format!("/v1/accounts/{partner}/management/users"),
                Auth::Bearer(person),
                &[],
            )
            .await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_user_example_decodes_with_its_second_factor() {
        let user: AccountUser = serde_json::from_str(
            r#"{"id":"3f1c2a9e-6b0d-4e7a-9a51-0c2d8e4b7f10","email":"kari@shop.example.no","name":"Kari Nordmann",
 "scope":["read:accounts"],"roles":[{"id":"7b288256-f4f8-4370-bb63-7157652ead21","name":"order support","scope":["admin:checkout"]}],
 "last_seen_at":"2025-05-02T08:30:00Z","configuration":{"mfa":{"sms":{"enabled":true,"updated_at":"2025-01-10T12:00:00Z"},"totp":{"enabled":false}}},
 "created_at":"2024-11-20T09:00:00Z"}"#,
        )
        .unwrap();
        assert!(user.has_mfa());
        assert_eq!(user.last_seen_at.as_deref(), Some("2025-05-02T08:30:00Z"));
        let bare: AccountUser = serde_json::from_str(r#"{"id":"x","email":"a@b.no"}"#).unwrap();
        assert!(!bare.has_mfa());
    }
}
