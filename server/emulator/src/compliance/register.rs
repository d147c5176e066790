//! The MATCH register (Mastercard's list of terminated merchants) and how an inquiry is compared
//! with each listing, field by field, giving `merchant_match` indicators.

use serde_json::{json, Value};

use super::phonetic::{self, best, Hit};

/// Mastercard's termination reason codes (07-compliance-match-vmss.md; INF that Dintero uses them).
pub const TERMINATION_REASONS: [&str; 17] = [
    "00", "01", "02", "03", "04", "05", "06", "08", "09", "10", "11", "12", "13", "14", "20", "21", "24",
];

/// An address as MATCH lists it (country as ISO alpha-3).
#[derive(Debug, Clone, Default)]
pub struct MatchAddress {
    pub line_one: String,
    pub line_two: String,
    pub city: String,
    pub country_subdivision: String,
    pub province: String,
    pub postal_code: String,
    pub country: String,
}

impl MatchAddress {
    fn to_json(&self) -> Value {
        json!({
            "address_line_one": self.line_one,
            "address_line_two": self.line_two,
            "city": self.city,
            "country_subdivision": self.country_subdivision,
            "province": self.province,
            "postal_code": self.postal_code,
            "country": self.country,
        })
    }
}

/// An owner or officer of a listed (or searched) merchant.
#[derive(Debug, Clone, Default)]
pub struct MatchPrincipal {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone_number: String,
    pub date_of_birth: String,
    pub national_id: String,
    pub address: MatchAddress,
}

impl MatchPrincipal {
    fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }

    fn to_json(&self) -> Value {
        json!({
            "first_name": self.first_name,
            "last_name": self.last_name,
            "email": self.email,
            "phone_number": self.phone_number,
            "date_of_birth": self.date_of_birth,
            "national_id": self.national_id,
            "address": self.address.to_json(),
        })
    }
}

/// One terminated merchant on the MATCH register.
#[derive(Debug, Clone, Default)]
pub struct MatchListing {
    pub reference_number: i64,
    pub name: String,
    pub doing_business_as_name: String,
    pub address: MatchAddress,
    pub phone_number: String,
    pub alt_phone_number: String,
    pub national_tax_id: String,
    pub principals: Vec<MatchPrincipal>,
    pub urls: Vec<String>,
    pub merchant_category: String,
    pub added_on_date: String,
    pub termination_reason_code: String,
    pub added_by_acquirer_id: String,
    pub comments: String,
}

impl MatchListing {
    /// `terminated_merchants[].merchant`.
    pub fn to_json(&self) -> Value {
        json!({
            "name": self.name,
            "doing_business_as_name": self.doing_business_as_name,
            "address": self.address.to_json(),
            "phone_number": self.phone_number,
            "alt_phone_number": self.alt_phone_number,
            "national_tax_id": self.national_tax_id,
            "country_subdivision_tax_id": "",
            "service_prov_legal": "",
            "service_prov_dba": "",
            "url": self.urls,
            "principals": self.principals.iter().map(MatchPrincipal::to_json).collect::<Vec<_>>(),
            "added_on_date": self.added_on_date,
            "termination_reason_code": self.termination_reason_code,
            "added_by_acquirer_id": self.added_by_acquirer_id,
            "comments": self.comments,
        })
    }
}

/// What a MATCH inquiry asks about (the search body, read).
#[derive(Debug, Clone, Default)]
pub struct MatchQuery {
    pub business_name: String,
    pub trade_name: String,
    pub address: MatchAddress,
    pub principals: Vec<MatchPrincipal>,
    pub phone_number: String,
    pub website_url: String,
    /// `search_criteria.search_all == "Y"`.
    pub search_all: bool,
    pub regions: Vec<String>,
    pub countries: Vec<String>,
}

