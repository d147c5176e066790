//! The seeded MATCH and VMSS registers: made-up Nordic and international terminated businesses,
//! a family of re-registrations of one fraudster's shop (for paging), and a few listings that
//! match seeded merchants on purpose (see the area's Limits). Every other merchant comes out
//! clean: a made-up listing that would match one is drawn again.

use chrono::Duration;
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::Rng;
use serde_json::{json, Value};

use super::phonetic::fold;
use super::register::{alpha3, compare, MatchAddress, MatchListing, MatchPrincipal, MatchQuery, TERMINATION_REASONS};
use super::visa::{self, VmssRecord};
use super::vocabulary::*;
use crate::clock::seed_now;
use crate::ids::{norwegian_org_number, swedish_org_number, uuid_from};
use crate::world::Partner;

/// This partner's Mastercard acquirer id (ICA) and Visa acquirer BID (both made up).
pub const ACQUIRER_ID: &str = "2277";
pub const VMSS_BID: &str = "10048466";

/// Merchants listed on purpose, and how.
pub const MATCH_EXACT_NAME: &str = "T11200005";
pub const MATCH_PHONETIC_NAME: &str = "T11200011";
pub const MATCH_PRINCIPAL: &str = "T11200017";
pub const VMSS_LEGAL_NAME: &str = "T11200023";
pub const VMSS_PHONETIC_DBA: &str = "T11200005";

/// Fills both registers.
pub fn seed(partner: &mut Partner, rng: &mut StdRng) {
    let store = &mut partner.compliance;
    store.acquirer_id = ACQUIRER_ID.to_owned();
    store.vmss_bid = VMSS_BID.to_owned();
    let merchants: Vec<&Value> = partner.accounts.merchants.values().collect();
    let match_queries: Vec<MatchQuery> = merchants.iter().map(|m| merchant_match_query(m)).collect();
    let vmss_queries: Vec<Value> = merchants.iter().map(|m| merchant_vmss_query(m)).collect();

    let mut pairs: Vec<(usize, usize)> = (0..PREFIXES.len())
        .flat_map(|p| (0..TRADES.len()).map(move |t| (p, t)))
        .collect();
    pairs.shuffle(rng);
    let mut pairs = pairs.into_iter();

    // MATCH: made-up listings, one of every reason code at least.
    let mut register = Vec::new();
    while register.len() < 30 {
        let Some(pair) = pairs.next() else { break };
        let reason = TERMINATION_REASONS[register.len() % TERMINATION_REASONS.len()];
        let listing = made_up_listing(rng, pair, reason);
        if match_queries.iter().all(|q| compare(q, &listing).is_none()) {
            register.push(listing);
        }
    }
    for (i, (name, country)) in FAMILY.iter().enumerate() {
        let place = PLACES.iter().find(|p| p.0 == *country).unwrap_or(&PLACES[0]);
        let mut listing = made_up_listing(rng, (0, 0), ["05", "13", "03", "05", "14", "13"][i]);
        listing.name = (*name).to_owned();
        listing.doing_business_as_name = name.rsplit_once(' ').map(|(n, _)| n).unwrap_or(name).to_owned();
        listing.address = address(rng, place);
        listing.urls = vec![format!("https://nordic-vape-{}.example", i + 1)];
        register.push(listing);
    }
    register.extend(targeted_listings(
        rng,
        pairs.next().unwrap_or((0, 0)),
        partner_merchant(&merchants, MATCH_EXACT_NAME),
        |l, m| {
            l.name = text(m, "/company/business_name");
            l.doing_business_as_name = text(m, "/company/display_name");
            l.address = merchant_address(m);
            l.termination_reason_code = "04".into();
        },
    ));
    register.extend(targeted_listings(
        rng,
        pairs.next().unwrap_or((0, 0)),
        partner_merchant(&merchants, MATCH_PHONETIC_NAME),
        |l, m| {
            l.name = respell(&text(m, "/company/business_name"));
            l.doing_business_as_name = respell(&text(m, "/company/display_name"));
            l.termination_reason_code = "10".into();
        },
    ));
    register.extend(targeted_listings(
        rng,
        pairs.next().unwrap_or((0, 0)),
        partner_merchant(&merchants, MATCH_PRINCIPAL),
        |l, m| {
            l.principals.insert(
                0,
                MatchPrincipal {
                    first_name: text(m, "/applicant/first_name"),
                    last_name: text(m, "/applicant/last_name"),
                    email: text(m, "/applicant/email"),
                    phone_number: text(m, "/applicant/phone_number"),
                    ..Default::default()
                },
            );
            l.termination_reason_code = "11".into();
        },
    ));
    for (i, listing) in register.iter_mut().enumerate() {
        listing.reference_number = 1_000_001 + i as i64;
        if let Some((_, comment)) = COMMENTS.iter().find(|(c, _)| *c == listing.termination_reason_code) {
            listing.comments = (*comment).to_owned();
        }
    }
    store.next_reference = 1_000_001 + register.len() as i64;
    store.match_register = register;

    // VMSS: made-up records, then the two on purpose.
    let mut records = Vec::new();
    while records.len() < 36 {
        let Some(pair) = pairs.next() else { break };
        let record = made_up_record(rng, pair, records.len());
        if vmss_queries.iter().all(|q| visa::compare(q, &record).is_none()) {
            records.push(record);
        }
    }
    if let Some(m) = partner_merchant(&merchants, VMSS_LEGAL_NAME) {
        let mut record = made_up_record(rng, pairs.next().unwrap_or((0, 0)), 0);
        record.record["legalName"] = json!(text(m, "/company/business_name"));
        record.record["DBAName"] = json!(format!("{} Outlet", text(m, "/company/display_name")));
        record.record["businessRegistrationNumber"] = json!(text(m, "/company/organization_number"));
        records.push(record);
    }
    if let Some(m) = partner_merchant(&merchants, VMSS_PHONETIC_DBA) {
        let mut record = made_up_record(rng, pairs.next().unwrap_or((0, 0)), 1);
        record.record["DBAName"] = json!(respell(&text(m, "/company/display_name")));
        record.record["businessPhoneNumbers"] = json!([text(m, "/company/phone_number")]);
        records.push(record);
    }
    store.vmss_register = records;
}

