//! [`LedgerPage`]: `/accounts/{aid}/payouts/{destination}`, one seller's balances and its transfers
//! ledger (money in, between sellers, paid out), newest first, with Dintero's currency filter and
//! its `next_page_token` in the URL (`?currency=EUR&starting_after=<token>&trail=...`), so paging
//! back and forth works without JavaScript.

use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::read::{seller_ledger, Ledger, LedgerRow};
use super::sellers_page::balances;
use crate::components::{ErrorNotice, Pager};
use crate::dintero::payout::TransferType;
use crate::error::AppError;
use crate::features::reports::{FinanceHeader, FinanceTab};
use crate::format::provider_name;
use crate::format::{date_time_str, money};
use crate::i18n::{key, t};
use crate::paging::{href, parse_trail, Cursor};

#[component]
pub fn LedgerPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let aid = Memo::new(move |_| params.with(|p| p.get("aid").unwrap_or_default().to_ascii_uppercase()));
    let destination = Memo::new(move |_| params.with(|p| p.get("destination").unwrap_or_default()));
    let currency = Memo::new(move |_| query.with(|q| q.get("currency").unwrap_or_default()));
    let after = Memo::new(move |_| query.with(|q| q.get("starting_after").unwrap_or_default()));
    let trail = Memo::new(move |_| query.with(|q| q.get("trail").map(|t| parse_trail(&t)).unwrap_or_default()));
    let ledger = Resource::new(
        move || (aid.get(), destination.get(), currency.get(), after.get()),
        |(aid, destination, currency, after)| seller_ledger(aid, destination, currency, after),
    );
    view! {
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || Suspend::new(async move {
                let (currency, after, trail) = (currency.get_untracked(), after.get_untracked(), trail.get_untracked());
                match ledger.await {
                    Ok(ledger) => view! { <Entries ledger currency after trail/> }.into_any(),
                    Err(error) => view! {
                        <leptos_meta::Title text=t!("payouts.ledger")/>
                        <p class="mb-2 text-sm">
                            <a href=format!("/accounts/{}/payouts", aid.get_untracked()) class="text-muted underline">
                                {t!("payouts.back")}
                            </a>
                        </p>
                        {matches!(error, AppError::Invalid { .. }).then(|| view! {
                            <p class="mb-2 text-sm">
                                <a href=format!("/accounts/{}/payouts/{}", aid.get_untracked(), destination.get_untracked())
                                    class="underline">{t!("payouts.all_currencies")}</a>
                            </p>
                        })}
                        <ErrorNotice error/>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Entries(ledger: Ledger, currency: String, after: String, trail: Vec<String>) -> impl IntoView {
    let Ledger {
        merchant,
        destination,
        balances: held,
        rows,
        next,
    } = ledger;
    let aid = merchant.aid.clone();
    let path = format!(
        "/accounts/{}/payouts/{}",
        crate::url::encode_path(&aid),
        crate::url::encode_path(&destination)
    );
    let filters: Vec<(&'static str, String)> = if currency.is_empty() {
        Vec::new()
    } else {
        vec![("currency", currency.to_ascii_uppercase())]
    };
    let cursor = Cursor {
        starting_after: Some(after.as_str()).filter(|a| !a.is_empty()),
        trail: &trail,
    };
    let previous = cursor.previous_pairs(filters.clone()).map(|pairs| href(&path, &pairs));
    let next = next.map(|n| href(&path, &cursor.next_pairs(filters.clone(), &n)));
    let mut currencies: Vec<String> = held.iter().map(|b| b.currency.clone()).collect();
    let chosen = currency.to_ascii_uppercase();
    if !chosen.is_empty() && !currencies.contains(&chosen) {
        currencies.push(chosen.clone());
    }
    let title = t!("payouts.ledger_of", seller = destination);
    view! {
        <FinanceHeader merchant tab=FinanceTab::Payouts title/>
        <p class="mb-4 text-sm">
            <a href=format!("/accounts/{}/payouts", crate::url::encode_path(&aid)) class="underline">{t!("payouts.back")}</a>
        </p>
        <section class="card mb-4" data-testid="balances">
            <h2 class="card-title">{t!("payouts.col.balance")}</h2>
            <div class="text-lg font-medium tabular-nums">{balances(Ok(held))}</div>
        </section>
        <Form method="GET" action=path.clone() attr:class="card mb-4 flex flex-wrap items-end gap-3"
            attr:aria-label=t!("payouts.filters")>
            <div class="field">
                <label for="currency" class="field-label">{t!("payouts.currency")}</label>
                <select id="currency" name="currency" class="field-input">
                    <option value="" selected=chosen.is_empty()>{t!("payouts.all_currencies")}</option>
                    {currencies.into_iter().map(|c| {
                        let selected = c == chosen;
                        view! { <option value=c.clone() selected=selected>{c.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="btn-primary">{t!("payouts.apply")}</button>
        </Form>
        <section class="card overflow-x-auto">
            {if rows.is_empty() {
                view! { <p class="text-muted" data-testid="no-transfers">{t!("payouts.no_transfers")}</p> }.into_any()
            } else {
                view! {
                    <table class="data-table" data-testid="transfers">
                        <thead>
                            <tr>
                                <th scope="col">{t!("payouts.col.when")}</th>
                                <th scope="col">{t!("payouts.col.type")}</th>
                                <th scope="col" class="text-right">{t!("payouts.col.amount")}</th>
                                <th scope="col">{t!("payouts.col.details")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|row| view! { <Row row/> }).collect_view()}
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
fn Row(row: LedgerRow) -> impl IntoView {
    let (class, key) = match row.entry_type {
        TransferType::Inbound => ("badge-ok", key!("payouts.type.inbound")),
        TransferType::Transfer => ("badge-neutral", key!("payouts.type.transfer")),
        TransferType::Outbound => ("badge-warn", key!("payouts.type.outbound")),
        TransferType::Other(_) => ("badge-neutral", key!("payouts.type.other")),
    };
    let raw = row.entry_type.to_string();
    let details: Vec<String> = [
        row.provider
            .as_deref()
            .map(|p| t!("payouts.detail.provider", provider = provider_name(p))),
        match (&row.transfer_from, &row.transfer_to) {
            (Some(from), Some(to)) => Some(format!("{from} → {to}")),
            _ => None,
        },
        row.reference.clone(),
        row.bank_account.as_deref().map(|account| {
            let country = row
                .bank_country
                .as_deref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            t!("payouts.detail.bank_account", account = format!("{account}{country}"))
        }),
        row.message.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    view! {
        <tr data-entry=row.id.clone() data-type=raw.clone()>
            <td class="whitespace-nowrap text-sm tabular-nums">{row.created_at.as_deref().map(date_time_str)}</td>
            <td><span class=class title=raw.clone()>{t(key)}</span></td>
            <td class="text-right tabular-nums whitespace-nowrap" data-currency=row.currency.clone()>
                {money(row.amount, &row.currency)}
            </td>
            <td class="text-sm">{details.into_iter().map(|d| view! { <div>{d}</div> }).collect_view()}</td>
        </tr>
    }
}
