//! The client's CDD cases, payment approvals and seller approvals against the emulator.

use crate::support;
use crate::support::ids;

use app::dintero::approvals::{
    link, ApprovalProduct, ApprovalsBankAccount, BankAccountNumberType, CaseStatus, FormSubmitter, LinkRel,
    NewPaymentApproval, NewSellerApproval, PaymentApproval, PaymentApprovals, PaymentMethod, PaymentMethodItem,
    PayoutIntervalType, ProductItem, SellerApproval, SellerApprovalQuery, SellerApprovals,
};
use app::dintero::cdd::{
    ActionOnApproval, CaseFor, CaseRequest, CddCase, CddCaseQuery, CddCheck, CddEventKind, CddInclude, NewCddCase,
};
use app::dintero::DinteroError;
use app::secret::Secret;
use serde_json::json;

const MANAGER: &str = "manager@partner.example";
const FINANCE: &str = "finance@partner.example";
/// A merchant with sellers PD001 and PD002 (seller_ids) and an extra, declined, one.
const SELLERS: &str = "T11200002";

fn example(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../../shared/api/examples/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("example")
}

/// A valid Norwegian account (DNB's published example, mod-11).
fn nok_account(number: &str, kind: BankAccountNumberType) -> ApprovalsBankAccount {
    ApprovalsBankAccount {
        bank_account_currency: "NOK".into(),
        payout_currency: "NOK".into(),
        bank_name: Some("DNB Bank ASA".into()),
        bank_account_number: Some(number.into()),
        bank_account_number_type: Some(kind),
        bank_account_country_code: Some("NO".into()),
        bank_identification_code: Some("DNBANOKKXXX".into()),
    }
}

fn seller(id: &str, description: &str) -> NewSellerApproval {
    NewSellerApproval {
        payout_destination_id: id.into(),
        payout_reference: "Bakeri Bodø Torget".into(),
        country_code: "NO".into(),
        organization_number: "923456781".into(),
        bank_accounts: vec![nok_account("86011117947", BankAccountNumberType::Bban)],
        payout_destination_name: Some("Bakeri Bodø Torget".into()),
        payout_destination_description: Some(description.into()),
        payout_interval_type: Some(PayoutIntervalType::Weekly),
        form_submitter: Some(FormSubmitter {
            email: Some("kari@bakeri-bodo.example".into()),
            name: Some("Kari Nordmann".into()),
            title: Some("Daglig leder".into()),
        }),
    }
}

fn api(error: &DinteroError) -> &app::dintero::ApiFailure {
    match error {
        DinteroError::Api(failure) => failure,
        other => panic!("expected an API error, got {other:?}"),
    }
}

