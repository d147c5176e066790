//! The authorization matrix: every server function and download route, called as each demo person
//! and as nobody, is allowed or refused exactly as the README's "Who may do what" table says.

use crate::support;

use std::collections::{BTreeMap, BTreeSet};

use app::auth::{Access, Capability};
use reqwest::header::{COOKIE, LOCATION};
use reqwest::StatusCode;
use support::served::{http, post_login, serve, session_cookie};

/// The README's columns, in order, and the demo person each stands for.
const PEOPLE: [(&str, &str); 4] = [
    ("Account manager", "manager@partner.example"),
    ("Onboarding", "onboarding@partner.example"),
    ("Finance", "finance@partner.example"),
    ("Admin", "admin@partner.example"),
];

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Needs {
    /// Anyone, signed in or not (signing in, the language switch).
    Public,
    /// Any signed-in person (the README's `SignedIn` row).
    SignedIn,
    Capability(Capability),
}

/// Every server function (endpoint, form body) and download (path), with what it needs.
pub(crate) fn routes() -> Vec<(&'static str, &'static str, &'static str, Needs)> {
    use Needs::*;
    let view = Capability(app::auth::Capability::ViewMerchants);
    let manage = Capability(app::auth::Capability::ManageMerchants);
    let activity = Capability(app::auth::Capability::Activity);
    let packages = Capability(app::auth::Capability::PricePackages);
    let review = Capability(app::auth::Capability::Review);
    let screen = Capability(app::auth::Capability::Screen);
    let terminate = Capability(app::auth::Capability::Terminate);
    let settlements = Capability(app::auth::Capability::Settlements);
    let configure = Capability(app::auth::Capability::ConfigureReports);
    let reports = Capability(app::auth::Capability::Reports);
    let payouts = Capability(app::auth::Capability::Payouts);
    let team = Capability(app::auth::Capability::Team);
    let manage_team = Capability(app::auth::Capability::ManageTeam);
    let aid = "aid=T11200001";
    vec![
        ("POST", "/api/login", "email=x%40y.no&password=p", Public),
        ("POST", "/api/set_locale", "locale=en", Public),
        ("POST", "/api/take_kept_input", "form=login", Public),
        ("POST", "/api/sign_in_help", "", Public),
        ("POST", "/api/code_step", "", Public),
        ("POST", "/api/send_code", "channel=sms", Public),
        ("POST", "/api/verify_code", "code=123456", Public),
        ("POST", "/api/sandbox_outbox", "", Public),
        ("POST", "/api/current_user", "", SignedIn),
        ("POST", "/api/partner_team", "", team),
        // Unknown ids: allowed people get 404 (nothing is changed).
        (
            "POST",
            "/api/change_colleague_role",
            "submission=s1&id=nobody&role=finance",
            manage_team,
        ),
        (
            "POST",
            "/api/remove_colleague",
            "submission=s2&id=nobody&confirm=yes",
            manage_team,
        ),
        // A malformed e-mail: allowed people get 400 before anything is sent.
        (
            "POST",
            "/api/invite_colleague",
            "submission=s3&email=not-an-email&name=&role=finance",
            manage_team,
        ),
        ("POST", "/api/list_activity", "query[person]=", activity),
        ("GET", "/activity.csv", "", activity),
        // Unknown ids: allowed people get Dintero's 404.
        (
            "GET",
            "/accounts/T11200001/settlements/x/attachments/y",
            "",
            settlements,
        ),
        ("POST", "/api/list_settlements", aid, settlements),
        // An unknown id: a ZIP holding only its manifest.
        (
            "GET",
            "/accounts/T11200001/settlements/files.zip?settlement=x",
            "",
            settlements,
        ),
        ("POST", "/api/settlement_zip_progress", "token=abc", settlements),
        ("POST", "/api/portfolio_settlements", "merchants=T11200001", settlements),
        // Report configurations and insight reports (features/reports).
        ("POST", "/api/list_report_configurations", aid, settlements),
        ("POST", "/api/report_configuration_form", "aid=T11200001&id=", configure),
        // Input refused before sending (no file type, no confirmation): allowed people get 422,
        // nothing is created, changed or deleted.
        (
            "POST",
            "/api/create_report_configuration",
            "aid=T11200001&submission=x",
            configure,
        ),
        (
            "POST",
            "/api/update_report_configuration",
            "aid=T11200001&id=x&submission=x",
            configure,
        ),
        (
            "POST",
            "/api/delete_report_configuration",
            "aid=T11200001&id=x&submission=x&confirm=no",
            configure,
        ),
        ("POST", "/api/list_reports", aid, reports),
        // Unknown report: allowed people get 404.
        ("GET", "/accounts/T11200002/reports/no-such-report/file", "", reports),
        // Seller balances and transfers (features/payouts); an unknown seller is Dintero's 404.
        ("POST", "/api/payout_sellers", aid, payouts),
        (
            "POST",
            "/api/seller_ledger",
            "aid=T11200002&destination=PD001&currency=NOK",
            payouts,
        ),
        ("POST", "/api/list_merchants", "query[limit]=10", view),
        ("POST", "/api/get_merchant", aid, view),
        ("POST", "/api/get_merchant_package", aid, view),
        ("POST", "/api/get_merchant_settings", aid, view),
        ("POST", "/api/list_saved_views", "", view),
        ("POST", "/api/save_view", "name=Vipps&query=connection%3Dvipps", view),
        ("POST", "/api/delete_view", "id=1", view),
        (
            "POST",
            "/api/start_export",
            "query[search]=&format=csv",
            Capability(app::auth::Capability::ViewMerchants),
        ),
        (
            "POST",
            "/api/export_status",
            "id=0123456789abcdef0123456789abcdef",
            Capability(app::auth::Capability::ViewMerchants),
        ),
        (
            "GET",
            "/exports/0123456789abcdef0123456789abcdef",
            "",
            Capability(app::auth::Capability::ViewMerchants),
        ),
        (
            "POST",
            "/api/update_merchant",
            "aid=T11200001&progression=live&account_manager=&reseller_id=",
            manage,
        ),
        (
            "POST",
            "/api/record_connection_event",
            "aid=T11200001&connection=vipps&status=pending&event=matrix_check&description=",
            manage,
        ),
        ("POST", "/api/add_comment", "aid=T11200001&body=Matrix+check", manage),
        (
            "POST",
            "/api/assign_price_package",
            "aid=T11200001&price_package_id=NORDLYS_START",
            packages,
        ),
        ("POST", "/api/list_price_packages", "query[limit]=10", view),
        ("POST", "/api/get_price_package", "price_package_id=NORDLYS_START", view),
        ("POST", "/api/package_merchants", "price_package_id=NORDLYS_START", view),
        ("POST", "/api/new_package_form", "", packages),
        // Input refused before sending (no name): allowed people get 422, nothing is created or changed.
        (
            "POST",
            "/api/create_price_package",
            "price_package_id=NEW_PP&name=&description=&pricing_conditions=",
            packages,
        ),
        (
            "POST",
            "/api/update_price_package",
            "price_package_id=NORDLYS_START&name=&description=&pricing_conditions=",
            packages,
        ),
        // A wrong confirmation: allowed people get 422, nothing is deleted.
        ("POST", "/api/delete_merchant", "aid=T11200001&confirm=no", manage),
        ("POST", "/api/get_draft", "", manage),
        (
            "POST",
            "/api/save_step",
            "step=company&next=applicant&fields[country]=NO",
            manage,
        ),
        ("POST", "/api/onboarding_packages", "", manage),
        // An empty draft: allowed people are told which step is missing (422), nothing is created.
        ("POST", "/api/create_merchant", "", manage),
        ("POST", "/api/start_over", "", manage),
        // The review queue (features/onboarding).
        ("POST", "/api/review_merchants", "merchant=", review),
        // No such slice: allowed people get 422, nothing is read.
        ("POST", "/api/review_slice", "merchant=&slice=20", review),
        // Sellers, payment approvals and due-diligence cases (features/sellers).
        (
            "POST",
            "/api/list_seller_approvals",
            "aid=T11200001&case_status[0]=ACTIVE",
            review,
        ),
        (
            "POST",
            "/api/get_seller_approval",
            "aid=T11200001&id=no-such-approval",
            review,
        ),
        ("POST", "/api/new_seller_form", aid, review),
        ("POST", "/api/merchant_approvals", aid, review),
        // Input refused before sending (no company, no id): allowed people get 422, nothing is sent.
        (
            "POST",
            "/api/create_seller_approval",
            "aid=T11200001&submission=x&seller[payout_destination_id]=",
            review,
        ),
        ("POST", "/api/archive_seller_approval", "aid=T11200001&id=", review),
        (
            "POST",
            "/api/create_payment_approval",
            "aid=T11200001&submission=x",
            review,
        ),
        ("POST", "/api/create_cdd_case", "aid=T11200001&submission=x", review),
        // Screening (features/screening). Input refused before sending (no IRN, no name, no
        // note): allowed people get 422, nothing is searched, recorded or listed.
        ("POST", "/api/find_screening_merchants", "q=T11200001", screen),
        ("POST", "/api/screening_subject", aid, screen),
        (
            "POST",
            "/api/screening_results",
            "aid=T11200001&irn=x&offset=0&vmss=",
            screen,
        ),
        (
            "POST",
            "/api/run_screening",
            "aid=T11200001&criteria[business_name]=",
            screen,
        ),
        (
            "POST",
            "/api/record_screening_decision",
            "aid=T11200001&irn=1&vmss=&decision=clear&note=",
            screen,
        ),
        (
            "POST",
            "/api/terminate_merchant",
            "aid=T11200001&input[register]=match&input[business_name]=&confirm=yes",
            terminate,
        ),
        // Last: it ends the session.
        ("POST", "/api/logout", "", SignedIn),
    ]
}

