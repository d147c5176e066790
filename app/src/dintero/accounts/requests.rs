//! Request bodies, list filters and the cursor page.

use super::*;

/// A user to invite on create (**INF** shape `{email*, first_name, last_name}`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct InviteUser {
    pub email: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
}

/// The fields a partner writes, on create and on PUT (full replace: what is `None` is cleared).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AccountFields {
    pub applicant: AccountApplicant,
    pub company: AccountCompany,
    pub billing: AccountBilling,
    pub subscription: Option<Subscription>,
    pub livemode: Option<bool>,
    pub language_code: Option<String>,
    pub progression: Option<Progression>,
    pub reseller_id: Option<String>,
    pub account_manager: Option<AccountManager>,
    pub permissions: Option<Vec<Value>>,
    pub sale_channel: Option<SaleChannel>,
    pub price_package: Option<String>,
    pub statistics: Option<Value>,
    pub services: Option<BTreeMap<String, AccountService>>,
}

/// The body of `POST .../management/accounts`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct NewAccount {
    #[serde(flatten)]
    pub fields: AccountFields,
    pub partner_id: Option<String>,
    pub invites: Option<Vec<String>>,
    pub invite_users: Option<Vec<InviteUser>>,
    pub invitation_note: Option<String>,
    pub actions: Option<Vec<AccountAction>>,
    /// Field list not recovered (06-price-packages.md).
    pub custom_price_package: Option<Value>,
}

/// The body of `PUT .../management/accounts/{aid}`: the writable fields, plus `active` and
/// `partner_id` (changing either needs `mgmnt:admin`) and whatever else was read (`extra`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AccountUpdate {
    #[serde(flatten)]
    pub fields: AccountFields,
    pub active: Option<bool>,
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
