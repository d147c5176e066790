//! [`ApprovalsPage`]: `/accounts/{aid}/approvals`, the merchant's payment approvals and CDD cases,
//! each with its status (rows carry `id="<approval or case id>"`, so the review queue links to
//! `#<id>`), and for people whose Dintero user may, forms to apply for payments and to open a case.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::approval_forms::{CddForm, PaymentForm};
use super::merchant_header::{when, LinkList, MerchantHeader, Tab};
use super::read::{merchant_approvals, ApprovalsData};
use super::views::{CddRow, PaymentRow};
use super::write::{kept_key, CreateCddCase, CreatePaymentApproval};
use crate::auth::{take_kept_input, KeptInput};
use crate::components::{CaseStatusBadge, ErrorNotice};
use crate::error::AppError;
use crate::i18n::t;

#[component]
pub fn ApprovalsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let aid = Memo::new(move |_| params.with(|p| p.get("aid").unwrap_or_default()));
    let payment = ServerAction::<CreatePaymentApproval>::new();
    let cdd = ServerAction::<CreateCddCase>::new();
    let data = Resource::new(move || aid.get(), merchant_approvals);
    let kept = Resource::new_blocking(
        move || aid.get(),
        |aid| async move {
            let payment = take_kept_input(kept_key("create_payment_approval", &aid)).await;
            let cdd = take_kept_input(kept_key("create_cdd_case", &aid)).await;
            (payment.unwrap_or_default(), cdd.unwrap_or_default())
        },
    );
    let created = Memo::new(move |_| query.with(|q| q.get("created")));
    view! {
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || Suspend::new(async move {
                let kept = kept.await;
                match data.await {
                    Ok(data) => view! {
                        <Approvals data kept created=created.get_untracked() payment cdd/>
                    }.into_any(),
                    Err(error) => view! {
                        <leptos_meta::Title text=t!("sellers.approvals_title")/>
                        <ErrorNotice error/>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Approvals(
    data: ApprovalsData,
    kept: (KeptInput, KeptInput),
    created: Option<String>,
    payment: ServerAction<CreatePaymentApproval>,
    cdd: ServerAction<CreateCddCase>,
) -> impl IntoView {
    let ApprovalsData {
        merchant,
        payments,
        cdd_cases,
        may_create,
        application,
        payment_submission,
        cdd_submission,
    } = data;
    let aid = merchant.aid.clone();
    let (kept_payment, kept_cdd) = kept;
    view! {
        <MerchantHeader merchant=merchant.clone() tab=Tab::Approvals title=t!("sellers.approvals_title")/>
        {created.is_some().then(|| view! { <p role="status" class="card mb-4">{t!("sellers.approval_created")}</p> })}
        <section class="card mb-6 overflow-x-auto" data-testid="payment-approvals" aria-labelledby="payments-title">
            <h2 id="payments-title" class="card-title">{t!("sellers.payments_title")}</h2>
            {match payments {
                Ok(rows) => view! { <Payments rows created=created.clone()/> }.into_any(),
                Err(error) => view! { <SectionError error testid="payments-error"/> }.into_any(),
            }}
            {if may_create {
                view! {
                    <PaymentForm aid=aid.clone() application=application.clone() submission=payment_submission
                        kept=kept_payment action=payment/>
                }.into_any()
            } else {
                view! { <p class="text-muted mt-3 text-sm" data-testid="may-not-create-payment">{t!("sellers.may_not_create")}</p> }.into_any()
            }}
        </section>
        <section class="card overflow-x-auto" data-testid="cdd-cases" aria-labelledby="cdd-title">
            <h2 id="cdd-title" class="card-title">{t!("sellers.cdd_title")}</h2>
            {match cdd_cases {
                Ok(rows) => view! { <Cases rows created=created.clone()/> }.into_any(),
                Err(error) => view! { <SectionError error testid="cdd-error"/> }.into_any(),
            }}
            {if may_create {
                view! {
                    <CddForm aid=aid.clone() merchant=merchant submission=cdd_submission kept=kept_cdd action=cdd/>
                }.into_any()
            } else {
                view! { <p class="text-muted mt-3 text-sm" data-testid="may-not-create-cdd">{t!("sellers.may_not_create")}</p> }.into_any()
            }}
        </section>
    }
    .into_any()
}

/// A section Dintero would not read: said in words, without making the whole page a failure.
#[component]
fn SectionError(error: AppError, testid: &'static str) -> impl IntoView {
    match error {
        AppError::Forbidden => {
            view! { <p class="text-muted text-sm" data-testid=testid>{t!("sellers.section_forbidden")}</p> }.into_any()
        }
        error => view! {
            <div data-testid=testid>
                <p role="alert" class="notice-error">
                    {t(error.message_key())}
                    {match &error {
                        AppError::Upstream { status, detail: Some(detail), .. } => format!(" Dintero ({status}): {detail}"),
                        _ => String::new(),
                    }}
                </p>
            </div>
        }
        .into_any(),
    }
}

fn row_class(id: &str, created: &Option<String>) -> &'static str {
    if created.as_deref() == Some(id) {
        "bg-accent-50 dark:bg-white/5"
    } else {
        ""
    }
}

#[component]
fn Payments(rows: Vec<PaymentRow>, created: Option<String>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="text-muted text-sm">{t!("sellers.no_payments")}</p> }.into_any();
    }
    view! {
        <table class="data-table">
            <thead>
                <tr>
                    <th scope="col">{t!("sellers.status")}</th>
                    <th scope="col">{t!("sellers.payment_methods")}</th>
                    <th scope="col">{t!("sellers.products")}</th>
                    <th scope="col">{t!("sellers.bank_account_number")}</th>
                    <th scope="col">{t!("sellers.created")}</th>
                    <th scope="col">{t!("sellers.updated")}</th>
                    <th scope="col">{t!("sellers.links")}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|row| {
                    let account = row.bank_accounts.first().and_then(|a| a.number.clone()).unwrap_or_else(|| "–".into());
                    view! {
                        <tr id=row.id.clone() class=row_class(&row.id, &created) data-kind="payment">
                            <td>{row.status.clone().map(|status| view! { <CaseStatusBadge status/> })}</td>
                            <td>{row.payment_methods.join(", ")}</td>
                            <td>{row.products.join(", ")}</td>
                            <td class="font-mono text-xs">{account}</td>
                            <td class="whitespace-nowrap">{when(row.created_at.as_deref())}</td>
                            <td class="whitespace-nowrap">{when(row.updated_at.as_deref())}</td>
                            <td><LinkList links=row.links/></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn Cases(rows: Vec<CddRow>, created: Option<String>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="text-muted text-sm">{t!("sellers.no_cases")}</p> }.into_any();
    }
    view! {
        <table class="data-table">
            <thead>
                <tr>
                    <th scope="col">{t!("sellers.status")}</th>
                    <th scope="col">{t!("sellers.products")}</th>
                    <th scope="col">{t!("sellers.checks")}</th>
                    <th scope="col">{t!("sellers.payout_destination_id")}</th>
                    <th scope="col">{t!("sellers.created")}</th>
                    <th scope="col">{t!("sellers.updated")}</th>
                    <th scope="col">{t!("sellers.links")}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|row| view! {
                    <tr id=row.id.clone() class=row_class(&row.id, &created) data-kind="cdd">
                        <td>{row.status.clone().map(|status| view! { <CaseStatusBadge status/> })}</td>
                        <td>{row.products.join(", ")}</td>
                        <td>{row.checks.join(", ")}</td>
                        <td>{row.payout_destination_id.clone().unwrap_or_else(|| "–".into())}</td>
                        <td class="whitespace-nowrap">{when(row.created_at.as_deref())}</td>
                        <td class="whitespace-nowrap">{when(row.updated_at.as_deref())}</td>
                        <td>
                            {row.contract_url.clone().map(|href| view! {
                                <a href=href class="underline" target="_blank" rel="noopener noreferrer" data-rel="contract_url">
                                    {t!("sellers.link.contract_url")}
                                </a>
                            })}
                        </td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
