//! [`ConfigsPage`]: `/accounts/{aid}/report-configurations`, the merchant's settlement report
//! configurations (file types, where they go, providers, sellers, when made and changed), paged by
//! Dintero's `starting_after` in the URL with a trail for Previous; people with `ConfigureReports`
//! get the new and edit forms.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::finance_header::{FinanceHeader, FinanceTab};
use super::read::{list_report_configurations, ConfigList};
use crate::components::{ErrorNotice, Pager};
use crate::dintero::settlements::{ConfigurationFilterKind, DestinationType, ReportConfiguration};
use crate::format::date_time_str;
use crate::format::provider_name;
use crate::i18n::{key, t};
use crate::paging::{href, parse_trail, Cursor};

#[component]
pub fn ConfigsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let aid = Memo::new(move |_| params.with(|p| p.get("aid").unwrap_or_default().to_ascii_uppercase()));
    let after = Memo::new(move |_| query.with(|q| q.get("starting_after").unwrap_or_default()));
    let trail = Memo::new(move |_| query.with(|q| q.get("trail").map(|t| parse_trail(&t)).unwrap_or_default()));
    let notice = Memo::new(move |_| {
        query.with(|q| {
            [
                ("created", key!("reports.configs.created")),
                ("saved", key!("reports.configs.saved")),
                ("deleted", key!("reports.configs.deleted")),
            ]
            .into_iter()
            .find(|(key, _)| q.get(key).is_some())
            .map(|(_, text)| text)
        })
    });
    let list = Resource::new(
        move || (aid.get(), after.get()),
        |(aid, after)| list_report_configurations(aid, after),
    );
    view! {
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || Suspend::new(async move {
                let (after, trail, notice) = (after.get_untracked(), trail.get_untracked(), notice.get_untracked());
                match list.await {
                    Ok(list) => view! { <Configs list after trail notice/> }.into_any(),
                    Err(error) => view! {
                        <leptos_meta::Title text=t!("reports.configs.title")/>
                        <ErrorNotice error/>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Configs(list: ConfigList, after: String, trail: Vec<String>, notice: Option<&'static str>) -> impl IntoView {
    let ConfigList {
        merchant,
        items,
        next,
        may_configure,
    } = list;
    let aid = merchant.aid.clone();
    let path = format!("/accounts/{aid}/report-configurations");
    let cursor = Cursor {
        starting_after: Some(after.as_str()).filter(|a| !a.is_empty()),
        trail: &trail,
    };
    let previous = cursor.previous_pairs(Vec::new()).map(|pairs| href(&path, &pairs));
    let next = next.map(|n| href(&path, &cursor.next_pairs(Vec::new(), &n)));
    view! {
        <FinanceHeader merchant tab=FinanceTab::Configurations title=t!("reports.configs.title")/>
        {notice.map(|n| view! { <p role="status" class="card mb-4" data-testid="config-notice">{t(n)}</p> })}
        <div class="mb-4 flex flex-wrap items-center justify-between gap-3">
            <p class="text-muted">{t!("reports.configs.lead")}</p>
            {may_configure.then(|| view! {
                <a href=format!("{path}/new") class="btn-primary">{t!("reports.configs.new")}</a>
            })}
        </div>
        <section class="card overflow-x-auto">
            {if items.is_empty() {
                view! { <p class="text-muted" data-testid="no-configs">{t!("reports.configs.none")}</p> }.into_any()
            } else {
                view! {
                    <table class="data-table" data-testid="configs">
                        <thead>
                            <tr>
                                <th scope="col">{t!("reports.col.filetypes")}</th>
                                <th scope="col">{t!("reports.col.destinations")}</th>
                                <th scope="col">{t!("reports.col.providers")}</th>
                                <th scope="col">{t!("reports.col.sellers")}</th>
                                <th scope="col">{t!("reports.col.created")}</th>
                                <th scope="col">{t!("reports.col.updated")}</th>
                                {may_configure.then(|| view! { <th scope="col"><span class="sr-only">{t!("reports.edit")}</span></th> })}
                            </tr>
                        </thead>
                        <tbody>
                            {items.into_iter().map(|config| view! { <Row path=path.clone() config may_configure/> }).collect_view()}
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
fn Row(path: String, config: ReportConfiguration, may_configure: bool) -> impl IntoView {
    let filetypes = config
        .filetypes
        .iter()
        .map(|f| f.as_str().to_uppercase())
        .collect::<Vec<_>>()
        .join(", ");
    let destinations = if config.destinations.is_empty() {
        view! { <span class="text-muted">{t!("reports.destinations.none")}</span> }.into_any()
    } else {
        view! {
            <ul>
                {config.destinations.iter().map(|d| {
                    let text = match (&d.destination_type, d.destination_value.as_deref()) {
                        (DestinationType::AccountEmail, _) => t!("reports.destinations.account_email").to_owned(),
                        (_, Some(value)) => value.to_owned(),
                        (other, None) => other.to_string(),
                    };
                    view! { <li>{text}</li> }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let providers = if config.providers.is_empty() {
        t!("reports.providers.all").to_owned()
    } else {
        config
            .providers
            .iter()
            .map(|p| provider_name(p).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let sellers: Vec<String> = config
        .filters
        .iter()
        .filter(|f| f.filter == ConfigurationFilterKind::PayoutDestinationId)
        .map(|f| f.value.clone())
        .collect();
    let sellers = if sellers.is_empty() {
        t!("reports.sellers.all").to_owned()
    } else {
        sellers.join(", ")
    };
    let edit = format!("{path}/{}", crate::url::encode_path(&config.id));
    view! {
        <tr id=config.id.clone() data-config=config.id.clone()>
            <td class="font-medium">{filetypes}</td>
            <td class="text-sm">{destinations}</td>
            <td class="text-sm">{providers}</td>
            <td class="text-sm">{sellers}</td>
            <td class="whitespace-nowrap text-sm tabular-nums">{config.created_at.as_deref().map(date_time_str)}</td>
            <td class="whitespace-nowrap text-sm tabular-nums">{config.updated_at.as_deref().map(date_time_str)}</td>
            {may_configure.then(|| view! {
                <td><a href=edit class="underline">{t!("reports.edit")}</a></td>
            })}
        </tr>
    }
}
