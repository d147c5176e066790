//! [`QueuePage`]: `/onboarding`, every CDD case, payment approval and seller approval across the
//! partner's merchants that needs attention, oldest first. Filters are a GET form kept in the URL.
//!
//! Rows are shown as their batch arrives (streamed in order by the server, or filled in by the
//! browser); when every batch is in, the sorted list replaces them (a CSS rule on `.review-live`) and
//! the failures are listed.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::components::Form;

use super::gathering::{age, Batches, Failures, Gathering, Live, SliceRows, ViewSwitch};
use super::queue_item::{Kind, QueueItem};
use super::review_query::{ReviewQuery, Sort, AGE_CHOICES};
use crate::components::{case_status_key, CaseStatusBadge, PageHeader};
use crate::dintero::approvals::CaseStatus;
use crate::format::date_time_str;
use crate::i18n::{key, t};
use crate::url_query::use_url_query;

/// The query as the URL has it, shared by the queue and the pipeline.
pub fn use_review_query() -> Memo<ReviewQuery> {
    use_url_query::<ReviewQuery>()
}

#[component]
pub fn QueuePage() -> impl IntoView {
    let query = use_review_query();
    let gathering = Gathering::start(move || query.with(|q| q.merchant.clone()));
    view! {
        <PageHeader title=t!("review.title") lead=t!("review.lead")/>
        {move || view! { <ViewSwitch current="queue" merchant=query.with(|q| q.merchant.clone())/> }}
        {move || view! { <Filters q=query.get()/> }}
        <Gathered gathering query/>
    }
}

