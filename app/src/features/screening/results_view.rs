//! [`ResultsView`]: what MATCH and VMSS found, side by side (two columns on wide screens) under
//! one summary line that answers "is this merchant listed anywhere?". Each listing shows its fields
//! with how each matched (exact, phonetic, not at all, visibly different), the reason in words,
//! who listed it and when; MATCH pages by Dintero's offset with plain links.

use leptos::prelude::*;

use super::codes::{match_reason_key, Hit};
use super::read::Findings;
use super::results::{FieldHit, MatchListing, MatchPage, PrincipalHits, VmssListing, VmssResult, MATCH_PAGE_SIZE};
use crate::components::Pager;
use crate::i18n::{key, t};

#[component]
pub fn HitBadge(hit: Hit) -> impl IntoView {
    let title = match &hit {
        Hit::Other(code) => Some(code.clone()),
        _ => None,
    };
    view! { <span class=hit.class() data-hit=hit.slug() title=title>{t(hit.key())}</span> }
}

#[component]
pub fn ResultsView(aid: String, vmss_ref: String, results: Findings) -> impl IntoView {
    let Findings { matches, vmss } = results;
    let listed = matches.total > 0 || vmss.as_ref().is_some_and(|v| !v.listings.is_empty());
    let (class, key) = match (&vmss, listed) {
        (_, true) => ("notice-error", key!("screening.summary.listed")),
        (Some(_), false) => ("card", key!("screening.summary.clean")),
        (None, false) => ("card", key!("screening.summary.clean_match_only")),
    };
    let vmss_count = match &vmss {
        Some(v) => v.listings.len().to_string(),
        None => t!("screening.summary.vmss_not_kept").to_owned(),
    };
    view! {
        <section role="status" class=format!("{class} mb-4") data-testid="screening-summary"
            data-listed=listed.to_string()>
            <p class="font-semibold">{t(key)}</p>
            <p class="text-sm">
                "MATCH: "<span data-testid="match-count">{matches.total}</span>" · VMSS: "
                <span data-testid="vmss-count">{vmss_count}</span>
            </p>
        </section>
        <div class="grid gap-4 lg:grid-cols-2">
            <MatchColumn aid=aid.clone() vmss_ref page=matches/>
            <VmssColumn result=vmss/>
        </div>
    }
    .into_any()
}

#[component]
fn MatchColumn(aid: String, vmss_ref: String, page: MatchPage) -> impl IntoView {
    let link = |offset: u64| {
        crate::paging::href(
            "/screening",
            &[
                ("aid", aid.clone()),
                ("irn", page.irn.clone()),
                ("vmss", vmss_ref.clone()),
                ("offset", offset.to_string()),
            ],
        )
    };
    let previous = (page.offset > 0).then(|| link(page.offset.saturating_sub(u64::from(MATCH_PAGE_SIZE))));
    let next = page.next.map(link);
    let shown = if page.listings.is_empty() {
        String::new()
    } else {
        format!(
            "{}–{} / {}",
            page.offset + 1,
            page.offset + page.listings.len() as u64,
            page.total
        )
    };
    let empty = page.listings.is_empty();
    view! {
        <section class="card" data-testid="match-results">
            <h2 class="card-title">{t!("screening.match")}</h2>
            <p class="mb-3 text-sm">
                {t!("screening.irn")}": "<code class="chip" data-testid="irn">{page.irn.clone()}</code>
                " "<span class="text-muted">{shown}</span>
            </p>
            {empty.then(|| view! { <p class="text-muted" data-testid="match-none">{t!("screening.match_none")}</p> })}
            <ol class="flex flex-col gap-4">
                {page.listings.into_iter().map(|l| view! { <MatchCard listing=l/> }).collect_view()}
            </ol>
            <Pager previous next/>
        </section>
    }
    .into_any()
}