fn partner_merchant<'a>(merchants: &[&'a Value], aid: &str) -> Option<&'a Value> {
    merchants.iter().find(|m| m["account_id"] == aid).copied()
}

fn text(v: &Value, ptr: &str) -> String {
    v.pointer(ptr).and_then(Value::as_str).unwrap_or_default().to_owned()
}

/// A made-up listing shaped by `shape` after a seeded merchant, if that merchant exists.
fn targeted_listings(
    rng: &mut StdRng,
    pair: (usize, usize),
    merchant: Option<&Value>,
    shape: impl FnOnce(&mut MatchListing, &Value),
) -> Option<MatchListing> {
    let merchant = merchant?;
    let mut listing = made_up_listing(rng, pair, "00");
    shape(&mut listing, merchant);
    Some(listing)
}

/// A spelling that sounds the same but is not the same: Nordic letters folded (`ø`→`o`), a
/// final `-eri` as `-ery`, and one consonant doubled.
pub fn respell(name: &str) -> String {
    let folded = fold(name);
    let mut words: Vec<String> = folded.split(' ').map(str::to_owned).collect();
    for word in &mut words {
        if let Some(stem) = word.strip_suffix("eri") {
            *word = format!("{stem}ery");
        }
    }
    if let Some(first) = words.first_mut() {
        let chars: Vec<char> = first.chars().collect();
        if let Some(i) = (1..chars.len()).find(|&i| "bdfglmnprst".contains(chars[i]) && chars[i - 1] != chars[i]) {
            let mut doubled: String = chars[..=i].iter().collect();
            doubled.push(chars[i]);
            doubled.extend(&chars[i + 1..]);
            *first = doubled;
        }
    }
    words.join(" ")
}