#[component]
fn Filters(q: ReviewQuery) -> impl IntoView {
    let statuses = q.statuses().to_vec();
    view! {
        <Form method="GET" action="/onboarding" attr:class="card mb-6 flex flex-col gap-4" attr:aria-label=t!("review.filters")>
            <div class="grid gap-4 md:grid-cols-4">
                <div class="field">
                    <label for="merchant" class="field-label">{t!("review.merchant")}</label>
                    <input id="merchant" name="merchant" type="search" class="field-input" value=q.merchant.clone()
                        placeholder=t!("review.merchant_hint")/>
                </div>
                <AgeSelect name="older_than" label=key!("review.older_than") value=q.older_than/>
                <AgeSelect name="unchanged_for" label=key!("review.unchanged_for") value=q.unchanged_for/>
                <div class="field">
                    <label for="sort" class="field-label">{t!("review.sort")}</label>
                    <select id="sort" name="sort" class="field-input">
                        {Sort::ALL.into_iter().map(|s| view! {
                            <option value=s.as_str() selected=q.sort == s>{t(sort_key(s))}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <fieldset>
                <legend class="field-label mb-1">{t!("review.kind")}</legend>
                <div class="flex flex-wrap gap-x-4 gap-y-1">
                    {Kind::ALL.into_iter().map(|k| view! {
                        <label class="flex items-center gap-1.5 text-sm">
                            <input type="checkbox" name="kind" value=k.as_str() checked=q.kind.contains(&k)/>
                            {t(k.label_key())}
                        </label>
                    }).collect_view()}
                </div>
            </fieldset>
            <fieldset>
                <legend class="field-label mb-1">{t!("review.case_status")}</legend>
                <div class="flex flex-wrap gap-x-4 gap-y-1">
                    {CaseStatus::KNOWN.iter().map(|s| view! {
                        <label class="flex items-center gap-1.5 text-sm">
                            <input type="checkbox" name="case_status" value=s.as_str().to_owned() checked=statuses.contains(s)/>
                            {t(case_status_key(s))}
                        </label>
                    }).collect_view()}
                </div>
            </fieldset>
            <div class="flex gap-2">
                <button type="submit" class="btn-primary">{t!("review.apply")}</button>
                <a href="/onboarding" class="btn-ghost">{t!("review.clear")}</a>
            </div>
        </Form>
    }
}

#[component]
fn AgeSelect(name: &'static str, label: &'static str, value: Option<u32>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=name class="field-label">{t(label)}</label>
            <select id=name name=name class="field-input">
                <option value="" selected=value.is_none()>{t!("review.any_age")}</option>
                {AGE_CHOICES.into_iter().map(|d| view! {
                    <option value=d.to_string() selected=value == Some(d)>{t!("review.unit.days", days = d)}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

fn sort_key(sort: Sort) -> &'static str {
    match sort {
        Sort::Oldest => key!("review.sort.oldest"),
        Sort::Newest => key!("review.sort.newest"),
        Sort::Stalest => key!("review.sort.stalest"),
    }
}

/// The live rows while slices arrive, then the sorted list with the failures.
#[component]
fn Gathered(gathering: Gathering, query: Memo<ReviewQuery>) -> impl IntoView {
    let rows: SliceRows = Arc::new(move |list, _, batch| {
        let now = list.now;
        let names = Batches { list };
        let rows = query.with(|q| q.select(batch.items, now));
        rows.into_iter()
            .map(|item| {
                let name = names.name_of(&item.account_id);
                view! { <Row item now name/> }
            })
            .collect_view()
            .into_any()
    });
    view! {
        <Live gathering testid="queue-live" head=|| view! { <Head/> } rows/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match gathering.all().await {
                    Ok((batches, all)) => {
                        let rows = query.with(|q| q.select(all.items, batches.list.now));
                        view! { <Sorted rows failures=all.failures batches/> }.into_any()
                    }
                    Err(_) => ().into_any(),
                }
            })}
        </Suspense>
    }
}

/// Every batch is in: the live rows give way to the sorted list.
#[component]
fn Sorted(rows: Vec<QueueItem>, failures: Vec<super::queue_item::Failure>, batches: Batches) -> impl IntoView {
    let now = batches.list.now;
    let count = |kind: Kind| rows.iter().filter(|i| i.kind == kind).count();
    let summary = t!(
        "review.summary",
        count = rows.len(),
        cdd = count(Kind::Cdd),
        payment = count(Kind::Payment),
        seller = count(Kind::Seller),
    );
    let empty = rows.is_empty();
    view! {
        <div class="review-done">
        <Failures failures batches=batches.clone()/>
        <p role="status" class="mb-2 text-sm font-medium" data-testid="queue-summary">{summary}</p>
        {if empty {
            view! { <p class="card text-muted" data-testid="queue-empty">{t!("review.empty")}</p> }.into_any()
        } else {
            view! {
                <div class="card overflow-x-auto p-0">
                    <table class="data-table" data-testid="queue">
                        <Head/>
                        <tbody>
                            {rows.into_iter().map(|item| {
                                let name = batches.name_of(&item.account_id);
                                view! { <Row item now name/> }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        </div>
    }
    .into_any()
}

#[component]
fn Head() -> impl IntoView {
    view! {
        <thead>
            <tr>
                <th scope="col">{t!("review.col.merchant")}</th>
                <th scope="col">{t!("review.col.kind")}</th>
                <th scope="col">{t!("review.col.what")}</th>
                <th scope="col">{t!("review.col.status")}</th>
                <th scope="col">{t!("review.col.created")}</th>
                <th scope="col">{t!("review.col.changed")}</th>
                <th scope="col">{t!("review.col.links")}</th>
            </tr>
        </thead>
    }
}

#[component]
fn Row(item: QueueItem, now: DateTime<Utc>, name: String) -> impl IntoView {
    let merchant_href = format!("/accounts/{}", crate::url::encode_path(&item.account_id));
    let created_age = age(now, item.created());
    let changed_age = age(now, item.changed());
    let href = item.href();
    let title = if item.title.is_empty() {
        item.id.clone()
    } else {
        item.title.clone()
    };
    view! {
        <tr data-item=item.id.clone() data-account=item.account_id.clone() data-kind=item.kind.as_str()
            data-created=item.created_at.clone()>
            <td>
                <a href=merchant_href class="font-medium underline-offset-2 hover:underline">{name}</a>
                <div class="text-muted text-xs tabular-nums">{item.account_id.clone()}</div>
            </td>
            <td class="text-sm">{t(item.kind.label_key())}</td>
            <td>
                <a href=href class="underline-offset-2 hover:underline">{title}</a>
                <div class="text-muted text-xs">{item.id.clone()}</div>
            </td>
            <td><CaseStatusBadge status=item.status.clone()/></td>
            <td class="whitespace-nowrap text-sm tabular-nums">
                <div>{created_age}</div>
                <div class="text-muted text-xs">{item.created_at.as_deref().map(date_time_str)}</div>
            </td>
            <td class="whitespace-nowrap text-sm tabular-nums">
                <div>{changed_age}</div>
                <div class="text-muted text-xs">{item.updated_at.as_deref().map(date_time_str)}</div>
            </td>
            <td class="text-sm">
                <ul>
                    {item.links.into_iter().filter(|(_, href)| is_web_link(href)).map(|(rel, href)| view! {
                        <li><a href=href target="_blank" rel="noopener noreferrer" class="underline">{t(link_key(&rel))}</a></li>
                    }).collect_view()}
                </ul>
            </td>
        </tr>
    }
}

/// The translation key of a Dintero link's `rel`.
pub fn link_key(rel: &str) -> &'static str {
    match rel {
        "contract_url" => key!("review.link.contract"),
        "cdd_case_url" | "dintero_cdd_case_url" => key!("review.link.cdd_case"),
        "declaration_url" => key!("review.link.declaration"),
        "signed_contract_file_url" => key!("review.link.signed_contract"),
        _ => key!("review.link.other"),
    }
}

/// Only web links from Dintero are shown as links (never `javascript:` or the like).
pub fn is_web_link(href: &str) -> bool {
    href.starts_with("https://") || href.starts_with("http://")
}
