//! [`ReportsPage`]: `/accounts/{aid}/reports`, the merchant's insight reports (name, template and
//! data type, schedule, period, when made, file type, filters), newest first, paged by Dintero's
//! `starting_after` in the URL; each file downloads through the server
//! (`server/src/downloads/report_files.rs`), so Dintero's signed URL never reaches the browser.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::finance_header::{FinanceHeader, FinanceTab};
use super::read::{list_reports, ReportList, ReportRow};
use crate::components::{ErrorNotice, Pager};
use crate::format::date_time_str;
use crate::i18n::{key, t};
use crate::paging::{href, parse_trail, Cursor};

#[component]
pub fn ReportsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let aid = Memo::new(move |_| params.with(|p| p.get("aid").unwrap_or_default().to_ascii_uppercase()));
    let after = Memo::new(move |_| query.with(|q| q.get("starting_after").unwrap_or_default()));
    let trail = Memo::new(move |_| query.with(|q| q.get("trail").map(|t| parse_trail(&t)).unwrap_or_default()));
    let list = Resource::new(
        move || (aid.get(), after.get()),
        |(aid, after)| list_reports(aid, after),
    );
    view! {
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || Suspend::new(async move {
                let (after, trail) = (after.get_untracked(), trail.get_untracked());
                match list.await {
                    Ok(list) => view! { <Reports list after trail/> }.into_any(),
                    Err(error) => view! {
                        <leptos_meta::Title text=t!("reports.insight.title")/>
                        <ErrorNotice error/>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Reports(list: ReportList, after: String, trail: Vec<String>) -> impl IntoView {
    let ReportList { merchant, rows, next } = list;
    let aid = merchant.aid.clone();
    let path = format!("/accounts/{aid}/reports");
    let cursor = Cursor {
        starting_after: Some(after.as_str()).filter(|a| !a.is_empty()),
        trail: &trail,
    };
    let previous = cursor.previous_pairs(Vec::new()).map(|pairs| href(&path, &pairs));
    let next = next.map(|n| href(&path, &cursor.next_pairs(Vec::new(), &n)));
    view! {
        <FinanceHeader merchant tab=FinanceTab::Reports title=t!("reports.insight.title")/>
        <p class="text-muted mb-4">{t!("reports.insight.lead")}</p>
        <section class="card overflow-x-auto">
            {if rows.is_empty() {
                view! { <p class="text-muted" data-testid="no-reports">{t!("reports.insight.none")}</p> }.into_any()
            } else {
                view! {
                    <table class="data-table" data-testid="reports">
                        <thead>
                            <tr>
                                <th scope="col">{t!("reports.col.report")}</th>
                                <th scope="col">{t!("reports.col.template")}</th>
                                <th scope="col">{t!("reports.col.period")}</th>
                                <th scope="col">{t!("reports.col.created")}</th>
                                <th scope="col">{t!("reports.col.file")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|row| view! { <Row aid=aid.clone() after=after.clone() row/> }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
        <Pager previous next/>
    }
    .into_any()
}

#[component]
fn Row(aid: String, after: String, row: ReportRow) -> impl IntoView {
    let period = format!(
        "{} – {}",
        row.data_from.as_deref().map(date_time_str).unwrap_or_default(),
        row.data_to.as_deref().map(date_time_str).unwrap_or_default()
    );
    let template = [row.template_id.clone(), row.data_type.clone(), row.schedule.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let filters = row
        .filters
        .iter()
        .map(|(filter, value)| {
            let key = match filter.as_str() {
                "operation_payout_destination" => key!("reports.filter.seller", value),
                "store_id" => key!("reports.filter.store", value),
                _ => key!("reports.filter.other", value),
            };
            view! { <div class="text-muted text-xs">{crate::i18n::fill(key, &[("value", value as &dyn std::fmt::Display)])}</div> }
        })
        .collect_view();
    let kind = row
        .content_type
        .as_deref()
        .map(file_kind)
        .unwrap_or_else(|| t!("reports.file.other").to_owned());
    let download = if row.downloadable {
        let href = file_href(&aid, &row.id, &after);
        let label = t!("reports.download", kind = kind);
        view! { <a href=href rel="external" download class="underline">{label}</a> }.into_any()
    } else {
        view! { <span class="text-muted">"–"</span> }.into_any()
    };
    view! {
        <tr data-report=row.id.clone()>
            <td>
                <div class="font-medium">{row.name.clone()}</div>
                <div class="text-muted text-xs">{row.id.clone()}</div>
                {filters}
            </td>
            <td class="text-sm">{template}</td>
            <td class="text-sm tabular-nums">{period}</td>
            <td class="whitespace-nowrap text-sm tabular-nums">{row.created_at.as_deref().map(date_time_str)}</td>
            <td class="text-sm">
                {download}
                {row.content_language.clone().map(|l| view! { <div class="text-muted text-xs">{l}</div> })}
            </td>
        </tr>
    }
}

/// The app's download link of an insight report: the server finds the report again from the page's
/// cursor (`after`) and streams its file.
pub fn file_href(aid: &str, id: &str, after: &str) -> String {
    let base = format!(
        "/accounts/{}/reports/{}/file",
        crate::url::encode_path(aid),
        crate::url::encode_path(id)
    );
    if after.is_empty() {
        base
    } else {
        format!("{base}?after={}", crate::url::encode(after))
    }
}

/// A file's kind from its content type: `PDF`, `CSV`...
fn file_kind(content_type: &str) -> String {
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    match essence.rsplit('/').next() {
        Some("vnd.openxmlformats-officedocument.spreadsheetml.sheet") => "XLSX".to_owned(),
        Some(sub) if !sub.is_empty() => sub.to_uppercase(),
        _ => essence.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_download_link_names_the_report_and_the_page_never_a_signed_url() {
        assert_eq!(
            file_href("T11200002", "rpt_T11200002_202605_pdf", ""),
            "/accounts/T11200002/reports/rpt_T11200002_202605_pdf/file"
        );
        assert_eq!(
            file_href("T11200002", "rpt_x", "rpt_y"),
            "/accounts/T11200002/reports/rpt_x/file?after=rpt_y"
        );
        assert_eq!(file_kind("text/csv; charset=utf-8"), "CSV");
        assert_eq!(file_kind("application/pdf"), "PDF");
    }
}