fn paths(error: &DinteroError) -> Vec<String> {
    api(error)
        .errors
        .iter()
        .filter_map(|e| e["path"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn cdd_cases_are_listed_and_really_filtered() {
    let h = support::start().await;
    let person = h.person(MANAGER).await;
    let all = h
        .client
        .cdd_cases(&person, &ids::account(SELLERS), &CddCaseQuery::default())
        .await
        .unwrap();
    assert!(all.len() >= 3, "two sellers, an extra seller and maybe payments");
    assert!(all.iter().all(|c| c.account_id.as_deref() == Some(SELLERS)));
    assert!(all
        .iter()
        .all(|c| c.events.first().and_then(|e| e.event.clone()) == Some(CddEventKind::CaseCreated)));

    let payout = CddCaseQuery {
        products: vec![ApprovalProduct::Payout],
        ..Default::default()
    };
    let payout = h
        .client
        .cdd_cases(&person, &ids::account(SELLERS), &payout)
        .await
        .unwrap();
    assert!(!payout.is_empty() && payout.len() < all.len());
    assert!(payout.iter().all(|c| c.products.contains(&ApprovalProduct::Payout)));

    let wildcard = CddCaseQuery {
        payout_destination_id: Some("PD*".into()),
        ..Default::default()
    };
    let mut ids: Vec<String> = h
        .client
        .cdd_cases(&person, &ids::account(SELLERS), &wildcard)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|c| c.case_for.and_then(|f| f.payout_destination_id))
        .collect();
    ids.sort();
    assert_eq!(ids, ["PD001", "PD002"]);

    let status = all[0].status().cloned().expect("a status");
    let by_status = CddCaseQuery {
        case_status: vec![status.clone()],
        ..Default::default()
    };
    let found = h
        .client
        .cdd_cases(&person, &ids::account(SELLERS), &by_status)
        .await
        .unwrap();
    assert!(!found.is_empty());
    assert!(found.iter().all(|c| c.status() == Some(&status)));

    let create_destination = CddCaseQuery {
        actions_on_approval: vec![ActionOnApproval::CreatePayoutDestination],
        ..Default::default()
    };
    let found = h
        .client
        .cdd_cases(&person, &ids::account(SELLERS), &create_destination)
        .await
        .unwrap();
    assert_eq!(found.len(), payout.len());
}

#[tokio::test]
async fn contracts_come_only_when_included() {
    let h = support::start().await;
    let person = h.person(MANAGER).await;
    let has_contracts = |cases: &[CddCase]| {
        cases
            .iter()
            .flat_map(|c| &c.events)
            .any(|e| e.case.as_ref().is_some_and(|c| c.get("contracts").is_some()))
    };
    let plain = h
        .client
        .cdd_cases(&person, &ids::account("T11200001"), &CddCaseQuery::default())
        .await
        .unwrap();
    assert!(!has_contracts(&plain));
    let with = CddCaseQuery {
        includes: vec![CddInclude::EventsCaseContracts],
        ..Default::default()
    };
    let with = h
        .client
        .cdd_cases(&person, &ids::account("T11200001"), &with)
        .await
        .unwrap();
    assert!(has_contracts(&with));
    assert_eq!(plain.len(), with.len());
}

#[tokio::test]
async fn a_new_cdd_case_is_listed_and_a_bad_one_refused() {
    let h = support::start().await;
    let person = h.admin().await;
    let body = NewCddCase {
        case_for: CaseFor {
            account_id: Some("T11200003".into()),
            ..Default::default()
        },
        products: vec![ApprovalProduct::Checkout],
        case_request: CaseRequest {
            checks: vec![CddCheck::Kyc],
            country_code: Some("SE".into()),
            organization_number: Some("556677-8899".into()),
            require_contract_signing: Some(true),
            details: Some(json!({})),
            ..Default::default()
        },
        actions_on_approval: Some(vec![ActionOnApproval::EnableCheckoutAccount]),
        ..Default::default()
    };
    let created = h
        .client
        .create_cdd_case(&person, &ids::account("T11200003"), &body)
        .await
        .unwrap();
    assert_eq!(created.status(), Some(&CaseStatus::WaitingForDeclaration));
    assert_eq!(created.events[0].id, 1);
    assert!(created.events[0]
        .created
        .as_ref()
        .and_then(|c| c.contract_url.as_deref())
        .is_some_and(|u| u.starts_with("https://")));
    assert_eq!(
        created
            .case_request
            .as_ref()
            .and_then(|r| r.organization_number.as_deref()),
        Some("556677-8899")
    );
    let filter = CddCaseQuery {
        case_status: vec![CaseStatus::WaitingForDeclaration],
        products: vec![ApprovalProduct::Checkout],
        ..Default::default()
    };
    let listed = h
        .client
        .cdd_cases(&person, &ids::account("T11200003"), &filter)
        .await
        .unwrap();
    assert!(listed.iter().any(|c| c.id == created.id));

    let empty = NewCddCase {
        products: vec![],
        ..body
    };
    let error = h
        .client
        .create_cdd_case(&person, &ids::account("T11200003"), &empty)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(400));
    assert_eq!(paths(&error), ["/products"]);
}

#[tokio::test]
async fn cdd_cases_need_write_or_admin_even_to_read() {
    let h = support::start().await;
    let finance = h.person(FINANCE).await;
    let error = h
        .client
        .cdd_cases(&finance, &ids::account(SELLERS), &CddCaseQuery::default())
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(403));
}

