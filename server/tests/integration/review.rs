//! The review queue over 500 merchants with one that Dintero keeps failing: the page completes,
//! names the failure, and lists exactly the open cases and approvals of everyone else.

use crate::support;
use crate::support::ids;

use app::dintero::approvals::{CaseStatus, SellerApprovalQuery};
use app::dintero::cdd::CddCaseQuery;
use app::features::onboarding::review_query::OPEN_STATUSES;
use reqwest::header::COOKIE;
use serde_json::json;
use support::served::{http, post_login, serve_with, session_cookie, temp_data_dir};

const BROKEN: &str = "T11200042";

/// The ids of `table`'s rows (`data-item`) in the page, in order.
fn rows_of(html: &str, testid: &str) -> Vec<String> {
    let start = html
        .find(&format!("data-testid=\"{testid}\""))
        .unwrap_or_else(|| panic!("the page has the {testid} table"));
    let table = &html[start..start + html[start..].find("</table>").unwrap()];
    table
        .split("data-item=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_queue_over_500_merchants_lists_a_failing_one_and_everything_else() {
    let emulator = support::start().await;
    emulator.control("seed?merchants=500", json!({})).await;
    emulator
        .control(
            "faults",
            json!({"path": format!("/v1/accounts/{BROKEN}/management/settings/approvals/payout-destinations*"),
                   "kind": {"type": "status", "status": 500}}),
        )
        .await;
    let (base, _server) = serve_with(&temp_data_dir(), Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "onboarding%40partner.example", "demo-password").await);

    let response = http()
        .get(format!("{base}/onboarding"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();

    // The failure is named, with its kind and Dintero's status; nothing else failed.
    let failures = &html[html
        .find("data-testid=\"review-failures\"")
        .expect("a failures section")..];
    let failures = &failures[..failures.find("</section>").unwrap()];
    assert_eq!(failures.matches("<li").count(), 1, "{failures}");
    assert!(failures.contains(BROKEN) && failures.contains("Seller approval") && failures.contains("Dintero 500"));
    // The onboarding person's scopes do not read CDD cases, and the page says so.
    assert!(html.contains("data-testid=\"no-cdd\""));

    // Everyone else's open payment and seller approvals, straight from the emulator.
    let token = emulator.person("onboarding@partner.example").await;
    let every_status = SellerApprovalQuery {
        payout_destination_id: None,
        case_status: CaseStatus::KNOWN.to_vec(),
    };
    let mut expected = Vec::new();
    for n in 1..=500 {
        let aid = format!("T112{n:05}");
        for p in emulator
            .client
            .payment_approvals(&token, &ids::account(&aid), &[])
            .await
            .unwrap()
        {
            if p.case_status.as_ref().is_some_and(|s| OPEN_STATUSES.contains(s)) {
                expected.push(p.id);
            }
        }
        if aid == BROKEN {
            continue;
        }
        for s in emulator
            .client
            .seller_approvals(&token, &ids::account(&aid), &every_status)
            .await
            .unwrap()
        {
            if s.case_status.as_ref().is_some_and(|s| OPEN_STATUSES.contains(s)) {
                expected.push(s.id);
            }
        }
    }
    let mut shown = rows_of(&html, "queue");
    assert!(
        expected.len() > 100,
        "the seeded world has open approvals ({})",
        expected.len()
    );
    assert_eq!(shown.len(), expected.len());
    shown.sort();
    expected.sort();
    assert_eq!(shown, expected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_status_filter_keeps_only_that_status_oldest_first_and_an_admin_sees_cdd_cases() {
    let emulator = support::start().await;
    let (base, _server) = serve_with(&temp_data_dir(), Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "onboarding%40partner.example", "demo-password").await);
    let html = http()
        .get(format!(
            "{base}/onboarding?case_status=WAITING_FOR_SIGNATURE&kind=seller"
        ))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = emulator.person("onboarding@partner.example").await;
    let mut expected = Vec::new();
    for n in 1..=60 {
        let aid = format!("T112{n:05}");
        let query = SellerApprovalQuery {
            payout_destination_id: None,
            case_status: vec![CaseStatus::WaitingForSignature],
        };
        let mut sellers = emulator
            .client
            .seller_approvals(&token, &ids::account(&aid), &query)
            .await
            .unwrap();
        expected.append(&mut sellers);
    }
    expected.sort_by(|a, b| a.created_at.cmp(&b.created_at));
    let expected: Vec<String> = expected.into_iter().map(|s| s.id).collect();
    assert!(!expected.is_empty());
    assert_eq!(rows_of(&html, "queue"), expected, "exactly these, oldest first");

    // CDD cases are read with a scope that allows it (Dintero's own rule: write:accounts).
    let admin = emulator.person("admin@partner.example").await;
    let cases = emulator
        .client
        .cdd_cases(&admin, &ids::account("T11200001"), &CddCaseQuery::default())
        .await
        .unwrap();
    assert!(!cases.is_empty(), "the seeded merchant has cases for the admin's queue");
    let onboarding = emulator
        .client
        .cdd_cases(&token, &ids::account("T11200001"), &CddCaseQuery::default())
        .await;
    assert_eq!(
        onboarding.unwrap_err().status(),
        Some(403),
        "so the queue leaves them out for this person"
    );
}
