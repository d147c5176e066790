//! [`SellersPage`]: `/accounts/{aid}/sellers`, the merchant's seller (payout destination) approvals
//! with Dintero's `case_status` filter in the URL (`?case_status=ACTIVE&case_status=DECLINED`), a
//! plain GET form, so it works without JavaScript.

use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::merchant_header::{when, LinkList, MerchantHeader, Tab};
use super::read::{known_statuses, list_seller_approvals, SellerList};
use super::views::SellerRow;
use crate::components::{case_status_key, CaseStatusBadge, ErrorNotice};
use crate::dintero::approvals::CaseStatus;
use crate::i18n::t;

#[component]
pub fn SellersPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    // Account ids are upper case; Leptos' `<Form>` lowercases its action when it navigates.
    let aid = Memo::new(move |_| params.with(|p| p.get("aid").unwrap_or_default().to_ascii_uppercase()));
    let statuses = Memo::new(move |_| query.with(|q| q.get_all("case_status").unwrap_or_default()));
    let list = Resource::new(
        move || (aid.get(), statuses.get()),
        |(aid, statuses)| list_seller_approvals(aid, statuses),
    );
    view! {
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || Suspend::new(async move {
                let statuses = statuses.get_untracked();
                match list.await {
                    Ok(list) => view! { <Sellers list statuses/> }.into_any(),
                    Err(error) => view! {
                        <leptos_meta::Title text=t!("sellers.title")/>
                        <ErrorNotice error/>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Sellers(list: SellerList, statuses: Vec<String>) -> impl IntoView {
    let aid = list.merchant.aid.clone();
    let chosen = known_statuses(&statuses);
    let rows = list.rows;
    view! {
        <MerchantHeader merchant=list.merchant tab=Tab::Sellers title=t!("sellers.title")/>
        <div class="mb-4 flex flex-wrap items-center justify-between gap-3">
            <p class="text-muted">{t!("sellers.lead")}</p>
            <a href=format!("/accounts/{aid}/sellers/new") class="btn-primary">{t!("sellers.new")}</a>
        </div>
        <Filter aid=aid.clone() chosen/>
        <section class="card overflow-x-auto">
            {if rows.is_empty() {
                view! { <p class="text-muted" data-testid="no-sellers">{t!("sellers.none")}</p> }.into_any()
            } else {
                view! {
                    <table class="data-table" data-testid="sellers">
                        <thead>
                            <tr>
                                <th scope="col">{t!("sellers.seller")}</th>
                                <th scope="col">{t!("sellers.status")}</th>
                                <th scope="col">{t!("sellers.created")}</th>
                                <th scope="col">{t!("sellers.updated")}</th>
                                <th scope="col">{t!("sellers.links")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|row| view! { <Row aid=aid.clone() row/> }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

#[component]
fn Filter(aid: String, chosen: Vec<CaseStatus>) -> impl IntoView {
    let action = format!("/accounts/{aid}/sellers");
    let clear = action.clone();
    view! {
        <Form method="GET" action=action attr:class="card mb-6 flex flex-col gap-3" attr:aria-label=t!("sellers.filters")>
            <fieldset>
                <legend class="field-label mb-1">{t!("sellers.status")}</legend>
                <div class="flex flex-wrap gap-x-4 gap-y-2">
                    {CaseStatus::KNOWN.iter().map(|status| {
                        let checked = chosen.contains(status);
                        view! {
                            <label class="flex items-center gap-1.5 text-sm">
                                <input type="checkbox" name="case_status" value=status.as_str().to_owned() checked=checked/>
                                {t(case_status_key(status))}
                            </label>
                        }
                    }).collect_view()}
                </div>
                <p class="text-muted mt-1 text-xs">{t!("sellers.filter_hint")}</p>
            </fieldset>
            <div class="flex gap-2">
                <button type="submit" class="btn-primary">{t!("sellers.apply")}</button>
                <a href=clear class="btn-ghost">{t!("sellers.clear")}</a>
            </div>
        </Form>
    }
    .into_any()
}

#[component]
fn Row(aid: String, row: SellerRow) -> impl IntoView {
    let href = format!("/accounts/{aid}/sellers/{}", crate::url::encode(&row.id));
    view! {
        <tr id=row.id.clone() data-seller=row.payout_destination_id.clone()>
            <td>
                <a href=href class="font-medium underline">{row.payout_destination_id.clone()}</a>
                {row.name.clone().map(|name| view! { <span class="text-muted block text-xs">{name}</span> })}
            </td>
            <td>{row.status.clone().map(|status| view! { <CaseStatusBadge status/> })}</td>
            <td class="whitespace-nowrap">{when(row.created_at.as_deref())}</td>
            <td class="whitespace-nowrap">{when(row.updated_at.as_deref())}</td>
            <td><LinkList links=row.links/></td>
        </tr>
    }
    .into_any()
}
