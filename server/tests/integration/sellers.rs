//! Sellers through the app's server functions over HTTP: a wrong IBAN is refused at its field with
//! nothing sent to Dintero and the input kept; a valid application is sent once (also when posted
//! twice at once), audited once and shown `ACTIVE`; an `ACTIVE` approval is archived only with the
//! confirmation.

use crate::support;
use crate::support::ids;

use app::audit::{entries, ActivityFilter, AuditEntry};
use reqwest::header::COOKIE;
use reqwest::StatusCode;
use support::served::{
    admin_session, api_post, http, location, plain_post, post_login, serve_with, session_cookie, temp_data_dir,
};

const AID: &str = "T11200003";

fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// A seller application for [`AID`]; `number` is the IBAN.
fn seller(submission: &str, seller_id: &str, iban: &str, description: &str) -> String {
    form(&[
        ("aid", AID),
        ("submission", submission),
        ("application[country_code]", "NO"),
        ("application[organization_number]", "923609016"),
        ("seller[payout_destination_id]", seller_id),
        ("seller[payout_destination_name]", "Fjord Kaffe Sentrum"),
        ("seller[payout_destination_description]", description),
        ("application[bank_account_number_type]", "IBAN"),
        ("application[bank_account_number]", iban),
        ("application[bank_account_country_code]", "NO"),
        ("application[bank_name]", "DNB"),
        ("application[bank_identification_code]", "DNBANOKKXXX"),
        ("application[bank_account_currency]", "NOK"),
        ("application[payout_currency]", "NOK"),
        ("seller[payout_reference]", "Fjord Kaffe"),
        ("seller[payout_interval_type]", "weekly"),
        ("application[submitter_name]", "Kari Fjord"),
        ("application[submitter_title]", "Daglig leder"),
        ("application[submitter_email]", "kari@fjordkaffe.no"),
    ])
}

async fn page(base: &str, cookie: &str, path: &str) -> (StatusCode, String) {
    let response = http()
        .get(format!("{base}{path}"))
        .header(COOKIE, cookie)
        .send()
        .await
        .unwrap();
    (response.status(), response.text().await.unwrap())
}

/// The `<input ...>` tag with `id`.
fn input_tag<'a>(html: &'a str, id: &str) -> &'a str {
    tag_with(html, &format!("id=\"{id}\""))
}

/// The tag that has `attribute` (e.g. `name="submission"`).
fn tag_with<'a>(html: &'a str, attribute: &str) -> &'a str {
    let at = html
        .find(attribute)
        .unwrap_or_else(|| panic!("the page has {attribute}"));
    let start = html[..at].rfind('<').unwrap();
    &html[start..start + html[start..].find('>').unwrap()]
}

async fn log(data: &std::path::Path) -> Vec<AuditEntry> {
    let store = app::store::Store::open(&data.join("backoffice.db")).await.unwrap();
    entries(&store, &ActivityFilter::default(), None, 100).await.unwrap()
}