/// Mastercard's region of a country (INF: 1 United States, A Canada, B Latin America and the
/// Caribbean, C Asia/Pacific, D Europe, E South Asia/Middle East/Africa).
pub fn region_of(alpha3: &str) -> &'static str {
    match alpha3 {
        "USA" => "1",
        "CAN" => "A",
        "BRA" | "MEX" | "ARG" | "CHL" => "B",
        "AUS" | "JPN" | "SGP" | "CHN" | "NZL" => "C",
        "ZAF" | "ARE" | "IND" | "NGA" => "E",
        _ => "D",
    }
}

/// ISO alpha-3 for the alpha-2 codes the emulator meets; alpha-3 (or anything else) as given.
pub fn alpha3(country: &str) -> String {
    let upper = country.trim().to_uppercase();
    let known = [
        ("NO", "NOR"),
        ("SE", "SWE"),
        ("DK", "DNK"),
        ("FI", "FIN"),
        ("IS", "ISL"),
        ("DE", "DEU"),
        ("GB", "GBR"),
        ("NL", "NLD"),
        ("PL", "POL"),
        ("EE", "EST"),
        ("LT", "LTU"),
        ("US", "USA"),
        ("CA", "CAN"),
        ("AU", "AUS"),
        ("AE", "ARE"),
    ];
    known
        .iter()
        .find(|(a2, _)| *a2 == upper)
        .map(|(_, a3)| (*a3).to_owned())
        .unwrap_or(upper)
}

/// Whether a listing lies within the inquiry's `search_criteria`.
fn in_scope(query: &MatchQuery, listing: &MatchListing) -> bool {
    if query.search_all {
        return true;
    }
    let country = listing.address.country.as_str();
    query.countries.iter().any(|c| alpha3(c) == country)
        || query.regions.iter().any(|r| r.eq_ignore_ascii_case(region_of(country)))
}

/// Compares the inquiry with one listing; `Some(terminated_merchants entry)` when it is a possible
/// match: the name or DBA or a principal matches exactly or phonetically (a principal also needs
/// one of phone, e-mail, date of birth or address to agree exactly), or the phone matches exactly.
pub fn compare(query: &MatchQuery, listing: &MatchListing) -> Option<Value> {
    if !in_scope(query, listing) {
        return None;
    }
    let name = best([
        phonetic::names(&query.business_name, &listing.name),
        phonetic::names(&query.trade_name, &listing.name),
    ]);
    let dba = best([
        phonetic::names(&query.trade_name, &listing.doing_business_as_name),
        phonetic::names(&query.business_name, &listing.doing_business_as_name),
    ]);
    let address = phonetic::addresses(
        &query.address.line_one,
        &query.address.postal_code,
        &listing.address.line_one,
        &listing.address.postal_code,
    );
    let phone = phonetic::phones(&query.phone_number, &listing.phone_number);
    let alt_phone = phonetic::phones(&query.phone_number, &listing.alt_phone_number);
    let mut principal_found = false;
    let principal_matches: Vec<Value> = listing
        .principals
        .iter()
        .map(|listed| {
            let (name, corroborated, address, phone) = query
                .principals
                .iter()
                .map(|asked| compare_principal(asked, listed))
                .max()
                .unwrap_or((Hit::None, false, Hit::None, Hit::None));
            principal_found |= name.found() && corroborated;
            json!({
                "name": name.code(),
                "address": address.code(),
                "phone_number": phone.code(),
                "alt_phone_number": Hit::None.code(),
                "national_id": Hit::None.code(),
                "drivers_license": Hit::None.code(),
            })
        })
        .collect();
    let url_matches: Vec<Value> = listing
        .urls
        .iter()
        .map(|url| json!({"url": phonetic::urls(&query.website_url, url).code()}))
        .collect();
    let found = name.found() || dba.found() || principal_found || phone.found() || alt_phone.found();
    found.then(|| {
        json!({
            "merchant": listing.to_json(),
            "merchant_match": {
                "name": name.code(),
                "doing_business_as_name": dba.code(),
                "address": address.code(),
                "phone_number": phone.code(),
                "alt_phone_number": alt_phone.code(),
                "country_subdivision_tax_id": Hit::None.code(),
                "national_tax_id": Hit::None.code(),
                "service_prov_legal": Hit::None.code(),
                "service_prov_dba": Hit::None.code(),
                "principal_matches": principal_matches,
                "url_matches": url_matches,
            },
        })
    })
}

