//! Ids that are not ids never reach Dintero: a comment or a delete posted for
//! `T11200003/../T11200004` changes neither merchant and is not audited, a lower-case account id is
//! written and audited upper case, and a download with a malformed id answers 404 without asking
//! Dintero.

use crate::support;
use crate::support::ids;

use app::audit::{entries, ActivityFilter, AuditEntry};
use app::dintero::accounts::AccountEventsQuery;
use reqwest::header::COOKIE;
use reqwest::StatusCode;
use support::served::{api_post, http, post_login, serve_with, session_cookie, temp_data_dir};

const BOGUS: &str = "T11200003/../T11200004";

async fn log(data: &std::path::Path) -> Vec<AuditEntry> {
    let store = app::store::Store::open(&data.join("backoffice.db")).await.unwrap();
    entries(&store, &ActivityFilter::default(), None, 100).await.unwrap()
}

/// How many events merchant `aid` has (comments included).
async fn events(h: &support::Harness, person: &app::secret::Secret, aid: &str) -> usize {
    let query = AccountEventsQuery {
        limit: Some(100),
        ..Default::default()
    };
    let page = h.client.list_account_events(person, &ids::account(aid), &query).await;
    page.unwrap_or_else(|e| panic!("{aid} still exists: {e}")).items.len()
}

/// The requests that reached the emulator naming either merchant, or writing anything (tokens
/// aside).
async fn touched(h: &support::Harness) -> Vec<(String, String, u16)> {
    h.requests()
        .await
        .into_iter()
        .filter(|(method, path, _)| {
            let write = method != "GET" && !path.contains("/auth/");
            write || path.contains("T11200003") || path.contains("T11200004") || path.contains("..")
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_path_in_an_account_id_changes_no_merchant_and_is_not_audited() {
    let emulator = support::start().await;
    let data = temp_data_dir();
    let (base, _server) = serve_with(&data, Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "manager%40partner.example", "demo-password").await);
    let person = emulator.person("manager@partner.example").await;
    let before = (
        events(&emulator, &person, "T11200003").await,
        events(&emulator, &person, "T11200004").await,
    );
    emulator.clear_requests().await;

    let bogus = BOGUS.replace('/', "%2F");
    for (endpoint, body) in [
        ("add_comment", format!("aid={bogus}&body=Wrong+merchant")),
        ("add_comment", "aid=T11200003%2F..&body=Wrong+merchant".to_owned()),
        ("delete_merchant", format!("aid={bogus}&confirm={bogus}")),
        (
            "update_merchant",
            format!("aid={bogus}&progression=live&account_manager=&reseller_id="),
        ),
        (
            "record_connection_event",
            format!("aid={bogus}&connection=vipps&status=enabled&event=approved&description="),
        ),
    ] {
        let status = api_post(&base, &cookie, endpoint, &body).await.status();
        assert_eq!(status, StatusCode::NOT_FOUND, "{endpoint} {body}");
    }

    assert_eq!(touched(&emulator).await, [], "nothing was sent for either merchant");
    let after = (
        events(&emulator, &person, "T11200003").await,
        events(&emulator, &person, "T11200004").await,
    );
    assert_eq!(after, before, "both merchants exist, without a new comment");
    let entries = log(&data).await;
    assert!(entries.is_empty(), "nothing sent, nothing audited: {entries:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lower_case_account_id_is_written_and_audited_upper_case() {
    let emulator = support::start().await;
    let data = temp_data_dir();
    let (base, _server) = serve_with(&data, Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "manager%40partner.example", "demo-password").await);
    emulator.clear_requests().await;

    let sent = api_post(&base, &cookie, "add_comment", "aid=t11200003&body=Called").await;
    assert!(sent.status().is_success(), "{}", sent.status());
    let posts: Vec<String> = emulator
        .requests()
        .await
        .into_iter()
        .filter(|(method, ..)| method == "POST")
        .map(|(_, path, _)| path)
        .collect();
    assert_eq!(posts, ["/v1/accounts/T11200000/management/accounts/T11200003/events"]);
    let entries = log(&data).await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].account_id.as_deref(), Some("T11200003"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_download_with_a_malformed_id_is_not_found_and_asks_dintero_nothing() {
    let emulator = support::start().await;
    let data = temp_data_dir();
    let (base, _server) = serve_with(&data, Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "finance%40partner.example", "demo-password").await);
    emulator.clear_requests().await;

    for path in [
        "/accounts/T11200003%2F..%2FT11200004/settlements/x/attachments/y",
        "/accounts/T11200003/settlements/..%2F..%2FT11200004/attachments/y",
        "/accounts/T11200003/settlements/%2E%2E/attachments/y",
        "/accounts/T11200003/settlements/x/attachments/a%20b",
        "/accounts/T11200003%2F..%2FT11200004/settlements/files.zip?settlement=x",
        "/accounts/T11200002/reports/rpt..x/file",
        "/accounts/T11200003%2F..%2FT11200002/reports/rpt_T11200002_202605_pdf/file",
    ] {
        let response = http()
            .get(format!("{base}{path}"))
            .header(COOKIE, &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(touched(&emulator).await, [], "Dintero was asked nothing");
}
