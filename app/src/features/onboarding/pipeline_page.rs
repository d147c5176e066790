//! [`PipelinePage`]: `/onboarding/pipeline`, one row per merchant with the stage of each track and
//! how long it has been there, most stuck first, so the team sees who is stuck and on whom the next
//! move is. Filters (`merchant`, `next`, `stuck_for`) are a GET form kept in the URL.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use super::gathering::{age, Failures, Gathering, Live, SliceRows, ViewSwitch};
use super::pipeline::{sort_rows, PipelineRow, Track, TrackName, Whose};
use super::queue_item::Batch;
use super::review_query::AGE_CHOICES;
use super::slices::slice;
use crate::components::{case_status_class, case_status_key, PageHeader};
use crate::dintero::approvals::CaseStatus;
use crate::features::merchants::{badge_class, status_key};
use crate::format::provider_name;
use crate::i18n::{t, tn};

#[derive(Debug, Clone, Default, PartialEq)]
struct PipelineQuery {
    merchant: String,
    next: Option<Whose>,
    stuck_for: Option<u32>,
}

impl PipelineQuery {
    fn keeps(&self, row: &PipelineRow, now: DateTime<Utc>) -> bool {
        self.next
            .is_none_or(|w| row.stuck.as_ref().and_then(|t| t.whose) == Some(w))
            && self
                .stuck_for
                .is_none_or(|d| row.stuck_days(now).is_some_and(|days| days >= i64::from(d)))
    }
}

#[component]
pub fn PipelinePage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        params.with(|p| PipelineQuery {
            merchant: p.get("merchant").unwrap_or_default().trim().to_owned(),
            next: p.get("next").and_then(|w| Whose::parse(&w)),
            stuck_for: p.get("stuck_for").and_then(|d| d.parse().ok()).filter(|d| *d > 0),
        })
    });
    let gathering = Gathering::start(move || query.with(|q| q.merchant.clone()));
    view! {
        <PageHeader title=t!("review.pipeline.title") lead=t!("review.pipeline.lead")/>
        {move || view! { <ViewSwitch current="pipeline" merchant=query.with(|q| q.merchant.clone())/> }}
        {move || view! { <Filters q=query.get()/> }}
        <Gathered gathering query/>
    }
}

