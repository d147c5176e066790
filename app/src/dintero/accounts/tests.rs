//! Decoding, filters and update bodies of the account types.

use super::*;

#[test]
fn arrays_are_repeated_in_the_query() {
    let q = AccountsQuery {
        connection: vec![ConnectionName::Payex, ConnectionName::Vipps],
        connection_status: vec![ConnectionStatus::Enabled],
        limit: Some(7),
        ..Default::default()
    };
    assert_eq!(
        q.to_query(),
        [
            ("connection", "payex".to_owned()),
            ("connection", "vipps".to_owned()),
            ("connection_status", "enabled".to_owned()),
            ("limit", "7".to_owned()),
        ]
    );
}

#[test]
fn a_short_or_empty_page_ends_the_list() {
    let token = |n: &u32| Some(n.to_string());
    assert_eq!(CursorPage::new(vec![1, 2], Some(2), token).next.as_deref(), Some("2"));
    assert_eq!(CursorPage::new(vec![1], Some(2), token).next, None);
    assert_eq!(CursorPage::new(Vec::<u32>::new(), None, token).next, None);
}

#[test]
fn an_update_sends_back_unknown_fields_and_skips_nones() {
    let account: Account = serde_json::from_value(serde_json::json!({
        "account_id": "T11200001",
        "company": {"business_name": "Bakeri AS", "brand_new": 1},
        "future_field": {"x": true},
    }))
    .unwrap();
    let body = serde_json::to_value(AccountUpdate::from(&account)).unwrap();
    assert_eq!(body["future_field"]["x"], true);
    assert_eq!(body["company"]["brand_new"], 1);
    assert!(body.get("progression").is_none());
}
