//! What the browser is told about a merchant: the fields pages show, never a connection's
//! configuration (which may hold provider credentials) nor anything else Dintero sent unasked.

use serde::{Deserialize, Serialize};

use crate::dintero::accounts::{Account, Address, Connection, ConnectionEvent};

/// One connection's status, for the portfolio's badges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConnectionBadge {
    pub provider: String,
    /// `pending`, `enabled`, `failed`, `declined`, or what Dintero sent.
    pub status: String,
}

/// A portfolio row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MerchantRow {
    pub account_id: String,
    pub name: String,
    pub organization_number: Option<String>,
    pub country: Option<String>,
    pub progression: Option<String>,
    pub account_manager: Option<String>,
    pub connections: Vec<ConnectionBadge>,
    pub price_package: Option<String>,
    pub created_at: Option<String>,
}

/// One event of a connection's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEvent {
    pub created_at: Option<String>,
    pub created_by: Option<String>,
    pub status: String,
    pub event: String,
    pub description: Option<String>,
    /// A link for the merchant to sign the provider's agreement, when the event carries one.
    pub signature_link: Option<String>,
}

/// A connection with its timeline, newest event first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConnectionView {
    pub provider: String,
    pub status: String,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub events: Vec<TimelineEvent>,
}

/// A postal address, as lines.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AddressView {
    pub lines: Vec<String>,
}

/// The merchant page's facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MerchantDetail {
    pub row: MerchantRow,
    pub display_name: Option<String>,
    pub industry: Option<String>,
    pub website: Option<String>,
    pub company_email: Option<String>,
    pub company_phone: Option<String>,
    pub address: AddressView,
    pub applicant_name: Option<String>,
    pub applicant_email: Option<String>,
    pub applicant_phone: Option<String>,
    pub billing_name: Option<String>,
    pub billing_email: Option<String>,
    pub billing_reference: Option<String>,
    pub billing_address: AddressView,
    pub reseller_id: Option<String>,
    pub livemode: Option<bool>,
    pub active: Option<bool>,
    pub currency: Option<String>,
    pub language_code: Option<String>,
    pub updated_at: Option<String>,
    pub connections: Vec<ConnectionView>,
}

impl From<&Account> for MerchantRow {
    fn from(a: &Account) -> Self {
        let company = a.company.as_ref();
        Self {
            account_id: a.account_id.clone(),
            name: a.name(),
            organization_number: company.and_then(|c| c.organization_number.clone()),
            country: company.and_then(|c| c.address.as_ref()).and_then(|a| a.country.clone()),
            progression: a.progression.as_ref().map(|p| p.to_string()),
            account_manager: a.account_manager.as_ref().and_then(|m| m.email.clone()),
            connections: a
                .connection_list()
                .into_iter()
                .map(|(provider, c)| ConnectionBadge {
                    provider,
                    status: status(c),
                })
                .collect(),
            price_package: a.price_package.clone(),
            created_at: a.created_at.clone(),
        }
    }
}

impl From<&Account> for MerchantDetail {
    fn from(a: &Account) -> Self {
        let company = a.company.clone().unwrap_or_default();
        let applicant = a.applicant.clone().unwrap_or_default();
        let billing = a.billing.clone().unwrap_or_default();
        let applicant_name = [applicant.first_name.clone(), applicant.last_name.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        Self {
            row: MerchantRow::from(a),
            display_name: company.display_name.clone(),
            industry: company.industry.clone(),
            website: company.website.clone(),
            company_email: company.email.clone(),
            company_phone: company.phone_number.clone(),
            address: address(company.address.as_ref()),
            applicant_name: Some(applicant_name).filter(|n| !n.is_empty()),
            applicant_email: applicant.email,
            applicant_phone: applicant.phone_number,
            billing_name: billing.business_name,
            billing_email: billing.email,
            billing_reference: billing.reference,
            billing_address: address(billing.address.as_ref()),
            reseller_id: a.reseller_id.clone(),
            livemode: a.livemode,
            active: a.active,
            currency: a.currency.clone(),
            language_code: a.language_code.clone(),
            updated_at: a.updated_at.clone(),
            connections: a
                .connection_list()
                .into_iter()
                .map(|(provider, c)| ConnectionView {
                    provider,
                    status: status(c),
                    created_at: c.created_at.clone(),
                    updated_at: c.updated_at.clone(),
                    events: c.events().iter().rev().map(TimelineEvent::from).collect(),
                })
                .collect(),
        }
    }
}

impl From<&ConnectionEvent> for TimelineEvent {
    fn from(e: &ConnectionEvent) -> Self {
        Self {
            created_at: e.created_at.clone(),
            created_by: e.created_by.clone(),
            status: e.status.to_string(),
            event: e.event.clone(),
            description: e.description.clone(),
            signature_link: e
                .metadata
                .as_ref()
                .and_then(|m| m.get("signature_link"))
                .and_then(|v| v.as_str())
                .filter(|link| link.starts_with("https://"))
                .map(str::to_owned),
        }
    }
}

fn status(c: &Connection) -> String {
    c.status
        .as_ref()
        .map(|s| s.to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

fn address(a: Option<&Address>) -> AddressView {
    let Some(a) = a else { return AddressView::default() };
    let place = [a.postal_code.clone(), a.postal_place.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    AddressView {
        lines: [
            a.address_line.clone(),
            a.address_line_2.clone(),
            Some(place),
            a.country.clone(),
        ]
        .into_iter()
        .flatten()
        .filter(|l| !l.trim().is_empty())
        .collect(),
    }
}