/// The README table: row name (`SignedIn` or a capability's name) → allowed per column.
fn readme_table() -> BTreeMap<String, Vec<bool>> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let section = readme
        .split("## Who may do what")
        .nth(1)
        .expect("the README has a \"Who may do what\" section");
    // The first table of the section: its contiguous `|` lines.
    let mut lines = section
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'));
    let header: Vec<String> = cells(lines.next().expect("a table header"));
    let columns: Vec<&str> = PEOPLE.iter().map(|(column, _)| *column).collect();
    assert_eq!(&header[2..], columns, "the table's columns are the demo people");
    lines
        .skip(1)
        .map(|line| {
            let cells = cells(line);
            let name = cells[0]
                .split('`')
                .nth(1)
                .unwrap_or_else(|| panic!("row names its capability in backticks: {line}"))
                .to_owned();
            let allowed = cells[2..]
                .iter()
                .map(|c| match c.as_str() {
                    "✓" => true,
                    "–" => false,
                    other => panic!("a cell is ✓ or –, not {other:?}"),
                })
                .collect();
            (name, allowed)
        })
        .collect()
}

fn cells(line: &str) -> Vec<String> {
    line.trim()
        .trim_matches('|')
        .split('|')
        .map(|c| c.trim().to_owned())
        .collect()
}

