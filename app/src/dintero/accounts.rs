//! The partner's merchant accounts (02-partner-accounts.md, 03-account-schema.md): list (filters,
//! item cursor), create, get, update (full replace), delete; connection status events; account
//! events (comments). The `Account` object keeps the fields it does not name (`extra`), so an
//! update can send back what it read.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

crate::open_enum! {
    /// An account's progression (partner-private).
    pub enum Progression {
        Applied = "applied",
        Live = "live",
        Frozen = "frozen",
        Deactivated = "deactivated",
    }
}

crate::open_enum! {
    /// How the merchant came to the partner.
    pub enum SaleChannel {
        Direct = "DIRECT",
        Inbound = "INBOUND",
        Partner = "PARTNER",
        Referral = "REFERRAL",
    }
}

crate::open_enum! {
    /// A payment connection's status.
    pub enum ConnectionStatus {
        Pending = "pending",
        Enabled = "enabled",
        Failed = "failed",
        Declined = "declined",
    }
}

crate::open_enum! {
    /// A connection as named in paths and in the `connection` filter (`payex` is
    /// `connections.payex.creditcard`; `payex.creditcard` is its deprecated spelling).
    pub enum ConnectionName {
        Instabank = "instabank",
        Vipps = "vipps",
        PayexCreditcard = "payex.creditcard",
        Payex = "payex",
        Collector = "collector",
        Swish = "swish",
        Bambora = "bambora",
        Klarna = "klarna",
        VippsPsp = "vipps-psp",
        Common = "common",
    }
}

crate::open_enum! {
    /// A payment option type (04-connections.md).
    pub enum PaymentOptionType {
        DinteroZero = "dintero.zero",
        SwishSwish = "swish.swish",
        PayexCreditcard = "payex.creditcard",
        IngenicoCreditcard = "ingenico.creditcard",
        CollectorInvoice = "collector.invoice",
        CollectorInvoiceB2b = "collector.invoice_b2b",
        CollectorInstallment = "collector.installment",
        InstabankFinance = "instabank.finance",
        InstabankInvoice = "instabank.invoice",
        InstabankPostponement = "instabank.postponement",
        InstabankInstallment = "instabank.installment",
        Vipps = "vipps",
        BamboraCreditcard = "bambora.creditcard",
        BamboraMobilepay = "bambora.mobilepay",
        BamboraVipps = "bambora.vipps",
        KlarnaKlarna = "klarna.klarna",
        KlarnaBillie = "klarna.billie",
        DinteroPspVipps = "dintero_psp.vipps",
    }
}

crate::open_enum! {
    /// The kind of an account event.
    pub enum AccountEventType {
        Comment = "comment",
        Statistics = "statistics",
    }
}

crate::open_enum! {
    /// Who sees a comment.
    pub enum Visibility {
        Private = "private",
    }
}

crate::open_enum! {
    /// Subscription billing interval.
    pub enum SubscriptionInterval {
        Month = "month",
        Year = "year",
    }
}

crate::open_enum! {
    /// Subscription plan.
    pub enum SubscriptionPlan {
        TransactionFee = "transaction_fee",
        PerCustomerFee = "per_customer_fee",
    }
}

crate::open_enum! {
    /// Subscription support level.
    pub enum SupportLevel {
        OfficeHours = "office_hours",
        Extended = "24_7_extended",
    }
}

crate::open_enum! {
    /// An account service's status.
    pub enum ServiceStatus {
        Enabled = "enabled",
        Disabled = "disabled",
    }
}

crate::open_enum! {
    /// An account service's progression.
    pub enum ServiceProgression {
        NotApplied = "not_applied",
        Applied = "applied",
        Live = "live",
        Frozen = "frozen",
        Deactivated = "deactivated",
    }
}

crate::open_enum! {
    /// What to do on create.
    pub enum AccountAction {
        SendInvite = "send_invite",
    }
}

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

/// One status update of a connection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConnectionEvent {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub created_by: Option<String>,
    pub status: ConnectionStatus,
    pub event: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub metadata: Option<Map<String, Value>>,
}

/// The body of a connection status update.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewConnectionEvent {
    pub status: ConnectionStatus,
    /// A code such as `signature_required`.
    pub event: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// At most 40 properties.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Map<String, Value>>,
}

/// An account event: a comment, or (older API) monthly statistics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountEvent {
    pub event_type: AccountEventType,
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub created_by: Option<String>,
    /// Comments: the text.
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub visibility: Option<Visibility>,
    /// Statistics events.
    #[serde(default)]
    pub statistics: Option<AccountEventStatistics>,
    #[serde(default)]
    pub paging_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountEventStatistics {
    #[serde(default)]
    pub checkout: Option<CheckoutStatistics>,
    #[serde(default)]
    pub shopping: Option<ShoppingStatistics>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckoutStatistics {
    /// Item shape not documented.
    #[serde(default)]
    pub payment_product_types: Option<Vec<Value>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShoppingStatistics {
    #[serde(default)]
    pub orders: Option<Vec<Value>>,
}

/// The body of `POST .../events`: a private comment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewComment {
    pub event_type: AccountEventType,
    pub body: String,
    pub visibility: Visibility,
}

impl NewComment {
    pub fn private(body: impl Into<String>) -> Self {
        Self {
            event_type: AccountEventType::Comment,
            body: body.into(),
            visibility: Visibility::Private,
        }
    }
}

/// A user to invite on create (**INF** shape `{email*, first_name, last_name}`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct InviteUser {
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
}

