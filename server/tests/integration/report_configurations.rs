//! Report configurations through the app's server functions over HTTP: a wrong address is refused
//! at its field with nothing sent and the input kept; a valid form is sent once (also when posted
//! twice at once), audited once and listed; changing and deleting (only when confirmed) reach
//! Dintero and the log; finance, with read scopes only, reads the list but is refused the forms.

use crate::support;
use crate::support::ids;

use app::audit::{entries, ActivityFilter, AuditEntry};
use app::dintero::settlements::{DestinationType, ReportFileType};
use reqwest::header::COOKIE;
use reqwest::StatusCode;
use serde_json::json;
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

/// A configuration form for [`AID`]: PDF and XML, the account's address and `emails`, Vipps, PD001.
fn config(submission: &str, emails: &str) -> String {
    form(&[
        ("aid", AID),
        ("submission", submission),
        ("config[filetypes][pdf]", "on"),
        ("config[filetypes][xml]", "on"),
        ("config[account_email]", "on"),
        ("config[emails]", emails),
        ("config[providers][vipps]", "on"),
        ("config[sellers]", "PD001"),
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

/// The value of the tag that has `attribute` (e.g. `name="submission"`).
fn value_of(html: &str, attribute: &str) -> String {
    let tag = tag_with(html, attribute);
    let value = &tag[tag.find("value=\"").expect("a value") + 7..];
    value[..value.find('"').unwrap()].to_owned()
}

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

fn writes(requests: &[(String, String, u16)], method: &str) -> usize {
    let path = format!("/v1/accounts/{AID}/settlements/reports/configuration");
    requests
        .iter()
        .filter(|(m, p, _)| m == method && p.starts_with(&path))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_configuration_is_created_once_changed_and_deleted_only_when_confirmed() {
    let emulator = support::start().await;
    let data = temp_data_dir();
    let (base, _server) = serve_with(&data, Some(&emulator.base), |_| {}).await;
    let cookie = admin_session(&base, &emulator.base).await;
    let new_page = format!("/accounts/{AID}/report-configurations/new");
    let (status, html) = page(&base, &cookie, &new_page).await;
    assert_eq!(status, StatusCode::OK);
    let submission = value_of(&html, "name=\"submission\"");
    emulator.clear_requests().await;

    // A wrong address: refused at its field, nothing sent, nothing audited.
    let wrong = config(&submission, "regnskap@fjordkaffe.no\nkari.fjordkaffe.no");
    let refused = api_post(&base, &cookie, "create_report_configuration", &wrong).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(error["Invalid"]["field"], "config[emails]", "{error}");
    let none = form(&[("aid", AID), ("submission", &submission), ("config[emails]", "")]);
    let refused = api_post(&base, &cookie, "create_report_configuration", &none).await;
    let error: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(error["Invalid"]["field"], "config[filetypes]", "{error}");

    // Without JavaScript: back to the form, the field marked, everything typed still there.
    let back = plain_post(&base, &cookie, "create_report_configuration", &new_page, &wrong).await;
    let to = location(&back);
    assert!(to.starts_with(&new_page) && to.contains("__err="), "{to}");
    let (status, html) = page(&base, &cookie, &to).await;
    assert_eq!(status, StatusCode::OK);
    let emails = tag_with(&html, "id=\"config[emails]\"");
    assert!(emails.contains("aria-invalid=\"true\""), "{emails}");
    assert!(html.contains("kari.fjordkaffe.no</textarea>"), "the addresses are kept");
    assert!(tag_with(&html, "name=\"config[filetypes][xml]\"").contains("checked"));
    assert!(tag_with(&html, "name=\"config[providers][vipps]\"").contains("checked"));
    assert!(!tag_with(&html, "name=\"config[providers][payex]\"").contains("checked"));
    assert_eq!(value_of(&html, "name=\"config[sellers]\""), "PD001");
    assert_eq!(
        value_of(&html, "name=\"submission\""),
        submission,
        "the same submission"
    );
    assert_eq!(writes(&emulator.requests().await, "POST"), 0, "nothing was sent");
    assert!(log(&data).await.is_empty(), "nothing sent, nothing audited");

    // A double click without JavaScript: two posts of the same form at once, one configuration.
    let body = config(&submission, "regnskap@fjordkaffe.no");
    let (first, second) = tokio::join!(
        plain_post(&base, &cookie, "create_report_configuration", &new_page, &body),
        plain_post(&base, &cookie, "create_report_configuration", &new_page, &body)
    );
    let to = location(&first);
    let list = format!("/accounts/{AID}/report-configurations");
    assert!(to.starts_with(&format!("{list}?created=")), "{to}");
    assert_eq!(location(&second), to, "both land on the same configuration");
    assert_eq!(
        writes(&emulator.requests().await, "POST"),
        1,
        "one configuration, not two"
    );
    let id = to
        .split("created=")
        .nth(1)
        .unwrap()
        .split('#')
        .next()
        .unwrap()
        .to_owned();

    let token = emulator.admin().await;
    let created = emulator
        .client
        .report_configuration(&token, &ids::account(AID), &ids::resource(&id))
        .await
        .expect("Dintero has it");
    assert_eq!(created.filetypes, [ReportFileType::Pdf, ReportFileType::Xml]);
    assert_eq!(created.providers, ["vipps"]);
    assert_eq!(created.filters.len(), 1);
    assert_eq!(created.destinations.len(), 2);
    assert_eq!(created.destinations[0].destination_type, DestinationType::AccountEmail);

    let (status, html) = page(&base, &cookie, &to).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("data-config=\"{id}\"")), "listed");
    assert!(html.contains("data-testid=\"config-notice\""));
    assert!(html.contains("regnskap@fjordkaffe.no") && html.contains("PDF, XML"));

    let entries = log(&data).await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(
        (entries[0].action.as_str(), entries[0].account_id.as_deref()),
        ("report_config.create", Some(AID))
    );
    assert!(entries[0].succeeded(), "{:?}", entries[0]);
    assert!(
        entries[0].summary.contains("filetypes=pdf,xml"),
        "{}",
        entries[0].summary
    );
    assert!(
        !entries[0].summary.contains("fjordkaffe"),
        "addresses are counted, not listed"
    );

    // Changing it: the edit form shows it; the new file types and providers reach Dintero.
    let edit_page = format!("{list}/{id}");
    let (status, html) = page(&base, &cookie, &edit_page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(tag_with(&html, "name=\"config[filetypes][pdf]\"").contains("checked"));
    let update_submission = value_of(&html, "id=\"config-submission\"");
    let change = form(&[
        ("aid", AID),
        ("id", &id),
        ("submission", &update_submission),
        ("config[filetypes][csv]", "on"),
        ("config[account_email]", "on"),
        ("config[emails]", ""),
        ("config[providers][payex]", "on"),
        ("config[providers][klarna]", "on"),
        ("config[sellers]", ""),
    ]);
    let saved = plain_post(&base, &cookie, "update_report_configuration", &edit_page, &change).await;
    assert!(
        location(&saved).starts_with(&format!("{list}?saved=")),
        "{}",
        location(&saved)
    );
    let changed = emulator
        .client
        .report_configuration(&token, &ids::account(AID), &ids::resource(&id))
        .await
        .unwrap();
    assert_eq!(changed.filetypes, [ReportFileType::Csv]);
    assert_eq!(changed.providers, ["klarna", "payex"]);
    assert!(changed.filters.is_empty());
    assert_eq!(
        changed.destinations[0].id, created.destinations[0].id,
        "the kept destination keeps its id"
    );

    // Deleting: not without the ticked box; then once.
    let delete_submission = value_of(&html, "id=\"delete-submission\"");
    let unconfirmed = form(&[("aid", AID), ("id", &id), ("submission", &delete_submission)]);
    let refused = api_post(&base, &cookie, "delete_report_configuration", &unconfirmed).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Without JavaScript: back to the page, the box marked, the change form untouched.
    let back = plain_post(&base, &cookie, "delete_report_configuration", &edit_page, &unconfirmed).await;
    let to = location(&back);
    assert!(to.starts_with(&edit_page) && to.contains("__err="), "{to}");
    let (status, html) = page(&base, &cookie, &to).await;
    assert_eq!(status, StatusCode::OK);
    assert!(tag_with(&html, "name=\"confirm\"").contains("aria-invalid=\"true\""));
    assert!(html.contains("id=\"confirm-error\""));
    assert_eq!(
        html.matches("class=\"field-error").count(),
        1,
        "only the delete form shows an error"
    );
    assert!(emulator
        .client
        .report_configuration(&token, &ids::account(AID), &ids::resource(&id))
        .await
        .is_ok());
    let confirmed = form(&[
        ("aid", AID),
        ("id", &id),
        ("submission", &delete_submission),
        ("confirm", "yes"),
    ]);
    let deleted = plain_post(&base, &cookie, "delete_report_configuration", &edit_page, &confirmed).await;
    assert!(location(&deleted).starts_with(&format!("{list}?deleted=")));
    let gone = emulator
        .client
        .report_configuration(&token, &ids::account(AID), &ids::resource(&id))
        .await;
    assert_eq!(gone.unwrap_err().status(), Some(404));
    let (_, html) = page(&base, &cookie, &list).await;
    assert!(!html.contains(&format!("data-config=\"{id}\"")), "no longer listed");

    let actions: Vec<String> = log(&data).await.iter().map(|e| e.action.as_str().to_owned()).collect();
    assert_eq!(
        actions,
        ["report_config.delete", "report_config.update", "report_config.create"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dintero_failing_a_create_is_shown_audited_and_not_sent_again() {
    let emulator = support::start().await;
    let data = temp_data_dir();
    let (base, _server) = serve_with(&data, Some(&emulator.base), |_| {}).await;
    let cookie = admin_session(&base, &emulator.base).await;
    emulator
        .fault(
            &format!("/v1/accounts/{AID}/settlements/reports/configuration"),
            json!({"type": "status", "status": 503}),
            1,
        )
        .await;
    emulator.clear_requests().await;
    let failed = api_post(
        &base,
        &cookie,
        "create_report_configuration",
        &config(&uuid::Uuid::new_v4().simple().to_string(), ""),
    )
    .await;
    assert_eq!(failed.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        writes(&emulator.requests().await, "POST"),
        1,
        "a write is never repeated"
    );
    let entries = log(&data).await;
    assert_eq!(entries.len(), 1);
    assert!(!entries[0].succeeded());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn finance_reads_the_configurations_but_is_not_offered_the_forms() {
    let emulator = support::start().await;
    let (base, _server) = serve_with(&temp_data_dir(), Some(&emulator.base), |_| {}).await;
    let cookie = session_cookie(&post_login(&base, "finance%40partner.example", "demo-password").await);
    let person = emulator.person("finance@partner.example").await;
    // Every fourth merchant has configurations in the demo world.
    let mut found = None;
    for n in 1..=12 {
        let aid = format!("T112{n:05}");
        let page = emulator
            .client
            .report_configurations(&person, &ids::account(&aid), None, None)
            .await
            .unwrap();
        if let Some(first) = page.items.first() {
            found = Some((aid, first.id.clone()));
            break;
        }
    }
    let (aid, id) = found.expect("a merchant with configurations");
    let (status, html) = page(&base, &cookie, &format!("/accounts/{aid}/report-configurations")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("data-config=\"{id}\"")), "listed");
    assert!(html.contains("CET") || html.contains("CEST"), "times with their zone");
    assert!(!html.contains("/report-configurations/new"), "not offered");
    let (status, _) = page(&base, &cookie, &format!("/accounts/{aid}/report-configurations/new")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The merchant's page links to the finance pages finance may open.
    let (status, html) = page(&base, &cookie, &format!("/accounts/{aid}")).await;
    assert_eq!(status, StatusCode::OK);
    for finance_page in ["settlements", "report-configurations", "reports", "payouts"] {
        assert!(
            html.contains(&format!("href=\"/accounts/{aid}/{finance_page}\"")),
            "{finance_page}"
        );
    }
}
