//! The `Account` object and its parts (03-account-schema.md).

use super::*;

/// Fields a type does not name, kept as read.
pub type Extra = Map<String, Value>;

/// A merchant account as the partner sees it (03-account-schema.md).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Account {
    #[serde(default)]
    pub account_id: String,
    pub id: Option<String>,
    pub created_at: Option<String>,
    pub created_by: Option<String>,
    pub updated_at: Option<String>,
    pub deleted_at: Option<String>,
    pub deleted_by: Option<String>,
    pub partner_id: Option<String>,
    pub livemode: Option<bool>,
    pub active: Option<bool>,
    pub language_code: Option<String>,
    pub currency: Option<String>,
    pub payment_case_status: Option<String>,
    pub projected_sales: Option<String>,
    pub average_transaction_value: Option<String>,
    pub merchant_category_code: Option<String>,
    pub delivery_timeline: Option<String>,
    pub most_expensive_product_price: Option<String>,
    pub gift_card_revenue_percentage: Option<String>,
    pub credit_rating: Option<String>,
    pub prev_credit_rating: Option<String>,
    pub applicant: Option<AccountApplicant>,
    pub company: Option<AccountCompany>,
    pub billing: Option<AccountBilling>,
    pub subscription: Option<Subscription>,
    pub progression: Option<Progression>,
    pub reseller_id: Option<String>,
    pub account_manager: Option<AccountManager>,
    /// Item shape not recovered (03-account-schema.md).
    pub permissions: Option<Vec<Value>>,
    pub sale_channel: Option<SaleChannel>,
    pub price_package: Option<String>,
    /// Opaque ("Statistics for the account").
    pub statistics: Option<Value>,
    /// By service name (`checkout`, `customers`, ...).
    pub services: Option<BTreeMap<String, AccountService>>,
    /// By provider (`vipps`, `payex` → `creditcard`, `klarna`, ...): an open map.
    pub connections: Option<BTreeMap<String, Connection>>,
    /// Opaque (inner shape not recovered).
    pub approvals_payments_statuses: Option<Value>,
    pub approvals_payout_destinations_statuses: Option<Value>,
    pub jwks: Option<Value>,
    /// Present on list items: pass the last one as `starting_after`.
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
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AccountApplicant {
    pub email: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub phone_number: Option<String>,
    pub agreement: Option<Value>,
    pub promo_code: Option<String>,
    pub signup_reference: Option<String>,
    pub utm: Option<Value>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The merchant's company.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AccountCompany {
    pub business_name: Option<String>,
    pub display_name: Option<String>,
    pub organization_number: Option<String>,
    pub industry: Option<String>,
    pub website: Option<String>,
    pub terms_url: Option<String>,
    pub bank_name: Option<String>,
    pub account_number: Option<String>,
    pub email: Option<String>,
    pub technical_email: Option<String>,
    pub phone_number: Option<String>,
    pub merchant_category_code: Option<String>,
    pub branding: Option<Value>,
    pub terms: Option<Vec<Value>>,
    pub contacts: Option<Vec<Value>>,
    pub address: Option<Address>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A company or billing address (`address_line`, `postal_place`, `country` required in requests).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Address {
    pub address_line: Option<String>,
    pub address_line_2: Option<String>,
    pub postal_code: Option<String>,
    pub postal_place: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Who the merchant is billed as.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AccountBilling {
    pub business_name: Option<String>,
    pub address: Option<Address>,
    pub organization_number: Option<String>,
    pub email: Option<String>,
    pub reference: Option<String>,
    pub phone_number: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Subscription {
    pub interval: Option<SubscriptionInterval>,
    pub plan: Option<SubscriptionPlan>,
    pub support: Option<SupportLevel>,
    pub metadata: Option<Value>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The partner's account manager for a merchant.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AccountManager {
    pub email: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One of the account's services (`checkout` adds `gateways`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AccountService {
    pub status: Option<ServiceStatus>,
    pub progression: Option<ServiceProgression>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub metadata: Option<Value>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A payment connection: the common part, with provider data (`signup`, `signups`,
/// `configuration`) kept loosely. PayEx nests its card connection under `creditcard`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Connection {
    pub status: Option<ConnectionStatus>,
    pub created_at: Option<String>,
    pub created_by: Option<String>,
    pub updated_at: Option<String>,
    pub metadata: Option<Map<String, Value>>,
    pub events: Option<Vec<ConnectionEvent>>,
    pub schema: Option<i64>,
    pub signup: Option<Value>,
    pub signups: Option<Vec<Value>>,
    pub configuration: Option<ConnectionConfiguration>,
    /// PayEx only: the card connection (`connections.payex.creditcard`).
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
#[serde_with::skip_serializing_none]
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ConnectionConfiguration {
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

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaymentOption {
    #[serde(rename = "type")]
    pub option_type: PaymentOptionType,
    pub currencies: Option<Vec<String>>,
}