/// The fields a partner writes, on create and on PUT (full replace: what is `None` is cleared).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AccountFields {
    pub applicant: AccountApplicant,
    pub company: AccountCompany,
    pub billing: AccountBilling,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscription: Option<Subscription>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub livemode: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progression: Option<Progression>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reseller_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_manager: Option<AccountManager>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Vec<Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sale_channel: Option<SaleChannel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price_package: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statistics: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub services: Option<BTreeMap<String, AccountService>>,
}

/// The body of `POST .../management/accounts`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct NewAccount {
    #[serde(flatten)]
    pub fields: AccountFields,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invites: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invite_users: Option<Vec<InviteUser>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invitation_note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actions: Option<Vec<AccountAction>>,
    /// Field list not recovered (06-price-packages.md).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_price_package: Option<Value>,
}

/// The body of `PUT .../management/accounts/{aid}`: the writable fields, plus `active` and
/// `partner_id` (changing either needs `mgmnt:admin`) and whatever else was read (`extra`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AccountUpdate {
    #[serde(flatten)]
    pub fields: AccountFields,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl From<&Account> for AccountUpdate {
    /// What was read, ready to change and send back.
    fn from(a: &Account) -> Self {
        Self {
            fields: AccountFields {
                applicant: a.applicant.clone().unwrap_or_default(),
                company: a.company.clone().unwrap_or_default(),
                billing: a.billing.clone().unwrap_or_default(),
                subscription: a.subscription.clone(),
                livemode: a.livemode,
                language_code: a.language_code.clone(),
                progression: a.progression.clone(),
                reseller_id: a.reseller_id.clone(),
                account_manager: a.account_manager.clone(),
                permissions: a.permissions.clone(),
                sale_channel: a.sale_channel.clone(),
                price_package: a.price_package.clone(),
                statistics: a.statistics.clone(),
                services: a.services.clone(),
            },
            active: a.active,
            partner_id: a.partner_id.clone(),
            extra: a.extra.clone(),
        }
    }
}

/// Filters of the accounts list; arrays are sent as repeated parameters.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AccountsQuery {
    /// Account id (the emulator also matches company names).
    pub search: Option<String>,
    /// Applied for all of these.
    pub connection: Vec<ConnectionName>,
    /// Each of these occurs among the (listed) connections.
    pub connection_status: Vec<ConnectionStatus>,
    /// All of these enabled.
    pub payment_option: Vec<PaymentOptionType>,
    /// Account manager e-mails.
    pub account_manager: Vec<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// e.g. `checkout.status.enabled`.
    pub services: Vec<String>,
    /// 1–100, default 10.
    pub limit: Option<u32>,
    /// The `paging_token` of the last item of the previous page.
    pub starting_after: Option<String>,
}

impl AccountsQuery {
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        if let Some(s) = &self.search {
            q.push(("search", s.clone()));
        }
        q.extend(self.connection.iter().map(|c| ("connection", c.to_string())));
        q.extend(
            self.connection_status
                .iter()
                .map(|s| ("connection_status", s.to_string())),
        );
        q.extend(self.payment_option.iter().map(|o| ("payment_option", o.to_string())));
        q.extend(self.account_manager.iter().map(|m| ("account_manager", m.clone())));
        if let Some(c) = &self.country {
            q.push(("country", c.clone()));
        }
        q.extend(self.services.iter().map(|s| ("services", s.clone())));
        push_paging(&mut q, self.limit, &self.starting_after);
        q
    }
}

/// Filters of the account events list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AccountEventsQuery {
    /// Only value `comment`.
    pub types: Vec<AccountEventType>,
    pub limit: Option<u32>,
    pub starting_after: Option<String>,
}

impl AccountEventsQuery {
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut q: Vec<(&str, String)> = self.types.iter().map(|t| ("type", t.to_string())).collect();
        push_paging(&mut q, self.limit, &self.starting_after);
        q
    }
}

