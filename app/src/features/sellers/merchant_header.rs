//! [`MerchantHeader`]: the heading of the sellers and approvals pages (the merchant, back to its
//! page, and tabs between its sellers and its payment approvals and CDD cases), and [`LinkList`],
//! the links Dintero gives with an approval.

use leptos::prelude::*;

use super::views::{link_key, LinkView};
use crate::components::MerchantHead;
use crate::i18n::{key, t};

/// Which tab is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Sellers,
    Approvals,
    /// A page below the sellers (one approval, the new-seller form).
    Seller,
}

#[component]
pub fn MerchantHeader(merchant: MerchantHead, tab: Tab, #[prop(into)] title: String) -> impl IntoView {
    let aid = merchant.aid.clone();
    let tabs = [
        (
            Tab::Sellers,
            format!("/accounts/{aid}/sellers"),
            key!("sellers.tab.sellers"),
        ),
        (
            Tab::Approvals,
            format!("/accounts/{aid}/approvals"),
            key!("sellers.tab.approvals"),
        ),
    ];
    view! {
        <leptos_meta::Title text=format!("{title} · {}", merchant.name)/>
        <p class="mb-2 text-sm">
            <a href=format!("/accounts/{aid}") class="text-muted underline">{t!("sellers.back_to_merchant")}</a>
        </p>
        <div class="mb-2 flex flex-wrap items-center gap-3">
            <h1 class="text-2xl font-semibold">{title}</h1>
        </div>
        <p class="text-muted mb-4" data-testid="merchant">
            {merchant.name.clone()}" · "<span class="tabular-nums">{aid.clone()}</span>
            {merchant.organization_number.as_deref().map(|org| format!(" · {}", crate::format::org_number(org, merchant.country.as_deref())))}
        </p>
        <nav aria-label=t!("sellers.tabs") class="mb-6">
            <ul class="flex gap-1">
                {tabs.into_iter().map(|(which, href, key)| {
                    let current = (which == tab || (which == Tab::Sellers && tab == Tab::Seller)).then_some("page");
                    view! { <li><a href=href class="tab" aria-current=current>{t(key)}</a></li> }
                }).collect_view()}
            </ul>
        </nav>
    }
    .into_any()
}

/// Dintero's links, each named by what it points at; opened in a new tab.
#[component]
pub fn LinkList(links: Vec<LinkView>) -> impl IntoView {
    if links.is_empty() {
        return view! { <span class="text-muted">"–"</span> }.into_any();
    }
    view! {
        <ul class="flex flex-col gap-0.5">
            {links.into_iter().map(|link| {
                let rel = link.rel.as_str().to_owned();
                view! {
                    <li>
                        <a href=link.href class="underline" target="_blank" rel="noopener noreferrer" data-rel=rel>
                            {t(link_key(&link.rel))}
                        </a>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// An optional date with its time zone, or a dash.
pub fn when(value: Option<&str>) -> String {
    value
        .map(crate::format::date_time_str)
        .unwrap_or_else(|| "–".to_owned())
}
