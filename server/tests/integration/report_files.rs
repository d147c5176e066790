//! Insight reports through the app: the list never shows a signed URL; a report's file comes
//! through the server whole, with its type and name, also from a later page; a file broken off
//! fails the download; a signed URL on any other origin than Dintero's is refused without a
//! request; people without the reports scope are refused.

use crate::support;
use crate::support::ids;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use app::dintero::reports::ReportMetadata;
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_ENCODING, CONTENT_TYPE, COOKIE};
use serde_json::json;
use support::served::{http, post_login, serve_with, session_cookie, temp_data_dir};

const AID: &str = "T11200002";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_report_comes_through_whole_and_its_signed_url_never_reaches_the_page() {
    let emulator = support::start().await;
    let (base, _server) = serve_with(&temp_data_dir(), Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "finance%40partner.example", "demo-password").await);
    let person = emulator.person("finance@partner.example").await;
    let first_page = emulator
        .client
        .report_metadata(&person, &ids::account(AID), Some(25), None)
        .await
        .expect("reports");
    let report = first_page.reports.first().expect("a report").clone();
    let direct = http()
        .get(report.signed_url.as_deref().expect("a signed URL"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();

    // The list: every report of the page, and no signed URL anywhere in the HTML.
    let list = http()
        .get(format!("{base}/accounts/{AID}/reports"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(list.status(), 200);
    let html = list.text().await.unwrap();
    for r in &first_page.reports {
        assert!(html.contains(&format!("data-report=\"{}\"", r.id)), "{}", r.id);
    }
    assert!(
        !html.contains("signature") && !html.contains("/files/reports/"),
        "no signed URL"
    );
    assert!(html.contains(&format!("/accounts/{AID}/reports/{}/file", report.id)));

    let response = http()
        .get(format!("{base}/accounts/{AID}/reports/{}/file", report.id))
        .header(COOKIE, &cookie)
        .header("accept-encoding", "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert!(headers.get(CONTENT_ENCODING).is_none(), "not compressed again");
    assert_eq!(
        headers[CONTENT_TYPE].to_str().unwrap(),
        report.content_type.as_deref().unwrap()
    );
    assert_eq!(
        headers[CONTENT_DISPOSITION].to_str().unwrap(),
        format!(
            "attachment; filename=\"{}\"",
            report.report_file_name.as_deref().unwrap()
        )
    );
    assert_eq!(response.bytes().await.unwrap(), direct, "the same bytes");

    // A report of the second page, found from that page's cursor.
    let after = first_page.starting_after.clone().expect("more than one page");
    let second_page = emulator
        .client
        .report_metadata(&person, &ids::account(AID), Some(25), Some(&after))
        .await
        .unwrap();
    let later = second_page.reports.last().expect("a later report");
    let direct = http()
        .get(later.signed_url.as_deref().unwrap())
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let response = http()
        .get(format!("{base}/accounts/{AID}/reports/{}/file?after={after}", later.id))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.bytes().await.unwrap(), direct);

    // Dintero breaks the connection off once (a file this small breaks before the response
    // starts): the app asks again and the file comes whole.
    let file = format!("{base}/accounts/{AID}/reports/{}/file?after={after}", later.id);
    let drop_half = json!({"type": "drop", "after_bytes": direct.len() / 2});
    emulator.fault("/files/reports/*", drop_half.clone(), 1).await;
    let response = http().get(&file).header(COOKIE, &cookie).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.bytes().await.unwrap(), direct, "retried, whole");
    // Every time: the download fails; it never looks complete.
    emulator
        .control("faults", json!({"path": "/files/reports/*", "kind": drop_half}))
        .await;
    let response = http().get(&file).header(COOKIE, &cookie).send().await.unwrap();
    let status = response.status();
    let body = response.bytes().await;
    assert!(
        status == 502 || (status == 200 && body.is_err()),
        "never a complete-looking file: {status} {body:?}"
    );
    http()
        .delete(format!("{}/__emulator/faults", emulator.base))
        .send()
        .await
        .unwrap();

    // An unknown report is a 404; a cursor the app did not make is refused; the onboarding team
    // has no reports scope: 403.
    for path in ["rpt_nope/file", "x/file?after=a%26b"] {
        let missing = http()
            .get(format!("{base}/accounts/{AID}/reports/{path}"))
            .header(COOKIE, &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(missing.status(), 404, "{path}");
    }
    let onboarding = session_cookie(&post_login(&base, "onboarding%40partner.example", "demo-password").await);
    let refused = http()
        .get(format!("{base}/accounts/{AID}/reports/{}/file", report.id))
        .header(COOKIE, &onboarding)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
}

/// A listener that counts the connections made to it.
async fn counting_listener() -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            seen.fetch_add(1, Ordering::SeqCst);
            drop(socket);
        }
    });
    (format!("http://{addr}"), count)
}

fn report_at(signed_url: &str) -> ReportMetadata {
    serde_json::from_value(json!({"id": "rpt_x", "signed_url": signed_url})).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signed_url_on_another_origin_is_refused_without_a_request() {
    let emulator = support::start().await;
    let (foreign, connections) = counting_listener().await;
    let port = emulator.base.rsplit(':').next().unwrap().to_owned();
    for url in [
        format!("{foreign}/files/reports/rpt_x?signature=abc"),
        format!("https://127.0.0.1:{port}/files/reports/rpt_x?signature=abc"),
        format!("http://localhost:{port}/files/reports/rpt_x?signature=abc"),
        "file:///etc/passwd".to_owned(),
        "not a url".to_owned(),
    ] {
        let Err(error) = emulator.client.report_file(&report_at(&url)).await else {
            panic!("{url} was fetched");
        };
        assert!(
            !error.to_string().contains("signature"),
            "the error never names the signature: {error}"
        );
    }
    assert_eq!(connections.load(Ordering::SeqCst), 0, "nothing was sent there");
    // No signed URL at all is refused too.
    let none: ReportMetadata = serde_json::from_value(json!({"id": "rpt_x"})).unwrap();
    assert!(emulator.client.report_file(&none).await.is_err());
    // Dintero's own origin is fetched without a bearer: a wrong signature is Dintero's 403.
    let wrong = report_at(&format!("{}/files/reports/rpt_T11200002_x?signature=00", emulator.base));
    let Err(error) = emulator.client.report_file(&wrong).await else {
        panic!("a wrong signature is refused");
    };
    assert_eq!(error.status(), Some(403));
}