#[component]
fn Filters(q: PipelineQuery) -> impl IntoView {
    view! {
        <Form method="GET" action="/onboarding/pipeline" attr:class="card mb-6 flex flex-wrap items-end gap-4" attr:aria-label=t!("review.filters")>
            <div class="field">
                <label for="merchant" class="field-label">{t!("review.merchant")}</label>
                <input id="merchant" name="merchant" type="search" class="field-input" value=q.merchant.clone()
                    placeholder=t!("review.merchant_hint")/>
            </div>
            <div class="field">
                <label for="next" class="field-label">{t!("review.pipeline.next")}</label>
                <select id="next" name="next" class="field-input">
                    <option value="" selected=q.next.is_none()>{t!("review.pipeline.anyone")}</option>
                    {Whose::ALL.into_iter().map(|w| view! {
                        <option value=w.as_str() selected=q.next == Some(w)>{t(w.label_key())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="stuck_for" class="field-label">{t!("review.pipeline.stuck_for")}</label>
                <select id="stuck_for" name="stuck_for" class="field-input">
                    <option value="" selected=q.stuck_for.is_none()>{t!("review.any_age")}</option>
                    {AGE_CHOICES.into_iter().map(|d| view! {
                        <option value=d.to_string() selected=q.stuck_for == Some(d)>{t!("review.unit.days", days = d)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="flex gap-2">
                <button type="submit" class="btn-primary">{t!("review.apply")}</button>
                <a href="/onboarding/pipeline" class="btn-ghost">{t!("review.clear")}</a>
            </div>
        </Form>
    }
}

/// The rows of `merchants`, from what `batch` read of them.
fn rows_of(merchants: &[crate::portfolio_scan::MerchantStages], batch: &Batch) -> Vec<PipelineRow> {
    merchants
        .iter()
        .map(|m| {
            let items: Vec<_> = batch.items.iter().filter(|i| i.account_id == m.account_id).collect();
            let complete = !batch.failures.iter().any(|f| f.account_id == m.account_id);
            PipelineRow::of(m, &items, complete)
        })
        .collect()
}

#[component]
fn Gathered(gathering: Gathering, query: Memo<PipelineQuery>) -> impl IntoView {
    let rows: SliceRows = Arc::new(move |list, index, batch| {
        let now = list.now;
        rows_of(slice(&list.merchants, index), &batch)
            .into_iter()
            .filter(|r| query.with(|q| q.keeps(r, now)))
            .map(|row| view! { <Row row now/> })
            .collect_view()
            .into_any()
    });
    view! {
        <Live gathering testid="pipeline-live" head=|| view! { <Head/> } rows/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let Ok((done, all)) = gathering.all().await else {
                    return ().into_any();
                };
                let now = done.list.now;
                let mut rows: Vec<PipelineRow> = rows_of(&done.list.merchants, &all)
                    .into_iter()
                    .filter(|r| query.with(|q| q.keeps(r, now)))
                    .collect();
                sort_rows(&mut rows);
                let empty = rows.is_empty();
                view! {
                    <div class="review-done">
                    <Failures failures=all.failures batches=done.clone()/>
                    <p role="status" class="mb-2 text-sm font-medium" data-testid="pipeline-summary">
                        {tn!("review.pipeline.merchants", rows.len())}
                    </p>
                    {if empty {
                        view! { <p class="card text-muted">{t!("review.pipeline.empty")}</p> }.into_any()
                    } else {
                        view! {
                            <div class="card overflow-x-auto p-0">
                                <table class="data-table" data-testid="pipeline">
                                    <Head/>
                                    <tbody>{rows.into_iter().map(|row| view! { <Row row now/> }).collect_view()}</tbody>
                                </table>
                            </div>
                        }.into_any()
                    }}
                    </div>
                }.into_any()
            })}
        </Suspense>
    }
}

#[component]
fn Head() -> impl IntoView {
    view! {
        <thead>
            <tr>
                <th scope="col">{t!("review.col.merchant")}</th>
                <th scope="col">{t!("review.pipeline.stuck")}</th>
                <th scope="col">{t!("review.pipeline.account")}</th>
                <th scope="col">{t!("review.pipeline.connections")}</th>
                <th scope="col">{t!("review.kind.cdd")}</th>
                <th scope="col">{t!("review.kind.payment")}</th>
                <th scope="col">{t!("review.pipeline.sellers")}</th>
            </tr>
        </thead>
    }
}

#[component]
fn Row(row: PipelineRow, now: DateTime<Utc>) -> impl IntoView {
    let aid = row.account_id.clone();
    let href = format!("/accounts/{}", crate::url::encode_path(&aid));
    let shown_aid = aid.clone();
    let track = |name: &TrackName| row.tracks.iter().find(|t| &t.name == name).cloned();
    let account = track(&TrackName::Account);
    let cdd = track(&TrackName::Cdd);
    let payment = track(&TrackName::Payment);
    let sellers = track(&TrackName::Sellers);
    let connections: Vec<Track> = row
        .tracks
        .iter()
        .filter(|t| matches!(t.name, TrackName::Connection(_)))
        .cloned()
        .collect();
    let stuck = row.stuck.clone().map(|track| {
        let whose = track.whose.map(|w| t(w.label_key())).unwrap_or_default();
        (
            format!("{} · {}", age(now, track.since), track_label(&track.name)),
            whose,
        )
    });
    view! {
        <tr data-account=aid.clone()>
            <td>
                <a href=href class="font-medium underline-offset-2 hover:underline">{row.name.clone()}</a>
                <div class="text-muted text-xs tabular-nums">{shown_aid}</div>
                {(!row.complete).then(|| view! { <div class="text-xs text-red-700">{t!("review.pipeline.incomplete")}</div> })}
            </td>
            <td class="text-sm" data-testid="stuck">
                {stuck.map(|(what, whose)| view! {
                    <div class="font-medium">{what}</div>
                    <div class="text-muted text-xs">{t!("review.pipeline.next_is", whose = whose)}</div>
                })}
            </td>
            <td><Stage track=account now/></td>
            <td>
                <ul class="flex flex-col gap-1">
                    {connections.into_iter().map(|c| view! { <li><Stage track=Some(c) now/></li> }).collect_view()}
                </ul>
            </td>
            <td><Stage track=cdd now/></td>
            <td><Stage track=payment now/></td>
            <td>
                <Stage track=sellers.clone() now/>
                {sellers.map(|s| view! {
                    <ul class="text-muted mt-1 text-xs">
                        {s.counts.into_iter().map(|(status, n)| view! { <li>{format!("{n} {}", t(case_status_key(&status)))}</li> }).collect_view()}
                    </ul>
                })}
            </td>
        </tr>
    }
}

/// A track's stage as a badge, with how long it has been there when someone has to move.
#[component]
fn Stage(track: Option<Track>, now: DateTime<Utc>) -> impl IntoView {
    let Some(track) = track else {
        return view! { <span class="text-muted text-xs">{t!("review.pipeline.none")}</span> }.into_any();
    };
    let (label, class) = match &track.name {
        TrackName::Account => (track.stage.clone(), badge_class(&track.stage)),
        TrackName::Connection(name) => (
            format!("{}: {}", provider_name(name), t(status_key(&track.stage))),
            badge_class(&track.stage),
        ),
        TrackName::Sellers if track.stage == "settled" => (t!("review.pipeline.settled").to_owned(), "badge-ok"),
        _ => {
            let status = CaseStatus::from(track.stage.as_str());
            (t(case_status_key(&status)).to_owned(), case_status_class(&status))
        }
    };
    let waiting = track.whose.map(|_| age(now, track.since));
    view! {
        <span class=class data-stage=track.stage.clone()>{label}</span>
        {waiting.map(|w| view! { <span class="text-muted ml-1 text-xs tabular-nums">{w}</span> })}
    }
    .into_any()
}

fn track_label(name: &TrackName) -> String {
    match name {
        TrackName::Account => t!("review.pipeline.account").to_owned(),
        TrackName::Connection(c) => provider_name(c),
        TrackName::Cdd => t!("review.kind.cdd").to_owned(),
        TrackName::Payment => t!("review.kind.payment").to_owned(),
        TrackName::Sellers => t!("review.pipeline.sellers").to_owned(),
    }
}
