//! The screening workbench's server functions over HTTP, as the onboarding person: a search finds a
//! seeded listed merchant with the right fields marked and a clean one not at all; a decision
//! without a note is refused before anything is sent; a decision is one private event on the
//! merchant and one audit entry; adding a terminated merchant needs `Terminate` and is found by
//! the next search.

use crate::support;
use crate::support::ids;

use app::audit::{entries, ActivityFilter, AuditEntry};
use app::dintero::accounts::AccountEventsQuery;
use app::features::screening::{Findings, Subject};
use reqwest::header::{COOKIE, LOCATION};
use reqwest::StatusCode;
use support::served::{http, post_login, serve_with, session_cookie, temp_data_dir};

struct App {
    base: String,
    data: std::path::PathBuf,
    emulator: support::Harness,
    _server: tokio::task::JoinHandle<()>,
}

async fn app() -> App {
    let emulator = support::start().await;
    let data = temp_data_dir();
    let (base, server) = serve_with(&data, Some(&emulator.base), |_| {}).await;
    App {
        base,
        data,
        emulator,
        _server: server,
    }
}

impl App {
    async fn sign_in(&self, email: &str) -> String {
        session_cookie(&post_login(&self.base, &email.replace('@', "%40"), "demo-password").await)
    }

    /// A server function called as the page's JavaScript would: the status and the JSON answer.
    async fn call(&self, cookie: &str, endpoint: &str, form: &[(String, String)]) -> (StatusCode, serde_json::Value) {
        let response = http()
            .post(format!("{}/api/{endpoint}", self.base))
            .header(COOKIE, cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(encode(form))
            .send()
            .await
            .unwrap();
        let status = response.status();
        (status, response.json().await.unwrap_or_default())
    }

    /// A form posted without JavaScript; the page it sends the browser to.
    async fn post_form(&self, cookie: &str, endpoint: &str, form: &[(String, String)]) -> String {
        let response = http()
            .post(format!("{}/api/{endpoint}", self.base))
            .header(COOKIE, cookie)
            .header("accept", "text/html")
            .header("referer", format!("{}/screening", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(encode(form))
            .send()
            .await
            .unwrap();
        assert!(response.status().is_redirection(), "{endpoint}: {}", response.status());
        response.headers()[LOCATION].to_str().unwrap().to_owned()
    }

    async fn log(&self) -> Vec<AuditEntry> {
        let store = app::store::Store::open(&self.data.join("backoffice.db")).await.unwrap();
        entries(&store, &ActivityFilter::default(), None, 100).await.unwrap()
    }

    /// The merchant's criteria as the search form posts them.
    async fn criteria_form(&self, cookie: &str, aid: &str) -> Vec<(String, String)> {
        let (status, subject) = self.call(cookie, "screening_subject", &pairs(&[("aid", aid)])).await;
        assert_eq!(status, StatusCode::OK, "{subject}");
        let subject: Subject = serde_json::from_value(subject).unwrap();
        let c = subject.criteria;
        let mut form = pairs(&[
            ("aid", aid),
            ("criteria[business_name]", &c.business_name),
            ("criteria[trade_name]", &c.trade_name),
            ("criteria[org_number]", &c.org_number),
            ("criteria[address_line]", &c.address_line),
            ("criteria[postal_code]", &c.postal_code),
            ("criteria[city]", &c.city),
            ("criteria[country]", &c.country),
            ("criteria[phone_number]", &c.phone_number),
            ("criteria[email]", &c.email),
            ("criteria[website]", &c.website),
            ("criteria[mcc]", &c.mcc),
        ]);
        for (i, p) in c.principals.iter().enumerate() {
            for (k, v) in [
                ("first_name", &p.first_name),
                ("last_name", &p.last_name),
                ("email", &p.email),
                ("phone_number", &p.phone_number),
            ] {
                form.push((format!("criteria[principals][{i}][{k}]"), v.clone()));
            }
        }
        form
    }

    /// Runs both searches; the page's query (aid, irn, vmss) and what it shows.
    async fn search(&self, cookie: &str, form: &[(String, String)]) -> (Vec<(String, String)>, Findings) {
        let location = self.post_form(cookie, "run_screening", form).await;
        let query: Vec<(String, String)> = url_query(&location);
        let get = |k: &str| query.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap();
        let (status, found) = self
            .call(
                cookie,
                "screening_results",
                &pairs(&[
                    ("aid", &get("aid")),
                    ("irn", &get("irn")),
                    ("offset", "0"),
                    ("vmss", &get("vmss")),
                ]),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{found}");
        (query, serde_json::from_value(found).unwrap())
    }
}

fn encode(form: &[(String, String)]) -> String {
    form.iter()
        .map(|(k, v)| format!("{}={}", app::url::encode(k), app::url::encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

fn url_query(location: &str) -> Vec<(String, String)> {
    let url = reqwest::Url::parse(&format!("http://x{location}")).unwrap();
    assert_eq!(url.path(), "/screening");
    url.query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn hit(fields: &[app::features::screening::results::FieldHit], label: &str) -> Option<String> {
    fields
        .iter()
        .find(|f| f.label == label)
        .and_then(|f| f.hit.as_ref())
        .map(|h| h.slug().to_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_listed_merchant_is_found_a_clean_one_not_and_a_decision_is_one_event_and_one_entry() {
    let app = app().await;
    let cookie = app.sign_in("onboarding@partner.example").await;

    // T11200005 is listed in MATCH under its exact names (reason 04) and in VMSS phonetically.
    let form = app.criteria_form(&cookie, "T11200005").await;
    let (query, found) = app.search(&cookie, &form).await;
    assert!(found.matches.total >= 1, "{found:?}");
    let listing = found
        .matches
        .listings
        .iter()
        .find(|l| l.reason_code.as_deref() == Some("04"))
        .expect("the reason-04 listing");
    assert_eq!(hit(&listing.fields, "screening.field.name").as_deref(), Some("exact"));
    assert_eq!(hit(&listing.fields, "screening.field.dba").as_deref(), Some("exact"));
    assert!(listing.acquirer.is_some() && listing.added_on.is_some());
    let vmss = found.vmss.clone().expect("the VMSS answer is kept with the search");
    assert!(!vmss.listings.is_empty(), "{vmss:?}");
    assert!(vmss
        .listings
        .iter()
        .any(|l| l.fields.iter().any(|f| f.hit.as_ref().is_some_and(|h| h.matched()))));

    // A clean merchant: nothing in either.
    let clean = app.criteria_form(&cookie, "T11200002").await;
    let (_, nothing) = app.search(&cookie, &clean).await;
    assert_eq!(nothing.matches.total, 0);
    assert!(nothing.vmss.expect("kept").listings.is_empty());

    // A decision without a note: 422, nothing sent, nothing logged.
    let get = |k: &str| query.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap();
    let irn = get("irn");
    app.emulator.clear_requests().await;
    let mut decision = pairs(&[
        ("aid", "T11200005"),
        ("irn", &irn),
        ("vmss", &get("vmss")),
        ("decision", "decline"),
        ("note", "  "),
    ]);
    let (status, error) = app.call(&cookie, "record_screening_decision", &decision).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    assert!(error.to_string().contains("note"), "{error}");
    assert!(app.emulator.requests().await.is_empty(), "nothing was sent");
    assert!(app.log().await.is_empty());

    // With a note: one private event on the merchant, one audit entry.
    decision[4].1 = "Listed for excessive chargebacks in 2025".into();
    let location = app.post_form(&cookie, "record_screening_decision", &decision).await;
    assert!(location.contains("decided=decline"), "{location}");
    let admin = app.emulator.admin().await;
    let events = app
        .emulator
        .client
        .list_account_events(
            &admin,
            &ids::account("T11200005"),
            &AccountEventsQuery {
                types: Vec::new(),
                limit: Some(10),
                starting_after: None,
            },
        )
        .await
        .unwrap()
        .items;
    let stored: Vec<_> = events
        .iter()
        .filter(|e| {
            e.body
                .as_deref()
                .is_some_and(|b| b.starts_with("Screening decision: DECLINE"))
        })
        .collect();
    assert_eq!(stored.len(), 1, "{events:?}");
    let body = stored[0].body.clone().unwrap();
    assert!(
        body.contains(&irn) && body.contains("Ola Bjørnstad") && body.contains("excessive chargebacks"),
        "{body}"
    );
    assert_eq!(stored[0].visibility.as_ref().map(|v| v.as_str()), Some("private"));
    let log = app.log().await;
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(log[0].action, "screening.decide");
    assert_eq!(log[0].account_id.as_deref(), Some("T11200005"));
    assert!(log[0].succeeded());
    assert!(
        log[0].summary.contains("decision=decline") && log[0].summary.contains(&format!("irn={irn}")),
        "{}",
        log[0].summary
    );
    assert!(log[0].summary.contains("vmss_ref=") && log[0].summary.contains("match_results="));

    // The IRN is found again, paged by Dintero's offset.
    let (status, again) = app
        .call(
            &cookie,
            "screening_results",
            &pairs(&[("aid", "T11200005"), ("irn", &irn), ("offset", "0"), ("vmss", "")]),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let again: Findings = serde_json::from_value(again).unwrap();
    assert_eq!(
        (again.matches.irn, again.matches.total),
        (irn.clone(), found.matches.total)
    );
    assert!(again.vmss.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn adding_a_terminated_merchant_needs_terminate_and_the_next_search_finds_it() {
    let app = app().await;
    let name = format!("Integration Vape Import {}", std::process::id());
    let termination = |register: &str, reason: &str, confirm: &str| {
        pairs(&[
            ("aid", "T11200003"),
            ("input[register]", register),
            ("input[business_name]", &name),
            ("input[trade_name]", &name),
            ("input[country]", "NO"),
            ("input[proprietorship]", "N"),
            ("input[reason]", reason),
            ("input[end_date]", "2026-11-01"),
            ("confirm", confirm),
        ])
    };

    for person in ["manager@partner.example", "finance@partner.example"] {
        let cookie = app.sign_in(person).await;
        let (status, _) = app
            .call(&cookie, "terminate_merchant", &termination("match", "13", "yes"))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{person}");
    }
    let cookie = app.sign_in("onboarding@partner.example").await;
    app.emulator.clear_requests().await;
    let (status, _) = app
        .call(&cookie, "terminate_merchant", &termination("match", "13", ""))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "not confirmed");
    let (status, _) = app
        .call(&cookie, "terminate_merchant", &termination("match", "07", "yes"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "07 is no longer used");
    assert!(app.emulator.requests().await.is_empty());
    assert!(app.log().await.is_empty());

    let location = app
        .post_form(&cookie, "terminate_merchant", &termination("match", "13", "yes"))
        .await;
    assert!(location.contains("terminated=match&reference="), "{location}");
    let location = app
        .post_form(
            &cookie,
            "terminate_merchant",
            &termination("vmss", "25-Illegal Transactions", "yes"),
        )
        .await;
    assert!(location.contains("terminated=vmss&reference="), "{location}");
    let actions: Vec<String> = app.log().await.into_iter().map(|e| e.action).collect();
    assert_eq!(actions, ["vmss.terminate", "match.terminate"]);

    // The next search under that name finds both listings.
    let form = pairs(&[("aid", "T11200003"), ("criteria[business_name]", &name)]);
    let (_, found) = app.search(&cookie, &form).await;
    let listing = found
        .matches
        .listings
        .iter()
        .find(|l| l.name == name)
        .expect("found in MATCH");
    assert_eq!(listing.reason_code.as_deref(), Some("13"));
    assert_eq!(hit(&listing.fields, "screening.field.name").as_deref(), Some("exact"));
    let vmss = found.vmss.expect("kept");
    let record = vmss.listings.iter().find(|l| l.name == name).expect("found in VMSS");
    assert_eq!(record.primary_reason.as_deref(), Some("25-Illegal Transactions"));
}
