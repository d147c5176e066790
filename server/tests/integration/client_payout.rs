//! The client's seller balances and transfers (Payout v2) against the emulator, and decoding of
//! settlement and payout bodies (the reference's example, unknown fields, nulls, unknown enums).

use crate::support;
use crate::support::ids;

use std::collections::{BTreeMap, HashSet};

use app::dintero::payout::{
    BalancesResponse, BankAccountType, TransferEntry, TransferQuery, TransferType, TransfersPage,
};
use app::dintero::settlements::{PaymentStatus, SettlementPage};
use app::dintero::DinteroError;
use serde_json::json;

/// n = 6: sellers PD001..PD004 (see `seller_ids`).
const AID: &str = "T11200006";

async fn all_entries(
    h: &support::Harness,
    person: &app::secret::Secret,
    seller: &str,
    currency: Option<&str>,
) -> Vec<TransferEntry> {
    let mut query = TransferQuery {
        limit: Some(25),
        currency: currency.map(str::to_owned),
        ..Default::default()
    };
    let mut entries = Vec::new();
    loop {
        let TransfersPage {
            entries: page,
            next_page_token,
        } = h
            .client
            .seller_transfers(person, &ids::account(AID), &ids::seller(seller), &query)
            .await
            .unwrap();
        assert!(page.len() <= 25);
        entries.extend(page);
        match next_page_token {
            Some(token) => query.page = Some(token),
            None => break,
        }
    }
    entries
}

#[tokio::test]
async fn balances_equal_the_sum_of_the_transfers() {
    let h = support::start().await;
    let finance = h.person("finance@partner.example").await;
    let mut types = HashSet::new();
    for seller in ["PD001", "PD002", "PD003", "PD004"] {
        let entries = all_entries(&h, &finance, seller, None).await;
        assert!(entries.len() > 30, "{seller}: {}", entries.len());
        assert_eq!(
            entries.iter().map(|e| &e.ledger_entry_id).collect::<HashSet<_>>().len(),
            entries.len()
        );
        let mut sums: BTreeMap<String, i64> = BTreeMap::new();
        for e in &entries {
            *sums.entry(e.currency.clone()).or_default() += e.amount;
            assert_eq!(e.payout_destination_id.as_deref(), Some(seller));
            types.insert(e.entry_type.clone());
            match e.entry_type {
                TransferType::Inbound => assert!(e.inbound_payment_provider.is_some() && e.amount > 0),
                TransferType::Outbound => {
                    assert!(e.amount < 0 && e.outbound_receiver_bank_account_number.is_some());
                    assert!(matches!(
                        e.outbound_receiver_bank_account_type,
                        Some(BankAccountType::Iban | BankAccountType::Bban)
                    ));
                }
                TransferType::Transfer => {
                    let source = e.transfer_source_payout_destination_id.as_deref();
                    assert_eq!(e.amount < 0, source == Some(seller), "the source's side is negative");
                }
                TransferType::Other(ref other) => panic!("{other}"),
            }
        }
        let balances = h
            .client
            .seller_balances(&finance, &ids::account(AID), &ids::seller(seller))
            .await
            .unwrap();
        let got: BTreeMap<String, i64> = balances.iter().map(|b| (b.currency.clone(), b.amount)).collect();
        assert_eq!(got, sums, "{seller}");
        assert!(balances
            .iter()
            .all(|b| b.payout_destination_id.as_deref() == Some(seller)));
        if seller == "PD002" {
            let eur = all_entries(&h, &finance, seller, Some("EUR")).await;
            assert!(!eur.is_empty() && eur.iter().all(|e| e.currency == "EUR"));
            assert_eq!(eur.iter().map(|e| e.amount).sum::<i64>(), sums["EUR"]);
        }
    }
    assert_eq!(types.len(), 3, "inbound, transfer and outbound all seen");
}