#[tokio::test]
async fn payment_approvals_list_filter_and_create() {
    let h = support::start().await;
    let person = h.person(MANAGER).await;
    let all = h
        .client
        .payment_approvals(&person, &ids::account("T11200001"), &[])
        .await
        .unwrap();
    assert!(!all.is_empty());
    let first = &all[0];
    assert_eq!(first.country_code.as_deref(), Some("NO"));
    assert_eq!(first.bank_accounts.len(), 1);
    assert!(first.mcc.is_some());
    assert!(first
        .payment_methods
        .iter()
        .any(|m| m.payment_method == PaymentMethod::Creditcard));
    let status = first.case_status.clone().expect("status");
    let filtered = h
        .client
        .payment_approvals(&person, &ids::account("T11200001"), std::slice::from_ref(&status))
        .await
        .unwrap();
    assert!(filtered.iter().all(|p| p.case_status.as_ref() == Some(&status)));

    let body = NewPaymentApproval {
        country_code: "NO".into(),
        organization_number: "923456781".into(),
        bank_accounts: vec![nok_account("NO9386011117947", BankAccountNumberType::Iban)],
        payment_methods: vec![
            PaymentMethodItem {
                payment_method: PaymentMethod::Creditcard,
            },
            PaymentMethodItem {
                payment_method: PaymentMethod::Other("vipps".into()),
            },
        ],
        products: vec![ProductItem {
            product: ApprovalProduct::Checkout,
        }],
        form_submitter: None,
    };
    let created = h
        .client
        .create_payment_approval(&person, &ids::account("T11200001"), &body)
        .await
        .unwrap();
    assert_eq!(created.case_status, Some(CaseStatus::WaitingForDeclaration));
    assert!(link(&created.links, &LinkRel::ContractUrl).is_some());
    assert_eq!(
        created.payment_methods[1].payment_method,
        PaymentMethod::Other("vipps".into())
    );
    let again = h
        .client
        .payment_approvals(&person, &ids::account("T11200001"), &[])
        .await
        .unwrap();
    assert_eq!(again.len(), all.len() + 1);
    assert!(again.iter().any(|p| p.id == created.id));

    let two = NewPaymentApproval {
        bank_accounts: vec![body.bank_accounts[0].clone(), body.bank_accounts[0].clone()],
        ..body.clone()
    };
    let error = h
        .client
        .create_payment_approval(&person, &ids::account("T11200001"), &two)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(400));
    assert_eq!(paths(&error), ["/bank_accounts"]);
    let bad_country = NewPaymentApproval {
        country_code: "NOR".into(),
        ..body
    };
    let error = h
        .client
        .create_payment_approval(&person, &ids::account("T11200001"), &bad_country)
        .await
        .unwrap_err();
    assert_eq!(paths(&error), ["/country_code"]);
}

#[tokio::test]
async fn seller_approvals_list_get_and_filter() {
    let h = support::start().await;
    let person = h.person(MANAGER).await;
    let all = h
        .client
        .seller_approvals(&person, &ids::account(SELLERS), &SellerApprovalQuery::default())
        .await
        .unwrap();
    let ids: Vec<&str> = all.iter().map(|s| s.payout_destination_id.as_str()).collect();
    assert!(ids.contains(&"PD001") && ids.contains(&"PD002"), "{ids:?}");
    assert!(all.iter().all(|s| s.case_status != Some(CaseStatus::Archived)));
    let pd1 = all.iter().find(|s| s.payout_destination_id == "PD001").unwrap();
    assert_eq!(pd1.bank_accounts.len(), 1);
    assert!(link(&pd1.links, &LinkRel::CddCaseUrl).is_some_and(|u| u.starts_with("https://")));

    let one = h
        .client
        .seller_approval(&person, &ids::account(SELLERS), &ids::resource(&pd1.id))
        .await
        .unwrap();
    assert_eq!(&one, pd1);

    let only = SellerApprovalQuery {
        payout_destination_id: Some("PD002".into()),
        ..Default::default()
    };
    let only = h
        .client
        .seller_approvals(&person, &ids::account(SELLERS), &only)
        .await
        .unwrap();
    assert_eq!(only.len(), 1);
    assert_eq!(only[0].payout_destination_id, "PD002");

    let declined = SellerApprovalQuery {
        case_status: vec![CaseStatus::Declined],
        ..Default::default()
    };
    let declined = h
        .client
        .seller_approvals(&person, &ids::account(SELLERS), &declined)
        .await
        .unwrap();
    assert!(!declined.is_empty());
    assert!(declined.iter().all(|s| s.case_status == Some(CaseStatus::Declined)));

    let error = h
        .client
        .seller_approval(
            &person,
            &ids::account(SELLERS),
            &ids::resource("00000000-0000-4000-8000-000000000000"),
        )
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(404));
}

