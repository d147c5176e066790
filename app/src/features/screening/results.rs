//! What a screening found, ready to show: a page of a MATCH inquiry ([`MatchPage`]) and a VMSS
//! answer ([`VmssResult`]), each listing with its fields and how each matched ([`FieldHit`]).

use serde::{Deserialize, Serialize};

use super::codes::Hit;
use crate::dintero::compliance::{
    ListedAddress, ListedPrincipal, MatchIndicator, MatchInquiry, MatchSignal, TerminatedMerchant, VmssAddress,
    VmssMatchedRecord, VmssSearchResponse,
};
use crate::i18n::key;

/// MATCH listings per page.
pub const MATCH_PAGE_SIZE: u32 = 10;

/// One field of a listing: its label (a translation key), its value, and how it matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldHit {
    pub label: String,
    pub value: String,
    pub hit: Option<Hit>,
}

/// A principal of a listing and how their fields matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrincipalHits {
    pub name: String,
    pub fields: Vec<FieldHit>,
}

/// One MATCH listing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchListing {
    pub name: String,
    pub reason_code: Option<String>,
    /// `dd.mm.yyyy`.
    pub added_on: Option<String>,
    pub acquirer: Option<String>,
    pub comments: Option<String>,
    pub fields: Vec<FieldHit>,
    pub principals: Vec<PrincipalHits>,
}

/// One page of a MATCH inquiry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchPage {
    pub irn: String,
    pub offset: u64,
    /// Listings found in all (over every page).
    pub total: u64,
    pub next: Option<u64>,
    pub listings: Vec<MatchListing>,
}

/// One VMSS record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VmssListing {
    pub name: String,
    pub terminated_ref_id: Option<String>,
    pub acquirer: Option<String>,
    pub primary_reason: Option<String>,
    pub secondary_reason: Option<String>,
    /// `dd.mm.yyyy – dd.mm.yyyy`.
    pub contract: Option<String>,
    pub fields: Vec<FieldHit>,
    pub principals: Vec<PrincipalHits>,
}

/// A VMSS answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VmssResult {
    /// Visa's `searchRequestRefID`, or one the app made when Visa gave none.
    pub reference: String,
    /// Visa's status, e.g. `API000 Success`.
    pub status: Option<String>,
    pub listings: Vec<VmssListing>,
}

/// `YYYY-MM-DD` (or an RFC 3339 time) as `dd.mm.yyyy`; anything else as given.
pub fn day(value: &str) -> String {
    let value = value.trim();
    chrono::NaiveDate::parse_from_str(value.get(..10).unwrap_or(value), "%Y-%m-%d")
        .map(|d| d.format("%d.%m.%Y").to_string())
        .unwrap_or_else(|_| value.to_owned())
}

fn field(label: &str, value: Option<String>, hit: Option<Hit>) -> Option<FieldHit> {
    let value = value.map(|v| v.trim().to_owned()).unwrap_or_default();
    (!value.is_empty() || hit.as_ref().is_some_and(Hit::matched)).then(|| FieldHit {
        label: label.to_owned(),
        value,
        hit,
    })
}

fn mc(indicator: &Option<MatchIndicator>) -> Option<Hit> {
    indicator.as_ref().map(Hit::from_match)
}

fn visa(signal: &Option<MatchSignal>) -> Option<Hit> {
    signal.as_ref().map(Hit::from_vmss)
}

fn join(parts: &[&Option<String>]) -> Option<String> {
    let text: Vec<&str> = parts
        .iter()
        .filter_map(|p| p.as_deref())
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (!text.is_empty()).then(|| text.join(", "))
}

fn listed_address(a: &Option<ListedAddress>) -> Option<String> {
    let a = a.as_ref()?;
    join(&[
        &a.address_line_one,
        &a.address_line_two,
        &a.postal_code,
        &a.city,
        &a.country_subdivision,
        &a.province,
        &a.country,
    ])
}

fn vmss_address(a: &Option<VmssAddress>) -> Option<String> {
    let a = a.as_ref()?;
    join(&[
        &a.street_address,
        &a.zip_or_postal_code,
        &a.city,
        &a.state_or_province,
        &a.country_or_region,
    ])
}

/// All but the last four characters hidden: a listed person's id is shown only enough to compare.
fn masked(value: &Option<String>) -> Option<String> {
    Some(crate::format::last_four(value.as_deref()?))
}

impl MatchPage {
    pub fn from_inquiry(inquiry: &MatchInquiry, irn: &str) -> Self {
        Self {
            irn: inquiry
                .inquiry_reference_number
                .clone()
                .unwrap_or_else(|| irn.to_owned()),
            offset: inquiry.starting_after.unwrap_or(0),
            total: inquiry.total(),
            next: inquiry.next_offset(),
            listings: inquiry.terminated_merchants().map(MatchListing::from).collect(),
        }
    }
}

