//! The approvals area's state: CDD cases, payment approvals and seller approvals per merchant (each
//! Dintero's object as JSON), and what a record's `case_status` means: every status, the one step
//! the CDD provider moves each on, and the links a record carries in it.

use std::collections::BTreeMap;

use serde_json::{json, Value};

/// Every `case_status` (05-approvals-cdd.md, "Shared enums").
pub const CASE_STATUSES: [&str; 10] = [
    "ACTIVE",
    "DECLINED",
    "UNDER_MANUAL_REVIEW",
    "AUTOMATIC_REVIEW",
    "WAITING_FOR_SIGNATURE",
    "WAITING_FOR_DECLARATION",
    "ERROR",
    "ARCHIVED",
    "WAITING_FOR_DETAILS",
    "TERMINATED",
];

/// Cases and approvals per merchant account id, each Dintero's object as JSON, oldest first.
#[derive(Debug, Clone, Default)]
pub struct Store {
    pub cdd_cases: BTreeMap<String, Vec<Value>>,
    pub payments: BTreeMap<String, Vec<Value>>,
    pub sellers: BTreeMap<String, Vec<Value>>,
}

/// The one step a case or approval takes when the CDD provider moves it on; `None` where it stops.
pub fn next_status(status: &str) -> Option<&'static str> {
    match status {
        "WAITING_FOR_DECLARATION" => Some("WAITING_FOR_SIGNATURE"),
        "WAITING_FOR_SIGNATURE" => Some("UNDER_MANUAL_REVIEW"),
        "UNDER_MANUAL_REVIEW" => Some("ACTIVE"),
        "AUTOMATIC_REVIEW" => Some("UNDER_MANUAL_REVIEW"),
        "WAITING_FOR_DETAILS" => Some("UNDER_MANUAL_REVIEW"),
        "ERROR" => Some("AUTOMATIC_REVIEW"),
        _ => None,
    }
}

/// The links of an approval in `status` (05-approvals-cdd.md, link `rel`s), on example hosts.
pub fn links(case_id: &str, status: &str) -> Value {
    let mut links = vec![
        json!({"href": format!("https://contract.dintero.example/c/{case_id}"), "rel": "contract_url"}),
        json!({"href": format!("https://cdd.dintero.example/cases/{case_id}"), "rel": "cdd_case_url"}),
    ];
    if status == "WAITING_FOR_DECLARATION" {
        links.push(json!({
            "href": format!("https://forms.dintero.example/declaration/{case_id}"),
            "rel": "declaration_url",
        }));
    }
    if status == "ACTIVE" {
        links.push(json!({
            "href": format!("https://files.dintero.example/contracts/{case_id}.pdf"),
            "rel": "signed_contract_file_url",
        }));
    }
    Value::Array(links)
}

/// The status of a CDD case: the `case_status` of its last event.
pub fn cdd_status(case: &Value) -> &str {
    case["events"]
        .as_array()
        .and_then(|events| events.iter().rev().find_map(|e| e["case_status"].as_str()))
        .unwrap_or("WAITING_FOR_DECLARATION")
}

/// A request id as the CDD events carry them.
pub fn request_id() -> String {
    format!("req_{}", &uuid::Uuid::new_v4().simple().to_string()[..12])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_happy_path_ends_active_and_dead_ends_stay() {
        let mut status = "WAITING_FOR_DECLARATION";
        let mut steps = 0;
        while let Some(next) = next_status(status) {
            status = next;
            steps += 1;
        }
        assert_eq!((status, steps), ("ACTIVE", 3));
        for end in ["ACTIVE", "DECLINED", "ARCHIVED", "TERMINATED"] {
            assert_eq!(next_status(end), None);
        }
        assert_eq!(next_status("ERROR"), Some("AUTOMATIC_REVIEW"));
    }
}