#[tokio::test]
async fn test_mode_descriptions_decide_the_outcome() {
    let h = support::start().await;
    let person = h.person("onboarding@partner.example").await;
    let cases = [
        ("auto-ok", "Ny butikk AUTO_APPROVE", CaseStatus::Active),
        ("auto-no", "Ny butikk AUTO_DECLINE", CaseStatus::Declined),
        (
            "auto-sign",
            "Ny butikk AUTO_WAITING_FOR_SIGNATURE",
            CaseStatus::WaitingForSignature,
        ),
        ("plain", "Ny butikk på Torget", CaseStatus::WaitingForDeclaration),
    ];
    for (id, description, status) in cases {
        let created = h
            .client
            .create_seller_approval(&person, &ids::account(SELLERS), &seller(id, description))
            .await
            .unwrap();
        assert_eq!(created.case_status, Some(status.clone()), "{description}");
        assert_eq!(created.payout_destination_id, id);
        assert_eq!(created.payout_interval_type, Some(PayoutIntervalType::Weekly));
        assert_eq!(
            created.bank_accounts[0].bank_account_number.as_deref(),
            Some("86011117947")
        );
        if status == CaseStatus::WaitingForDeclaration {
            assert!(link(&created.links, &LinkRel::ContractUrl).is_some_and(|u| u.starts_with("https://")));
        }
        if status == CaseStatus::Active {
            assert!(link(&created.links, &LinkRel::SignedContractFileUrl).is_some());
        }
    }
    let listed = h
        .client
        .seller_approvals(&person, &ids::account(SELLERS), &SellerApprovalQuery::default())
        .await
        .unwrap();
    assert!(["auto-ok", "auto-no", "auto-sign", "plain"]
        .iter()
        .all(|id| listed.iter().any(|s| s.payout_destination_id == *id)));
}

#[tokio::test]
async fn a_wrong_account_number_is_refused_with_its_path() {
    let h = support::start().await;
    let person = h.admin().await;
    let mut body = seller("bad-iban", "x");
    body.bank_accounts = vec![nok_account("NO9386011117948", BankAccountNumberType::Iban)];
    let error = h
        .client
        .create_seller_approval(&person, &ids::account(SELLERS), &body)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(400));
    assert_eq!(paths(&error), ["/bank_accounts/0/bank_account_number"]);
    assert!(api(&error).message.contains("IBAN"), "{}", api(&error).message);

    body.bank_accounts = vec![nok_account("86011117948", BankAccountNumberType::Bban)];
    let error = h
        .client
        .create_seller_approval(&person, &ids::account(SELLERS), &body)
        .await
        .unwrap_err();
    assert_eq!(paths(&error), ["/bank_accounts/0/bank_account_number"]);

    let mut body = seller("has spaces", "x");
    body.payout_reference = "x".repeat(61);
    let error = h
        .client
        .create_seller_approval(&person, &ids::account(SELLERS), &body)
        .await
        .unwrap_err();
    assert_eq!(paths(&error), ["/payout_destination_id", "/payout_reference"]);

    // Nothing was created.
    let listed = h
        .client
        .seller_approvals(&person, &ids::account(SELLERS), &SellerApprovalQuery::default())
        .await
        .unwrap();
    assert!(!listed.iter().any(|s| s.payout_destination_id == "bad-iban"));
}

#[tokio::test]
async fn archiving_leaves_the_list_and_active_needs_delete_active() {
    let h = support::start().await;
    let person = h.admin().await;
    let active = h
        .client
        .create_seller_approval(&person, &ids::account(SELLERS), &seller("to-archive", "AUTO_APPROVE"))
        .await
        .unwrap();
    let error = h
        .client
        .archive_seller_approval(&person, &ids::account(SELLERS), &ids::resource(&active.id), false)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(400));
    assert!(api(&error).message.contains("delete_active"), "{}", api(&error).message);

    let archived = h
        .client
        .archive_seller_approval(&person, &ids::account(SELLERS), &ids::resource(&active.id), true)
        .await
        .unwrap();
    assert_eq!(archived.case_status, Some(CaseStatus::Archived));
    assert!(archived.deleted_at.is_some());

    let listed = h
        .client
        .seller_approvals(&person, &ids::account(SELLERS), &SellerApprovalQuery::default())
        .await
        .unwrap();
    assert!(!listed.iter().any(|s| s.id == active.id));
    let archived_only = SellerApprovalQuery {
        case_status: vec![CaseStatus::Archived],
        ..Default::default()
    };
    let listed = h
        .client
        .seller_approvals(&person, &ids::account(SELLERS), &archived_only)
        .await
        .unwrap();
    assert!(listed.iter().any(|s| s.id == active.id));

    // A waiting one needs no flag; the id may then be applied for again.
    let waiting = h
        .client
        .create_seller_approval(&person, &ids::account(SELLERS), &seller("to-archive", "andre gang"))
        .await
        .unwrap();
    let archived = h
        .client
        .archive_seller_approval(&person, &ids::account(SELLERS), &ids::resource(&waiting.id), false)
        .await
        .unwrap();
    assert_eq!(archived.case_status, Some(CaseStatus::Archived));
    let error = h
        .client
        .archive_seller_approval(
            &person,
            &ids::account(SELLERS),
            &ids::resource("00000000-0000-4000-8000-000000000000"),
            true,
        )
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(404));
}

