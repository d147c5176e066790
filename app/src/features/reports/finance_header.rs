//! [`FinanceHeader`]: the heading of a merchant's finance pages (report configurations, insight
//! reports, payouts): the merchant, back to its page, and tabs between those pages and its
//! settlements, each shown only to people who may open it.

use leptos::prelude::*;

use crate::auth::{Capability, CurrentUser};
use crate::components::MerchantHead;
use crate::i18n::{key, t};

/// Which tab is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FinanceTab {
    Settlements,
    Configurations,
    Reports,
    Payouts,
}

/// The tabs: where, the text's key, and who may open it.
fn tabs(aid: &str) -> [(FinanceTab, String, &'static str, Capability); 4] {
    let aid = crate::url::encode_path(aid);
    [
        (
            FinanceTab::Settlements,
            format!("/accounts/{aid}/settlements"),
            key!("settlements.title"),
            Capability::Settlements,
        ),
        (
            FinanceTab::Configurations,
            format!("/accounts/{aid}/report-configurations"),
            key!("reports.configs.title"),
            Capability::Settlements,
        ),
        (
            FinanceTab::Reports,
            format!("/accounts/{aid}/reports"),
            key!("reports.insight.title"),
            Capability::Reports,
        ),
        (
            FinanceTab::Payouts,
            format!("/accounts/{aid}/payouts"),
            key!("payouts.title"),
            Capability::Payouts,
        ),
    ]
}

#[component]
pub fn FinanceHeader(merchant: MerchantHead, tab: FinanceTab, #[prop(into)] title: String) -> impl IntoView {
    let aid = merchant.aid.clone();
    view! {
        <leptos_meta::Title text=format!("{title} · {}", merchant.name)/>
        <p class="mb-2 text-sm">
            <a href=format!("/accounts/{}", crate::url::encode_path(&aid)) class="text-muted underline">
                {t!("sellers.back_to_merchant")}
            </a>
        </p>
        <h1 class="mb-2 text-2xl font-semibold">{title}</h1>
        <p class="text-muted mb-4" data-testid="merchant">
            {merchant.name.clone()}" · "<span class="tabular-nums">{aid.clone()}</span>
        </p>
        <FinanceTabs aid tab/>
    }
    .into_any()
}

/// The tabs between a merchant's finance pages that the person may open.
#[component]
pub fn FinanceTabs(aid: String, tab: FinanceTab) -> impl IntoView {
    let user = use_context::<CurrentUser>();
    let links: Vec<_> = tabs(&aid)
        .into_iter()
        .filter(|(.., capability)| user.as_ref().is_some_and(|u| u.may(*capability)))
        .collect();
    view! {
        <nav aria-label=t!("reports.tabs") class="mb-6">
            <ul class="flex flex-wrap gap-1">
                {links.into_iter().map(|(which, href, key, _)| {
                    let current = (which == tab).then_some("page");
                    view! { <li><a href=href class="tab" aria-current=current>{t(key)}</a></li> }
                }).collect_view()}
            </ul>
        </nav>
    }
}
