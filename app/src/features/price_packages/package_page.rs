//! [`PackagePage`]: `/price-packages/{id}`: one package's products and prices, the merchants using
//! it, and for those allowed, assigning it to a merchant and editing it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::catalogue_page::package_href;
use super::package_editor::{PackageFields, PackageInput};
use super::read::{get_price_package, package_merchants, PackageDetail};
use super::write::UpdatePricePackage;
use crate::auth::{take_kept_input, Capability, CurrentUser};
use crate::components::ErrorNotice;
use crate::features::merchants::{AssignPricePackage, Package};
use crate::i18n::{t, tn};

#[component]
pub fn PackagePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let update = ServerAction::<UpdatePricePackage>::new();
    let assign = ServerAction::<AssignPricePackage>::new();
    let package = Resource::new(move || id.get(), get_price_package);
    let usage = Resource::new(move || id.get(), package_merchants);
    let kept = Resource::new_blocking(
        || (),
        |_| async { take_kept_input("update_price_package".into()).await.unwrap_or_default() },
    );
    let may_edit = use_context::<CurrentUser>().is_some_and(|u| u.may(Capability::PricePackages));
    let just_created = move || query.with(|q| q.get("saved").is_some());
    view! {
        <p class="mb-4"><a href="/price-packages" class="underline">{t!("packages.back")}</a></p>
        {move || just_created().then(|| view! { <p role="status" class="card mb-4">{t!("packages.created")}</p> })}
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || Suspend::new(async move {
                let kept = kept.await;
                match package.await {
                    Ok(detail) => view! { <Detail detail kept may_edit update/> }.into_any(),
                    Err(error) => view! {
                        <Title text=t!("packages.title")/>
                        <ErrorNotice error/>
                    }.into_any(),
                }
            })}
        </Transition>
        <div class="mt-4 grid gap-4 lg:grid-cols-2">
            <section class="card" data-testid="package-merchants">
                <h2 class="card-title">{t!("packages.merchants")}</h2>
                <Transition fallback=|| view! { <p class="text-muted">{t!("packages.reading_merchants")}</p> }>
                    {move || Suspend::new(async move {
                        match usage.await {
                            Ok(usage) => view! {
                                <div>
                                    {if usage.merchants.is_empty() {
                                        view! { <p class="text-muted">{t!("packages.no_merchants")}</p> }.into_any()
                                    } else {
                                        view! {
                                            <ul class="flex flex-col gap-1">
                                                {usage.merchants.into_iter().map(|(aid, name)| view! {
                                                    <li data-account=aid.clone()>
                                                        <a href=format!("/accounts/{aid}?tab=package") class="underline">{name}</a>
                                                        " "<span class="text-muted text-xs tabular-nums">{aid.clone()}</span>
                                                    </li>
                                                }).collect_view()}
                                            </ul>
                                        }.into_any()
                                    }}
                                    <p class="text-muted mt-2 text-xs">
                                        {tn!("packages.merchants_read", usage.read)}
                                        {(!usage.complete).then(|| format!(" {}", t!("packages.merchants_incomplete")))}
                                    </p>
                                </div>
                            }.into_any(),
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
            {move || may_edit.then(|| view! { <AssignForm id=id.get() assign/> })}
        </div>
    }
}

#[component]
fn Detail(
    detail: PackageDetail,
    kept: crate::auth::KeptInput,
    may_edit: bool,
    update: ServerAction<UpdatePricePackage>,
) -> impl IntoView {
    let error = Signal::derive(move || update.value().get().and_then(Result::err));
    let input = PackageInput {
        price_package_id: detail.view.price_package_id.clone(),
        name: detail.view.name.clone(),
        description: detail.view.description.clone().unwrap_or_default(),
        pricing_conditions: detail.view.pricing_conditions.clone().unwrap_or_default(),
        lines: detail.lines.clone(),
    };
    let open_editor = !kept.0.is_empty();
    let input = input.or_kept(&kept);
    let source = detail.source.clone();
    view! {
        <div class="flex flex-col gap-4">
            <Title text=detail.view.name.clone()/>
            <h1 class="text-2xl font-semibold">{detail.view.name.clone()}</h1>
            {source.map(|s| view! {
                <p class="text-sm">{t!("packages.derived_from")}" "<a href=package_href(&s) class="underline">{s.clone()}</a></p>
            })}
            <Package package=detail.view/>
            {may_edit.then(|| view! {
                <details class="card" open=open_editor>
                    <summary class="card-title cursor-pointer">{t!("packages.edit")}</summary>
                    <ActionForm action=update attr:class="mt-3 flex flex-col gap-4" attr:novalidate="">
                        <PackageFields input id_fixed=true error/>
                        {move || error.get().filter(|e| e.field().is_none()).map(|error| view! { <ErrorNotice error/> })}
                        {move || update.value().get().is_some_and(|r| r.is_ok()).then(|| view! {
                            <p role="status" class="text-sm">{t!("packages.saved")}</p>
                        })}
                        <div>
                            <button type="submit" class="btn-primary" disabled=move || update.pending().get()>{t!("packages.save")}</button>
                        </div>
                    </ActionForm>
                </details>
            })}
        </div>
    }
}

#[component]
fn AssignForm(id: String, assign: ServerAction<AssignPricePackage>) -> impl IntoView {
    let error = Signal::derive(move || assign.value().get().and_then(Result::err));
    let message = move || {
        error
            .get()
            .filter(|e| e.field() == Some("aid"))
            .map(|e| crate::i18n::use_locale().text(e.message_key()))
    };
    view! {
        <section class="card">
            <h2 class="card-title">{t!("packages.assign")}</h2>
            <p class="text-muted mb-3 text-sm">{t!("packages.assign_hint")}</p>
            <ActionForm action=assign attr:class="flex flex-wrap items-end gap-3" attr:novalidate="">
                <input type="hidden" name="price_package_id" value=id/>
                <div class="field">
                    <label for="aid" class="field-label">{t!("packages.merchant_id")}</label>
                    <input id="aid" name="aid" class="field-input" placeholder="P11200001" required=true
                        aria-invalid=move || message().is_some().to_string()
                        aria-describedby=move || message().map(|_| "aid-error")/>
                    {move || message().map(|m| view! { <p id="aid-error" class="field-error">{m}</p> })}
                </div>
                <button type="submit" class="btn-primary" disabled=move || assign.pending().get()>{t!("package.assign")}</button>
            </ActionForm>
            {move || error.get().filter(|e| e.field() != Some("aid")).map(|error| view! { <ErrorNotice error/> })}
            {move || assign.value().get().is_some_and(|r| r.is_ok()).then(|| view! {
                <p role="status" class="mt-2 text-sm">{t!("packages.assigned")}</p>
            })}
        </section>
    }
}