#[tokio::test]
async fn the_control_plane_moves_an_approval_to_active() {
    let h = support::start().await;
    let person = h.admin().await;
    let created = h
        .client
        .create_seller_approval(&person, &ids::account(SELLERS), &seller("stepwise", "Ny butikk"))
        .await
        .unwrap();
    let mut seen = Vec::new();
    for _ in 0..3 {
        let moved = h
            .control(&format!("advance/approvals/{SELLERS}/{}", created.id), json!({}))
            .await;
        seen.push(moved["case_status"].as_str().unwrap_or_default().to_owned());
    }
    assert_eq!(seen, ["WAITING_FOR_SIGNATURE", "UNDER_MANUAL_REVIEW", "ACTIVE"]);
    let now = h
        .client
        .seller_approval(&person, &ids::account(SELLERS), &ids::resource(&created.id))
        .await
        .unwrap();
    assert_eq!(now.case_status, Some(CaseStatus::Active));
    assert!(link(&now.links, &LinkRel::SignedContractFileUrl).is_some());
    let stuck = h
        .control(&format!("advance/approvals/{SELLERS}/{}", created.id), json!({}))
        .await;
    assert!(stuck["error"]["message"].as_str().is_some_and(|m| m.contains("ACTIVE")));
}

#[tokio::test]
async fn error_classes() {
    let h = support::start().await;
    let bad = Secret::new("bad");
    let error = h
        .client
        .seller_approvals(&bad, &ids::account(SELLERS), &SellerApprovalQuery::default())
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(401));

    let finance = h.person(FINANCE).await;
    let error = h
        .client
        .create_seller_approval(&finance, &ids::account(SELLERS), &seller("nope", "x"))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(403));
    // Finance may read.
    assert!(h
        .client
        .payment_approvals(&finance, &ids::account(SELLERS), &[])
        .await
        .is_ok());

    let manager = h.person(MANAGER).await;
    let list_path = format!("/v1/accounts/{SELLERS}/management/settings/approvals/payout-destinations");
    h.client.merchant_token(&manager, &ids::account(SELLERS)).await.unwrap();

    h.clear_requests().await;
    h.fault(&list_path, json!({"type": "rate_limit", "retry_after": 1}), 1)
        .await;
    let listed = h
        .client
        .seller_approvals(&manager, &ids::account(SELLERS), &SellerApprovalQuery::default())
        .await
        .unwrap();
    assert!(!listed.is_empty());
    let statuses: Vec<u16> = h
        .requests()
        .await
        .into_iter()
        .filter(|(_, p, _)| *p == list_path)
        .map(|r| r.2)
        .collect();
    assert_eq!(statuses, [429, 200]);

    h.clear_requests().await;
    let payments_path = format!("/v1/accounts/{SELLERS}/management/settings/approvals/payments");
    h.fault(&payments_path, json!({"type": "status", "status": 503}), 1)
        .await;
    assert!(h
        .client
        .payment_approvals(&manager, &ids::account(SELLERS), &[])
        .await
        .is_ok());
    let statuses: Vec<u16> = h
        .requests()
        .await
        .into_iter()
        .filter(|(_, p, _)| *p == payments_path)
        .map(|r| r.2)
        .collect();
    assert_eq!(statuses, [503, 200]);

    h.clear_requests().await;
    h.control(
        "faults",
        json!({"path": list_path, "method": "POST", "kind": {"type": "status", "status": 502}, "count": 1}),
    )
    .await;
    let error = h
        .client
        .create_seller_approval(&manager, &ids::account(SELLERS), &seller("once", "x"))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(502));
    let posts = h
        .requests()
        .await
        .into_iter()
        .filter(|(m, p, _)| m == "POST" && *p == list_path)
        .count();
    assert_eq!(posts, 1, "a write is never retried");
}

