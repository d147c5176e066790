//! [`PayoutsPage`]: `/accounts/{aid}/payouts`, the merchant's sellers (payout destinations, from
//! its seller approvals) with their balances per currency, and a plain GET form to look up any
//! other seller id (`?destination=PD003`), so it works without JavaScript.

use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::read::{payout_sellers, SellerBalances, SellerOverview};
use crate::components::{CaseStatusBadge, ErrorNotice, PageHeader, TextField};
use crate::dintero::payout::Balance;
use crate::error::AppError;
use crate::features::reports::{FinanceHeader, FinanceTab};
use crate::format::money;
use crate::i18n::{key, t};

#[component]
pub fn PayoutsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    // Account ids are upper case; Leptos' `<Form>` lowercases its action when it navigates.
    let aid = Memo::new(move |_| params.with(|p| p.get("aid").unwrap_or_default().to_ascii_uppercase()));
    let destination = Memo::new(move |_| query.with(|q| q.get("destination").unwrap_or_default()));
    let list = Resource::new(
        move || (aid.get(), destination.get()),
        |(aid, destination)| payout_sellers(aid, destination),
    );
    view! {
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || Suspend::new(async move {
                let (aid, destination) = (aid.get_untracked(), destination.get_untracked());
                match list.await {
                    Ok(list) => view! { <Sellers list destination/> }.into_any(),
                    Err(error @ AppError::Invalid { .. }) => view! {
                        <PageHeader title=t!("payouts.title")/>
                        <Lookup aid destination error=Some(error)/>
                    }.into_any(),
                    Err(error) => view! {
                        <leptos_meta::Title text=t!("payouts.title")/>
                        <ErrorNotice error/>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Lookup(aid: String, destination: String, error: Option<AppError>) -> impl IntoView {
    let error = Signal::stored(error);
    view! {
        <Form method="GET" action=format!("/accounts/{aid}/payouts") attr:class="card mb-6 flex flex-wrap items-end gap-3"
            attr:aria-label=t!("payouts.lookup")>
            <TextField name="destination" label=key!("payouts.destination") value=destination error/>
            <button type="submit" class="btn-primary">{t!("payouts.lookup_button")}</button>
        </Form>
    }
}

#[component]
fn Sellers(list: SellerOverview, destination: String) -> impl IntoView {
    let SellerOverview {
        merchant,
        sellers,
        approvals_error,
        cut,
    } = list;
    let aid = merchant.aid.clone();
    view! {
        <FinanceHeader merchant tab=FinanceTab::Payouts title=t!("payouts.title")/>
        <p class="text-muted mb-4">{t!("payouts.lead")}</p>
        <Lookup aid=aid.clone() destination error=None/>
        {approvals_error.map(|error| view! {
            <div class="mb-4" data-testid="approvals-error">
                <p class="mb-1 text-sm">{t!("payouts.approvals_unreadable")}</p>
                <ErrorNotice error/>
            </div>
        })}
        <section class="card overflow-x-auto">
            {if sellers.is_empty() {
                view! { <p class="text-muted" data-testid="no-sellers">{t!("payouts.none")}</p> }.into_any()
            } else {
                view! {
                    <table class="data-table" data-testid="payout-sellers">
                        <thead>
                            <tr>
                                <th scope="col">{t!("payouts.col.seller")}</th>
                                <th scope="col">{t!("payouts.col.approval")}</th>
                                <th scope="col" class="text-right">{t!("payouts.col.balance")}</th>
                                <th scope="col"><span class="sr-only">{t!("payouts.transfers")}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            {sellers.into_iter().map(|seller| view! { <Row aid=aid.clone() seller/> }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            {cut.then(|| view! { <p class="text-muted mt-2 text-sm">{t!("payouts.cut")}</p> })}
        </section>
    }
    .into_any()
}

#[component]
fn Row(aid: String, seller: SellerBalances) -> impl IntoView {
    let href = format!(
        "/accounts/{}/payouts/{}",
        crate::url::encode_path(&aid),
        crate::url::encode_path(&seller.id)
    );
    let status = match seller.status {
        Some(status) => view! { <CaseStatusBadge status/> }.into_any(),
        None => view! { <span class="badge-neutral">{t!("payouts.looked_up")}</span> }.into_any(),
    };
    view! {
        <tr data-seller=seller.id.clone()>
            <td>
                <div class="font-medium">{seller.id.clone()}</div>
                {seller.name.map(|n| view! { <div class="text-muted text-xs">{n}</div> })}
            </td>
            <td>{status}</td>
            <td class="text-right tabular-nums whitespace-nowrap">{balances(seller.balances)}</td>
            <td><a href=href class="underline">{t!("payouts.transfers")}</a></td>
        </tr>
    }
}

/// Each currency's balance, or why there is none.
pub fn balances(balances: Result<Vec<Balance>, AppError>) -> AnyView {
    match balances {
        Ok(list) if list.is_empty() => view! { <span class="text-muted">{t!("payouts.no_balance")}</span> }.into_any(),
        Ok(list) => list
            .into_iter()
            .map(|b| view! { <div data-currency=b.currency.clone()>{money(b.amount, &b.currency)}</div> })
            .collect_view()
            .into_any(),
        Err(AppError::NotFound) => view! { <span class="text-muted">{t!("payouts.unknown_seller")}</span> }.into_any(),
        Err(error) => view! { <span class="text-muted">{t(error.message_key())}</span> }.into_any(),
    }
}
