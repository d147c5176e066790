//! [`PortfolioSettlementsPage`]: `/settlements`, the settlements of every merchant (or the chosen
//! ones) for one merchant page's filters: totals per provider and currency, a chart of what was
//! paid out per month (an SVG drawn on the server, so it reads without JavaScript), the merchants
//! with an enabled connection that settled nothing in the period, and each merchant's sums with a
//! link to its own settlements.

use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use super::portfolio::{Gap, MerchantTotal, MonthTotal, Portfolio, ProviderTotal};
use super::read::portfolio_settlements;
use super::settlement_filter::{SettlementFilter, PROVIDERS};
use crate::components::{ErrorNotice, PageHeader, TextField};
use crate::error::AppError;
use crate::format::provider_name;
use crate::format::{date_time_str, money};
use crate::i18n::{key, t, tn};
use crate::url_query::use_url_query;

#[component]
pub fn PortfolioSettlementsPage() -> impl IntoView {
    let query = use_query_map();
    let filter = use_url_query::<SettlementFilter>();
    let asked = Memo::new(move |_| (filter.get(), query.with(|q| q.get("merchants").unwrap_or_default())));
    let portfolio = Resource::new(
        move || asked.get(),
        |(filter, merchants)| portfolio_settlements(filter, merchants),
    );
    view! {
        <PageHeader title=t!("settlements.portfolio.title") lead=t!("settlements.portfolio.lead")/>
        <Transition fallback=|| view! { <p class="text-muted">{t!("settlements.portfolio.gathering")}</p> }>
            {move || Suspend::new(async move {
                let (filter, merchants) = asked.get_untracked();
                match portfolio.await {
                    Ok(portfolio) => view! {
                        <Filters filter=portfolio.filter.clone() merchants error=None/>
                        <Results portfolio/>
                    }.into_any(),
                    Err(error @ AppError::Invalid { .. }) => view! { <Filters filter merchants error=Some(error)/> }.into_any(),
                    Err(error) => view! {
                        <Filters filter merchants error=None/>
                        <ErrorNotice error/>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Filters(filter: SettlementFilter, merchants: String, error: Option<AppError>) -> impl IntoView {
    let provider_message = error
        .as_ref()
        .filter(|e| e.field() == Some("payment_provider"))
        .map(|e| crate::i18n::use_locale().text(e.message_key()));
    let error = Signal::stored(error);
    let chosen = filter.payment_provider.clone();
    view! {
        <Form method="GET" action="/settlements" attr:class="card mb-6 flex flex-col gap-4"
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
            <TextField name="merchants" label=key!("settlements.portfolio.merchants") value=merchants error/>
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
                <a href="/settlements" class="btn-ghost">{t!("settlements.clear")}</a>
            </div>
        </Form>
    }
}

#[component]
fn Results(portfolio: Portfolio) -> impl IntoView {
    let Portfolio {
        filter,
        merchants_read,
        totals,
        months,
        merchants,
        gaps,
        failures,
        complete,
        ..
    } = portfolio;
    let currencies: Vec<String> = {
        let mut c: Vec<String> = months.iter().map(|m| m.currency.clone()).collect();
        c.sort();
        c.dedup();
        c
    };
    let link_filter = filter.pairs(false);
    view! {
        <p role="status" class="mb-4 text-sm" data-testid="portfolio-read">
            {tn!("settlements.portfolio.merchants_read", merchants_read, from = filter.settled_from, to = filter.settled_to)}
            {(!complete).then(|| view! { <span class="badge-warn ml-2">{t!("settlements.portfolio.incomplete")}</span> })}
        </p>
        {(!failures.is_empty()).then(|| view! {
            <section class="card mb-6 border-l-4 border-red-600" aria-labelledby="failures-h" data-testid="portfolio-failures">
                <h2 id="failures-h" class="font-semibold">{t!("settlements.portfolio.failures")}</h2>
                <ul class="text-sm">
                    {failures.into_iter().map(|f| {
                        let message = crate::i18n::use_locale().text(f.error.message_key()).to_owned();
                        view! { <li>{format!("{} ({}): {message}", f.name, f.account_id)}</li> }
                    }).collect_view()}
                </ul>
            </section>
        })}
        <section class="mb-6" aria-labelledby="totals-h">
            <h2 id="totals-h" class="mb-2 text-lg font-semibold">{t!("settlements.portfolio.totals")}</h2>
            <Totals totals/>
        </section>
        <section class="mb-6" aria-labelledby="chart-h">
            <h2 id="chart-h" class="mb-2 text-lg font-semibold">{t!("settlements.portfolio.per_month")}</h2>
            {if currencies.is_empty() {
                view! { <p class="text-muted">{t!("settlements.none")}</p> }.into_any()
            } else {
                currencies.into_iter().map(|currency| {
                    let of: Vec<MonthTotal> = months.iter().filter(|m| m.currency == currency).cloned().collect();
                    view! { <MonthChart currency months=of/> }
                }).collect_view().into_any()
            }}
        </section>
        {gaps.map(|gaps| view! {
            <section class="mb-6" aria-labelledby="gaps-h">
                <h2 id="gaps-h" class="mb-1 text-lg font-semibold">{t!("settlements.portfolio.gaps")}</h2>
                <p class="text-muted mb-2 text-sm">{t!("settlements.portfolio.gaps_lead")}</p>
                <Gaps gaps link_filter=link_filter.clone()/>
            </section>
        })}
        <section aria-labelledby="merchants-h">
            <h2 id="merchants-h" class="mb-2 text-lg font-semibold">{t!("settlements.portfolio.by_merchant")}</h2>
            <Merchants merchants link_filter/>
        </section>
    }
}

#[component]
fn Totals(totals: Vec<ProviderTotal>) -> impl IntoView {
    if totals.is_empty() {
        return view! { <p class="card text-muted">{t!("settlements.none")}</p> }.into_any();
    }
    view! {
        <div class="card overflow-x-auto p-0">
            <table class="data-table" data-testid="portfolio-totals">
                <thead>
                    <tr>
                        <th scope="col">{t!("settlements.col.provider")}</th>
                        <th scope="col" class="text-right">{t!("settlements.portfolio.count")}</th>
                        <th scope="col" class="text-right">{t!("settlements.portfolio.merchant_count")}</th>
                        <th scope="col" class="text-right">{t!("settlements.col.captured")}</th>
                        <th scope="col" class="text-right">{t!("settlements.col.refunded")}</th>
                        <th scope="col" class="text-right">{t!("settlements.col.fees")}</th>
                        <th scope="col" class="text-right">{t!("settlements.col.paid_out")}</th>
                    </tr>
                </thead>
                <tbody>
                    {totals.into_iter().map(|total| view! {
                        <tr data-provider=total.provider.clone() data-currency=total.currency.clone() data-amount=total.amount.to_string()
                            data-count=total.settlements.to_string()>
                            <td>{provider_name(&total.provider)}</td>
                            <td class="text-right tabular-nums">{total.settlements}</td>
                            <td class="text-right tabular-nums">{total.merchants}</td>
                            <td class="text-right tabular-nums whitespace-nowrap">{money(total.capture, &total.currency)}</td>
                            <td class="text-right tabular-nums whitespace-nowrap">{money(total.refund, &total.currency)}</td>
                            <td class="text-right tabular-nums whitespace-nowrap">{money(total.fee, &total.currency)}</td>
                            <td class="text-right font-medium tabular-nums whitespace-nowrap">{money(total.amount, &total.currency)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A bar per month of what was paid out in `currency`, drawn as SVG with the sums written under
/// the bars and in each bar's title.
#[component]
fn MonthChart(currency: String, months: Vec<MonthTotal>) -> impl IntoView {
    const WIDTH: f64 = 720.0;
    const HEIGHT: f64 = 240.0;
    const TOP: f64 = 24.0;
    const BOTTOM: f64 = 40.0;
    let most = months.iter().map(|m| m.amount).max().unwrap_or(0).max(1) as f64;
    let slot = WIDTH / months.len().max(1) as f64;
    let bar = (slot * 0.7).min(60.0);
    let label = t!("settlements.portfolio.per_month_in", currency = currency);
    let bars = months
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let height = (m.amount.max(0) as f64 / most) * (HEIGHT - TOP - BOTTOM);
            let x = i as f64 * slot + (slot - bar) / 2.0;
            let y = HEIGHT - BOTTOM - height;
            let sum = money(m.amount, &m.currency);
            view! {
                <g data-month=m.month.clone() data-amount=m.amount.to_string()>
                    <title>{format!("{}: {sum}", m.month)}</title>
                    <rect x=format!("{x:.1}") y=format!("{y:.1}") width=format!("{bar:.1}") height=format!("{height:.1}")
                        class="fill-emerald-600"/>
                    <text x=format!("{:.1}", x + bar / 2.0) y=format!("{:.1}", HEIGHT - BOTTOM + 14.0)
                        text-anchor="middle" class="fill-current text-[10px]">{m.month.clone()}</text>
                    <text x=format!("{:.1}", x + bar / 2.0) y=format!("{:.1}", (y - 4.0).max(10.0))
                        text-anchor="middle" class="fill-current text-[9px]">{compact(m.amount, &m.currency)}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="card mb-4" data-testid="month-chart" data-currency=currency.clone()>
            <figcaption class="mb-2 text-sm font-medium">{label.clone()}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") class="h-auto w-full" role="img" aria-label=label>
                <line x1="0" x2=WIDTH.to_string() y1=(HEIGHT - BOTTOM).to_string() y2=(HEIGHT - BOTTOM).to_string()
                    class="stroke-current" stroke-width="1"/>
                {bars}
            </svg>
        </figure>
    }
}

/// A sum short enough to stand over a bar: whole units in thousands or millions, `12,3 k`.
fn compact(minor: i64, currency: &str) -> String {
    let whole = minor as f64 / 10f64.powi(crate::format::minor_digits(currency) as i32);
    let (value, unit) = if whole.abs() >= 1_000_000.0 {
        (whole / 1_000_000.0, " M")
    } else if whole.abs() >= 1_000.0 {
        (whole / 1_000.0, " k")
    } else {
        (whole, "")
    };
    format!("{value:.1}{unit}").replace('.', ",")
}

fn settlements_href(aid: &str, link_filter: &[(&'static str, String)], provider: Option<&str>) -> String {
    let mut pairs: Vec<(&'static str, String)> = link_filter
        .iter()
        .filter(|(k, _)| provider.is_none() || *k != "payment_provider")
        .cloned()
        .collect();
    if let Some(provider) = provider {
        pairs.push(("payment_provider", provider.to_owned()));
    }
    crate::paging::href(
        &format!("/accounts/{}/settlements", crate::url::encode_path(aid)),
        &pairs,
    )
}

#[component]
fn Gaps(gaps: Vec<Gap>, link_filter: Vec<(&'static str, String)>) -> impl IntoView {
    if gaps.is_empty() {
        return view! { <p class="card text-muted" data-testid="no-gaps">{t!("settlements.portfolio.no_gaps")}</p> }
            .into_any();
    }
    view! {
        <div class="card overflow-x-auto p-0">
            <table class="data-table" data-testid="portfolio-gaps">
                <thead>
                    <tr>
                        <th scope="col">{t!("settlements.portfolio.merchant")}</th>
                        <th scope="col">{t!("settlements.col.provider")}</th>
                        <th scope="col">{t!("settlements.portfolio.enabled_since")}</th>
                    </tr>
                </thead>
                <tbody>
                    {gaps.into_iter().map(|gap| view! {
                        <tr data-merchant=gap.account_id.clone() data-provider=gap.provider.clone()>
                            <td>
                                <a class="underline" href=settlements_href(&gap.account_id, &link_filter, Some(&gap.provider))>{gap.name.clone()}</a>
                                <div class="text-muted text-xs">{gap.account_id.clone()}</div>
                            </td>
                            <td>{provider_name(&gap.provider)}</td>
                            <td class="tabular-nums text-sm">{gap.enabled_since.as_deref().map(date_time_str)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn Merchants(merchants: Vec<MerchantTotal>, link_filter: Vec<(&'static str, String)>) -> impl IntoView {
    if merchants.is_empty() {
        return view! { <p class="card text-muted">{t!("settlements.none")}</p> }.into_any();
    }
    view! {
        <div class="card overflow-x-auto p-0">
            <table class="data-table" data-testid="portfolio-merchants">
                <thead>
                    <tr>
                        <th scope="col">{t!("settlements.portfolio.merchant")}</th>
                        <th scope="col" class="text-right">{t!("settlements.portfolio.count")}</th>
                        <th scope="col" class="text-right">{t!("settlements.col.paid_out")}</th>
                    </tr>
                </thead>
                <tbody>
                    {merchants.into_iter().map(|m| view! {
                        <tr data-merchant=m.account_id.clone() data-count=m.settlements.to_string()>
                            <td>
                                <a class="underline" href=settlements_href(&m.account_id, &link_filter, None)>{m.name.clone()}</a>
                                <div class="text-muted text-xs">{m.account_id.clone()}</div>
                            </td>
                            <td class="text-right tabular-nums">{m.settlements}</td>
                            <td class="text-right tabular-nums whitespace-nowrap">
                                {m.amounts.iter().map(|(currency, amount)| view! { <div>{money(*amount, currency)}</div> }).collect_view()}
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_sums_use_thousands_and_a_decimal_comma() {
        assert_eq!(compact(1_234_567, "NOK"), "12,3 k");
        assert_eq!(compact(250_000_000, "SEK"), "2,5 M");
        assert_eq!(compact(-4_200, "NOK"), "-42,0");
    }
}