fn row_name(needs: Needs) -> String {
    match needs {
        Needs::Public => unreachable!("public routes are not in the table"),
        Needs::SignedIn => "SignedIn".to_owned(),
        Needs::Capability(c) => format!("{c:?}"),
    }
}

#[test]
fn the_table_covers_every_capability_and_matches_the_scope_rules() {
    let table = readme_table();
    let mut rows: BTreeSet<String> = Capability::ALL.iter().map(|c| format!("{c:?}")).collect();
    rows.insert("SignedIn".into());
    assert_eq!(table.keys().cloned().collect::<BTreeSet<_>>(), rows);
    for (column, (_, email)) in PEOPLE.iter().enumerate() {
        let scopes = emulator::seed::DEMO_PEOPLE
            .iter()
            .find(|(e, ..)| e == email)
            .map(|(_, _, _, scopes)| *scopes)
            .unwrap();
        let access = Access::from_scopes(scopes);
        for capability in Capability::ALL {
            assert_eq!(
                access.allows(capability),
                table[&format!("{capability:?}")][column],
                "{email} and {capability:?}: the scope rules and the README disagree"
            );
        }
    }
}

#[test]
fn every_server_function_is_in_the_matrix() {
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_owned())
        .collect();
    let listed: BTreeSet<String> = routes()
        .into_iter()
        .filter(|(_, path, ..)| path.starts_with("/api/"))
        .map(|(_, path, ..)| path.to_owned())
        .collect();
    assert_eq!(
        registered, listed,
        "a server function is missing from the matrix (or gone)"
    );
}

