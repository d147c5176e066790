//! Mastercard MATCH and Visa VMSS: searches, inquiries by IRN, terminations (07-compliance-match-vmss.md).
//!
//! The store holds two registers of terminated merchants and the MATCH inquiries made. A search
//! really compares the inquiry with every listing, field by field ([`phonetic`]: exact after
//! normalising case, whitespace, punctuation and trailing legal suffixes; phonetic by a small
//! Nordic-aware key), so what a termination adds is found by the next search.
//!
//! - [`store`]: the area's state (the registers, the inquiries made);
//! - [`mastercard`]: the MATCH handlers; [`register`]: MATCH listings, reason codes and the comparison;
//! - [`vmss`]: the VMSS handlers; [`visa`]: VMSS records and the comparison;
//! - [`access`]: the checks every handler makes; [`reader`]: body validation with JSON-pointer
//!   paths; [`seed`]: the seeded registers, from the word lists in [`vocabulary`].
//!
//! # Limits
//!
//! - Matching is the emulator's own: a listing is a possible match when its name or DBA name
//!   matches exactly (`M01`) or phonetically (`M02`), when its phone number matches exactly, or
//!   when a principal's name matches and one of phone, e-mail, date of birth or address agrees
//!   exactly (a common name alone is not enough). Addresses and URLs are marked but never make a
//!   match alone. The MATCH inquiry has no tax id field, so `national_tax_id`,
//!   `country_subdivision_tax_id`, `service_prov_*`, principals' `national_id`/`drivers_license`
//!   and `alt_phone_number` of principals are always `M00`. VMSS: DBA or legal name exact or
//!   phonetic, tax id, registration number or business phone exact, or a principal's name with one
//!   identifier (SSN, ids, e-mail, phone) exact.
//! - Deeper MATCH response fields (`merchant_match`, `principal_matches[]` as objects with
//!   `name`/`address`/`phone_number`/`alt_phone_number`/`national_id`/`drivers_license`,
//!   `url_matches[]` as `{url}` objects aligned with `merchant.url[]`, the principals' fields)
//!   follow Mastercard's schema by inference (INF). `possible_matches` holds one entry (the one
//!   merchant asked about) with `total_merchant_matches` and the page of `terminated_merchants`;
//!   an inquiry with no matches is `possible_matches: []`.
//! - IRNs are `<acquirer id 2277><yyyymmdd><5-digit sequence>` like the reference's example; an
//!   inquiry is kept with its results as they were and is found only under the merchant that made
//!   it (another merchant's IRN is 404). `merchant_reference_number`s count up from 1000001.
//! - `search_criteria`: `search_all: "Y"` searches all; `"N"` needs `region[]` or `country[]`
//!   (Mastercard regions INF: 1 US, A Canada, B Latin America, C Asia/Pacific, D Europe, E South
//!   Asia/Middle East/Africa); absent `search_all` searches all unless regions or countries are
//!   given. Countries are alpha-3; alpha-2 is accepted and mapped for the Nordic and a few others.
//! - Required fields (INF): `merchant.business_name` for MATCH search and termination,
//!   `termination.termination_reason` (one of 00–06, 08–14, 20, 21, 24); VMSS search needs
//!   `DBAName` or `legalName`; VMSS termination needs `DBAName` and `primaryListingReason`.
//! - VMSS: the response carries `matchSignals` per record (INF, the emulator's own: `EXACT`,
//!   `PHONETIC`, `NONE` for `DBAName`, `legalName`, `address`, `principals[]{name, identification}`,
//!   `taxID`, `businessRegistrationNumber`, `businessPhoneNumbers`, `businessEmailAddress`,
//!   `webAddresses`) and `searchRequestRef{searchRequestRefID}`; `status` is `API000`/`Success` as
//!   in the reference's example. VMSS terminate (scope INF `write:accounts:/vmss`) answers
//!   `{terminatedRefID}` (INF) and lists the record under this partner (BID 10048466, its name).
//!   VMSS listing reasons other than 29 and 34 are made up. VMSS has no paging and keeps no
//!   inquiries.
//! - Seeded: 36 made-up MATCH listings (30 assorted, every reason code present, plus 6
//!   re-registrations of "Nordic Vape Supply" under phonetic variants, for paging) and 36 made-up
//!   VMSS records; made-up entries that would match any seeded merchant are drawn again. Listed on
//!   purpose: T11200005 under its exact business and display name and address (MATCH, reason 04);
//!   T11200011 under a phonetic respelling of its names (MATCH, reason 10: Nordic letters folded,
//!   a consonant doubled); T11200017's applicant (name, e-mail, phone) as a principal of another
//!   business (MATCH, reason 11); T11200023 under its exact legal name and organisation number
//!   (VMSS); T11200005 under a phonetic respelling of its display name and its phone number (VMSS).
//!   Every other seeded merchant is clean in both.

mod access;
mod mastercard;
pub mod phonetic;
mod reader;
pub mod register;
pub mod seed;
pub mod store;
pub mod visa;
mod vmss;
pub mod vocabulary;

use axum::routing::{get, post};
use axum::Router;

use crate::state::Emulator;

pub fn routes() -> Router<Emulator> {
    Router::new()
        .route("/v1/accounts/{aid}/compliance-search/match", post(mastercard::search))
        .route(
            "/v1/accounts/{aid}/compliance-search/match/terminate",
            post(mastercard::terminate),
        )
        .route(
            "/v1/accounts/{aid}/compliance-search/match/{irn}",
            get(mastercard::inquiry),
        )
        .route("/v1/accounts/{aid}/compliance-search/vmss", post(vmss::search))
        .route(
            "/v1/accounts/{aid}/compliance-search/vmss/terminate",
            post(vmss::terminate),
        )
}

/// The area's control-plane routes (under `/__emulator/`, not subject to injected faults).
pub fn control_routes() -> Router<Emulator> {
    Router::new()
}
