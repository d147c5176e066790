//! A settlement's file through the app: the same bytes as Dintero's, its type, length and a file
//! name naming merchant, provider and date; a file Dintero breaks off fails the download; people
//! without the settlements scope are refused.

use crate::support;
use crate::support::ids;

use app::dintero::settlements::SettlementQuery;
use futures_util::StreamExt;
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, COOKIE};
use serde_json::json;
use support::served::{http, post_login, serve_with, session_cookie, temp_data_dir};

const AID: &str = "T11200002";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_comes_through_whole_and_one_broken_off_fails() {
    let emulator = support::start().await;
    let (base, _server) = serve_with(&temp_data_dir(), Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "finance%40partner.example", "demo-password").await);
    let person = emulator.person("finance@partner.example").await;
    let page = emulator
        .client
        .settlements(&person, &ids::account(AID), &SettlementQuery::default())
        .await
        .expect("settlements");
    let settlement = page.items.first().expect("a settlement");
    let attachment = settlement.attachments.first().expect("an attachment");
    let direct: Vec<u8> = emulator
        .client
        .settlement_attachment(
            &person,
            &ids::account(AID),
            &ids::opaque(&settlement.id),
            &ids::opaque(&attachment.id),
        )
        .await
        .expect("the file")
        .bytes()
        .map(|chunk| chunk.expect("whole").to_vec())
        .concat()
        .await;
    let path = format!(
        "{base}/accounts/{AID}/settlements/{}/attachments/{}",
        settlement.id, attachment.id
    );

    let response = http()
        .get(format!("{path}?name={AID}_vipps_2026-03-01%22%0D%0A.csv"))
        .header(COOKIE, &cookie)
        .header("accept-encoding", "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert!(headers.get(CONTENT_ENCODING).is_none(), "not compressed again");
    assert_eq!(headers[CONTENT_LENGTH].to_str().unwrap(), direct.len().to_string());
    assert_eq!(
        headers[CONTENT_TYPE].to_str().unwrap(),
        attachment.content_type.as_deref().unwrap()
    );
    assert_eq!(
        headers[CONTENT_DISPOSITION].to_str().unwrap(),
        format!("attachment; filename=\"{AID}_vipps_2026-03-01___.csv\"")
    );
    assert_eq!(response.bytes().await.unwrap().to_vec(), direct);

    // Without a name from the page, Dintero's file name is used.
    let response = http().get(&path).header(COOKIE, &cookie).send().await.unwrap();
    let disposition = response.headers()[CONTENT_DISPOSITION].to_str().unwrap().to_owned();
    assert!(
        disposition.starts_with(&format!("attachment; filename=\"{AID}_")),
        "{disposition}"
    );

    // Dintero breaks the file off half-way: the download fails, it is never complete-looking.
    emulator
        .fault(
            "/v1/accounts/*/settlements/*/attachments/*",
            json!({"type": "drop", "after_bytes": direct.len() / 2}),
            1,
        )
        .await;
    let response = http().get(&path).header(COOKIE, &cookie).send().await.unwrap();
    assert_eq!(response.status(), 200, "the status was sent before the break");
    assert!(response.bytes().await.is_err(), "the body ends in an error");

    // An unknown file is a 404 with words; the onboarding team has no settlements scope: 403.
    let missing = http()
        .get(format!(
            "{base}/accounts/{AID}/settlements/{}/attachments/nope",
            settlement.id
        ))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    let onboarding = session_cookie(&post_login(&base, "onboarding%40partner.example", "demo-password").await);
    let refused = http().get(&path).header(COOKIE, &onboarding).send().await.unwrap();
    assert_eq!(refused.status(), 403);
}