fn creates(requests: &[(String, String, u16)]) -> usize {
    let path = format!("/v1/accounts/{AID}/management/settings/approvals/payout-destinations");
    requests.iter().filter(|(m, p, _)| m == "POST" && *p == path).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_iban_is_refused_at_its_field_before_anything_is_sent() {
    let emulator = support::start().await;
    let data = temp_data_dir();
    let (base, _server) = serve_with(&data, Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "onboarding%40partner.example", "demo-password").await);
    emulator.clear_requests().await;

    // The check digits are wrong by one: mod-97 fails.
    let body = seller("a1", "fjord-kaffe-sentrum", "NO9386011117948", "Café");
    let refused = api_post(&base, &cookie, "create_seller_approval", &body).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(error["Invalid"]["field"], "application[bank_account_number]", "{error}");
    // A Norwegian IBAN one digit short: the country's length.
    let short = seller("a1", "fjord-kaffe-sentrum", "NO938601111794", "Café");
    assert_eq!(
        api_post(&base, &cookie, "create_seller_approval", &short)
            .await
            .status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // Without JavaScript: back to the form, the field marked, everything typed still there.
    let new_page = format!("/accounts/{AID}/sellers/new");
    let back = plain_post(&base, &cookie, "create_seller_approval", &new_page, &body).await;
    let to = location(&back);
    assert!(to.starts_with(&new_page) && to.contains("__err="), "{to}");
    let (status, html) = page(&base, &cookie, &to).await;
    assert_eq!(status, StatusCode::OK);
    let iban = input_tag(&html, "application[bank_account_number]");
    assert!(
        iban.contains("aria-invalid=\"true\"") && iban.contains("value=\"NO9386011117948\""),
        "{iban}"
    );
    assert!(html.contains("id=\"application[bank_account_number]-error\""));
    assert!(input_tag(&html, "seller[payout_destination_id]").contains("value=\"fjord-kaffe-sentrum\""));
    assert!(input_tag(&html, "application[submitter_email]").contains("value=\"kari@fjordkaffe.no\""));
    assert!(input_tag(&html, "application[bank_identification_code]").contains("value=\"DNBANOKKXXX\""));
    let iban_option = html
        .find("<option value=\"IBAN\"")
        .map(|at| &html[at..at + 40])
        .unwrap_or_default();
    assert!(
        iban_option.contains("selected"),
        "the account number type is kept: {iban_option}"
    );
    assert!(!input_tag(&html, "seller[payout_reference]").contains("aria-invalid=\"true\""));

    assert_eq!(creates(&emulator.requests().await), 0, "nothing was sent to Dintero");
    assert!(log(&data).await.is_empty(), "nothing sent, nothing audited");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_valid_seller_is_sent_once_audited_once_and_shown_active() {
    let emulator = support::start().await;
    let data = temp_data_dir();
    let (base, _server) = serve_with(&data, Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "onboarding%40partner.example", "demo-password").await);
    let new_page = format!("/accounts/{AID}/sellers/new");
    let (status, html) = page(&base, &cookie, &new_page).await;
    assert_eq!(status, StatusCode::OK);
    let submission = {
        let tag = tag_with(&html, "name=\"submission\"");
        let value = &tag[tag.find("value=\"").unwrap() + 7..];
        value[..value.find('"').unwrap()].to_owned()
    };
    emulator.clear_requests().await;

    // A double click without JavaScript: two posts of the same form at once.
    let body = seller(
        &submission,
        "fjord-kaffe-sentrum",
        "NO93 8601 1117 947",
        "Kafé AUTO_APPROVE",
    );
    let (first, second) = tokio::join!(
        plain_post(&base, &cookie, "create_seller_approval", &new_page, &body),
        plain_post(&base, &cookie, "create_seller_approval", &new_page, &body)
    );
    let to = location(&first);
    assert!(
        to.starts_with(&format!("/accounts/{AID}/sellers/")) && to.ends_with("?created=1"),
        "{to}"
    );
    assert_eq!(location(&second), to, "both land on the same approval");
    assert_eq!(creates(&emulator.requests().await), 1, "one application, not two");

    let entries = log(&data).await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    let entry = &entries[0];
    assert_eq!(
        (entry.action.as_str(), entry.account_id.as_deref()),
        ("approval.create", Some(AID))
    );
    assert!(entry.succeeded(), "{entry:?}");
    assert!(
        entry.summary.contains("payout_destination_id=fjord-kaffe-sentrum"),
        "{}",
        entry.summary
    );
    assert!(
        !entry.summary.contains("NO9386011117947"),
        "the account number is masked"
    );

    let (status, html) = page(&base, &cookie, &to).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("data-status=\"ACTIVE\""),
        "AUTO_APPROVE makes it ACTIVE at once"
    );
    assert!(html.contains("NO9386011117947") && html.contains("Kari Fjord"));
    // Dintero lets only write:accounts or admin:accounts archive: not offered to this person.
    assert!(html.contains("data-testid=\"may-not-archive\""));
    let (_, list) = page(&base, &cookie, &format!("/accounts/{AID}/sellers?case_status=ACTIVE")).await;
    assert!(list.contains("data-seller=\"fjord-kaffe-sentrum\""));

    // The same id again is Dintero's to refuse (one approval per seller): shown, not a crash.
    let again = seller(&fresh(), "fjord-kaffe-sentrum", "NO9386011117947", "x");
    let refused = api_post(&base, &cookie, "create_seller_approval", &again).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(error["Upstream"]["status"], 400, "{error}");
    assert_eq!(log(&data).await.len(), 2, "the refused one is audited too");
}

