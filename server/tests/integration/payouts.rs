//! Seller balances and transfers through the app's server functions: the merchant's sellers with
//! the emulator's balances; a seller's ledger paged with Dintero's token to its end, exactly the
//! emulator's entries, with its currency filter; filters checked; amounts and times the Nordic way.

use crate::support;
use crate::support::ids;

use app::dintero::payout::TransferQuery;
use reqwest::header::COOKIE;
use reqwest::StatusCode;
use serde_json::Value;
use support::served::{api_post, http, post_login, serve_with, session_cookie, temp_data_dir};

const AID: &str = "T11200002";

async fn call(base: &str, cookie: &str, endpoint: &str, body: &str) -> (StatusCode, Value) {
    let response = api_post(base, cookie, endpoint, body).await;
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sellers_balances_and_every_page_of_a_ledger_are_the_emulator_s() {
    let emulator = support::start().await;
    let (base, _server) = serve_with(&temp_data_dir(), Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "finance%40partner.example", "demo-password").await);
    let person = emulator.person("finance@partner.example").await;

    let (status, sellers) = call(&base, &cookie, "payout_sellers", &format!("aid={AID}")).await;
    assert_eq!(status, StatusCode::OK, "{sellers}");
    let rows = sellers["sellers"].as_array().expect("sellers");
    let ids: Vec<&str> = rows.iter().map(|s| s["id"].as_str().unwrap()).collect();
    let every_status = app::dintero::approvals::SellerApprovalQuery {
        payout_destination_id: None,
        case_status: app::dintero::approvals::CaseStatus::KNOWN.to_vec(),
    };
    let mut approved: Vec<String> = emulator
        .client
        .seller_approvals(&person, &ids::account(AID), &every_status)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.payout_destination_id)
        .collect();
    approved.sort();
    approved.dedup();
    assert_eq!(ids, approved, "one row per seller of the seller approvals");
    assert!(ids.contains(&"PD001") && ids.contains(&"PD002"));
    for row in rows {
        let id = row["id"].as_str().unwrap();
        match emulator
            .client
            .seller_balances(&person, &ids::account(AID), &ids::seller(id))
            .await
        {
            Ok(expected) => {
                let shown: Vec<(String, i64)> = row["balances"]["Ok"]
                    .as_array()
                    .unwrap_or_else(|| panic!("{id}: {row}"))
                    .iter()
                    .map(|b| {
                        (
                            b["currency"].as_str().unwrap().to_owned(),
                            b["amount"].as_i64().unwrap(),
                        )
                    })
                    .collect();
                let expected: Vec<(String, i64)> = expected.into_iter().map(|b| (b.currency, b.amount)).collect();
                assert_eq!(shown, expected, "{id}");
            }
            Err(error) => {
                assert_eq!(error.status(), Some(404), "{id}");
                assert_eq!(row["balances"]["Err"], "NotFound", "{id}");
            }
        }
    }

    // A looked-up seller Dintero does not know is shown as such, not as a failure of the page.
    let (status, looked_up) = call(
        &base,
        &cookie,
        "payout_sellers",
        &format!("aid={AID}&destination=PD009"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(looked_up["sellers"][0]["id"], "PD009");
    assert_eq!(looked_up["sellers"][0]["balances"]["Err"], "NotFound");

    // Every page of PD002's ledger, by the next-page token, is the emulator's whole ledger.
    let mut expected = Vec::new();
    let mut query = TransferQuery {
        limit: Some(1000),
        ..Default::default()
    };
    loop {
        let page = emulator
            .client
            .seller_transfers(&person, &ids::account(AID), &ids::seller("PD002"), &query)
            .await
            .unwrap();
        expected.extend(page.entries.into_iter().map(|e| e.ledger_entry_id));
        match page.next_page_token {
            Some(token) => query.page = Some(token),
            None => break,
        }
    }
    let mut shown = Vec::new();
    let mut page = String::new();
    let mut pages = 0;
    loop {
        let (status, ledger) = call(
            &base,
            &cookie,
            "seller_ledger",
            &format!("aid={AID}&destination=PD002&page={page}"),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{ledger}");
        pages += 1;
        shown.extend(
            ledger["rows"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["id"].as_str().unwrap().to_owned()),
        );
        match ledger["next"].as_str() {
            Some(next) => page = next.to_owned(),
            None => break,
        }
    }
    assert!(pages > 1, "paged");
    assert_eq!(shown, expected);

    // The currency filter: only EUR entries (the emulator puts EUR on PD002).
    let (status, eur) = call(
        &base,
        &cookie,
        "seller_ledger",
        &format!("aid={AID}&destination=PD002&currency=eur"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let currencies: Vec<&str> = eur["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["currency"].as_str().unwrap())
        .collect();
    assert!(
        !currencies.is_empty() && currencies.iter().all(|c| *c == "EUR"),
        "{currencies:?}"
    );

    // Wrong filters are refused at their field; nothing is asked.
    for (body, field) in [("currency=EURO", "currency"), ("page=a%26b", "page")] {
        let (status, error) = call(
            &base,
            &cookie,
            "seller_ledger",
            &format!("aid={AID}&destination=PD002&{body}"),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(error["Invalid"]["field"], field);
    }

    // The sellers' page, and a look-up of a seller Dintero does not know, without JavaScript.
    let sellers_page = |query: &'static str| {
        let (base, cookie) = (base.clone(), cookie.clone());
        async move {
            let response = http()
                .get(format!("{base}/accounts/{AID}/payouts{query}"))
                .header(COOKIE, &cookie)
                .send()
                .await
                .unwrap();
            (response.status(), response.text().await.unwrap())
        }
    };
    let (status, html) = sellers_page("").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("data-seller=\"PD001\"") && html.contains("data-seller=\"PD002\""));
    assert!(html.contains(&format!("href=\"/accounts/{AID}/payouts/PD002\"")));
    let (status, html) = sellers_page("?destination=PD009").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("data-seller=\"PD009\"") && html.contains("Dintero does not know this seller"));

    // The page: amounts the Nordic way, times with their zone, the ledger's next page as a link.
    let html = http()
        .get(format!("{base}/accounts/{AID}/payouts/PD002"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("data-testid=\"transfers\""));
    assert!(
        html.contains("\u{a0}NOK") || html.contains("\u{a0}EUR"),
        "money with its currency"
    );
    assert!(html.contains("CET") || html.contains("CEST"));
    assert!(html.contains("rel=\"next\""));
    assert!(html.contains(&format!("data-entry=\"{}\"", expected[0])));
}