async fn call(base: &str, method: &str, path: &str, body: &str, cookie: Option<&str>) -> StatusCode {
    let mut request = match method {
        "GET" => http().get(format!("{base}{path}")),
        _ => http()
            .post(format!("{base}{path}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.to_owned()),
    };
    if let Some(cookie) = cookie {
        request = request.header(COOKIE, cookie);
    }
    request.send().await.expect("request").status()
}

/// A signed-in session cookie for `email`; the admin's one-time code comes from the sandbox outbox.
pub(crate) async fn sign_in(base: &str, email: &str) -> String {
    let response = post_login(base, &email.replace('@', "%40"), "demo-password").await;
    let cookie = session_cookie(&response);
    if response.headers()[LOCATION] != "/login/code" {
        return cookie;
    }
    let sent = http()
        .post(format!("{base}/api/send_code"))
        .header(COOKIE, &cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("channel=sms")
        .send()
        .await
        .unwrap();
    assert!(sent.status().is_success(), "{}", sent.status());
    let outbox: serde_json::Value = http()
        .post(format!("{base}/api/sandbox_outbox"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let code = outbox[0]["code"].as_str().expect("a code").to_owned();
    let verified = http()
        .post(format!("{base}/api/verify_code"))
        .header(COOKIE, &cookie)
        .header("accept", "text/html")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("code={code}"))
        .send()
        .await
        .unwrap();
    assert_eq!(verified.headers()[LOCATION], "/");
    session_cookie(&verified)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_allows_and_refuses_exactly_per_the_readme() {
    let table = readme_table();
    let base = serve().await;
    let mut wrong = Vec::new();

    for (method, path, body, needs) in routes() {
        let status = call(&base, method, path, body, None).await;
        // Server functions answer 401; a download sends the browser to sign in.
        let refused = status == StatusCode::UNAUTHORIZED || (method == "GET" && status == StatusCode::SEE_OTHER);
        if refused != (needs != Needs::Public) {
            wrong.push(format!("nobody {method} {path}: {status}"));
        }
    }
    for (column, (_, email)) in PEOPLE.iter().enumerate() {
        let cookie = sign_in(&base, email).await;
        for (method, path, body, needs) in routes() {
            if needs == Needs::Public {
                continue;
            }
            let allowed = table[&row_name(needs)][column];
            let status = call(&base, method, path, body, Some(&cookie)).await;
            let ok = if allowed {
                !matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN) && !status.is_server_error()
            } else {
                status == StatusCode::FORBIDDEN
            };
            if !ok {
                wrong.push(format!(
                    "{email} {method} {path}: {status}, README says allowed={allowed}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_page_says_so_with_403() {
    let base = serve().await;
    let cookie = sign_in(&base, "finance@partner.example").await;
    let page = http()
        .get(format!("{base}/activity"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::FORBIDDEN);
    let html = page.text().await.unwrap();
    assert!(html.contains("No access"), "a clear page");
    assert!(
        html.contains(
            "It needs one of these Dintero scopes, and your Dintero user holds none of them: admin:accounts."
        ),
        "it names what is missing"
    );
    assert!(
        !html.contains(r#"href="/activity""#),
        "the navigation does not offer it"
    );
    let file = http()
        .get(format!("{base}/activity.csv"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(file.status(), StatusCode::FORBIDDEN);
    assert!(
        file.text().await.unwrap().contains("admin:accounts"),
        "a download names it too"
    );
}

/// With no policy, Dintero's scopes alone decide: the account manager (`read:accounts` and
/// `write:accounts`) reaches the review queue. With one, what it takes away is refused, on the page,
/// in the server functions and in the navigation, and the page names the setting.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_capability_policy_refuses_what_it_removes_and_names_itself() {
    let open = serve().await;
    let manager = sign_in(&open, "manager@partner.example").await;
    assert_eq!(
        call_page(&open, "/onboarding", Some(&manager)).await.status(),
        StatusCode::OK
    );
    let merchants = call(&open, "POST", "/api/review_merchants", "merchant=", Some(&manager)).await;
    assert_eq!(merchants, StatusCode::OK);

    let (strict, _server) = support::served::serve_with(&support::served::temp_data_dir(), None, |config| {
        config.policy = app::auth::Policy::parse("Review=write:accounts:/management/settings/approvals admin:accounts")
            .expect("a policy");
    })
    .await;
    let manager = sign_in(&strict, "manager@partner.example").await;
    let page = call_page(&strict, "/onboarding", Some(&manager)).await;
    assert_eq!(page.status(), StatusCode::FORBIDDEN);
    let html = page.text().await.unwrap();
    assert!(
        html.contains(
            "Your partner&#x27;s setting BACKOFFICE_CAPABILITIES asks here for one of these scopes, and your \
             Dintero user holds none of them: write:accounts:/management/settings/approvals, admin:accounts."
        ) || html.contains(
            "Your partner's setting BACKOFFICE_CAPABILITIES asks here for one of these scopes, and your \
             Dintero user holds none of them: write:accounts:/management/settings/approvals, admin:accounts."
        ),
        "the page names the setting and the scopes"
    );
    assert!(
        !html.contains(r#"href="/onboarding""#),
        "the navigation does not offer it"
    );
    let merchants = call(&strict, "POST", "/api/review_merchants", "merchant=", Some(&manager)).await;
    assert_eq!(merchants, StatusCode::FORBIDDEN);
    assert_eq!(
        call_page(&strict, "/accounts/new", Some(&manager)).await.status(),
        StatusCode::OK,
        "what the policy does not name is untouched"
    );

    let onboarding = sign_in(&strict, "onboarding@partner.example").await;
    assert_eq!(
        call_page(&strict, "/onboarding", Some(&onboarding)).await.status(),
        StatusCode::OK
    );

    // The team page shows the policy's effect on each person.
    let team = call_page(&strict, "/team", Some(&manager)).await.text().await.unwrap();
    assert!(
        team.contains("asks for more on top of Dintero"),
        "it says a policy applies"
    );
    let review = &team[team.find(r#"data-capability="Review""#).expect("the review row")..];
    let review = &review[..review.find("</tr>").unwrap()];
    assert!(
        review.contains(r#"data-person="onboarding@partner.example" data-allowed="true""#),
        "{review}"
    );
    assert!(
        review.contains(r#"data-person="manager@partner.example" data-allowed="false""#),
        "{review}"
    );
    assert!(
        review.contains("setting BACKOFFICE_CAPABILITIES asks for one of these scopes: write:accounts:/management/settings/approvals, admin:accounts."),
        "{review}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_activity_csv_streams_to_its_end_compressed() {
    let base = serve().await;
    let cookie = sign_in(&base, "admin@partner.example").await;
    let comment = call(
        &base,
        "POST",
        "/api/add_comment",
        "aid=T11200003&body=CSV+check",
        Some(&cookie),
    )
    .await;
    assert!(comment.is_success(), "{comment}");
    for encoding in ["identity", "gzip", "br"] {
        let response = http()
            .get(format!("{base}/activity.csv"))
            .header(COOKIE, &cookie)
            .header("accept-encoding", encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let body = response.bytes().await;
        assert!(body.is_ok_and(|b| !b.is_empty()), "{encoding}: the body arrives whole");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_carries_the_security_headers() {
    let base = serve().await;
    let cookie = sign_in(&base, "admin@partner.example").await;
    let pages = [
        "/",
        "/accounts",
        "/accounts?connection=vipps",
        "/accounts/T11200001",
        "/accounts/T11200001?tab=connections",
        "/accounts/T11200001?tab=package",
        "/accounts/T11200001?tab=settings",
        "/accounts/new",
        "/activity",
        "/price-packages",
        "/price-packages?type=default",
        "/price-packages/new",
        "/price-packages/NORDLYS_START",
        "/accounts/T11200001/sellers",
        "/accounts/T11200001/sellers?case_status=ACTIVE&case_status=DECLINED",
        "/accounts/T11200001/sellers/new",
        "/accounts/T11200001/sellers/no-such-approval",
        "/accounts/T11200001/approvals",
        "/onboarding",
        "/onboarding?case_status=ERROR&kind=seller",
        "/onboarding/pipeline",
        "/accounts/T11200001/settlements",
        "/accounts/T11200001/settlements?settled_from=2026-01-01&payment_provider=vipps",
        "/accounts/T11200001/settlements?settled_from=yesterday",
        "/settlements",
        "/settlements?merchants=T11200001&settled_from=2026-01-01",
        "/accounts/T11200004/report-configurations",
        "/accounts/T11200004/report-configurations/new",
        "/accounts/T11200004/report-configurations/no-such-config",
        "/accounts/T11200002/reports",
        "/accounts/T11200002/payouts",
        "/accounts/T11200002/payouts?destination=PD009",
        "/accounts/T11200002/payouts/PD001",
        "/accounts/T11200002/payouts/PD001?currency=EUR",
        "/screening",
        "/screening?aid=T11200001",
        "/screening?aid=Bakeri",
        "/screening/terminate?aid=T11200001&register=match",
        "/screening/terminate?aid=T11200001&register=vmss&step=confirm&business_name=",
        "/no-such-page",
    ];
    for page in pages {
        let response = call_page(&base, page, Some(&cookie)).await;
        let headers = response.headers();
        let csp = headers
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("'nonce-"),
            "{page}: {csp}"
        );
        assert_eq!(headers["x-content-type-options"], "nosniff", "{page}");
        assert_eq!(headers["referrer-policy"], "same-origin", "{page}");
    }
    for page in ["/login", "/login/code", "/sandbox/inbox"] {
        let response = call_page(&base, page, None).await;
        assert!(response.headers().contains_key("content-security-policy"), "{page}");
    }
}

async fn call_page(base: &str, path: &str, cookie: Option<&str>) -> reqwest::Response {
    let mut request = http().get(format!("{base}{path}"));
    if let Some(cookie) = cookie {
        request = request.header(COOKIE, cookie);
    }
    request.send().await.expect("page")
}

/// Every page, viewed by each demo person: 200 where the README's table allows it, 403 with the
/// "No access" page where it does not (the status, not only the text), and the sign-in page for
/// nobody.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_answers_200_or_403_exactly_per_the_readme() {
    use app::routes::Needs as PageNeeds;
    let table = readme_table();
    let base = serve().await;
    let admin = sign_in(&base, "admin@partner.example").await;
    let pages = support::pages::addresses(&base, &admin).await;
    let mut wrong = Vec::new();
    for (column, (_, email)) in PEOPLE.iter().enumerate() {
        let cookie = sign_in(&base, email).await;
        for (pattern, address) in &pages {
            let page = app::routes::PAGES.iter().find(|p| p.pattern == *pattern).unwrap();
            // An export is its maker's: each person views one of their own.
            let address = &if *pattern == "/accounts/export/:id" {
                support::pages::start_export(&base, &cookie).await
            } else {
                address.clone()
            };
            let expected = match page.needs {
                PageNeeds::Public => continue,
                PageNeeds::SignedIn => 200,
                PageNeeds::Capability(c) if table[&format!("{c:?}")][column] => 200,
                PageNeeds::Capability(_) => 403,
            };
            let (status, html) = support::pages::view(&base, &cookie, address).await;
            if status != expected || (expected == 403 && !html.contains("No access")) {
                wrong.push(format!("{email} {address}: {status}, not {expected}"));
            }
        }
    }
    for (_, address) in &pages {
        let response = http().get(format!("{base}{address}")).send().await.unwrap();
        let public = address.starts_with("/login") || address.starts_with("/sandbox");
        if !public
            && (response.status() != StatusCode::SEE_OTHER
                || !response.headers()[LOCATION]
                    .to_str()
                    .unwrap()
                    .starts_with("/login?next="))
        {
            wrong.push(format!("nobody {address}: {}", response.status()));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
