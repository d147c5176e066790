//! The document shell and the router: one line per feature's routes.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Link, MetaTags, Stylesheet};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::auth::{CodePage, LoginPage, SandboxInboxPage};
use crate::components::{NotFound, Shell};
use crate::features::overview::OverviewRoutes;
use crate::i18n::{provide_locale, request_locale};

/// The HTML document the server renders around [`App`].
///
/// Routes render with [`SsrMode::InOrder`]: the HTML still streams, but each `<Suspense>` is
/// filled in place, so every page is complete without JavaScript.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = request_locale().code();
    view! {
        <!DOCTYPE html>
        <html lang=lang>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body class="bg-canvas text-ink antialiased">
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_locale();
    // Effects run only in the browser, after hydration: mark the page as live (tests wait for it).
    Effect::new(|_| {
        #[cfg(feature = "hydrate")]
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "");
        }
    });
    view! {
        <Stylesheet id="leptos" href="/pkg/backoffice.css"/>
        <Link rel="icon" type_="image/svg+xml" href="/favicon.svg"/>
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/login") view=LoginPage ssr=SsrMode::InOrder/>
                <Route path=path!("/login/code") view=CodePage ssr=SsrMode::InOrder/>
                <Route path=path!("/sandbox/inbox") view=SandboxInboxPage ssr=SsrMode::InOrder/>
                <ParentRoute path=path!("") view=Shell ssr=SsrMode::InOrder>
                    <OverviewRoutes/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
