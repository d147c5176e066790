//! [`Pager`]: Previous/Next links of a cursor-paged list (plain links, so they work without
//! JavaScript; see [`crate::paging`]).

use leptos::prelude::*;

use crate::i18n::t;

#[component]
pub fn Pager(previous: Option<String>, next: Option<String>) -> impl IntoView {
    view! {
        <nav class="mt-4 flex items-center gap-2" aria-label=t!("portfolio.paging")>
            {previous.map(|href| view! { <a href=href class="btn-ghost" rel="prev">{t!("portfolio.previous")}</a> })}
            {next.map(|href| view! { <a href=href class="btn-ghost" rel="next">{t!("portfolio.next")}</a> })}
        </nav>
    }
}
