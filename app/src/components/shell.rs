//! [`Shell`]: the frame around every signed-in page: header with the partner and the person,
//! navigation, language and sign-out, and the page itself in `<main>`.

use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect, A};
use leptos_router::hooks::use_location;

use crate::auth::{sign_in_path, signed_in_now, Capability, CurrentUser, SignOutButton};
use crate::components::ErrorNotice;
use crate::error::AppError;
use crate::i18n::{key, t, use_locale, LanguageSwitch};
use crate::routes::{self, Needs};

/// The features in the navigation: (path, translation key, what the person needs to see it).
const NAVIGATION: [(&str, &str, Option<Capability>); 8] = [
    ("/", key!("nav.overview"), None),
    ("/accounts", key!("nav.merchants"), Some(Capability::ViewMerchants)),
    ("/onboarding", key!("nav.review"), Some(Capability::Review)),
    ("/screening", key!("nav.screening"), Some(Capability::Screen)),
    (
        "/settlements",
        key!("settlements.portfolio.nav"),
        Some(Capability::Settlements),
    ),
    ("/price-packages", key!("nav.packages"), Some(Capability::ViewMerchants)),
    ("/activity", key!("nav.activity"), Some(Capability::Activity)),
    ("/team", key!("nav.team"), Some(Capability::Team)),
];

/// The signed-in frame. Who is signed in comes with the request (the sign-in guard read the
/// session), so nothing here waits: the page below renders once per request, and a page the person
/// may not see is refused with 403 before anything is sent.
#[component]
pub fn Shell() -> impl IntoView {
    let Some(user) = signed_in_now() else {
        return view! { <BackToSignIn/> }.into_any();
    };
    provide_context(user.clone());
    let path = use_location().pathname.get_untracked();
    let refused = match routes::page_at(&path).map(|page| page.needs) {
        Some(Needs::Capability(capability)) => user.access.refusal(capability).cloned(),
        _ => None,
    };
    let page = if let Some(refusal) = refused {
        view! {
            <leptos_meta::Title text=t!("forbidden.title")/>
            <ErrorNotice error=AppError::Forbidden/>
            <p class="text-muted mt-3 text-sm" data-testid="refusal">{refusal.in_words(use_locale())}</p>
        }
        .into_any()
    } else {
        view! { <Outlet/> }.into_any()
    };
    view! {
        <a href="#main" class="skip-link">{t!("shell.skip")}</a>
        <SignedIn user page/>
    }
    .into_any()
}

/// Sends a person whose session ended to the sign-in page, to come back here afterwards (the
/// sign-in guard normally does this before the page renders).
#[component]
fn BackToSignIn() -> impl IntoView {
    let location = use_location();
    let here = format!(
        "{}{}",
        location.pathname.get_untracked(),
        location.search.get_untracked()
    );
    view! { <Redirect path=sign_in_path(&here)/> }
}

#[component]
fn SignedIn(user: CurrentUser, page: AnyView) -> impl IntoView {
    let partner = user.partner_name.clone().unwrap_or_else(|| user.partner_id.clone());
    view! {
        <div class="flex min-h-screen flex-col">
            <header class="app-header">
                <div class="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
                    <a href="/" class="flex items-center gap-2 font-semibold tracking-tight">
                        <span aria-hidden="true" class="logo-mark">"PB"</span>
                        <span>"Partner Back-office"</span>
                    </a>
                    <div class="flex min-w-0 items-center gap-2 text-sm" data-testid="partner">
                        <span class="truncate font-medium">{partner}</span>
                        <span class="text-muted tabular-nums">{user.partner_id.clone()}</span>
                        {user.is_test_partner().then(|| view! { <span class="badge-warn">{t!("shell.test_mode")}</span> })}
                    </div>
                    <nav aria-label=t!("shell.navigation") class="order-last w-full sm:order-none sm:w-auto">
                        <ul class="flex gap-1">
                            {NAVIGATION
                                .into_iter()
                                .filter(|(_, _, needs)| needs.is_none_or(|c| user.may(c)))
                                .map(|(href, key, _)| view! { <li><A href=href attr:class="nav-link" exact=true>{t(key)}</A></li> })
                                .collect_view()}
                        </ul>
                    </nav>
                    <div class="ml-auto flex items-center gap-3 text-sm">
                        <span class="hidden text-right sm:block" data-testid="signed-in-as">
                            <span class="block font-medium">{user.display_name().to_owned()}</span>
                            <span class="text-muted block text-xs">{user.email.clone()}</span>
                            <span class="text-muted block text-xs" data-testid="roles">
                                {user.access.role_keys().into_iter().map(t).collect::<Vec<_>>().join(", ")}
                            </span>
                        </span>
                        <LanguageSwitch/>
                        <SignOutButton/>
                    </div>
                </div>
            </header>
            <main id="main" class="page" tabindex="-1">
                {page}
            </main>
            <footer class="app-footer">
                <div class="mx-auto flex max-w-7xl flex-wrap gap-x-4 px-4 py-3 sm:px-6">
                    <span>{format!("Partner Back-office {}", env!("CARGO_PKG_VERSION"))}</span>
                    <span>
                        {t!("shell.dintero")}": "
                        {if user.embedded_emulator { t!("shell.embedded_emulator").to_owned() } else { user.dintero_url.clone() }}
                    </span>
                </div>
            </footer>
        </div>
    }
}
