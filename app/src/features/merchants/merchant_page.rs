//! [`MerchantPage`]: `/accounts/{aid}`, one merchant in tabs (`?tab=`): overview, connections with
//! their timelines, activity (comments), and for those allowed, changes.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::merchant_forms::{CommentForm, ConnectionEventForm, DeleteForm, MerchantActions, TabKept, UpdateForm};
use super::merchant_view::{AddressView, ConnectionView, MerchantDetail};
use super::package_tab::{read_settings, PackageReads, PackageTab, SettingsRead, SettingsTab};
use super::portfolio_page::status_key;
use super::read::{get_merchant, CommentView, MerchantPageData, StatisticsView};
use super::status_badge::StatusBadge;
use crate::auth::{Capability, CurrentUser};
use crate::components::ErrorNotice;
use crate::format::date_time_str;
use crate::format::provider_name;
use crate::i18n::{key, t};

/// The tabs: (query value, translation key).
const TABS: [(&str, &str); 6] = [
    ("overview", key!("merchant.tab.overview")),
    ("connections", key!("merchant.tab.connections")),
    ("activity", key!("merchant.tab.activity")),
    ("package", key!("merchant.tab.package")),
    ("settings", key!("merchant.tab.settings")),
    ("manage", key!("merchant.tab.manage")),
];

