//! The document shell and the router: one line per feature's routes.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Link, MetaTags, Stylesheet, Title};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::auth::{CodePage, LoginPage, SandboxInboxPage};
use crate::components::{NotFound, Shell};
use crate::features::activity::ActivityRoutes;
use crate::features::merchants::MerchantRoutes;
use crate::features::onboarding::OnboardingRoutes;
use crate::features::overview::OverviewRoutes;
use crate::features::payouts::PayoutRoutes;
use crate::features::price_packages::PricePackageRoutes;
use crate::features::reports::ReportRoutes;
use crate::features::screening::ScreeningRoutes;
use crate::features::sellers::SellerRoutes;
use crate::features::settlements::SettlementRoutes;
use crate::features::team::TeamRoutes;
use crate::i18n::{provide_locale, request_locale};

/// The HTML document the server renders around [`App`].
///
/// Routes render with [`SsrMode::InOrder`]: the HTML still streams, but each `<Suspense>` is
/// filled in place, so every page is complete without JavaScript. Feature pages whose read may be
/// refused or missing use [`SsrMode::Async`], so the page answers with that status (403, 404).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = request_locale().code();
    #[cfg(feature = "ssr")]
    content_security_policy();
    view! {
        <!DOCTYPE html>
        <html lang=lang>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body class="bg-canvas text-ink antialiased">
                <App/>
            </body>
        </html>
    }
}

/// Sets the page's `Content-Security-Policy`: scripts only from this site or carrying this
/// response's nonce (leptos_axum puts a fresh one on the hydration and resource scripts), wasm
/// allowed to compile, nothing framed, forms posted only here.
#[cfg(feature = "ssr")]
fn content_security_policy() {
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_locale();
    view! {
        // Every page names itself with <Title text=.../>; the app's name is added here, and
        // leptos_meta writes the title's text into the head as it is, so every title (a merchant's
        // name, an id from the URL) is escaped here, once, for all pages. A page's title is text,
        // never a closure over a signal: leptos_meta reads it while writing the head, outside the
        // request's reactive arena, where a signal may already be gone (the request fails then).
        <Title formatter=page_title/>
        <Stylesheet id="leptos" href="/pkg/backoffice.css"/>
        <Link rel="icon" type_="image/svg+xml" href="/favicon.svg"/>
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/login") view=LoginPage ssr=SsrMode::InOrder/>
                <Route path=path!("/login/code") view=CodePage ssr=SsrMode::InOrder/>
                <Route path=path!("/sandbox/inbox") view=SandboxInboxPage ssr=SsrMode::InOrder/>
                <ParentRoute path=path!("") view=Shell ssr=SsrMode::InOrder>
                    <OverviewRoutes/>
                    <ActivityRoutes/>
                    <MerchantRoutes/>
                    <PricePackageRoutes/>
                    <OnboardingRoutes/>
                    <SellerRoutes/>
                    <SettlementRoutes/>
                    <ReportRoutes/>
                    <PayoutRoutes/>
                    <ScreeningRoutes/>
                    <TeamRoutes/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// `<page> · Partner Back-office` (or the app's name alone), escaped.
fn page_title(text: String) -> String {
    if text.is_empty() {
        return "Partner Back-office".to_owned();
    }
    escape_title(format!("{text} · Partner Back-office"))
}

/// The title's text as HTML text on the server (`&`, `<`, `>` escaped); unchanged in the browser,
/// which sets `document.title` as plain text.
fn escape_title(text: String) -> String {
    if cfg!(feature = "ssr") {
        text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(feature = "ssr")]
    fn a_title_names_the_page_and_the_app() {
        assert_eq!(super::page_title("Merchants".into()), "Merchants · Partner Back-office");
        assert_eq!(super::page_title(String::new()), "Partner Back-office");
    }

    /// leptos_meta evaluates a `<Title text=...>` when it writes the head, outside the request's
    /// reactive arena: a closure there that reads a signal can find it disposed and abort the
    /// response (seen under load). Every page's title is therefore plain text.
    #[test]
    fn no_page_title_reads_a_signal() {
        fn visit(dir: &std::path::Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("app/src") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    visit(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).expect("source");
                    for (n, line) in text.lines().enumerate() {
                        let title = line.split_once("Title text=").map(|(_, rest)| rest.trim_start());
                        if title.is_some_and(|rest| rest.starts_with("move") || rest.starts_with('|')) {
                            found.push(format!("{}:{}", path.display(), n + 1));
                        }
                    }
                }
            }
        }
        let mut found = Vec::new();
        visit(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut found,
        );
        assert!(found.is_empty(), "titles that read signals: {found:?}");
    }

    #[test]
    #[cfg(feature = "ssr")]
    fn a_title_cannot_close_its_element() {
        assert_eq!(
            super::escape_title("X</title><meta http-equiv=\"refresh\"> & Co".into()),
            "X&lt;/title&gt;&lt;meta http-equiv=\"refresh\"&gt; &amp; Co"
        );
    }
}