impl From<&TerminatedMerchant> for MatchListing {
    fn from(t: &TerminatedMerchant) -> Self {
        let m = t.merchant.clone().unwrap_or_default();
        let hits = t.merchant_match.clone().unwrap_or_default();
        let mut fields: Vec<FieldHit> = [
            field(key!("screening.field.name"), m.name.clone(), mc(&hits.name)),
            field(
                key!("screening.field.dba"),
                m.doing_business_as_name.clone(),
                mc(&hits.doing_business_as_name),
            ),
            field(
                key!("screening.field.address"),
                listed_address(&m.address),
                mc(&hits.address),
            ),
            field(
                key!("screening.field.phone"),
                m.phone_number.clone(),
                mc(&hits.phone_number),
            ),
            field(
                key!("screening.field.alt_phone"),
                m.alt_phone_number.clone(),
                mc(&hits.alt_phone_number),
            ),
            field(
                key!("screening.field.tax_id"),
                m.national_tax_id.clone(),
                mc(&hits.national_tax_id),
            ),
            field(
                key!("screening.field.subdivision_tax_id"),
                m.country_subdivision_tax_id.clone(),
                mc(&hits.country_subdivision_tax_id),
            ),
            field(
                key!("screening.field.service_prov_legal"),
                m.service_prov_legal.clone(),
                mc(&hits.service_prov_legal),
            ),
            field(
                key!("screening.field.service_prov_dba"),
                m.service_prov_dba.clone(),
                mc(&hits.service_prov_dba),
            ),
        ]
        .into_iter()
        .flatten()
        .collect();
        for (i, url) in m.url.iter().enumerate() {
            let hit = hits.url_matches.get(i).and_then(|u| mc(&u.url));
            fields.extend(field(key!("screening.field.url"), Some(url.clone()), hit));
        }
        let principals = m
            .principals
            .iter()
            .enumerate()
            .map(|(i, p)| listed_principal(p, hits.principal_matches.get(i)))
            .collect();
        Self {
            name: m
                .name
                .clone()
                .or(m.doing_business_as_name.clone())
                .unwrap_or_else(|| "—".into()),
            reason_code: m.termination_reason_code.as_ref().map(|r| r.as_str().to_owned()),
            added_on: m.added_on_date.as_deref().map(day),
            acquirer: m.added_by_acquirer_id.clone(),
            comments: m.comments.clone().filter(|c| !c.trim().is_empty()),
            fields,
            principals,
        }
    }
}

fn listed_principal(p: &ListedPrincipal, hits: Option<&crate::dintero::compliance::PrincipalMatch>) -> PrincipalHits {
    let hits = hits.cloned().unwrap_or_default();
    let name = [&p.first_name, &p.middle_initial, &p.last_name]
        .iter()
        .filter_map(|n| n.as_deref().map(str::trim).filter(|n| !n.is_empty()))
        .collect::<Vec<_>>()
        .join(" ");
    let name = if name.is_empty() { "—".to_owned() } else { name };
    PrincipalHits {
        name: name.clone(),
        fields: [
            field(key!("screening.field.name"), Some(name), mc(&hits.name)),
            field(
                key!("screening.field.address"),
                listed_address(&p.address),
                mc(&hits.address),
            ),
            field(
                key!("screening.field.phone"),
                p.phone_number.clone(),
                mc(&hits.phone_number),
            ),
            field(
                key!("screening.field.alt_phone"),
                p.alt_phone_number.clone(),
                mc(&hits.alt_phone_number),
            ),
            field(key!("screening.field.email"), p.email.clone(), None),
            field(
                key!("screening.field.date_of_birth"),
                p.date_of_birth.as_deref().map(day),
                None,
            ),
            field(
                key!("screening.field.national_id"),
                masked(&p.national_id),
                mc(&hits.national_id),
            ),
            field(
                key!("screening.field.drivers_license"),
                p.drivers_license.as_ref().map(|_| "•••".to_owned()),
                mc(&hits.drivers_license),
            ),
        ]
        .into_iter()
        .flatten()
        .collect(),
    }
}

impl VmssResult {
    /// `fallback` is the reference when Visa gave none.
    pub fn from_response(response: &VmssSearchResponse, fallback: String) -> Self {
        let reference = response
            .search_terminated_response
            .as_ref()
            .and_then(|r| r.search_request_ref.as_ref())
            .and_then(|r| r.get("searchRequestRefID"))
            .and_then(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .or_else(|| v.as_u64().map(|n| n.to_string()))
            })
            .unwrap_or(fallback);
        let status = response.status.as_ref().map(|s| {
            [&s.status_code, &s.status_description]
                .iter()
                .filter_map(|p| p.as_deref())
                .collect::<Vec<_>>()
                .join(" ")
        });
        Self {
            reference,
            status: status.filter(|s| !s.is_empty()),
            listings: response.matched_records().iter().map(VmssListing::from).collect(),
        }
    }
}

