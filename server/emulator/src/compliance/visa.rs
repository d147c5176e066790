//! The VMSS register (Visa's terminated merchants) and how a VMSS inquiry is compared with each
//! record. Records keep Visa's camelCase fields as given (`DBAName`, `legalName`, `taxID`, ...).

use serde_json::{json, Value};

use super::phonetic::{self, best, Hit};

/// One terminated merchant on the VMSS register.
#[derive(Debug, Clone)]
pub struct VmssRecord {
    pub acquirer_bid: String,
    pub acquirer_name: String,
    pub acquirer_country: String,
    pub terminated_ref_id: String,
    /// `terminatedRecord`, camelCase as Visa spells it.
    pub record: Value,
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn texts<'a>(v: &'a Value, key: &str) -> Vec<&'a str> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// The best hit of any pair from two lists.
fn any_pair(a: &[&str], b: &[&str], f: fn(&str, &str) -> Hit) -> Hit {
    best(a.iter().flat_map(|x| b.iter().map(move |y| f(x, y))))
}

/// Fields of a principal that identify the person (any one agreeing exactly corroborates a name).
const PRINCIPAL_IDS: [&str; 6] = [
    "SSN",
    "principalID",
    "passportNumber",
    "driverLicenseNumber",
    "residentIDOrNationalID",
    "businessEmailAddress",
];

/// Compares an inquiry's `merchant` with one record; `Some(matchedRecords entry)` when it is a
/// possible match: DBA or legal name exact or phonetic, a principal's name with one identifier
/// (or phone) agreeing, or tax id, registration number or a business phone agreeing exactly.
pub fn compare(asked: &Value, record: &VmssRecord) -> Option<Value> {
    let listed = &record.record;
    let dba = best([
        phonetic::names(text(asked, "DBAName"), text(listed, "DBAName")),
        phonetic::names(text(asked, "legalName"), text(listed, "DBAName")),
    ]);
    let legal = best([
        phonetic::names(text(asked, "legalName"), text(listed, "legalName")),
        phonetic::names(text(asked, "DBAName"), text(listed, "legalName")),
    ]);
    let (asked_address, listed_address) = (&asked["address"], &listed["address"]);
    let address = phonetic::addresses(
        text(asked_address, "streetAddress"),
        text(asked_address, "zipOrPostalCode"),
        text(listed_address, "streetAddress"),
        text(listed_address, "zipOrPostalCode"),
    );
    let tax = phonetic::ids(text(asked, "taxID"), text(listed, "taxID"));
    let registration = phonetic::ids(
        text(asked, "businessRegistrationNumber"),
        text(listed, "businessRegistrationNumber"),
    );
    let phones = any_pair(
        &texts(asked, "businessPhoneNumbers"),
        &texts(listed, "businessPhoneNumbers"),
        phonetic::phones,
    );
    let email = phonetic::ids(
        text(asked, "businessEmailAddress"),
        text(listed, "businessEmailAddress"),
    );
    let web = any_pair(
        &texts(asked, "webAddresses"),
        &texts(listed, "webAddresses"),
        phonetic::urls,
    );
    let mut principal_found = false;
    let principals: Vec<Value> = list(listed, "principals")
        .iter()
        .map(|p| {
            let (name, identification) = list(asked, "principals")
                .iter()
                .map(|a| {
                    let name = phonetic::names(text(a, "name"), text(p, "name"));
                    let ids = best(PRINCIPAL_IDS.iter().map(|k| phonetic::ids(text(a, k), text(p, k))));
                    let phone = phonetic::phones(text(a, "businessPhoneNumber"), text(p, "businessPhoneNumber"));
                    (name, best([ids, phone]))
                })
                .max()
                .unwrap_or((Hit::None, Hit::None));
            principal_found |= name.found() && identification.found();
            json!({"name": name.signal(), "identification": identification.signal()})
        })
        .collect();
    let found =
        dba.found() || legal.found() || principal_found || tax.found() || registration.found() || phones.found();
    found.then(|| {
        json!({
            "acquirerBID": record.acquirer_bid,
            "acquirerName": record.acquirer_name,
            "acquirerCountryOrRegion": record.acquirer_country,
            "terminatedRefID": record.terminated_ref_id,
            "terminatedRecord": listed,
            "matchSignals": {
                "DBAName": dba.signal(),
                "legalName": legal.signal(),
                "address": address.signal(),
                "principals": principals,
                "taxID": tax.signal(),
                "businessRegistrationNumber": registration.signal(),
                "businessPhoneNumbers": phones.signal(),
                "businessEmailAddress": email.signal(),
                "webAddresses": web.signal(),
            },
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> VmssRecord {
        VmssRecord {
            acquirer_bid: "10048466".into(),
            acquirer_name: "Nordic Acquiring".into(),
            acquirer_country: "NO".into(),
            terminated_ref_id: "4f1c0b9e-0000-4000-8000-000000000001".into(),
            record: json!({
                "DBAName": "Snap Photoshop",
                "legalName": "Snap Photoshop Ltd",
                "businessRegistrationNumber": "452349600005",
                "principals": [{"name": "Kari Hansen", "SSN": "01017012345"}],
                "businessPhoneNumbers": ["+4799887766"],
            }),
        }
    }

    #[test]
    fn names_and_numbers_are_signalled() {
        let hit = compare(&json!({"DBAName": "Snapp Fotoshop"}), &record()).expect("phonetic DBA");
        assert_eq!(hit["matchSignals"]["DBAName"], "PHONETIC");
        assert_eq!(hit["matchSignals"]["taxID"], "NONE");
        let hit = compare(
            &json!({"DBAName": "Other", "businessRegistrationNumber": "4523 4960 0005"}),
            &record(),
        )
        .expect("registration number");
        assert_eq!(hit["matchSignals"]["businessRegistrationNumber"], "EXACT");
        assert!(compare(
            &json!({"DBAName": "Other", "businessPhoneNumbers": ["99887766"]}),
            &record()
        )
        .is_some());
        assert!(compare(&json!({"DBAName": "Other Business"}), &record()).is_none());
    }

    #[test]
    fn a_principal_needs_an_identifier_too() {
        let only_name = json!({"DBAName": "Other", "principals": [{"name": "Kari Hansen"}]});
        assert!(compare(&only_name, &record()).is_none());
        let with_ssn = json!({"DBAName": "Other", "principals": [{"name": "Kari Hansen", "SSN": "01017012345"}]});
        let hit = compare(&with_ssn, &record()).expect("name and SSN");
        assert_eq!(hit["matchSignals"]["principals"][0]["name"], "EXACT");
        assert_eq!(hit["matchSignals"]["principals"][0]["identification"], "EXACT");
    }
}