fn merchant_address(m: &Value) -> MatchAddress {
    MatchAddress {
        line_one: text(m, "/company/address/address_line"),
        city: text(m, "/company/address/postal_place"),
        postal_code: text(m, "/company/address/postal_code"),
        country: alpha3(&text(m, "/company/address/country")),
        ..Default::default()
    }
}

/// The MATCH inquiry the app would send for a seeded merchant (used to keep the others clean).
pub fn merchant_match_query(m: &Value) -> MatchQuery {
    MatchQuery {
        business_name: text(m, "/company/business_name"),
        trade_name: text(m, "/company/display_name"),
        address: merchant_address(m),
        principals: vec![MatchPrincipal {
            first_name: text(m, "/applicant/first_name"),
            last_name: text(m, "/applicant/last_name"),
            email: text(m, "/applicant/email"),
            phone_number: text(m, "/applicant/phone_number"),
            ..Default::default()
        }],
        phone_number: text(m, "/company/phone_number"),
        website_url: text(m, "/company/website"),
        search_all: true,
        ..Default::default()
    }
}

/// The VMSS inquiry the app would send for a seeded merchant.
pub fn merchant_vmss_query(m: &Value) -> Value {
    json!({
        "DBAName": text(m, "/company/display_name"),
        "legalName": text(m, "/company/business_name"),
        "address": {
            "streetAddress": text(m, "/company/address/address_line"),
            "city": text(m, "/company/address/postal_place"),
            "zipOrPostalCode": text(m, "/company/address/postal_code"),
            "countryOrRegion": text(m, "/company/address/country"),
        },
        "principals": [{
            "name": format!("{} {}", text(m, "/applicant/first_name"), text(m, "/applicant/last_name")),
            "businessPhoneNumber": text(m, "/applicant/phone_number"),
            "businessEmailAddress": text(m, "/applicant/email"),
        }],
        "businessPhoneNumbers": [text(m, "/company/phone_number")],
        "businessEmailAddress": text(m, "/company/email"),
        "businessRegistrationNumber": text(m, "/company/organization_number"),
        "webAddresses": [text(m, "/company/website")],
        "merchantCategoryCodes": [text(m, "/merchant_category_code")],
    })
}

type Place = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

fn address(rng: &mut StdRng, place: &Place) -> MatchAddress {
    MatchAddress {
        line_one: format!("{} {}", place.3, rng.random_range(1..200)),
        city: place.2.to_owned(),
        postal_code: place.4.to_owned(),
        country: place.0.to_owned(),
        ..Default::default()
    }
}

fn phone(rng: &mut StdRng, place: &Place) -> String {
    format!("{}{}", place.5, rng.random_range(20_000_000..99_999_999))
}

fn tax_id(rng: &mut StdRng, place: &Place) -> String {
    match place.0 {
        "NOR" => norwegian_org_number(rng),
        "SWE" => swedish_org_number(rng),
        _ => format!("{}{}", place.1, rng.random_range(100_000_000u64..999_999_999)),
    }
}

