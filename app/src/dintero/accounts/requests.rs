//! Request bodies, list filters and the cursor page.

use super::*;

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