#[component]
pub fn MerchantPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let aid = Memo::new(move |_| params.with(|p| p.get("aid").unwrap_or_default()));
    let tab = Memo::new(move |_| query.with(|q| q.get("tab")).unwrap_or_else(|| "overview".into()));
    let actions = MerchantActions {
        update: ServerAction::new(),
        event: ServerAction::new(),
        comment: ServerAction::new(),
        delete: ServerAction::new(),
    };
    provide_context(actions);
    let merchant = Resource::new(move || aid.get(), get_merchant);
    let user = use_context::<CurrentUser>();
    let may_manage = user.as_ref().is_some_and(|u| u.may(Capability::ManageMerchants));
    let may_assign = user.as_ref().is_some_and(|u| u.may(Capability::PricePackages));
    // What the open tab reads besides the merchant, made here once per view: the tab is drawn
    // inside the merchant's suspense, whose children the server draws more than once.
    let open_tab = tab.get_untracked();
    provide_context(TabKept::take(&open_tab));
    let reads = TabReads {
        package: (open_tab == "package").then(|| PackageReads::new(aid.get_untracked(), may_assign)),
        settings: (open_tab == "settings").then(|| read_settings(aid.get_untracked())),
    };
    let onboarding = Onboarding {
        review: user.as_ref().is_some_and(|u| u.may(Capability::Review)),
        screen: user.as_ref().is_some_and(|u| u.may(Capability::Screen)),
        settlements: user.as_ref().is_some_and(|u| u.may(Capability::Settlements)),
        reports: user.as_ref().is_some_and(|u| u.may(Capability::Reports)),
        payouts: user.as_ref().is_some_and(|u| u.may(Capability::Payouts)),
    };
    view! {
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || Suspend::new(async move {
                match merchant.await {
                    Ok(data) => view! { <Merchant data tab=tab.get() may_manage may_assign onboarding reads/> }.into_any(),
                    Err(error) => view! {
                        <Title text=t!("merchant.title")/>
                        <p class="mb-4"><a href="/accounts" class="underline">{t!("merchant.back")}</a></p>
                        <ErrorNotice error/>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The reads of the open tab, if it has its own.
#[derive(Clone, Copy)]
struct TabReads {
    package: Option<PackageReads>,
    settings: Option<SettingsRead>,
}

/// Which of the onboarding team's and finance's pages about a merchant the person may open.
#[derive(Clone, Copy)]
struct Onboarding {
    review: bool,
    screen: bool,
    settlements: bool,
    reports: bool,
    payouts: bool,
}

/// Links to the merchant's sellers, approvals, screening, settlements, report configurations,
/// insight reports and payouts, for those who may use them.
fn onboarding_links(aid: &str, may: Onboarding) -> impl IntoView {
    let path = crate::url::encode_path(aid);
    let mut links = Vec::new();
    if may.review {
        links.push((format!("/accounts/{path}/sellers"), key!("sellers.title")));
        links.push((format!("/accounts/{path}/approvals"), key!("sellers.approvals_title")));
    }
    if may.screen {
        links.push((
            format!("/screening?aid={}", crate::url::encode(aid)),
            key!("nav.screening"),
        ));
    }
    if may.settlements {
        links.push((format!("/accounts/{path}/settlements"), key!("settlements.title")));
        links.push((
            format!("/accounts/{path}/report-configurations"),
            key!("reports.configs.title"),
        ));
    }
    if may.reports {
        links.push((format!("/accounts/{path}/reports"), key!("reports.insight.title")));
    }
    if may.payouts {
        links.push((format!("/accounts/{path}/payouts"), key!("payouts.title")));
    }
    (!links.is_empty()).then(|| {
        view! {
            <ul class="ml-auto flex flex-wrap gap-3 text-sm" data-testid="merchant-onboarding-links">
                {links.into_iter().map(|(href, key)| view! { <li><a href=href class="underline">{t(key)}</a></li> }).collect_view()}
            </ul>
        }
    })
}

#[component]
fn Merchant(
    data: MerchantPageData,
    tab: String,
    may_manage: bool,
    may_assign: bool,
    onboarding: Onboarding,
    reads: TabReads,
) -> impl IntoView {
    let MerchantPageData {
        detail,
        comments,
        statistics,
        account_statistics,
    } = data;
    let aid = detail.row.account_id.clone();
    let title = detail.row.name.clone();
    let tabs = TABS
        .into_iter()
        .filter(|(value, _)| *value != "manage" || may_manage)
        .map(|(value, key)| {
            let href = format!("/accounts/{aid}?tab={value}");
            let current = (tab == value).then_some("page");
            view! { <li><a href=href class="tab" aria-current=current>{t(key)}</a></li> }
        })
        .collect_view();
    let body = match (tab.as_str(), reads.package, reads.settings) {
        ("connections", _, _) => view! { <Connections detail=detail.clone() may_manage/> }.into_any(),
        ("activity", _, _) => view! { <Activity aid=aid.clone() comments may_manage/> }.into_any(),
        ("package", Some(reads), _) => view! { <PackageTab aid=aid.clone() may_assign reads/> }.into_any(),
        ("settings", _, Some(settings)) => view! { <SettingsTab settings/> }.into_any(),
        ("manage", _, _) if may_manage => view! { <Manage detail=detail.clone()/> }.into_any(),
        _ => view! { <Overview detail=detail.clone() statistics account_statistics/> }.into_any(),
    };
    view! {
        <Title text=title/>
        <p class="mb-2 text-sm"><a href="/accounts" class="text-muted underline">{t!("merchant.back")}</a></p>
        <div class="mb-4 flex flex-wrap items-center gap-3">
            <h1 class="text-2xl font-semibold">{detail.row.name.clone()}</h1>
            <span class="text-muted tabular-nums">{aid.clone()}</span>
            {detail.row.progression.clone().map(|p| view! { <StatusBadge status=p/> })}
            {(detail.livemode == Some(false)).then(|| view! { <span class="badge-warn">{t!("shell.test_mode")}</span> })}
            {onboarding_links(&aid, onboarding)}
        </div>
        <nav aria-label=t!("merchant.sections") class="mb-6">
            <ul class="flex flex-wrap gap-1 rounded-lg bg-black/5 p-1 dark:bg-white/5">{tabs}</ul>
        </nav>
        {body}
    }
}

fn fact(key: &'static str, value: Option<String>) -> impl IntoView {
    view! {
        <dt>{t(key)}</dt>
        <dd class="break-words">{value.filter(|v| !v.is_empty()).unwrap_or_else(|| "—".into())}</dd>
    }
}

fn address(a: &AddressView) -> Option<String> {
    (!a.lines.is_empty()).then(|| a.lines.join(", "))
}

#[component]
fn Overview(
    detail: MerchantDetail,
    statistics: Vec<StatisticsView>,
    account_statistics: Vec<(String, String)>,
) -> impl IntoView {
    let d = detail;
    let yes_no = |v: Option<bool>| v.map(|b| if b { t!("common.yes") } else { t!("common.no") }.to_owned());
    view! {
        <div class="grid gap-4 lg:grid-cols-2" data-testid="merchant-overview">
            <section class="card">
                <h2 class="card-title">{t!("merchant.company")}</h2>
                <dl class="facts">
                    {fact(key!("merchant.business_name"), Some(d.row.name.clone()))}
                    {fact(key!("merchant.display_name"), d.display_name.clone())}
                    {fact(key!("portfolio.org_number"), d.row.organization_number.as_deref().map(|o| crate::format::org_number(o, d.row.country.as_deref())))}
                    {fact(key!("merchant.industry"), d.industry.clone())}
                    {fact(key!("merchant.website"), d.website.clone())}
                    {fact(key!("merchant.email"), d.company_email.clone())}
                    {fact(key!("merchant.phone"), d.company_phone.clone())}
                    {fact(key!("merchant.address"), address(&d.address))}
                </dl>
            </section>
            <section class="card">
                <h2 class="card-title">{t!("merchant.account")}</h2>
                <dl class="facts">
                    {fact(key!("portfolio.progression"), d.row.progression.clone())}
                    {fact(key!("portfolio.account_manager"), d.row.account_manager.clone())}
                    {fact(key!("merchant.reseller_id"), d.reseller_id.clone())}
                    {fact(key!("portfolio.price_package"), d.row.price_package.clone())}
                    {fact(key!("merchant.livemode"), yes_no(d.livemode))}
                    {fact(key!("merchant.active"), yes_no(d.active))}
                    {fact(key!("merchant.currency"), d.currency.clone())}
                    {fact(key!("merchant.language"), d.language_code.clone())}
                    {fact(key!("portfolio.created"), d.row.created_at.as_deref().map(date_time_str))}
                    {fact(key!("merchant.updated"), d.updated_at.as_deref().map(date_time_str))}
                </dl>
            </section>
            <section class="card">
                <h2 class="card-title">{t!("merchant.applicant")}</h2>
                <dl class="facts">
                    {fact(key!("merchant.name"), d.applicant_name.clone())}
                    {fact(key!("merchant.email"), d.applicant_email.clone())}
                    {fact(key!("merchant.phone"), d.applicant_phone.clone())}
                </dl>
            </section>
            <section class="card">
                <h2 class="card-title">{t!("merchant.billing")}</h2>
                <dl class="facts">
                    {fact(key!("merchant.business_name"), d.billing_name.clone())}
                    {fact(key!("merchant.email"), d.billing_email.clone())}
                    {fact(key!("merchant.reference"), d.billing_reference.clone())}
                    {fact(key!("merchant.address"), address(&d.billing_address))}
                </dl>
            </section>
            <Statistics statistics account_statistics/>
        </div>
    }
}

/// The statistics Dintero gives: its statistics events (payments per payment type) and the
/// account's own `statistics` object.
#[component]
fn Statistics(statistics: Vec<StatisticsView>, account_statistics: Vec<(String, String)>) -> impl IntoView {
    let empty = statistics.is_empty() && account_statistics.is_empty();
    view! {
        <section class="card lg:col-span-2" data-testid="merchant-statistics">
            <h2 class="card-title">{t!("merchant.statistics")}</h2>
            {empty.then(|| view! { <p class="text-muted">{t!("merchant.no_statistics")}</p> })}
            {statistics.into_iter().map(|s| {
                let currency = s.currency.clone();
                view! {
                    <div class="mb-3">
                        <p class="text-muted mb-1 text-sm">{t!("merchant.statistics_at")}" "{s.created_at.as_deref().map(date_time_str)}</p>
                        <table class="data-table">
                            <thead>
                                <tr>
                                    <th scope="col">{t!("merchant.payment_type")}</th>
                                    <th scope="col">{t!("merchant.payments")}</th>
                                    <th scope="col">{t!("merchant.amount")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {s.lines.into_iter().map(|(kind, count, amount)| {
                                    let amount = match (amount, currency.as_deref()) {
                                        (Some(a), Some(c)) => crate::format::money(a, c),
                                        (Some(a), None) => a.to_string(),
                                        (None, _) => String::new(),
                                    };
                                    view! {
                                        <tr>
                                            <td><code class="text-xs">{kind}</code></td>
                                            <td class="tabular-nums">{count.map(|c| c.to_string())}</td>
                                            <td class="whitespace-nowrap tabular-nums">{amount}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            }).collect_view()}
            {(!account_statistics.is_empty()).then(|| view! {
                <dl class="facts">
                    {account_statistics.into_iter().map(|(path, value)| view! {
                        <dt><code class="text-xs">{path}</code></dt><dd class="break-words">{value}</dd>
                    }).collect_view()}
                </dl>
            })}
        </section>
    }
}

#[component]
fn Connections(detail: MerchantDetail, may_manage: bool) -> impl IntoView {
    let aid = detail.row.account_id.clone();
    let providers: Vec<String> = detail.connections.iter().map(|c| c.provider.clone()).collect();
    let empty = detail.connections.is_empty();
    view! {
        {may_manage.then(|| view! { <ConnectionEventForm aid=aid.clone() providers/> })}
        {empty.then(|| view! { <p class="card text-muted">{t!("merchant.no_connections")}</p> })}
        <div class="grid gap-4 lg:grid-cols-2">
            {detail.connections.into_iter().map(|c| view! { <ConnectionCard connection=c/> }).collect_view()}
        </div>
    }
}

#[component]
fn ConnectionCard(connection: ConnectionView) -> impl IntoView {
    let c = connection;
    view! {
        <section class="card" data-testid="connection" data-provider=c.provider.clone()>
            <div class="mb-3 flex items-center justify-between gap-2">
                <h2 class="text-lg font-semibold">{provider_name(&c.provider)}</h2>
                <StatusBadge status=c.status.clone() label=t(status_key(&c.status)).to_owned()/>
            </div>
            <p class="text-muted mb-3 text-sm">
                {t!("merchant.connection_since")}" "{c.created_at.as_deref().map(date_time_str).unwrap_or_else(|| "—".into())}
            </p>
            <ol class="flex flex-col gap-3 border-l border-line pl-4" data-testid="timeline">
                {c.events.into_iter().map(|e| view! {
                    <li>
                        <div class="flex flex-wrap items-center gap-2 text-sm">
                            <StatusBadge status=e.status.clone()/>
                            <code class="text-xs">{e.event.clone()}</code>
                            <span class="text-muted tabular-nums">{e.created_at.as_deref().map(date_time_str)}</span>
                        </div>
                        {e.description.clone().map(|d| view! { <p class="mt-1 text-sm">{d}</p> })}
                        {e.created_by.clone().map(|b| view! { <p class="text-muted text-xs">{b}</p> })}
                        {e.signature_link.clone().map(|link| view! {
                            <a href=link rel="external noopener" target="_blank" class="text-sm underline">{t!("merchant.signature_link")}</a>
                        })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn Activity(aid: String, comments: Vec<CommentView>, may_manage: bool) -> impl IntoView {
    let empty = comments.is_empty();
    view! {
        {may_manage.then(|| view! { <CommentForm aid=aid.clone()/> })}
        <section class="card">
            <h2 class="card-title">{t!("merchant.comments")}</h2>
            {empty.then(|| view! { <p class="text-muted">{t!("merchant.no_comments")}</p> })}
            <ol class="flex flex-col gap-4" data-testid="comments">
                {comments.into_iter().map(|c| view! {
                    <li>
                        <p class="text-muted text-xs">
                            {c.created_at.as_deref().map(date_time_str)}" · "{c.created_by.unwrap_or_default()}
                        </p>
                        <p class="whitespace-pre-line">{c.body}</p>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn Manage(detail: MerchantDetail) -> impl IntoView {
    view! {
        <div class="grid gap-4 lg:grid-cols-2">
            <UpdateForm detail=detail.clone()/>
            <DeleteForm aid=detail.row.account_id.clone()/>
        </div>
    }
}
