//! The merchant page's "Price package" and "Settings" tabs.

use leptos::prelude::*;

use super::new_merchant::onboarding_packages;
use super::package_view::PackageView;
use super::read::{get_merchant_package, get_merchant_settings};
use super::write::AssignPricePackage;
use crate::components::{ErrorNotice, SelectField};
use crate::error::AppError;
use crate::format::date_time_str;
use crate::i18n::{key, t};

/// What the "Price package" tab reads: the merchant's package and, for those who may assign
/// one, the catalogue. Made by the page, once per view (the tab is drawn inside the merchant's
/// suspense, which the server draws more than once).
#[derive(Clone, Copy)]
pub struct PackageReads {
    package: Resource<Result<Option<PackageView>, AppError>>,
    catalogue: Resource<Result<Vec<(String, String)>, AppError>>,
}

impl PackageReads {
    pub fn new(aid: String, may_assign: bool) -> Self {
        Self {
            package: Resource::new(|| (), move |_| get_merchant_package(aid.clone())),
            catalogue: Resource::new(
                || (),
                move |_| async move {
                    if may_assign {
                        onboarding_packages().await
                    } else {
                        Ok(Vec::new())
                    }
                },
            ),
        }
    }
}

#[component]
pub fn PackageTab(aid: String, may_assign: bool, reads: PackageReads) -> impl IntoView {
    let assign = ServerAction::<AssignPricePackage>::new();
    let PackageReads { package, catalogue } = reads;
    let error = Signal::derive(move || assign.value().get().and_then(Result::err));
    view! {
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || {
                let aid = aid.clone();
                Suspend::new(async move {
                    let current = match package.await {
                        Ok(current) => current,
                        Err(error) => return view! { <ErrorNotice error/> }.into_any(),
                    };
                    let current_id = current.as_ref().map(|p| p.price_package_id.clone()).unwrap_or_default();
                    let options: Vec<(String, String)> = catalogue
                        .await
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(id, name)| (id.clone(), format!("{name} ({id})")))
                        .collect();
                    view! {
                        <div class="flex flex-col gap-4">
                        {(may_assign && !options.is_empty()).then(|| view! {
                            <section class="card">
                                <h2 class="card-title">{t!("package.change")}</h2>
                                <ActionForm action=assign attr:class="flex flex-wrap items-end gap-3">
                                    <input type="hidden" name="aid" value=aid.clone()/>
                                    <SelectField name="price_package_id" label=key!("portfolio.price_package") options selected=current_id error/>
                                    <button type="submit" class="btn-primary" disabled=move || assign.pending().get()>{t!("package.assign")}</button>
                                </ActionForm>
                                {move || error.get().filter(|e| e.field().is_none()).map(|error| view! { <ErrorNotice error/> })}
                            </section>
                        })}
                        {match current {
                            Some(package) => view! { <Package package/> }.into_any(),
                            None => view! { <p class="card text-muted">{t!("package.none")}</p> }.into_any(),
                        }}
                        </div>
                    }
                    .into_any()
                })
            }}
        </Transition>
    }
}

/// A package's products and prices, readable.
#[component]
pub fn Package(package: PackageView) -> impl IntoView {
    view! {
        <section class="card" data-testid="price-package">
            <div class="mb-2 flex flex-wrap items-center gap-2">
                <h2 class="text-lg font-semibold">{package.name.clone()}</h2>
                <code class="chip">{package.price_package_id.clone()}</code>
                {package.kind.clone().map(|k| view! { <span class="badge-neutral">{k}</span> })}
            </div>
            {package.description.clone().map(|d| view! { <p class="mb-2">{d}</p> })}
            {package.updated_at.as_deref().map(|at| view! {
                <p class="text-muted mb-3 text-sm">{t!("merchant.updated")}" "{date_time_str(at)}</p>
            })}
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{t!("package.product")}</th>
                        <th scope="col">{t!("package.applies_to")}</th>
                        <th scope="col">{t!("package.price")}</th>
                    </tr>
                </thead>
                <tbody>
                    {package.products.into_iter().flat_map(|product| {
                        let id = product.product_id.clone();
                        product.prices.into_iter().map(move |(applies, costs)| view! {
                            <tr>
                                <td><code class="text-xs">{id.clone()}</code></td>
                                <td class="text-sm">{applies}</td>
                                <td class="whitespace-nowrap tabular-nums">{costs}</td>
                            </tr>
                        })
                    }).collect_view()}
                </tbody>
            </table>
            {package.pricing_conditions.clone().map(|c| view! {
                <p class="text-muted mt-3 text-sm"><strong>{t!("package.conditions")}": "</strong>{c}</p>
            })}
        </section>
    }
}

/// What the "Settings" tab reads, made by the page once per view (see [`PackageReads`]).
pub type SettingsRead = Resource<Result<Vec<(String, String)>, AppError>>;

/// Reads the merchant `aid`'s settings for the "Settings" tab.
pub fn read_settings(aid: String) -> SettingsRead {
    Resource::new(|| (), move |_| get_merchant_settings(aid.clone()))
}

#[component]
pub fn SettingsTab(settings: SettingsRead) -> impl IntoView {
    view! {
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || Suspend::new(async move {
                match settings.await {
                    Ok(lines) => view! {
                        <section class="card">
                            <h2 class="card-title">{t!("settings.title")}</h2>
                            <p class="text-muted mb-3 text-sm">{t!("settings.lead")}</p>
                            <dl class="facts" data-testid="settings">
                                {lines.into_iter().map(|(path, value)| view! {
                                    <dt><code class="text-xs">{path}</code></dt><dd class="break-words">{value}</dd>
                                }).collect_view()}
                            </dl>
                        </section>
                    }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}
