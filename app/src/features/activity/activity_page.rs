//! [`ActivityPage`]: the audit log, newest first, with filters kept in the URL (so a view can be
//! bookmarked and works without JavaScript), paging by cursor, and a CSV export of the filtered log.

use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use super::read::{list_activity, ActivityQuery};
use crate::audit::{ActivityPage as Page, AuditAction, AuditEntry};
use crate::components::{ErrorNotice, PageHeader, TextField};
use crate::error::AppError;
use crate::format::date_time;
use crate::i18n::{key, t, tn};

#[component]
pub fn ActivityPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        params.with(|p| ActivityQuery {
            person: p.get("person").unwrap_or_default(),
            merchant: p.get("merchant").unwrap_or_default(),
            action: p.get("action").unwrap_or_default(),
            from: p.get("from").unwrap_or_default(),
            to: p.get("to").unwrap_or_default(),
            before: p.get("before").and_then(|b| b.parse().ok()),
        })
    });
    let page = Resource::new(move || query.get(), list_activity);
    view! {
        <PageHeader title=t!("activity.title") lead=t!("activity.lead")/>
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || Suspend::new(async move {
                let query = query.get_untracked();
                match page.await {
                    Ok(page) => view! { <Filters query=query.clone() error=None/> <Entries query page/> }.into_any(),
                    Err(error @ AppError::Invalid { .. }) => view! { <Filters query error=Some(error)/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Filters(query: ActivityQuery, error: Option<AppError>) -> impl IntoView {
    let error = Signal::stored(error);
    let selected = query.action.clone();
    view! {
        <Form method="GET" action="/activity" attr:class="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
            <TextField name="person" label=key!("activity.person") value=query.person.clone() error/>
            <TextField name="merchant" label=key!("activity.merchant") value=query.merchant.clone() error/>
            <div class="field">
                <label for="action" class="field-label">{t!("activity.action")}</label>
                <select id="action" name="action" class="field-input"
                    aria-invalid=move || error.get().is_some_and(|e| e.field() == Some("action")).to_string()>
                    <option value="">{t!("activity.any_action")}</option>
                    {AuditAction::ALL.into_iter().map(|a| view! {
                        <option value=a.as_str() selected=selected == a.as_str()>{t(action_key(a.as_str()))}</option>
                    }).collect_view()}
                </select>
                {move || error.get().filter(|e| e.field() == Some("action")).map(|e| view! {
                    <p class="field-error">{t(e.message_key())}</p>
                })}
            </div>
            <TextField name="from" label=key!("activity.from") input_type="date" value=query.from.clone() error/>
            <TextField name="to" label=key!("activity.to") input_type="date" value=query.to.clone() error/>
            <div class="flex gap-2">
                <button type="submit" class="btn-primary">{t!("activity.filter")}</button>
                <a href="/activity" class="btn-ghost">{t!("activity.clear")}</a>
            </div>
        </Form>
    }
}

#[component]
fn Entries(query: ActivityQuery, page: Page) -> impl IntoView {
    let filters = query.filter_query();
    let csv = if filters.is_empty() {
        "/activity.csv".to_owned()
    } else {
        format!("/activity.csv?{filters}")
    };
    let with_filters = |extra: String| {
        let joined = [filters.clone(), extra]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("&");
        if joined.is_empty() {
            "/activity".to_owned()
        } else {
            format!("/activity?{joined}")
        }
    };
    let newest = query.before.map(|_| with_filters(String::new()));
    let older = page.older.map(|id| with_filters(format!("before={id}")));
    let empty = page.entries.is_empty();
    view! {
        <div class="mb-3 flex flex-wrap items-center justify-between gap-2">
            <p class="text-muted text-sm" data-testid="activity-count">
                {tn!("activity.shown", page.entries.len())}
            </p>
            <a href=csv rel="external" download="" class="btn-ghost">{t!("activity.export_csv")}</a>
        </div>
        {if empty {
            view! { <p class="card text-muted">{t!("activity.empty")}</p> }.into_any()
        } else {
            view! {
                <div class="card overflow-x-auto p-0">
                    <table class="data-table" data-testid="activity">
                        <thead>
                            <tr>
                                <th scope="col">{t!("activity.when")}</th>
                                <th scope="col">{t!("activity.person")}</th>
                                <th scope="col">{t!("activity.merchant")}</th>
                                <th scope="col">{t!("activity.action")}</th>
                                <th scope="col">{t!("activity.summary")}</th>
                                <th scope="col">{t!("activity.answer")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {page.entries.into_iter().map(|entry| view! { <Row entry/> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <nav class="mt-4 flex gap-2" aria-label=t!("activity.paging")>
            {newest.map(|href| view! { <a href=href class="btn-ghost">{t!("activity.newest")}</a> })}
            {older.map(|href| view! { <a href=href class="btn-ghost" rel="next">{t!("activity.older")}</a> })}
        </nav>
    }
}

#[component]
fn Row(entry: AuditEntry) -> impl IntoView {
    let succeeded = entry.succeeded();
    let answer = match entry.status {
        Some(status) => status.to_string(),
        None => t!("activity.no_answer").to_owned(),
    };
    view! {
        <tr>
            <td class="whitespace-nowrap tabular-nums">{date_time(entry.at)}</td>
            <td>{entry.email}</td>
            <td class="tabular-nums">{entry.account_id.unwrap_or_else(|| "—".into())}</td>
            <td>{t(action_key(&entry.action))}</td>
            <td class="max-w-md break-words">{entry.summary}</td>
            <td class="whitespace-nowrap">
                <span class=if succeeded { "chip" } else { "badge-warn" }>{answer}</span>
                {entry.request_id.map(|id| view! { <code class="text-muted ml-2 text-xs">{id}</code> })}
            </td>
        </tr>
    }
}

/// The translation key of an action's name (unknown ones fall back to the raw name).
fn action_key(action: &str) -> &'static str {
    match AuditAction::parse(action) {
        Some(AuditAction::AccountCreate) => key!("audit.account_create"),
        Some(AuditAction::AccountUpdate) => key!("audit.account_update"),
        Some(AuditAction::AccountDelete) => key!("audit.account_delete"),
        Some(AuditAction::ConnectionEvent) => key!("audit.connection_event"),
        Some(AuditAction::AccountComment) => key!("audit.account_comment"),
        Some(AuditAction::SettingsUpdate) => key!("audit.settings_update"),
        Some(AuditAction::PricePackageCreate) => key!("audit.price_package_create"),
        Some(AuditAction::PricePackageUpdate) => key!("audit.price_package_update"),
        Some(AuditAction::PricePackageAssign) => key!("audit.price_package_assign"),
        Some(AuditAction::ApprovalCreate) => key!("audit.approval_create"),
        Some(AuditAction::ApprovalDecide) => key!("audit.approval_decide"),
        Some(AuditAction::ApprovalArchive) => key!("audit.approval_archive"),
        Some(AuditAction::CddCreate) => key!("audit.cdd_create"),
        Some(AuditAction::CddDecide) => key!("audit.cdd_decide"),
        Some(AuditAction::ScreeningDecide) => key!("audit.screening_decide"),
        Some(AuditAction::MatchTerminate) => key!("audit.match_terminate"),
        Some(AuditAction::VmssTerminate) => key!("audit.vmss_terminate"),
        Some(AuditAction::ReportConfigCreate) => key!("audit.report_config_create"),
        Some(AuditAction::ReportConfigUpdate) => key!("audit.report_config_update"),
        Some(AuditAction::ReportConfigDelete) => key!("audit.report_config_delete"),
        Some(AuditAction::TeamInvite) => key!("audit.team_invite"),
        Some(AuditAction::TeamChange) => key!("audit.team_change"),
        Some(AuditAction::TeamRemove) => key!("audit.team_remove"),
        None => key!("audit.unknown"),
    }
}