fn slug(s: &str) -> String {
    fold(&s.to_lowercase())
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

fn person(rng: &mut StdRng, place: &Place, domain: &str) -> MatchPrincipal {
    let (first, last) = (
        *FIRST.choose(rng).unwrap_or(&FIRST[0]),
        *LAST.choose(rng).unwrap_or(&LAST[0]),
    );
    let born = chrono::NaiveDate::from_ymd_opt(
        rng.random_range(1955..2000),
        rng.random_range(1..=12),
        rng.random_range(1..=28),
    )
    .unwrap_or_default();
    MatchPrincipal {
        first_name: first.to_owned(),
        last_name: last.to_owned(),
        email: format!("{}@{domain}", slug(first)),
        phone_number: phone(rng, place),
        date_of_birth: born.to_string(),
        national_id: String::new(),
        address: address(rng, place),
    }
}

fn made_up_listing(rng: &mut StdRng, (p, t): (usize, usize), reason: &str) -> MatchListing {
    let place = PLACES.choose(rng).unwrap_or(&PLACES[0]);
    let (trade, mcc) = TRADES[t];
    let dba = format!("{} {trade}", PREFIXES[p]);
    let domain = format!("{}.example", slug(&dba));
    let principals = (0..rng.random_range(1..=2))
        .map(|_| person(rng, place, &domain))
        .collect();
    let added = seed_now() - Duration::days(rng.random_range(30..2_500));
    MatchListing {
        reference_number: 0,
        name: format!("{dba} {}", place.6),
        doing_business_as_name: dba,
        address: address(rng, place),
        phone_number: phone(rng, place),
        alt_phone_number: if rng.random_bool(0.3) {
            phone(rng, place)
        } else {
            String::new()
        },
        national_tax_id: tax_id(rng, place),
        principals,
        urls: vec![format!("https://{domain}")],
        merchant_category: mcc.to_owned(),
        added_on_date: added.date_naive().to_string(),
        termination_reason_code: reason.to_owned(),
        added_by_acquirer_id: ["5521", "3312", "7789", "1804", ACQUIRER_ID][rng.random_range(0..5)].to_owned(),
        comments: String::new(),
    }
}

fn made_up_record(rng: &mut StdRng, (p, t): (usize, usize), index: usize) -> VmssRecord {
    let place = PLACES.choose(rng).unwrap_or(&PLACES[0]);
    let (trade, mcc) = TRADES[t];
    let dba = format!("{} {trade}", PREFIXES[p]);
    let domain = format!("{}.example", slug(&dba));
    let principal = person(rng, place, &domain);
    let start = seed_now().date_naive() - Duration::days(rng.random_range(400..3_000));
    let end = start + Duration::days(rng.random_range(60..390));
    let (bid, acquirer, country) = *VMSS_ACQUIRERS.choose(rng).unwrap_or(&VMSS_ACQUIRERS[0]);
    let mut record = json!({
        "DBAName": dba,
        "legalName": format!("{dba} {}", place.6),
        "address": {
            "streetAddress": format!("{} {}", place.3, rng.random_range(1..200)),
            "city": place.2,
            "stateOrProvince": "",
            "zipOrPostalCode": place.4,
            "countryOrRegion": place.1,
        },
        "category": (1 + index % 4).to_string(),
        "principals": [{
            "name": format!("{} {}", principal.first_name, principal.last_name),
            "businessPhoneNumber": principal.phone_number,
            "businessEmailAddress": principal.email,
        }],
        "cardAcceptorIDs": [format!("{:015}", rng.random_range(100_000_000_000_000u64..999_999_999_999_999))],
        "contractStartDate": start.to_string(),
        "contractEndDate": end.to_string(),
        "tradeOverInternet": rng.random_bool(0.6),
        "tradeInternationally": rng.random_bool(0.3),
        "businessPhoneNumbers": [phone(rng, place)],
        "businessEmailAddress": format!("post@{domain}"),
        "incorportationStatus": (1 + index % 5).to_string(),
        "primaryListingReason": VMSS_REASONS[index % VMSS_REASONS.len()],
        "merchantCategoryCodes": [mcc],
        "taxID": tax_id(rng, place),
        "businessRegistrationNumber": format!("{}", rng.random_range(100_000_000_000u64..999_999_999_999)),
        "webAddresses": [format!("https://{domain}")],
        "financialAccts": [{"intBankAccountNumber": format!("{}{:013}", place.1, rng.random_range(0u64..9_999_999_999_999))}],
        "acquirerAssignedMerchantID": format!("{}", rng.random_range(10_000_000..99_999_999)),
    });
    if index.is_multiple_of(3) {
        record["secondaryListingReason"] = json!(VMSS_REASONS[(index + 1) % VMSS_REASONS.len()]);
    }
    if index.is_multiple_of(4) {
        record["paymentFacilitatorBID"] = json!("10000108");
    }
    VmssRecord {
        acquirer_bid: bid.to_owned(),
        acquirer_name: acquirer.to_owned(),
        acquirer_country: country.to_owned(),
        terminated_ref_id: uuid_from(rng),
        record,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compliance::phonetic;

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
}
