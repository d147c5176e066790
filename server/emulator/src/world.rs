//! The emulator's state: one [`Partner`] world per partner account, each with its API clients, its
//! people, its sign-in sessions and one store per API area (merchants, approvals, pricing,
//! compliance, settlements), each defined in the area's `store.rs`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::accounts::store::Store as AccountsStore;
use crate::approvals::store::Store as ApprovalsStore;
use crate::compliance::store::Store as ComplianceStore;
use crate::pricing::store::Store as PricingStore;
use crate::sessions::AuthStore;
use crate::settlements::store::Store as SettlementsStore;

/// Every demo person's password, and an invited person's (the emulator e-mails no invitation).
pub const DEMO_PASSWORD: &str = "demo-password";

/// Every partner the emulator knows, by partner account id (`T11200000`).
#[derive(Debug, Clone, Default)]
pub struct World {
    pub seed: u64,
    /// How many merchants the demo partner was seeded with.
    pub merchants: usize,
    pub partners: BTreeMap<String, Partner>,
}

impl World {
    /// The partner an `oid` names: the full id (`T11200000`) or the short form (`T112`).
    pub fn partner(&self, oid: &str) -> Option<&Partner> {
        self.partners.get(&normalize_oid(oid))
    }

    pub fn partner_mut(&mut self, oid: &str) -> Option<&mut Partner> {
        self.partners.get_mut(&normalize_oid(oid))
    }

    /// The partner a merchant account (`T11200001`) belongs to, if that merchant exists.
    pub fn partner_of(&self, aid: &str) -> Option<&Partner> {
        self.partners.values().find(|p| p.accounts.merchants.contains_key(aid))
    }

    pub fn partner_of_mut(&mut self, aid: &str) -> Option<&mut Partner> {
        self.partners
            .values_mut()
            .find(|p| p.accounts.merchants.contains_key(aid))
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
    /// Refresh tokens, pending MFA sign-ins, and the outbox of codes.
    pub auth: AuthStore,
    /// Merchant accounts, their events and connections.
    pub accounts: AccountsStore,
    /// CDD cases, payment approvals, seller approvals.
    pub approvals: ApprovalsStore,
    /// Price packages and which account uses which.
    pub pricing: PricingStore,
    /// The MATCH and VMSS registers and past inquiries.
    pub compliance: ComplianceStore,
    /// Settlements, report configurations, report metadata, seller balances and transfers.
    pub settlements: SettlementsStore,
}

impl Partner {
    pub fn user_by_email(&self, email: &str) -> Option<&User> {
        self.users.iter().find(|u| u.email.eq_ignore_ascii_case(email.trim()))
    }

    pub fn user_by_id(&self, id: &str) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
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
    /// When the user last signed in (a password or second-factor sign-in).
    pub last_seen_at: Option<String>,
    #[serde(skip)]
    pub phone_number: String,
    /// Whether signing in needs a second factor (set through `/__emulator/users/mfa`).
    #[serde(skip)]
    pub mfa_required: bool,
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
