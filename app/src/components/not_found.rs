//! [`NotFound`]: the page for an unknown address, answered with status 404.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::t;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=t!("not_found.title")/>
        <main id="main" class="mx-auto flex min-h-screen max-w-lg flex-col items-start justify-center gap-4 px-6">
            <p class="text-sm font-semibold tracking-wide text-accent-600 uppercase dark:text-accent-400">"404"</p>
            <h1 class="text-3xl font-semibold">{t!("not_found.title")}</h1>
            <p class="text-muted">{t!("not_found.body")}</p>
            <a href="/" class="btn-primary">{t!("not_found.home")}</a>
        </main>
    }
}
