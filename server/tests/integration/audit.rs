//! The audit log gets exactly one entry per change sent to Dintero, whatever Dintero answered, and
//! none for input refused before anything was sent.

use crate::support;

use app::audit::{entries, ActivityFilter, AuditEntry};
use serde_json::json;
use support::served::{api_post, post_login, serve_with, session_cookie, temp_data_dir};

async fn post(base: &str, cookie: &str, endpoint: &str, body: &str) -> reqwest::StatusCode {
    api_post(base, cookie, endpoint, body).await.status()
}

async fn log(data: &std::path::Path) -> Vec<AuditEntry> {
    let store = app::store::Store::open(&data.join("backoffice.db")).await.unwrap();
    entries(&store, &ActivityFilter::default(), None, 100).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_entry_per_change_also_when_dintero_refuses_it() {
    let emulator = support::start().await;
    let data = temp_data_dir();
    let (base, _server) = serve_with(&data, Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "manager%40partner.example", "demo-password").await);

    assert!(
        post(&base, &cookie, "add_comment", "aid=T11200002&body=Called+about+Vipps")
            .await
            .is_success()
    );
    let after_one = log(&data).await;
    assert_eq!(after_one.len(), 1);
    let entry = &after_one[0];
    assert_eq!(
        (entry.email.as_str(), entry.account_id.as_deref(), entry.action.as_str()),
        ("manager@partner.example", Some("T11200002"), "account.comment")
    );
    assert!(entry.succeeded(), "{entry:?}");
    assert_eq!(entry.summary, "comment=Called about Vipps");
    assert!(entry.user_id.is_some() && entry.partner_id == support::PARTNER);

    // Refused before sending: no change, no entry.
    assert_eq!(post(&base, &cookie, "add_comment", "aid=T11200002&body=+").await, 422);
    assert_eq!(log(&data).await.len(), 1);

    // Dintero fails: one entry, with its status.
    emulator
        .fault(
            "/v1/accounts/*/management/accounts/*/events",
            json!({"type": "status", "status": 500}),
            1,
        )
        .await;
    assert_eq!(
        post(&base, &cookie, "add_comment", "aid=T11200002&body=Second").await,
        503
    );
    let entries = log(&data).await;
    assert_eq!(entries.len(), 2, "exactly one more entry");
    assert_eq!(entries[0].status, Some(500));
    assert!(!entries[0].succeeded());

    // A connection event and a merchant change: one entry each.
    let event = "aid=T11200002&connection=vipps&status=enabled&event=approved&description=Approved+by+Vipps";
    assert!(post(&base, &cookie, "record_connection_event", event)
        .await
        .is_success());
    let update = "aid=T11200002&progression=live&account_manager=manager%40partner.example&reseller_id=R-7";
    assert!(post(&base, &cookie, "update_merchant", update).await.is_success());
    let entries = log(&data).await;
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "account.update",
            "connection.event",
            "account.comment",
            "account.comment"
        ]
    );
    assert_eq!(
        entries[0].summary,
        "progression=live; account_manager=manager@partner.example; reseller_id=R-7"
    );
}
