//! Validators for what people type: organisation numbers, bank accounts, e-mail addresses, phone
//! numbers, postal codes and Dintero ids. They compile for the browser too, so forms can check as
//! the person types and the server checks again with the same code. None of them panics, on any
//! input (property tests below).

mod bank;
mod contact;
mod ids;
mod org_number;

pub use bank::{is_iban, is_norwegian_bban};
pub use contact::{is_email, is_phone_number, is_postal_code};
pub use ids::{
    is_account_id, is_irn, is_partner_id, is_payout_destination_id, is_safe_segment, is_uuid, AccountId, Irn, OpaqueId,
    ResourceId, SellerId,
};
pub use org_number::{is_norwegian_org_number, is_org_number, is_swedish_org_number};

/// Digits of `s` with spaces, dashes and dots dropped; `None` if anything else is in it.
fn digits(s: &str) -> Option<Vec<u32>> {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '\u{a0}'))
        .map(|c| c.to_digit(10))
        .collect()
}

#[cfg(test)]
mod properties;