/// (name, corroborated by another field, address, phone) of an asked principal against a listed one.
fn compare_principal(asked: &MatchPrincipal, listed: &MatchPrincipal) -> (Hit, bool, Hit, Hit) {
    let name = phonetic::names(&asked.full_name(), &listed.full_name());
    let address = phonetic::addresses(
        &asked.address.line_one,
        &asked.address.postal_code,
        &listed.address.line_one,
        &listed.address.postal_code,
    );
    let phone = phonetic::phones(&asked.phone_number, &listed.phone_number);
    let corroborated = phone == Hit::Exact
        || address == Hit::Exact
        || phonetic::ids(&asked.email, &listed.email) == Hit::Exact
        || phonetic::ids(&asked.date_of_birth, &listed.date_of_birth) == Hit::Exact;
    (name, corroborated, address, phone)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing() -> MatchListing {
        MatchListing {
            name: "Snap Photoshop AS".into(),
            doing_business_as_name: "Snap Foto".into(),
            address: MatchAddress {
                line_one: "Storgata 1".into(),
                postal_code: "0552".into(),
                country: "NOR".into(),
                ..Default::default()
            },
            phone_number: "+4799887766".into(),
            principals: vec![MatchPrincipal {
                first_name: "Kari".into(),
                last_name: "Hansen".into(),
                email: "kari@snap.example".into(),
                ..Default::default()
            }],
            urls: vec!["https://snap.example".into()],
            ..Default::default()
        }
    }

    #[test]
    fn a_name_match_is_marked_per_field() {
        let query = MatchQuery {
            business_name: "Snap Photoshop".into(),
            trade_name: "Snapp Photo".into(),
            website_url: "snap.example".into(),
            search_all: true,
            ..Default::default()
        };
        let hit = compare(&query, &listing()).expect("a possible match");
        assert_eq!(hit["merchant_match"]["name"], "M01");
        assert_eq!(hit["merchant_match"]["doing_business_as_name"], "M02");
        assert_eq!(hit["merchant_match"]["address"], "M00");
        assert_eq!(hit["merchant_match"]["url_matches"][0]["url"], "M01");
        assert_eq!(hit["merchant"]["address"]["country"], "NOR");
    }

    #[test]
    fn a_principal_needs_a_second_field_to_count() {
        let mut query = MatchQuery {
            business_name: "Something Else".into(),
            search_all: true,
            principals: vec![MatchPrincipal {
                first_name: "Kari".into(),
                last_name: "Hansen".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        assert!(compare(&query, &listing()).is_none(), "a common name alone is no match");
        query.principals[0].email = "KARI@snap.example".into();
        let hit = compare(&query, &listing()).expect("name and e-mail");
        assert_eq!(hit["merchant_match"]["principal_matches"][0]["name"], "M01");
        assert_eq!(hit["merchant_match"]["name"], "M00");
    }

    #[test]
    fn search_criteria_limit_countries_and_regions() {
        let mut query = MatchQuery {
            business_name: "Snap Photoshop".into(),
            countries: vec!["SWE".into()],
            ..Default::default()
        };
        assert!(compare(&query, &listing()).is_none());
        query.countries = vec!["NO".into()];
        assert!(compare(&query, &listing()).is_some());
        query.countries.clear();
        query.regions = vec!["d".into()];
        assert!(compare(&query, &listing()).is_some());
        query.regions = vec!["1".into()];
        assert!(compare(&query, &listing()).is_none());
    }
}
