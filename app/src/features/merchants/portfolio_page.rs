//! [`PortfolioPage`]: `/accounts`, the partner's merchants with every filter Dintero's list offers,
//! kept in the URL; cursor paging with a page-size choice; all of it plain links and a GET form, so
//! it works the same without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use super::merchant_view::MerchantRow;
use super::portfolio_query::{PortfolioQuery, PAGE_SIZES};
use super::read::{list_merchants, PortfolioPage as Page};
use super::saved_views::SavedViewsPanel;
use super::status_badge::StatusBadge;
use crate::auth::{Capability, CurrentUser};
use crate::components::{ErrorNotice, Pager};
use crate::dintero::accounts::{ConnectionName, ConnectionStatus, PaymentOptionType};
use crate::format::{date_time_str, provider_name};
use crate::i18n::{key, t, tn};

/// The query keys the portfolio reads from the URL.
const KEYS: [&str; 8] = [
    "search",
    "connection",
    "connection_status",
    "payment_option",
    "account_manager",
    "limit",
    "starting_after",
    "trail",
];

#[component]
pub fn PortfolioPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        params.with(|p| {
            let pairs: Vec<(&str, String)> = KEYS
                .iter()
                .flat_map(|k| p.get_all(k).unwrap_or_default().into_iter().map(move |v| (*k, v)))
                .collect();
            PortfolioQuery::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
        })
    });
    let page = Resource::new(move || query.get(), list_merchants);
    let may_manage = use_context::<CurrentUser>().is_some_and(|u| u.may(Capability::ManageMerchants));
    view! {
        <Title text=t!("portfolio.title")/>
        <div class="mb-6 flex flex-wrap items-end justify-between gap-3">
            <div>
                <h1 class="mb-1 text-2xl font-semibold">{t!("portfolio.title")}</h1>
                <p class="text-muted">{t!("portfolio.lead")}</p>
            </div>
            {may_manage.then(|| view! { <a href="/accounts/new" class="btn-primary">{t!("portfolio.new")}</a> })}
            <super::export::ExportPanel query/>
        </div>
        {move || params.with(|p| p.get("deleted").is_some()).then(|| view! {
            <p role="status" class="card mb-4">{t!("portfolio.deleted")}</p>
        })}
        <SavedViewsPanel query/>
        // Drawn again when the URL changes (a saved view, Clear, back), so the controls match it.
        {move || view! { <Filters q=query.get()/> }}
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || Suspend::new(async move {
                let query = query.get_untracked();
                match page.await {
                    Ok(page) => view! { <Results query page/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Filters(q: PortfolioQuery) -> impl IntoView {
    let connections: Vec<&ConnectionName> = ConnectionName::KNOWN
        .iter()
        .filter(|c| !matches!(c, ConnectionName::Common | ConnectionName::Payex))
        .collect();
    view! {
        <Form method="GET" action="/accounts" attr:class="card mb-6 flex flex-col gap-4" attr:aria-label=t!("portfolio.filters")>
            <div class="grid gap-4 md:grid-cols-3">
                <div class="field">
                    <label for="search" class="field-label">{t!("portfolio.search")}</label>
                    <input id="search" name="search" type="search" class="field-input" value=q.search.clone()
                        placeholder=t!("portfolio.search_hint")/>
                </div>
                <div class="field">
                    <label for="account_manager" class="field-label">{t!("portfolio.account_manager")}</label>
                    <input id="account_manager" name="account_manager" type="text" class="field-input"
                        value=q.account_manager.join(", ") placeholder="name@partner.no, …"/>
                </div>
                <div class="field">
                    <label for="limit" class="field-label">{t!("portfolio.page_size")}</label>
                    <select id="limit" name="limit" class="field-input">
                        {PAGE_SIZES.into_iter().map(|n| view! {
                            <option value=n.to_string() selected=q.page_size() == n>{n.to_string()}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <fieldset>
                <legend class="field-label mb-1">{t!("portfolio.connection")}</legend>
                <div class="flex flex-wrap gap-x-4 gap-y-1">
                    {connections.into_iter().map(|c| {
                        let value = c.as_str().to_owned();
                        let checked = q.connection.contains(&value);
                        view! {
                            <label class="flex items-center gap-1.5 text-sm">
                                <input type="checkbox" name="connection" value=value.clone() checked=checked/>
                                {provider_name(&value)}
                            </label>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <fieldset>
                <legend class="field-label mb-1">{t!("portfolio.connection_status")}</legend>
                <div class="flex flex-wrap gap-x-4 gap-y-1">
                    {ConnectionStatus::KNOWN.iter().map(|s| {
                        let value = s.as_str().to_owned();
                        let checked = q.connection_status.contains(&value);
                        view! {
                            <label class="flex items-center gap-1.5 text-sm">
                                <input type="checkbox" name="connection_status" value=value.clone() checked=checked/>
                                {t(status_key(&value))}
                            </label>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <div class="field">
                <label for="payment_option" class="field-label">{t!("portfolio.payment_option")}</label>
                <select id="payment_option" name="payment_option" multiple=true size="4" class="field-input max-w-md">
                    {PaymentOptionType::KNOWN.iter().map(|o| {
                        let value = o.as_str().to_owned();
                        let selected = q.payment_option.contains(&value);
                        view! { <option value=value.clone() selected=selected>{value.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="flex gap-2">
                <button type="submit" class="btn-primary">{t!("portfolio.apply")}</button>
                <a href="/accounts" class="btn-ghost">{t!("portfolio.clear")}</a>
            </div>
        </Form>
    }
}

#[component]
fn Results(query: PortfolioQuery, page: Page) -> impl IntoView {
    let previous = query.previous_page_href();
    let next = page.next.as_ref().map(|n| query.next_page_href(n));
    let page_number = query.page_number();
    let empty = page.rows.is_empty();
    view! {
        <p class="text-muted mb-2 text-sm" data-testid="portfolio-count">
            {tn!("portfolio.shown", page.rows.len(), page = page_number)}
        </p>
        {if empty {
            view! { <p class="card text-muted">{t!("portfolio.empty")}</p> }.into_any()
        } else {
            view! {
                <div class="card overflow-x-auto p-0">
                    <table class="data-table" data-testid="portfolio">
                        <thead>
                            <tr>
                                <th scope="col">{t!("portfolio.name")}</th>
                                <th scope="col">{t!("portfolio.account_id")}</th>
                                <th scope="col">{t!("portfolio.org_number")}</th>
                                <th scope="col">{t!("portfolio.country")}</th>
                                <th scope="col">{t!("portfolio.progression")}</th>
                                <th scope="col">{t!("portfolio.account_manager")}</th>
                                <th scope="col">{t!("portfolio.connections")}</th>
                                <th scope="col">{t!("portfolio.price_package")}</th>
                                <th scope="col">{t!("portfolio.created")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {page.rows.into_iter().map(|row| view! { <Row row/> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <Pager previous next/>
    }
}

#[component]
fn Row(row: MerchantRow) -> impl IntoView {
    let href = format!("/accounts/{}", row.account_id);
    let aid = row.account_id.clone();
    view! {
        <tr data-account=aid>
            <td><a href=href class="font-medium underline-offset-2 hover:underline">{row.name}</a></td>
            <td class="tabular-nums">{row.account_id}</td>
            <td class="tabular-nums">{row.organization_number.as_deref().map(|o| crate::format::org_number(o, row.country.as_deref())).unwrap_or_default()}</td>
            <td>{row.country.unwrap_or_default()}</td>
            <td>{row.progression.map(|p| view! { <StatusBadge status=p/> })}</td>
            <td class="text-sm">{row.account_manager.unwrap_or_default()}</td>
            <td>
                <ul class="flex flex-wrap gap-1" data-testid="connections">
                    {row.connections.into_iter().map(|c| {
                        let label = format!("{}: {}", provider_name(&c.provider), c.status);
                        view! { <li data-provider=c.provider.clone()><StatusBadge status=c.status label/></li> }
                    }).collect_view()}
                </ul>
            </td>
            <td class="text-sm">
                {row.price_package.map(|p| view! {
                    <a href=crate::features::price_packages::package_href(&p) class="underline-offset-2 hover:underline">{p.clone()}</a>
                })}
            </td>
            <td class="whitespace-nowrap text-sm tabular-nums">{row.created_at.as_deref().map(date_time_str)}</td>
        </tr>
    }
}

/// The translation key of a connection status.
pub fn status_key(status: &str) -> &'static str {
    match status {
        "pending" => key!("status.pending"),
        "enabled" => key!("status.enabled"),
        "failed" => key!("status.failed"),
        "declined" => key!("status.declined"),
        _ => key!("status.other"),
    }
}
