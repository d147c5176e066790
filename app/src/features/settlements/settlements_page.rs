//! [`SettlementsPage`]: `/accounts/{aid}/settlements`, one merchant's settlements with Dintero's
//! filters (settled between two days, providers, seller, id search) in the URL, a plain GET form,
//! paged by Dintero's `last_evaluated_key`; each settlement's amounts the Nordic way and its files
//! downloadable with one click.

use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_params_map;

use super::bulk_zip::{BulkZip, BULK_FORM, BULK_ZIP_TEXTS};
use super::read::{list_settlements, SettlementList};
use super::settlement_filter::{SettlementFilter, PROVIDERS};
use crate::components::{ErrorNotice, TextField};
use crate::dintero::settlements::{Attachment, PaymentStatus, SettlementItem};
use crate::error::AppError;
use crate::features::reports::{FinanceTab, FinanceTabs};
use crate::format::provider_name;
use crate::format::{date_time_str, money};
use crate::i18n::{key, t, tn, IslandTexts};
use crate::url_query::use_url_query;

#[component]
pub fn SettlementsPage() -> impl IntoView {
    let params = use_params_map();
    // Upper case: Leptos' <Form> lowercases the path it submits to.
    let aid = Memo::new(move |_| params.with(|p| p.get("aid").unwrap_or_default().to_ascii_uppercase()));
    let filter = use_url_query::<SettlementFilter>();
    let list = Resource::new(
        move || (aid.get(), filter.get()),
        |(aid, filter)| list_settlements(aid, filter),
    );
    // A title is text, not a closure: leptos_meta reads it after the page rendered (see app.rs).
    let title = format!("{} · {}", t!("settlements.title"), aid.get_untracked());
    view! {
        <leptos_meta::Title text=title/>
        <p class="mb-2 text-sm">
            <a href=move || format!("/accounts/{}", aid.get()) class="text-muted underline">{t!("settlements.back")}</a>
        </p>
        <h1 class="mb-1 text-2xl font-semibold">{t!("settlements.title")}</h1>
        <p class="text-muted mb-4">{t!("settlements.lead")}</p>
        {move || view! { <FinanceTabs aid=aid.get() tab=FinanceTab::Settlements/> }}
        // The filters come with the answer, so a refused field is marked in the first HTML.
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || Suspend::new(async move {
                let (aid, filter) = (aid.get_untracked(), filter.get_untracked());
                match list.await {
                    Ok(list) => view! {
                        <Filters aid filter=filter.clone() error=None/>
                        <Settlements list filter/>
                    }.into_any(),
                    Err(error @ AppError::Invalid { .. }) => view! { <Filters aid filter error=Some(error)/> }.into_any(),
                    Err(error) => view! {
                        <Filters aid filter error=None/>
                        <ErrorNotice error/>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Filters(aid: String, filter: SettlementFilter, error: Option<AppError>) -> impl IntoView {
    let provider_message = error
        .as_ref()
        .filter(|e| e.field() == Some("payment_provider"))
        .map(|e| crate::i18n::use_locale().text(e.message_key()));
    let error = Signal::stored(error);
    let chosen = filter.payment_provider.clone();
    view! {
        <Form method="GET" action=format!("/accounts/{aid}/settlements") attr:class="card mb-6 flex flex-col gap-4"
            attr:aria-label=t!("settlements.filters")>
            <div class="grid gap-4 md:grid-cols-4">
                <TextField name="settled_from" label=key!("settlements.settled_from") input_type="date"
                    value=filter.settled_from.clone() error/>
                <TextField name="settled_to" label=key!("settlements.settled_to") input_type="date"
                    value=filter.settled_to.clone() error/>
                <TextField name="payout_destination_id" label=key!("settlements.seller")
                    value=filter.payout_destination_id.clone() error/>
                <TextField name="search" label=key!("settlements.search") input_type="search"
                    value=filter.search.clone() error/>
            </div>
            <fieldset aria-describedby="payment_provider-error">
                <legend class="field-label mb-1">{t!("settlements.providers")}</legend>
                <div class="flex flex-wrap gap-x-4 gap-y-1">
                    {PROVIDERS.into_iter().map(|p| view! {
                        <label class="flex items-center gap-1.5 text-sm">
                            <input type="checkbox" name="payment_provider" value=p checked=chosen.iter().any(|c| c == p)/>
                            {provider_name(p)}
                        </label>
                    }).collect_view()}
                </div>
                {provider_message.map(|m| view! { <p id="payment_provider-error" class="field-error">{m}</p> })}
            </fieldset>
            <div class="flex gap-2">
                <button type="submit" class="btn-primary">{t!("settlements.apply")}</button>
                <a href=format!("/accounts/{aid}/settlements") class="btn-ghost">{t!("settlements.clear")}</a>
            </div>
        </Form>
    }
}

#[component]
fn Settlements(list: SettlementList, filter: SettlementFilter) -> impl IntoView {
    let SettlementList {
        aid,
        merchant_name,
        items,
        next,
        progress,
    } = list;
    let path = format!("/accounts/{aid}/settlements");
    let next_href = next.map(|(id, date)| {
        let mut pairs = filter.pairs(false);
        pairs.push(("after_id", id));
        pairs.push(("after_date", date));
        crate::paging::href(&path, &pairs)
    });
    let first_href = (!filter.after_id.is_empty()).then(|| crate::paging::href(&path, &filter.pairs(false)));
    let count = items.len();
    view! {
        <p class="text-muted mb-2 text-sm" data-testid="merchant">{merchant_name.clone()}" · "{aid.clone()}</p>
        {if items.is_empty() {
            view! { <p class="card text-muted" data-testid="no-settlements">{t!("settlements.none")}</p> }.into_any()
        } else {
            view! {
                <p role="status" class="mb-2 text-sm font-medium" data-testid="settlements-count">
                    {tn!("settlements.shown", count)}
                </p>
                <div class="card overflow-x-auto p-0">
                    <table class="data-table" data-testid="settlements">
                        <thead>
                            <tr>
                                <th scope="col"><span class="sr-only">{t!("settlements.col.select")}</span></th>
                                <th scope="col">{t!("settlements.col.settled")}</th>
                                <th scope="col">{t!("settlements.col.period")}</th>
                                <th scope="col">{t!("settlements.col.provider")}</th>
                                <th scope="col">{t!("settlements.col.status")}</th>
                                <th scope="col" class="text-right">{t!("settlements.col.captured")}</th>
                                <th scope="col" class="text-right">{t!("settlements.col.refunded")}</th>
                                <th scope="col" class="text-right">{t!("settlements.col.fees")}</th>
                                <th scope="col" class="text-right">{t!("settlements.col.paid_out")}</th>
                                <th scope="col">{t!("settlements.col.files")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {items.into_iter().map(|item| view! { <Row aid=aid.clone() item/> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        {(count > 0).then(|| {
            let action = format!("/accounts/{}/settlements/files.zip", crate::url::encode(&aid));
            let hidden = filter.pairs(false).into_iter().map(|(name, value)| (name.to_owned(), value)).collect();
            view! { <BulkZip action hidden token=progress texts=IslandTexts::of(BULK_ZIP_TEXTS)/> }
        })}
        <nav class="mt-4 flex items-center gap-2" aria-label=t!("portfolio.paging")>
            {first_href.map(|href| view! { <a href=href class="btn-ghost" rel="first">{t!("settlements.first_page")}</a> })}
            {next_href.map(|href| view! { <a href=href class="btn-ghost" rel="next">{t!("portfolio.next")}</a> })}
        </nav>
    }
}

#[component]
fn Row(aid: String, item: SettlementItem) -> impl IntoView {
    let provider = item.provider.clone().unwrap_or_default();
    let settled_day = item
        .settled_at
        .as_deref()
        .map(|s| s.get(..10).unwrap_or(s).to_owned())
        .unwrap_or_default();
    let period = format!(
        "{} – {}",
        item.start_at.as_deref().map(date_time_str).unwrap_or_default(),
        item.end_at.as_deref().map(date_time_str).unwrap_or_default()
    );
    let status = item.payment_status.clone().map(|s| match s {
        PaymentStatus::Paid => ("badge-ok", t!("settlements.status.paid").to_owned()),
        PaymentStatus::Postponed => ("badge-warn", t!("settlements.status.postponed").to_owned()),
        other => ("badge", other.to_string()),
    });
    let sums = |pick: fn(&crate::dintero::settlements::SettlementAmount) -> i64| {
        item.amounts
            .iter()
            .map(|a| view! { <div>{money(pick(a), &a.currency)}</div> })
            .collect_view()
    };
    let (captured, refunded, fees, paid_out) = (
        sums(|a| a.capture),
        sums(|a| a.refund),
        sums(|a| a.fee),
        sums(|a| a.amount),
    );
    let files = item
        .attachments
        .iter()
        .map(|a| {
            let href = file_href(&aid, &item.id, a, &provider, &settled_day);
            let label = file_label(a);
            view! { <li><a href=href rel="external" download class="underline">{label}</a></li> }
        })
        .collect_view();
    view! {
        <tr data-settlement=item.id.clone() data-provider=provider.clone()>
            <td>
                <input type="checkbox" form=BULK_FORM name="settlement" value=item.id.clone()
                    aria-label=t!("settlements.select", id = item.id)/>
            </td>
            <td class="whitespace-nowrap text-sm tabular-nums">
                {item.settled_at.as_deref().map(date_time_str)}
                <div class="text-muted text-xs">{item.id.clone()}</div>
            </td>
            <td class="text-sm tabular-nums">{period}</td>
            <td>
                {provider_name(&provider)}
                {item.payout_destination_id.clone().map(|s| view! { <div class="text-muted text-xs">{t!("settlements.seller_line", seller = s)}</div> })}
            </td>
            <td>{status.map(|(class, label)| view! { <span class=class>{label}</span> })}</td>
            <td class="text-right tabular-nums whitespace-nowrap">{captured}</td>
            <td class="text-right tabular-nums whitespace-nowrap">{refunded}</td>
            <td class="text-right tabular-nums whitespace-nowrap">{fees}</td>
            <td class="text-right font-medium tabular-nums whitespace-nowrap">{paid_out}</td>
            <td class="text-sm"><ul>{files}</ul></td>
        </tr>
    }
}

/// A settlement file's name: merchant, provider, settled day and whose file it is:
/// `T11200002_vipps_2026-03-01_dintero.csv`.
pub fn file_name(aid: &str, file: &Attachment, provider: &str, day: &str) -> String {
    let whose = match file.created_by.as_deref() {
        Some("dintero") => "dintero",
        _ => "provider",
    };
    let extension = file.extension.clone().unwrap_or_else(|| "bin".to_owned());
    let provider = if provider.is_empty() { "settlement" } else { provider };
    format!("{aid}_{provider}_{day}_{whose}.{}", extension.trim_start_matches('.'))
}

/// The app's download link of a settlement file, named by [`file_name`].
pub fn file_href(aid: &str, settlement: &str, file: &Attachment, provider: &str, day: &str) -> String {
    format!(
        "/accounts/{}/settlements/{}/attachments/{}?name={}",
        crate::url::encode_path(aid),
        crate::url::encode_path(settlement),
        crate::url::encode_path(&file.id),
        crate::url::encode(&file_name(aid, file, provider, day))
    )
}

fn file_label(file: &Attachment) -> String {
    let whose = match file.created_by.as_deref() {
        Some("dintero") => t!("settlements.file.dintero").to_owned(),
        Some(provider) => t!("settlements.file.provider", provider = provider_name(provider)),
        None => t!("settlements.file.other").to_owned(),
    };
    let extension = file
        .extension
        .as_deref()
        .unwrap_or_default()
        .trim_start_matches('.')
        .to_uppercase();
    if extension.is_empty() {
        whose
    } else {
        format!("{whose} ({extension})")
    }
}
