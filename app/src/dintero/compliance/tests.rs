//! Decoding and paging of the compliance types.

use super::*;
use serde_json::json;

#[test]
fn termination_reasons_have_words_and_unknown_codes_survive() {
    assert_eq!(TerminationReason::KNOWN.len(), 17);
    assert_eq!(TerminationReason::from("04").description(), "Excessive chargebacks");
    let unknown: TerminationReason = serde_json::from_value(json!("99")).unwrap();
    assert_eq!(unknown, TerminationReason::Other("99".into()));
    assert_eq!(unknown.description(), "Unknown reason code");
    for reason in TerminationReason::KNOWN {
        assert!(!reason.description().is_empty());
    }
}

#[test]
fn requests_serialize_only_what_is_set_in_dinteros_names() {
    let body = MatchTerminateRequest {
        merchant: MatchTerminatedMerchant {
            merchant: MatchMerchant {
                business_name: Some("Snap AS".into()),
                ..Default::default()
            },
            is_proprietorship: Some(YesNo::No),
            ..Default::default()
        },
        termination: MatchTermination {
            termination_reason: TerminationReason::IllegalTransactions,
            agreement_start_date: NaiveDate::from_ymd_opt(2013, 12, 31),
            agreement_termination_date: None,
            comment: None,
        },
    };
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({
            "merchant": {"business_name": "Snap AS", "is_proprietorship": "N"},
            "termination": {"termination_reason": "13", "agreement_start_date": "2013-12-31"},
        })
    );
    let vmss = VmssSearchRequest {
        merchant: VmssMerchant {
            dba_name: Some("Snap".into()),
            tax_id: Some("GB1".into()),
            principals: vec![VmssPrincipal {
                ssn: Some("1".into()),
                resident_id_or_national_id: Some("2".into()),
                ..Default::default()
            }],
            ..Default::default()
        },
    };
    assert_eq!(
        serde_json::to_value(&vmss).unwrap(),
        json!({"merchant": {"DBAName": "Snap", "taxID": "GB1",
                "principals": [{"SSN": "1", "residentIDOrNationalID": "2"}]}})
    );
}

#[test]
fn paging_follows_the_offsets() {
    let page: MatchInquiry = serde_json::from_value(json!({
        "starting_after": 2,
        "inquiry_reference_number": 22772025031400002u64,
        "possible_matches": [{"total_merchant_matches": 5, "terminated_merchants": [{}, {}]}],
    }))
    .unwrap();
    assert_eq!(page.inquiry_reference_number.as_deref(), Some("22772025031400002"));
    assert_eq!(page.total(), 5);
    assert_eq!(page.next_offset(), Some(4));
    let last: MatchInquiry = serde_json::from_value(json!({
        "starting_after": 4, "possible_matches": [{"total_merchant_matches": 5, "terminated_merchants": [{}]}],
    }))
    .unwrap();
    assert_eq!(last.next_offset(), None);
    assert_eq!(MatchInquiry::default().next_offset(), None);
    #[cfg(feature = "ssr")]
    assert_eq!(crate::dintero::wire::segment("12/../x y"), "12%2F..%2Fx%20y");
}
