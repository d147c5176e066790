//! The Dintero create-account body a complete draft stands for.

use super::draft::{Draft, INVITES};
use crate::dintero::accounts::{
    AccountAction, AccountApplicant, AccountBilling, AccountCompany, AccountFields, Address, InviteUser, NewAccount,
};

fn some(value: String) -> Option<String> {
    Some(value).filter(|v| !v.is_empty())
}

/// Organisation numbers are sent as digits (Swedish ones keep Dintero's `NNNNNN-NNNN` form).
fn org_number(draft: &Draft) -> String {
    let digits: String = draft
        .get("organization_number")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    if draft.country() == "SE" && digits.len() == 10 {
        format!("{}-{}", &digits[..6], &digits[6..])
    } else {
        digits
    }
}

pub fn new_account(d: &Draft) -> NewAccount {
    let country = d.country().to_owned();
    let company_address = Address {
        address_line: some(d.get("address_line")),
        postal_code: some(d.get("postal_code")),
        postal_place: some(d.get("postal_place")),
        country: Some(country.clone()),
        ..Default::default()
    };
    let billing_address = if d.get("billing_address_line").is_empty() {
        company_address.clone()
    } else {
        Address {
            address_line: some(d.get("billing_address_line")),
            postal_code: some(d.get("billing_postal_code")),
            postal_place: some(d.get("billing_postal_place")),
            country: Some(country),
            ..Default::default()
        }
    };
    let invite_users: Vec<InviteUser> = (1..=INVITES)
        .filter(|i| !d.get(&format!("invite_{i}_email")).is_empty())
        .map(|i| {
            let name = d.get(&format!("invite_{i}_name"));
            let (first, last) = match name.rsplit_once(' ') {
                Some((first, last)) => (first.to_owned(), last.to_owned()),
                None => (name.clone(), String::new()),
            };
            InviteUser {
                email: d.get(&format!("invite_{i}_email")),
                first_name: some(first),
                last_name: some(last),
            }
        })
        .collect();
    NewAccount {
        fields: AccountFields {
            applicant: AccountApplicant {
                email: some(d.get("applicant_email")),
                first_name: some(d.get("applicant_first_name")),
                last_name: some(d.get("applicant_last_name")),
                phone_number: some(d.get("applicant_phone")),
                ..Default::default()
            },
            company: AccountCompany {
                business_name: some(d.get("business_name")),
                display_name: some(d.get("business_name")),
                organization_number: some(org_number(d)),
                website: some(d.get("website")),
                email: some(d.get("email")),
                phone_number: some(d.get("phone_number")),
                address: Some(company_address),
                ..Default::default()
            },
            billing: AccountBilling {
                business_name: some(d.get("business_name")),
                organization_number: some(org_number(d)),
                email: some(d.get("billing_email")),
                reference: some(d.get("billing_reference")),
                address: Some(billing_address),
                ..Default::default()
            },
            price_package: some(d.get("price_package")),
            language_code: Some(if d.country() == "SE" { "sv" } else { "nb" }.to_owned()),
            ..Default::default()
        },
        invite_users: (!invite_users.is_empty()).then_some(invite_users),
        invitation_note: some(d.get("invitation_note")),
        actions: (d.get("send_invite") == "yes").then(|| vec![AccountAction::SendInvite]),
        ..Default::default()
    }
}