fn push_paging(q: &mut Vec<(&'static str, String)>, limit: Option<u32>, after: &Option<String>) {
    if let Some(limit) = limit {
        q.push(("limit", limit.to_string()));
    }
    if let Some(after) = after {
        q.push(("starting_after", after.clone()));
    }
}

/// One page of an item-cursor list and the cursor of the next (`None` at the end).
#[derive(Debug, Clone, PartialEq)]
pub struct CursorPage<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

impl<T> CursorPage<T> {
    /// A page ends the list when it is shorter than the limit asked for (default 10) or empty.
    pub fn new(items: Vec<T>, limit: Option<u32>, token: impl Fn(&T) -> Option<String>) -> Self {
        let full = !items.is_empty() && items.len() >= limit.unwrap_or(10) as usize;
        let next = if full { items.last().and_then(token) } else { None };
        Self { items, next }
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::dintero::http::Auth;
    use crate::dintero::{DinteroClient, DinteroError};
    use crate::secret::Secret;

    impl DinteroClient {
        fn accounts_path(&self) -> String {
            format!("/v1/accounts/{}/management/accounts", self.partner_id())
        }

        /// `GET /v1/accounts/{oid}/management/accounts`: one page of merchants and the next cursor.
        pub async fn list_accounts(
            &self,
            person: &Secret,
            query: &AccountsQuery,
        ) -> Result<CursorPage<Account>, DinteroError> {
            let items: Vec<Account> = self
                .get(&self.accounts_path(), Auth::Bearer(person), &query.to_query())
                .await?;
            Ok(CursorPage::new(items, query.limit, |a| a.paging_token.clone()))
        }

        /// `POST /v1/accounts/{oid}/management/accounts`: creates a merchant account.
        pub async fn create_account(&self, person: &Secret, body: &NewAccount) -> Result<Account, DinteroError> {
            self.post(&self.accounts_path(), Auth::Bearer(person), body).await
        }

        /// `GET /v1/accounts/{oid}/management/accounts/{aid}`.
        pub async fn get_account(&self, person: &Secret, aid: &str) -> Result<Account, DinteroError> {
            self.get(&format!("{}/{aid}", self.accounts_path()), Auth::Bearer(person), &[])
                .await
        }

        /// `PUT /v1/accounts/{oid}/management/accounts/{aid}`: replaces the writable fields.
        pub async fn update_account(
            &self,
            person: &Secret,
            aid: &str,
            body: &AccountUpdate,
        ) -> Result<Account, DinteroError> {
            self.put(&format!("{}/{aid}", self.accounts_path()), Auth::Bearer(person), body)
                .await
        }

        /// `DELETE /v1/accounts/{oid}/management/accounts/{aid}`: answers the deleted account.
        pub async fn delete_account(&self, person: &Secret, aid: &str) -> Result<Account, DinteroError> {
            self.delete(&format!("{}/{aid}", self.accounts_path()), Auth::Bearer(person), &[])
                .await
        }

        /// `POST /v1/accounts/{oid}/management/accounts/{aid}/connections/{connection}/events`:
        /// sets a connection's status; answers the stored event.
        pub async fn add_connection_event(
            &self,
            person: &Secret,
            aid: &str,
            connection: &ConnectionName,
            body: &NewConnectionEvent,
        ) -> Result<ConnectionEvent, DinteroError> {
            let path = format!("{}/{aid}/connections/{connection}/events", self.accounts_path());
            self.post(&path, Auth::Bearer(person), body).await
        }

        /// `GET /v1/accounts/{oid}/management/accounts/{aid}/events`: newest first, with the next cursor.
        pub async fn list_account_events(
            &self,
            person: &Secret,
            aid: &str,
            query: &AccountEventsQuery,
        ) -> Result<CursorPage<AccountEvent>, DinteroError> {
            let path = format!("{}/{aid}/events", self.accounts_path());
            let items: Vec<AccountEvent> = self.get(&path, Auth::Bearer(person), &query.to_query()).await?;
            Ok(CursorPage::new(items, query.limit, |e| e.paging_token.clone()))
        }

        /// `POST /v1/accounts/{oid}/management/accounts/{aid}/events`: adds a comment.
        pub async fn add_account_comment(
            &self,
            person: &Secret,
            aid: &str,
            body: &NewComment,
        ) -> Result<AccountEvent, DinteroError> {
            let path = format!("{}/{aid}/events", self.accounts_path());
            self.post(&path, Auth::Bearer(person), body).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrays_are_repeated_in_the_query() {
        let q = AccountsQuery {
            connection: vec![ConnectionName::Payex, ConnectionName::Vipps],
            connection_status: vec![ConnectionStatus::Enabled],
            limit: Some(7),
            ..Default::default()
        };
        assert_eq!(
            q.to_query(),
            [
                ("connection", "payex".to_owned()),
                ("connection", "vipps".to_owned()),
                ("connection_status", "enabled".to_owned()),
                ("limit", "7".to_owned()),
            ]
        );
    }

    #[test]
    fn a_short_or_empty_page_ends_the_list() {
        let token = |n: &u32| Some(n.to_string());
        assert_eq!(CursorPage::new(vec![1, 2], Some(2), token).next.as_deref(), Some("2"));
        assert_eq!(CursorPage::new(vec![1], Some(2), token).next, None);
        assert_eq!(CursorPage::new(Vec::<u32>::new(), None, token).next, None);
    }

    #[test]
    fn an_update_sends_back_unknown_fields_and_skips_nones() {
        let account: Account = serde_json::from_value(serde_json::json!({
            "account_id": "T11200001",
            "company": {"business_name": "Bakeri AS", "brand_new": 1},
            "future_field": {"x": true},
        }))
        .unwrap();
        let body = serde_json::to_value(AccountUpdate::from(&account)).unwrap();
        assert_eq!(body["future_field"]["x"], true);
        assert_eq!(body["company"]["brand_new"], 1);
        assert!(body.get("progression").is_none());
    }
}