impl From<&VmssMatchedRecord> for VmssListing {
    fn from(r: &VmssMatchedRecord) -> Self {
        let rec = r.terminated_record.clone().unwrap_or_default();
        let s = r.match_signals.clone().unwrap_or_default();
        let list = |values: &[String]| Some(values.join(", ")).filter(|v| !v.is_empty());
        let fields = [
            field(
                key!("screening.field.legal_name"),
                rec.legal_name.clone(),
                visa(&s.legal_name),
            ),
            field(key!("screening.field.dba"), rec.dba_name.clone(), visa(&s.dba_name)),
            field(
                key!("screening.field.address"),
                vmss_address(&rec.address),
                visa(&s.address),
            ),
            field(key!("screening.field.tax_id"), rec.tax_id.clone(), visa(&s.tax_id)),
            field(
                key!("screening.field.registration_number"),
                rec.business_registration_number.clone(),
                visa(&s.business_registration_number),
            ),
            field(
                key!("screening.field.phone"),
                list(&rec.business_phone_numbers),
                visa(&s.business_phone_numbers),
            ),
            field(
                key!("screening.field.email"),
                rec.business_email_address.clone(),
                visa(&s.business_email_address),
            ),
            field(
                key!("screening.field.url"),
                list(&rec.web_addresses),
                visa(&s.web_addresses),
            ),
            field(key!("screening.field.mcc"), list(&rec.merchant_category_codes), None),
        ]
        .into_iter()
        .flatten()
        .collect();
        let principals = rec
            .principals
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let signals = s.principals.get(i).cloned().unwrap_or_default();
                let name = p.name.clone().unwrap_or_else(|| "—".into());
                let id = masked(&p.ssn)
                    .or_else(|| masked(&p.resident_id_or_national_id))
                    .or_else(|| masked(&p.principal_id))
                    .or_else(|| masked(&p.passport_number))
                    .or_else(|| p.business_email_address.clone())
                    .or_else(|| p.business_phone_number.clone());
                PrincipalHits {
                    name: name.clone(),
                    fields: [
                        field(key!("screening.field.name"), Some(name), visa(&signals.name)),
                        field(
                            key!("screening.field.identification"),
                            id,
                            visa(&signals.identification),
                        ),
                    ]
                    .into_iter()
                    .flatten()
                    .collect(),
                }
            })
            .collect();
        let contract = match (&rec.contract_start_date, &rec.contract_end_date) {
            (None, None) => None,
            (start, end) => Some(format!(
                "{} – {}",
                start.as_deref().map(day).unwrap_or_default(),
                end.as_deref().map(day).unwrap_or_default()
            )),
        };
        let acquirer = join(&[&r.acquirer_name, &r.acquirer_bid, &r.acquirer_country_or_region]);
        Self {
            name: rec
                .legal_name
                .clone()
                .or(rec.dba_name.clone())
                .unwrap_or_else(|| "—".into()),
            terminated_ref_id: r.terminated_ref_id.clone(),
            acquirer,
            primary_reason: rec.primary_listing_reason.clone(),
            secondary_reason: rec.secondary_listing_reason.clone(),
            contract,
            fields,
            principals,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_shows_each_field_with_how_it_matched() {
        let inquiry: MatchInquiry = serde_json::from_value(serde_json::json!({
            "starting_after": 0, "inquiry_reference_number": "22772026112100001",
            "possible_matches": [{"total_merchant_matches": 12, "terminated_merchants": [{
                "merchant": {"name": "Bakeri Bodø AS", "doing_business_as_name": "Bakeri Bodø",
                    "address": {"address_line_one": "Storgata 1", "city": "Bodø", "country": "NOR"},
                    "url": ["https://b.example"], "termination_reason_code": "04", "added_on_date": "2025-03-14",
                    "added_by_acquirer_id": "1996",
                    "principals": [{"first_name": "Kari", "last_name": "Hansen", "national_id": "01017012345"}]},
                "merchant_match": {"name": "M01", "doing_business_as_name": "M02", "address": "M00",
                    "url_matches": [{"url": "M01"}], "principal_matches": [{"name": "M02", "national_id": "M00"}]}
            }]}]
        }))
        .unwrap();
        let page = MatchPage::from_inquiry(&inquiry, "x");
        assert_eq!((page.total, page.next), (12, Some(1)));
        let listing = &page.listings[0];
        assert_eq!(listing.added_on.as_deref(), Some("14.03.2025"));
        let hit = |label: &str| {
            listing
                .fields
                .iter()
                .find(|f| f.label == label)
                .and_then(|f| f.hit.clone())
        };
        assert_eq!(hit(key!("screening.field.name")), Some(Hit::Exact));
        assert_eq!(hit(key!("screening.field.dba")), Some(Hit::Phonetic));
        assert_eq!(hit(key!("screening.field.address")), Some(Hit::NoMatch));
        assert_eq!(hit(key!("screening.field.url")), Some(Hit::Exact));
        let principal = &listing.principals[0];
        assert_eq!(principal.name, "Kari Hansen");
        assert!(principal.fields.iter().any(|f| f.value == "•••••••2345"));
    }
}
