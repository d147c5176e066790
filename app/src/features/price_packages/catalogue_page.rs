//! [`CataloguePage`]: `/price-packages`, the partner's price packages with Dintero's filters (type,
//! id) and cursor paging, all in the URL; plain links and a GET form, so it works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;

use super::catalogue_query::{CatalogueQuery, PAGE_SIZES};
use super::read::{list_price_packages, CataloguePage as Page, PackageRow};
use crate::auth::{Capability, CurrentUser};
use crate::components::{ErrorNotice, Pager};
use crate::format::date_time_str;
use crate::i18n::{key, t, tn};
use crate::url_query::use_url_query;

#[component]
pub fn CataloguePage() -> impl IntoView {
    let query = use_url_query::<CatalogueQuery>();
    let page = Resource::new(move || query.get(), list_price_packages);
    let may_edit = use_context::<CurrentUser>().is_some_and(|u| u.may(Capability::PricePackages));
    view! {
        <Title text=t!("packages.title")/>
        <div class="mb-6 flex flex-wrap items-end justify-between gap-3">
            <div>
                <h1 class="mb-1 text-2xl font-semibold">{t!("packages.title")}</h1>
                <p class="text-muted">{t!("packages.lead")}</p>
            </div>
            {may_edit.then(|| view! { <a href="/price-packages/new" class="btn-primary">{t!("packages.new")}</a> })}
        </div>
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
fn Filters(q: CatalogueQuery) -> impl IntoView {
    view! {
        <Form method="GET" action="/price-packages" attr:class="card mb-6 flex flex-wrap items-end gap-4"
            attr:aria-label=t!("packages.filters")>
            <fieldset>
                <legend class="field-label mb-1">{t!("packages.type")}</legend>
                <div class="flex gap-4">
                    {[("default", key!("packages.type.default")), ("account", key!("packages.type.account"))].into_iter().map(|(value, key)| {
                        let checked = q.types.iter().any(|t| t == value);
                        view! {
                            <label class="flex items-center gap-1.5 text-sm">
                                <input type="checkbox" name="type" value=value checked=checked/>{t(key)}
                            </label>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <div class="field">
                <label for="price_package_id" class="field-label">{t!("packages.id")}</label>
                <input id="price_package_id" name="price_package_id" type="search" class="field-input"
                    value=q.price_package_id.clone()/>
            </div>
            <div class="field">
                <label for="limit" class="field-label">{t!("portfolio.page_size")}</label>
                <select id="limit" name="limit" class="field-input">
                    {PAGE_SIZES.into_iter().map(|n| view! {
                        <option value=n.to_string() selected=q.page_size() == n>{n.to_string()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="flex gap-2">
                <button type="submit" class="btn-primary">{t!("portfolio.apply")}</button>
                <a href="/price-packages" class="btn-ghost">{t!("portfolio.clear")}</a>
            </div>
        </Form>
    }
}

#[component]
fn Results(query: CatalogueQuery, page: Page) -> impl IntoView {
    let previous = query.previous_page_href();
    let next = page.next.as_ref().map(|n| query.next_page_href(n));
    let summary = tn!("packages.shown", page.rows.len(), page = query.page_number());
    view! {
        <p class="text-muted mb-2 text-sm" data-testid="packages-count">{summary}</p>
        {if page.rows.is_empty() {
            view! { <p class="card text-muted">{t!("packages.empty")}</p> }.into_any()
        } else {
            view! {
                <div class="card overflow-x-auto p-0">
                    <table class="data-table" data-testid="packages">
                        <thead>
                            <tr>
                                <th scope="col">{t!("packages.name")}</th>
                                <th scope="col">{t!("packages.id")}</th>
                                <th scope="col">{t!("packages.type")}</th>
                                <th scope="col">{t!("packages.products")}</th>
                                <th scope="col">{t!("packages.currency")}</th>
                                <th scope="col">{t!("packages.source")}</th>
                                <th scope="col">{t!("merchant.updated")}</th>
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

/// `/price-packages/{id}`.
pub fn package_href(id: &str) -> String {
    format!("/price-packages/{}", crate::url::encode_path(id))
}

#[component]
fn Row(row: PackageRow) -> impl IntoView {
    let kind_key = match row.kind.as_deref() {
        Some("default") => key!("packages.type.default"),
        Some("account") => key!("packages.type.account"),
        _ => key!("status.other"),
    };
    view! {
        <tr data-package=row.price_package_id.clone()>
            <td><a href=package_href(&row.price_package_id) class="font-medium underline-offset-2 hover:underline">{row.name}</a></td>
            <td><code class="text-xs">{row.price_package_id.clone()}</code></td>
            <td>
                <span class="badge-neutral">{t(kind_key)}</span>
                {row.changed.then(|| view! { " " <span class="badge-neutral">{t!("packages.modified")}</span> })}
            </td>
            <td class="tabular-nums">{row.products}</td>
            <td class="text-sm">{row.currencies}</td>
            <td class="text-sm">{row.source.map(|s| view! { <a href=package_href(&s) class="underline">{s.clone()}</a> })}</td>
            <td class="whitespace-nowrap text-sm tabular-nums">{row.updated_at.as_deref().map(date_time_str)}</td>
        </tr>
    }
}
