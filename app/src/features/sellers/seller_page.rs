//! [`SellerPage`]: `/accounts/{aid}/sellers/{id}`, one seller approval whole (the seller, the
//! company, its bank accounts, who fills in the form, Dintero's links, the status with its dates),
//! and archiving it: offered only in the statuses Dintero archives from, and for an `ACTIVE` one
//! only after ticking a box that names the seller and says its payouts stop.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::merchant_header::{when, LinkList, MerchantHeader, Tab};
use super::read::{get_seller_approval, SellerPageData};
use super::views::{archivable, BankAccountView, SellerDetail};
use super::write::ArchiveSellerApproval;
use crate::components::{case_status_key, CaseStatusBadge, ErrorNotice};
use crate::dintero::approvals::CaseStatus;
use crate::i18n::{key, t};

#[component]
pub fn SellerPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let aid = Memo::new(move |_| params.with(|p| p.get("aid").unwrap_or_default()));
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let archive = ServerAction::<ArchiveSellerApproval>::new();
    let approval = Resource::new(move || (aid.get(), id.get()), |(aid, id)| get_seller_approval(aid, id));
    let notice = move || {
        query.with(|q| {
            if q.get("created").is_some() {
                Some(t!("sellers.created_notice"))
            } else if q.get("archived").is_some() {
                Some(t!("sellers.archived_notice"))
            } else {
                None
            }
        })
    };
    view! {
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || Suspend::new(async move {
                match approval.await {
                    Ok(data) => view! { <Seller data archive notice=notice()/> }.into_any(),
                    Err(error) => view! {
                        <leptos_meta::Title text=t!("sellers.approval")/>
                        <ErrorNotice error/>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Seller(
    data: SellerPageData,
    archive: ServerAction<ArchiveSellerApproval>,
    notice: Option<&'static str>,
) -> impl IntoView {
    let SellerPageData {
        merchant,
        detail,
        may_archive,
    } = data;
    let title = detail
        .row
        .name
        .clone()
        .unwrap_or_else(|| detail.row.payout_destination_id.clone());
    let aid = merchant.aid.clone();
    view! {
        <MerchantHeader merchant tab=Tab::Seller title=title.clone()/>
        {notice.map(|n| view! { <p role="status" class="card mb-4">{n}</p> })}
        <div class="grid gap-4 lg:grid-cols-2">
            <Facts detail=detail.clone()/>
            <div class="flex flex-col gap-4">
                <section class="card">
                    <h2 class="card-title">{t!("sellers.links")}</h2>
                    <LinkList links=detail.row.links.clone()/>
                </section>
                <Submitter detail=detail.clone()/>
                <ArchiveSection aid detail=detail.clone() title may_archive archive/>
            </div>
        </div>
        <BankAccounts accounts=detail.bank_accounts.clone()/>
    }
    .into_any()
}

#[component]
fn Facts(detail: SellerDetail) -> impl IntoView {
    let dash = |v: Option<String>| v.unwrap_or_else(|| "–".to_owned());
    let interval = detail.payout_interval_type.clone().map(|i| {
        t(match i.as_str() {
            "daily" => key!("sellers.interval.daily"),
            "weekly" => key!("sellers.interval.weekly"),
            "monthly" => key!("sellers.interval.monthly"),
            _ => key!("sellers.interval.other"),
        })
        .to_owned()
    });
    view! {
        <section class="card" data-testid="seller">
            <h2 class="card-title">{t!("sellers.approval")}</h2>
            <dl class="facts">
                <dt>{t!("sellers.status")}</dt>
                <dd>{detail.row.status.clone().map(|status| view! { <CaseStatusBadge status/> })}</dd>
                <dt>{t!("sellers.payout_destination_id")}</dt>
                <dd><code class="chip">{detail.row.payout_destination_id.clone()}</code></dd>
                <dt>{t!("sellers.payout_destination_name")}</dt>
                <dd>{dash(detail.row.name.clone())}</dd>
                <dt>{t!("sellers.description")}</dt>
                <dd class="whitespace-pre-line">{dash(detail.description.clone())}</dd>
                <dt>{t!("sellers.payout_reference")}</dt>
                <dd>{dash(detail.payout_reference.clone())}</dd>
                <dt>{t!("sellers.payout_interval")}</dt>
                <dd>{dash(interval)}</dd>
                <dt>{t!("sellers.country")}</dt>
                <dd>{dash(detail.country_code.clone())}</dd>
                <dt>{t!("sellers.organization_number")}</dt>
                <dd class="tabular-nums">{dash(detail.organization_number.clone())}</dd>
                <dt>{t!("sellers.created")}</dt>
                <dd>{when(detail.row.created_at.as_deref())}</dd>
                <dt>{t!("sellers.updated")}</dt>
                <dd>{when(detail.row.updated_at.as_deref())}</dd>
                {detail.deleted_at.clone().map(|at| view! {
                    <dt>{t!("sellers.archived_at")}</dt>
                    <dd>{when(Some(&at))}</dd>
                })}
                <dt>{t!("sellers.approval_id")}</dt>
                <dd><code class="text-xs">{detail.row.id.clone()}</code></dd>
            </dl>
        </section>
    }
    .into_any()
}

#[component]
fn Submitter(detail: SellerDetail) -> impl IntoView {
    let submitter = detail.form_submitter.unwrap_or_default();
    let dash = |v: Option<String>| v.unwrap_or_else(|| "–".to_owned());
    view! {
        <section class="card">
            <h2 class="card-title">{t!("sellers.form.submitter")}</h2>
            <dl class="facts">
                <dt>{t!("sellers.submitter_name")}</dt>
                <dd>{dash(submitter.name)}</dd>
                <dt>{t!("sellers.submitter_title")}</dt>
                <dd>{dash(submitter.title)}</dd>
                <dt>{t!("sellers.submitter_email")}</dt>
                <dd>{dash(submitter.email)}</dd>
            </dl>
        </section>
    }
    .into_any()
}

/// The bank accounts of an approval, one row each.
#[component]
pub fn BankAccounts(accounts: Vec<BankAccountView>) -> impl IntoView {
    view! {
        <section class="card mt-4 overflow-x-auto" data-testid="bank-accounts">
            <h2 class="card-title">{t!("sellers.form.bank")}</h2>
            {if accounts.is_empty() {
                view! { <p class="text-muted">{t!("sellers.no_bank_accounts")}</p> }.into_any()
            } else {
                view! {
                    <table class="data-table">
                        <thead>
                            <tr>
                                <th scope="col">{t!("sellers.bank_account_number")}</th>
                                <th scope="col">{t!("sellers.number_type")}</th>
                                <th scope="col">{t!("sellers.bank_name")}</th>
                                <th scope="col">{t!("sellers.bic")}</th>
                                <th scope="col">{t!("sellers.bank_country")}</th>
                                <th scope="col">{t!("sellers.bank_account_currency")}</th>
                                <th scope="col">{t!("sellers.payout_currency")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {accounts.into_iter().map(|a| {
                                let dash = |v: Option<String>| v.unwrap_or_else(|| "–".to_owned());
                                view! {
                                    <tr>
                                        <td class="font-mono text-xs">{dash(a.number)}</td>
                                        <td>{dash(a.number_type)}</td>
                                        <td>{dash(a.bank_name)}</td>
                                        <td class="font-mono text-xs">{dash(a.bic)}</td>
                                        <td>{dash(a.country)}</td>
                                        <td>{a.bank_account_currency}</td>
                                        <td>{a.payout_currency}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

#[component]
fn ArchiveSection(
    aid: String,
    detail: SellerDetail,
    title: String,
    may_archive: bool,
    archive: ServerAction<ArchiveSellerApproval>,
) -> impl IntoView {
    let status = detail.row.status.clone();
    let body = if status == Some(CaseStatus::Archived) {
        view! { <p class="text-muted text-sm">{t!("sellers.archive.already")}</p> }.into_any()
    } else if !archivable(status.as_ref()) {
        let words = status.as_ref().map(|s| t(case_status_key(s))).unwrap_or("–");
        view! {
            <p class="text-muted text-sm" data-testid="not-archivable">
                {t!("sellers.archive.not_in_status")}" "<strong>{words}</strong>"."
            </p>
        }
        .into_any()
    } else if !may_archive {
        view! { <p class="text-muted text-sm" data-testid="may-not-archive">{t!("sellers.archive.not_allowed")}</p> }
            .into_any()
    } else {
        view! { <ArchiveForm aid id=detail.row.id.clone() title active=status == Some(CaseStatus::Active) archive/> }
            .into_any()
    };
    view! {
        <section class="card">
            <h2 class="card-title">{t!("sellers.archive.title")}</h2>
            {body}
        </section>
    }
    .into_any()
}

#[component]
fn ArchiveForm(
    aid: String,
    id: String,
    title: String,
    active: bool,
    archive: ServerAction<ArchiveSellerApproval>,
) -> impl IntoView {
    let error = Signal::derive(move || archive.value().get().and_then(Result::err));
    let confirm_message = move || {
        error
            .get()
            .filter(|e| e.field() == Some("confirm"))
            .map(|e| crate::i18n::use_locale().text(e.message_key()))
    };
    view! {
        <ActionForm action=archive attr:class="flex flex-col gap-3" attr:aria-label=t!("sellers.archive.title")>
            <input type="hidden" name="aid" value=aid/>
            <input type="hidden" name="id" value=id/>
            {if active {
                view! {
                    <div class="flex flex-col gap-2" data-testid="archive-warning">
                        <p class="text-sm">
                            <strong>{title.clone()}</strong>" "{t!("sellers.archive.active_warning")}
                        </p>
                        <label class="flex items-start gap-2 text-sm">
                            <input type="checkbox" name="confirm" value="yes" class="mt-1"
                                aria-invalid=move || confirm_message().is_some().to_string()
                                aria-describedby=move || confirm_message().map(|_| "confirm-error")/>
                            <span>{t!("sellers.archive.confirm", seller = title)}</span>
                        </label>
                        {move || confirm_message().map(|m| view! { <p id="confirm-error" class="field-error">{m}</p> })}
                    </div>
                }.into_any()
            } else {
                view! { <p class="text-muted text-sm">{t!("sellers.archive.hint")}</p> }.into_any()
            }}
            {move || error.get().filter(|e| e.field() != Some("confirm")).map(|error| view! { <ErrorNotice error/> })}
            <div>
                <button type="submit" class="btn-danger" disabled=move || archive.pending().get()>
                    {t!("sellers.archive.button")}
                </button>
            </div>
        </ActionForm>
    }
    .into_any()
}
