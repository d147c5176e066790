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

mod account;
#[cfg(feature = "ssr")]
mod client;
mod events;
mod requests;
#[cfg(test)]
mod tests;

pub use account::*;
pub use events::*;
pub use requests::*;
