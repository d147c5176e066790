//! Mastercard MATCH and Visa VMSS: searches, inquiries by IRN, terminations (07-compliance-match-vmss.md).
//!
//! The store holds two registers of terminated merchants and the MATCH inquiries made. A search
//! really compares the inquiry with every listing, field by field ([`phonetic`]: exact after
//! normalising case, whitespace, punctuation and trailing legal suffixes; phonetic by a small
//! Nordic-aware key), so what a termination adds is found by the next search.
//!
//! - [`mastercard`]: the MATCH handlers; [`register`]: MATCH listings and the comparison;
//! - [`vmss`]: the VMSS handlers; [`visa`]: VMSS records and the comparison;
//! - [`reader`]: body validation with JSON-pointer paths; [`seed`]: the seeded registers, from
//!   the word lists in [`vocabulary`].
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

mod mastercard;
pub mod phonetic;
mod reader;
pub mod register;
pub mod seed;
pub mod visa;
mod vmss;
pub mod vocabulary;

use std::collections::BTreeMap;

use axum::http::HeaderMap;
use axum::routing::{get, post};
use axum::Router;
use rand::rngs::StdRng;
use serde_json::{json, Value};

use super::auth::{bearer, is_account_id, require_account, require_scope};
use super::error::ApiError;
use super::world::Partner;
use super::Emulator;

pub use mastercard::TERMINATION_REASONS;

/// The MATCH and VMSS registers and the MATCH inquiries made.
#[derive(Debug, Clone, Default)]
pub struct Store {
    /// This partner's Mastercard acquirer id (ICA): the lister of its terminations, the IRN prefix.
    pub acquirer_id: String,
    /// This partner's Visa acquirer BID.
    pub vmss_bid: String,
    pub match_register: Vec<register::MatchListing>,
    pub vmss_register: Vec<visa::VmssRecord>,
    /// MATCH inquiries by IRN.
    pub inquiries: BTreeMap<String, Inquiry>,
    inquiry_count: u64,
    next_reference: i64,
}

impl Store {
    /// A new inquiry reference number: acquirer id, date, sequence (like `22772025031400002`).
    fn next_irn(&mut self, today: chrono::NaiveDate) -> String {
        self.inquiry_count += 1;
        format!(
            "{}{}{:05}",
            self.acquirer_id,
            today.format("%Y%m%d"),
            self.inquiry_count
        )
    }

    fn next_reference_number(&mut self) -> i64 {
        let n = self.next_reference.max(1);
        self.next_reference = n + 1;
        n
    }
}

/// A MATCH inquiry as it was answered.
#[derive(Debug, Clone)]
pub struct Inquiry {
    pub irn: String,
    pub account_id: String,
    /// Every `terminated_merchants` entry found, in register order.
    pub results: Vec<Value>,
}

impl Inquiry {
    /// The response for one page (offset paging).
    fn page(&self, offset: usize, limit: usize) -> Value {
        let possible_matches = if self.results.is_empty() {
            json!([])
        } else {
            let page: Vec<&Value> = self.results.iter().skip(offset).take(limit).collect();
            json!([{
                "total_merchant_matches": self.results.len(),
                "terminated_merchants": page,
            }])
        };
        json!({
            "starting_after": offset,
            "inquiry_reference_number": self.irn,
            "possible_matches": possible_matches,
        })
    }
}

pub fn seed(partner: &mut Partner, rng: &mut StdRng) {
    seed::seed(partner, rng);
}

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

/// Bearer, one of `scopes`, a well-formed `aid` the token was issued on; the `aid` back.
async fn authorize(emulator: &Emulator, headers: &HeaderMap, aid: &str, scopes: &[&str]) -> Result<String, ApiError> {
    let claims = bearer(emulator, headers, chrono::Utc::now().timestamp())?;
    require_scope(&claims, scopes)?;
    if !is_account_id(aid) {
        return Err(ApiError::validation(vec![(
            "/aid".into(),
            "should match pattern \"^[PT]{1}\\d{8}$\"".into(),
        )]));
    }
    require_account(&claims, aid)?;
    Ok(aid.to_owned())
}

#[cfg(test)]
mod tests {
    use super::seed::{merchant_match_query, merchant_vmss_query, respell};
    use super::*;
    use crate::seed::{demo_world, DEMO_PARTNER};

    /// Which merchants of the demo world each register finds, by account id.
    fn listed(seed: u64) -> (Vec<String>, Vec<String>) {
        let world = demo_world(seed);
        let partner = world.partner(DEMO_PARTNER).expect("partner");
        let store = &partner.compliance;
        let mut in_match = Vec::new();
        let mut in_vmss = Vec::new();
        for (aid, m) in &partner.accounts.merchants {
            let q = merchant_match_query(m);
            if store.match_register.iter().any(|l| register::compare(&q, l).is_some()) {
                in_match.push(aid.clone());
            }
            let q = merchant_vmss_query(m);
            if store.vmss_register.iter().any(|r| visa::compare(&q, r).is_some()) {
                in_vmss.push(aid.clone());
            }
        }
        (in_match, in_vmss)
    }

    #[test]
    fn only_the_merchants_listed_on_purpose_are_found() {
        let (in_match, in_vmss) = listed(1);
        assert_eq!(in_match, ["T11200005", "T11200011", "T11200017"]);
        assert_eq!(in_vmss, ["T11200005", "T11200023"]);
    }

    #[test]
    fn the_registers_are_seeded_with_every_reason_code() {
        let world = demo_world(1);
        let store = &world.partner(DEMO_PARTNER).expect("partner").compliance;
        assert!(
            (35..=45).contains(&store.match_register.len()),
            "{}",
            store.match_register.len()
        );
        assert!(
            (35..=45).contains(&store.vmss_register.len()),
            "{}",
            store.vmss_register.len()
        );
        for code in TERMINATION_REASONS {
            assert!(
                store.match_register.iter().any(|l| l.termination_reason_code == code),
                "{code}"
            );
        }
        let family = register::MatchQuery {
            business_name: vocabulary::FAMILY_NAME.into(),
            search_all: true,
            ..Default::default()
        };
        let found = store
            .match_register
            .iter()
            .filter(|l| register::compare(&family, l).is_some())
            .count();
        assert_eq!(found, 6);
    }

    #[test]
    fn a_respelling_sounds_the_same_but_is_not_the_same() {
        for name in [
            "Bakeri Bodø AS",
            "Kafé Åre AB",
            "Sykkelverksted Røros AS",
            "Elektro Geilo AS",
        ] {
            let other = respell(name);
            assert_eq!(
                phonetic::names(name, &other),
                phonetic::Hit::Phonetic,
                "{name} / {other}"
            );
        }
    }

    #[test]
    fn irns_count_up_per_day() {
        let mut store = Store {
            acquirer_id: "2277".into(),
            ..Default::default()
        };
        let day = chrono::NaiveDate::from_ymd_opt(2025, 3, 14).expect("date");
        assert_eq!(store.next_irn(day), "22772025031400001");
        assert_eq!(store.next_irn(day), "22772025031400002");
    }
}
