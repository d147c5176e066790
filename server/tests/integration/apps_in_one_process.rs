//! Several apps in one process, as these tests run them: starting one never stalls a page that
//! another is serving. Walking the app's routes sets a process-wide flag in `leptos_server` that
//! parks, for good, every read first polled while it is set; each app once walked them as it
//! started, and a page of another test's app then hung now and then (`server::route_list`).

use reqwest::header::COOKIE;

use super::authorization::sign_in;
use crate::support::served::{http, serve};

/// Long enough for a loaded debug build, short enough to tell a stalled response from a slow one.
const STALLED: std::time::Duration = std::time::Duration::from_secs(60);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn starting_another_app_never_stalls_a_page() {
    let base = serve().await;
    let cookie = sign_in(&base, "manager@partner.example").await;
    // Each app asks for the routes as it starts; here that happens far more often than in a run of
    // the tests, so a walk that parks reads would stall a page below nearly every time.
    let walking = tokio::task::spawn_blocking(|| {
        for _ in 0..300 {
            std::hint::black_box(server::route_list());
        }
    });
    let starting = tokio::spawn(async move {
        for _ in 0..6 {
            serve().await;
        }
        walking.await.expect("the routes were walked");
    });
    let paths = [
        "/price-packages/NORDLYS_START",
        "/price-packages/NO_SUCH_PACKAGE",
        "/accounts/T11200002/approvals",
        "/accounts/T11200002/sellers/new",
    ];
    let mut viewed = 0;
    while !starting.is_finished() || viewed < 12 {
        let views = paths.map(|path| {
            let request = http().get(format!("{base}{path}")).header(COOKIE, &cookie).send();
            async move {
                let response = tokio::time::timeout(STALLED, async {
                    let response = request.await.expect("an answer");
                    let status = response.status();
                    (status, response.text().await.expect("a whole body"))
                })
                .await
                .unwrap_or_else(|_| panic!("{path} stalled while other apps started (view {viewed})"));
                assert!(
                    response.0.is_success() || response.0 == reqwest::StatusCode::NOT_FOUND,
                    "{path}: {}",
                    response.0
                );
                assert!(response.1.contains("</html>"), "{path}: a whole page");
            }
        });
        futures_util::future::join_all(views).await;
        viewed += 1;
    }
    starting.await.expect("the other apps started");
}