#[component]
fn MatchCard(listing: MatchListing) -> impl IntoView {
    let code = listing.reason_code.clone().unwrap_or_default();
    view! {
        <li class="rounded-lg border border-line p-3" data-testid="match-listing" data-name=listing.name.clone()>
            <h3 class="font-semibold">{listing.name.clone()}</h3>
            <dl class="facts my-2">
                <dt>{t!("screening.reason")}</dt>
                <dd data-testid="reason" data-code=code.clone()>
                    <code class="chip">{code.clone()}</code>" "{t(match_reason_key(&code))}
                </dd>
                <dt>{t!("screening.listed_by")}</dt>
                <dd>{listing.acquirer.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>{t!("screening.added_on")}</dt>
                <dd>{listing.added_on.clone().unwrap_or_else(|| "—".into())}</dd>
                {listing.comments.clone().map(|c| view! { <dt>{t!("screening.comments")}</dt><dd>{c}</dd> })}
            </dl>
            <Fields fields=listing.fields testid="listing-fields"/>
            <Principals principals=listing.principals/>
        </li>
    }
    .into_any()
}

#[component]
fn VmssColumn(result: Option<VmssResult>) -> impl IntoView {
    let body = match result {
        None => {
            view! { <p class="text-muted" data-testid="vmss-not-kept">{t!("screening.vmss_not_kept")}</p> }.into_any()
        }
        Some(r) => {
            let empty = r.listings.is_empty();
            view! {
                <p class="mb-3 text-sm">
                    {t!("screening.vmss_ref")}": "<code class="chip" data-testid="vmss-ref">{r.reference.clone()}</code>
                    {r.status.clone().map(|s| view! { " "<span class="text-muted">{s}</span> })}
                </p>
                {empty.then(|| view! { <p class="text-muted" data-testid="vmss-none">{t!("screening.vmss_none")}</p> })}
                <ol class="flex flex-col gap-4">
                    {r.listings.into_iter().map(|l| view! { <VmssCard listing=l/> }).collect_view()}
                </ol>
            }
            .into_any()
        }
    };
    view! {
        <section class="card" data-testid="vmss-results">
            <h2 class="card-title">{t!("screening.vmss")}</h2>
            {body}
        </section>
    }
    .into_any()
}

#[component]
fn VmssCard(listing: VmssListing) -> impl IntoView {
    let fact = |key: &'static str, value: Option<String>| {
        value.map(|v| view! { <dt>{t(key)}</dt><dd class="break-words">{v}</dd> })
    };
    view! {
        <li class="rounded-lg border border-line p-3" data-testid="vmss-listing" data-name=listing.name.clone()>
            <h3 class="font-semibold">{listing.name.clone()}</h3>
            <dl class="facts my-2">
                {fact(key!("screening.reason"), listing.primary_reason.clone())}
                {fact(key!("screening.secondary_reason"), listing.secondary_reason.clone())}
                {fact(key!("screening.listed_by"), listing.acquirer.clone())}
                {fact(key!("screening.contract"), listing.contract.clone())}
                {fact(key!("screening.terminated_ref"), listing.terminated_ref_id.clone())}
            </dl>
            <Fields fields=listing.fields testid="listing-fields"/>
            <Principals principals=listing.principals/>
        </li>
    }
    .into_any()
}

/// Each field with its value and how it matched.
#[component]
fn Fields(fields: Vec<FieldHit>, #[prop(optional)] testid: &'static str) -> impl IntoView {
    view! {
        <table class="data-table" data-testid=testid>
            <tbody>
                {fields.into_iter().map(|f| {
                    let slug = f.hit.as_ref().map(Hit::slug).unwrap_or("unknown");
                    let field = f.label.trim_start_matches("screening.field.").to_owned();
                    view! {
                        <tr data-field=field data-hit=slug>
                            <th scope="row" class="whitespace-nowrap font-medium">{t(&f.label)}</th>
                            <td class="break-words">{f.value}</td>
                            <td class="text-right">{f.hit.map(|hit| view! { <HitBadge hit/> })}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn Principals(principals: Vec<PrincipalHits>) -> impl IntoView {
    (!principals.is_empty()).then(|| {
        view! {
            <div class="mt-2">
                <h4 class="field-label mb-1">{t!("screening.principals")}</h4>
                {principals.into_iter().map(|p| view! {
                    <div class="mb-2" data-testid="principal" data-name=p.name.clone()>
                        <Fields fields=p.fields/>
                    </div>
                }).collect_view()}
            </div>
        }
        .into_any()
    })
}