/// A submission id no form has used.
pub fn fresh() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_active_seller_is_archived_only_when_confirmed() {
    let emulator = support::start().await;
    let data = temp_data_dir();
    let (base, _server) = serve_with(&data, Some(&emulator.base), |_| {}).await;
    let cookie = admin_session(&base, &emulator.base).await;
    let created = api_post(
        &base,
        &cookie,
        "create_seller_approval",
        &seller(&fresh(), "bakeri-brygga", "NO9386011117947", "AUTO_APPROVE"),
    )
    .await;
    assert!(created.status().is_success(), "{}", created.status());
    let token = emulator.admin().await;
    let approvals = emulator
        .client
        .seller_approvals(&token, &ids::account(AID), &Default::default())
        .await
        .unwrap();
    let approval = approvals
        .iter()
        .find(|a| a.payout_destination_id == "bakeri-brygga")
        .expect("created");
    assert_eq!(approval.case_status.as_ref().map(|s| s.as_str()), Some("ACTIVE"));
    let id = approval.id.clone();

    let seller_page = format!("/accounts/{AID}/sellers/{id}");
    let (_, html) = page(&base, &cookie, &seller_page).await;
    assert!(html.contains("data-testid=\"archive-warning\"") && html.contains("Fjord Kaffe Sentrum"));

    emulator.clear_requests().await;
    let unconfirmed = form(&[("aid", AID), ("id", &id)]);
    let refused = api_post(&base, &cookie, "archive_seller_approval", &unconfirmed).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let back = plain_post(&base, &cookie, "archive_seller_approval", &seller_page, &unconfirmed).await;
    let (_, html) = page(&base, &cookie, &location(&back)).await;
    assert!(html.contains("id=\"confirm-error\""), "the box is marked");
    let deletes = emulator
        .requests()
        .await
        .into_iter()
        .filter(|(m, ..)| m == "DELETE")
        .count();
    assert_eq!(deletes, 0, "nothing was sent without the confirmation");

    let confirmed = form(&[("aid", AID), ("id", &id), ("confirm", "yes")]);
    let archived = plain_post(&base, &cookie, "archive_seller_approval", &seller_page, &confirmed).await;
    assert_eq!(location(&archived), format!("{seller_page}?archived=1"));
    let now = emulator
        .client
        .seller_approval(&token, &ids::account(AID), &ids::resource(&id))
        .await
        .unwrap();
    assert_eq!(now.case_status.as_ref().map(|s| s.as_str()), Some("ARCHIVED"));
    let entries = log(&data).await;
    assert_eq!(entries[0].action, "approval.archive");
    assert!(
        entries[0].summary.contains("delete_active=true"),
        "{}",
        entries[0].summary
    );

    // A second post of the same archive is not sent again.
    emulator.clear_requests().await;
    let again = plain_post(&base, &cookie, "archive_seller_approval", &seller_page, &confirmed).await;
    assert_eq!(location(&again), format!("{seller_page}?archived=1"));
    let deletes = emulator
        .requests()
        .await
        .into_iter()
        .filter(|(m, ..)| m == "DELETE")
        .count();
    assert_eq!(deletes, 0);
}
