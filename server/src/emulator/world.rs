//! The emulator's state: one [`Partner`] world per partner account, each with its API clients,
//! its people and (from the Dintero-layer issue on) its merchants.

use std::collections::BTreeMap;

use serde::Serialize;

/// Every partner the emulator knows, by partner account id (`T11200000`).
#[derive(Debug, Clone, Default)]
pub struct World {
    pub seed: u64,
    pub partners: BTreeMap<String, Partner>,
}

impl World {
    /// The partner an `oid` names: the full id (`T11200000`) or the short form (`T112`).
    pub fn partner(&self, oid: &str) -> Option<&Partner> {
        self.partners.get(&normalize_oid(oid))
    }
}

/// `T112` and `T11200000` name the same partner account (REFERENCE.md, "Identifier formats").
pub fn normalize_oid(oid: &str) -> String {
    if oid.len() == 4 {
        format!("{oid}00000")
    } else {
        oid.to_owned()
    }
}

#[derive(Debug, Clone)]
pub struct Partner {
    pub account: Account,
    pub clients: Vec<ApiClient>,
    pub users: Vec<User>,
}

impl Partner {
    pub fn user_by_email(&self, email: &str) -> Option<&User> {
        self.users.iter().find(|u| u.email.eq_ignore_ascii_case(email.trim()))
    }
}

/// An API client on the partner account (`client_id` + secret, for the client-credentials grant).
#[derive(Debug, Clone)]
pub struct ApiClient {
    pub client_id: String,
    pub client_secret: String,
    pub name: String,
    pub scopes: Vec<String>,
}

/// A person with a Dintero account user on the partner account.
#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: String,
    pub email: String,
    pub name: String,
    #[serde(skip)]
    pub password: String,
    #[serde(rename = "scope")]
    pub scopes: Vec<String>,
    pub authentication_type: Option<String>,
    pub created_at: String,
}

/// The parts of Dintero's `Account` object the emulator keeps (03-account-schema.md).
#[derive(Debug, Clone, Serialize)]
pub struct Account {
    pub id: String,
    pub account_id: String,
    pub created_at: String,
    pub livemode: bool,
    pub active: bool,
    pub currency: String,
    pub language_code: String,
    pub company: Company,
}

#[derive(Debug, Clone, Serialize)]
pub struct Company {
    pub business_name: String,
    pub display_name: Option<String>,
    pub organization_number: String,
    pub address: Address,
    pub email: Option<String>,
    pub website: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Address {
    pub address_line: String,
    pub postal_code: String,
    pub postal_place: String,
    pub country: String,
}