#[tokio::test]
async fn payout_errors() {
    let h = support::start().await;
    let finance = h.person("finance@partner.example").await;
    // A seller the merchant does not have; a merchant with no sellers at all.
    for (aid, seller) in [(AID, "PD009"), ("T11200001", "PD001")] {
        let error = h
            .client
            .seller_balances(&finance, &ids::account(aid), &ids::seller(seller))
            .await
            .unwrap_err();
        assert_eq!(error.status(), Some(404));
    }
    for (query, path) in [
        (
            TransferQuery {
                currency: Some("nok".into()),
                ..Default::default()
            },
            "/currency",
        ),
        (
            TransferQuery {
                page: Some("garbage!".into()),
                ..Default::default()
            },
            "/page",
        ),
        (
            TransferQuery {
                limit: Some(1001),
                ..Default::default()
            },
            "/limit",
        ),
    ] {
        let error = h
            .client
            .seller_transfers(&finance, &ids::account(AID), &ids::seller("PD001"), &query)
            .await
            .unwrap_err();
        let DinteroError::Api(failure) = &error else {
            panic!("{error:?}")
        };
        assert_eq!((failure.status, failure.errors[0]["path"].as_str()), (400, Some(path)));
    }
    let onboarding = h.person("onboarding@partner.example").await;
    let error = h
        .client
        .seller_balances(&onboarding, &ids::account(AID), &ids::seller("PD001"))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(403));
    let admin = h.admin().await;
    h.client
        .seller_balances(&admin, &ids::account(AID), &ids::seller("PD001"))
        .await
        .expect("admin:payout is accepted");
    // 503 once, then success.
    h.clear_requests().await;
    h.fault("/v2/accounts/*/balances", json!({"type": "status", "status": 503}), 1)
        .await;
    h.client
        .seller_balances(&finance, &ids::account(AID), &ids::seller("PD001"))
        .await
        .expect("retried");
    let tries = h
        .requests()
        .await
        .into_iter()
        .filter(|(_, p, _)| p.ends_with("/balances"))
        .count();
    assert_eq!(tries, 2);
}

fn example(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../../shared/api/examples/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("example")
}

#[test]
fn the_balances_example_decodes() {
    let body: BalancesResponse = serde_json::from_str(&example("payout_destination_balances.json")).unwrap();
    let amounts: Vec<(&str, i64)> = body
        .payout_destination_balances
        .iter()
        .map(|b| (b.currency.as_str(), b.amount))
        .collect();
    assert_eq!(amounts, [("NOK", 1_532_450), ("SEK", 0), ("EUR", -1_250)]);
}

#[test]
fn transfer_entries_with_nulls_unknown_fields_and_unknown_types_decode() {
    let body = json!({
        "entries": [
            {
                "ledger_entry_id": "l1", "account_id": "T11200006", "payout_destination_config_id": "pdc_1",
                "payout_destination_id": "PD001", "created_at": "2026-11-01T06:00:00Z", "currency": "NOK",
                "amount": -1000, "type": "outbound",
                "inbound_payment_provider": null, "transfer_id": null,
                "outbound_receiver_bank_account_type": "plusgiro", "outbound_receiver_country": "SE",
                "payment_match_report_data": null, "brand_new": 1
            },
            {
                "ledger_entry_id": "l2", "currency": "NOK", "amount": 5, "type": "fee_adjustment",
                "payment_match_report_data": {
                    "payment_status": "payment-match", "amounts": [{"currency": "NOK", "amount": 5, "capture": 5, "refund": 0, "fee": 0}],
                    "attachments": null, "provider": "payex", "extra": true
                }
            }
        ],
        "next_page_token": null
    });
    let page: TransfersPage = serde_json::from_value(body).unwrap();
    assert_eq!(
        page.entries[0].outbound_receiver_bank_account_type,
        Some(BankAccountType::Other("plusgiro".into()))
    );
    assert_eq!(page.entries[1].entry_type, TransferType::Other("fee_adjustment".into()));
    let data = page.entries[1].payment_match_report_data.as_ref().unwrap();
    assert_eq!(data.payment_status, Some(PaymentStatus::PaymentMatch));
    assert!(data.attachments.is_empty());
    assert!(page.next_page_token.is_none());
}

#[test]
fn settlements_with_nulls_unknown_fields_and_unknown_statuses_decode() {
    let body = json!({
        "items": [{
            "id": "s1", "provider": "walley", "payment_status": "reversed", "store_id": null,
            "payout_destination_id": null, "attachments": [{"id": "a1", "content_type": null, "new": 1}],
            "amounts": [{"currency": "NOK", "amount": 900, "capture": 1000, "refund": 0, "fee": 100, "vat": 20}],
            "settled_at": "2026-10-03T05:12:00Z", "email_received_at": null, "unknown_field": {"x": [1]}
        }, {"id": "s2", "attachments": null, "amounts": null}],
        "last_evaluated_key": null,
        "count": 2
    });
    let page: SettlementPage = serde_json::from_value(body).unwrap();
    assert_eq!(
        page.items[0].payment_status,
        Some(PaymentStatus::Other("reversed".into()))
    );
    assert_eq!(page.items[0].amounts[0].amount, 900);
    assert!(page.items[1].attachments.is_empty() && page.items[1].amounts.is_empty());
    assert!(page.last_evaluated_key.is_none());
}
