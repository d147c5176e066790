//! The `Account` object and its parts (03-account-schema.md).

use super::*;

/// Fields a type does not name, kept as read.
pub type Extra = Map<String, Value>;

/// A merchant account as the partner sees it (03-account-schema.md).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Account {
    #[serde(default)]
    pub account_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub livemode: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_case_status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub projected_sales: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub average_transaction_value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_category_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_timeline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub most_expensive_product_price: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift_card_revenue_percentage: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_rating: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev_credit_rating: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant: Option<AccountApplicant>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<AccountCompany>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing: Option<AccountBilling>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription: Option<Subscription>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progression: Option<Progression>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reseller_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_manager: Option<AccountManager>,
    /// Item shape not recovered (03-account-schema.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Vec<Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sale_channel: Option<SaleChannel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_package: Option<String>,
    /// Opaque ("Statistics for the account").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statistics: Option<Value>,
    /// By service name (`checkout`, `customers`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services: Option<BTreeMap<String, AccountService>>,
    /// By provider (`vipps`, `payex` → `creditcard`, `klarna`, ...): an open map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connections: Option<BTreeMap<String, Connection>>,
    /// Opaque (inner shape not recovered).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approvals_payments_statuses: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approvals_payout_destinations_statuses: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jwks: Option<Value>,
    /// Present on list items: pass the last one as `starting_after`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging_token: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Account {
    /// The merchant's name: its business name, else its display name, else its account id.
    pub fn name(&self) -> String {
        self.company
            .as_ref()
            .and_then(|c| c.business_name.clone().or_else(|| c.display_name.clone()))
            .unwrap_or_else(|| self.account_id.clone())
    }

    /// The connection a name stands for (`payex`/`payex.creditcard` → `connections.payex.creditcard`,
    /// `vipps-psp` → `vipps_psp`).
    pub fn connection(&self, name: &ConnectionName) -> Option<&Connection> {
        let connections = self.connections.as_ref()?;
        match name {
            ConnectionName::Payex | ConnectionName::PayexCreditcard => connections.get("payex")?.creditcard.as_deref(),
            ConnectionName::VippsPsp => connections.get("vipps_psp"),
            other => connections.get(other.as_str()),
        }
    }

    /// Every connection with its name as the `connection` filter spells it (`payex` for the card one).
    pub fn connection_list(&self) -> Vec<(String, &Connection)> {
        self.connections
            .iter()
            .flatten()
            .filter_map(|(name, c)| match c.creditcard.as_deref() {
                Some(card) if name == "payex" => Some((name.clone(), card)),
                _ if name == "payex" => None,
                _ => Some((name.clone(), c)),
            })
            .collect()
    }
}

/// The person completing the registration.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AccountApplicant {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promo_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signup_reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utm: Option<Value>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The merchant's company.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AccountCompany {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technical_email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_category_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branding: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<Vec<Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacts: Option<Vec<Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A company or billing address (`address_line`, `postal_place`, `country` required in requests).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Address {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line_2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_place: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Who the merchant is billed as.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AccountBilling {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Subscription {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<SubscriptionInterval>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<SubscriptionPlan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<SupportLevel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Value>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The partner's account manager for a merchant.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AccountManager {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One of the account's services (`checkout` adds `gateways`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AccountService {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ServiceStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progression: Option<ServiceProgression>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Value>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A payment connection: the common part, with provider data (`signup`, `signups`,
/// `configuration`) kept loosely. PayEx nests its card connection under `creditcard`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Connection {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ConnectionStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Map<String, Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<ConnectionEvent>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signup: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signups: Option<Vec<Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub configuration: Option<ConnectionConfiguration>,
    /// PayEx only: the card connection (`connections.payex.creditcard`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creditcard: Option<Box<Connection>>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Connection {
    /// The connection's events, oldest first as Dintero lists them.
    pub fn events(&self) -> &[ConnectionEvent] {
        self.events.as_deref().unwrap_or_default()
    }
}

/// A connection's enabled configuration; provider data (which may hold credentials such as
/// `md5_key`, `secret_token`, `subscription_keys`) stays in `extra`, and `Debug` names its keys only.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ConnectionConfiguration {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_options: Option<Vec<PaymentOption>>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl std::fmt::Debug for ConnectionConfiguration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnectionConfiguration")
            .field("payment_options", &self.payment_options)
            .field("extra_keys", &self.extra.keys().collect::<Vec<_>>())
            .finish()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaymentOption {
    #[serde(rename = "type")]
    pub option_type: PaymentOptionType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currencies: Option<Vec<String>>,
}