#[tokio::test]
async fn a_slow_dintero_is_a_timeout() {
    let h = support::start().await;
    let manager = h.person(MANAGER).await;
    h.client.merchant_token(&manager, &ids::account(SELLERS)).await.unwrap();
    h.fault(
        "/v1/accounts/*/management/settings/cdd/cases",
        json!({"type": "latency", "ms": 6000}),
        10,
    )
    .await;
    let error = h
        .client
        .cdd_cases(&manager, &ids::account(SELLERS), &CddCaseQuery::default())
        .await
        .unwrap_err();
    assert!(matches!(error, DinteroError::Timeout), "{error:?}");
}

#[test]
fn the_examples_decode() {
    let cases: Vec<CddCase> = serde_json::from_str(&example("cdd_cases_list.json")).unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[0].status(), Some(&CaseStatus::Active));
    assert_eq!(cases[0].events[2].id, 3);
    assert_eq!(
        cases[0].case_request.as_ref().and_then(|r| r.reference_id.as_deref()),
        Some("bjornstad-aalesund-sentrum")
    );
    assert_eq!(cases[1].status(), Some(&CaseStatus::Error));
    assert_eq!(cases[1].actions_on_approval, [ActionOnApproval::EnableCheckoutAccount]);

    let payments: PaymentApprovals = serde_json::from_str(&example("approvals_payments_list.json")).unwrap();
    let p: &PaymentApproval = &payments.payments[0];
    assert_eq!(p.mcc, Some(5651));
    assert_eq!(
        p.bank_accounts[0].bank_account_number_type,
        Some(BankAccountNumberType::Bban)
    );
    assert_eq!(
        link(&p.links, &LinkRel::DinteroCddCaseUrl),
        Some("https://backoffice.dintero.com/cdd/cases/a1b2c3d4-0100")
    );
    assert_eq!(payments.payments[1].case_status, Some(CaseStatus::UnderManualReview));
    assert_eq!(
        payments.payments[1].payment_methods[0].payment_method,
        PaymentMethod::Billie
    );
}

#[test]
fn unknown_fields_nulls_and_unknown_values_decode() {
    let body = json!({"payout_destinations": [{
        "id": "a", "payout_destination_id": "PD001", "case_status": "PAUSED_BY_DINTERO",
        "payout_reference": null, "bank_accounts": [{"bank_account_currency": "NOK", "payout_currency": "NOK",
            "bank_account_number_type": "PLUSGIRO", "bank_name": null, "new_field": 1}],
        "links": [{"href": "https://x.example", "rel": "kyc_portal_url"}],
        "form_submitter": null, "payout_interval_type": "quarterly", "brand_new": {"x": 1}
    }]});
    let list: SellerApprovals = serde_json::from_value(body).unwrap();
    let s: &SellerApproval = &list.payout_destinations[0];
    assert_eq!(s.case_status, Some(CaseStatus::Other("PAUSED_BY_DINTERO".into())));
    assert_eq!(s.payout_reference, None);
    assert_eq!(
        s.bank_accounts[0].bank_account_number_type,
        Some(BankAccountNumberType::Other("PLUSGIRO".into()))
    );
    assert_eq!(s.links[0].rel, LinkRel::Other("kyc_portal_url".into()));
    assert_eq!(
        s.payout_interval_type,
        Some(PayoutIntervalType::Other("quarterly".into()))
    );

    let cases: Vec<CddCase> = serde_json::from_value(json!([{
        "id": "c", "case_for": null, "products": ["payout", "lending"], "case_request": null,
        "events": [{"id": 7, "event": "case_escalated", "case_status": "ON_HOLD", "error": {"code": "x"}, "case": null}],
        "package": null, "surprise": true
    }]))
    .unwrap();
    assert_eq!(cases[0].status(), Some(&CaseStatus::Other("ON_HOLD".into())));
    assert_eq!(cases[0].products[1], ApprovalProduct::Other("lending".into()));
    assert_eq!(
        cases[0].events[0].event,
        Some(CddEventKind::Other("case_escalated".into()))
    );

    let payments: PaymentApprovals = serde_json::from_value(json!({"payments": [{
        "id": "p", "mcc": null, "case_status": null, "links": null, "bank_accounts": null, "extra": "x"
    }]}))
    .unwrap();
    assert_eq!(payments.payments[0].mcc, None);
    assert_eq!(payments.payments[0].case_status, None);
    assert!(payments.payments[0].links.is_empty());
}
