//! [`NewConfigPage`] (`/accounts/{aid}/report-configurations/new`) and [`EditConfigPage`]
//! (`/accounts/{aid}/report-configurations/{id}`): one settlement report configuration's form,
//! checked before sending; a refusal marks its field and keeps what was typed, with or without
//! JavaScript. The edit page also deletes, after a ticked confirmation (no script needed).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::config_input::{ConfigInput, FIELD_EMAILS, FIELD_FILETYPES, FIELD_PROVIDERS, FIELD_SELLERS, FILETYPES};
use super::finance_header::{FinanceHeader, FinanceTab};
use super::read::{report_configuration_form, ConfigFormStart};
use super::write::{kept_key, CreateReportConfiguration, DeleteReportConfiguration, UpdateReportConfiguration};
use crate::auth::{take_kept_input, KeptInput};
use crate::components::{ErrorNotice, TextAreaField, TextField};
use crate::dintero::settlements::ReportConfiguration;
use crate::error::AppError;
use crate::features::settlements::settlement_filter::PROVIDERS;
use crate::format::date_time_str;
use crate::format::provider_name;
use crate::i18n::{key, t};

#[component]
pub fn NewConfigPage() -> impl IntoView {
    view! { <ConfigFormPage editing=false/> }
}

#[component]
pub fn EditConfigPage() -> impl IntoView {
    view! { <ConfigFormPage editing=true/> }
}

#[component]
fn ConfigFormPage(editing: bool) -> impl IntoView {
    let params = use_params_map();
    let aid = Memo::new(move |_| params.with(|p| p.get("aid").unwrap_or_default().to_ascii_uppercase()));
    let id = Memo::new(move |_| {
        if editing {
            params.with(|p| p.get("id").unwrap_or_default())
        } else {
            String::new()
        }
    });
    let start = Resource::new(
        move || (aid.get(), id.get()),
        |(aid, id)| report_configuration_form(aid, id),
    );
    let kept = Resource::new_blocking(
        move || (aid.get(), id.get()),
        |(aid, id)| async move {
            let form = if id.is_empty() {
                "create_report_configuration".to_owned()
            } else {
                format!("update_report_configuration:{id}")
            };
            take_kept_input(kept_key(&form, &aid)).await.unwrap_or_default()
        },
    );
    let create = ServerAction::<CreateReportConfiguration>::new();
    let update = ServerAction::<UpdateReportConfiguration>::new();
    let delete = ServerAction::<DeleteReportConfiguration>::new();
    view! {
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || Suspend::new(async move {
                let kept = kept.await;
                match start.await {
                    Ok(start) => match start.existing.clone() {
                        Some(existing) => view! { <Edit start existing kept update delete/> }.into_any(),
                        None => view! { <New start kept create/> }.into_any(),
                    },
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
fn New(start: ConfigFormStart, kept: KeptInput, create: ServerAction<CreateReportConfiguration>) -> impl IntoView {
    let error: Signal<Option<AppError>> = Signal::derive(move || create.value().get().and_then(Result::err));
    let aid = start.merchant.aid.clone();
    let input = start.input.clone().or_kept(&kept);
    let submission = Some(kept.get("submission"))
        .filter(|s| !s.is_empty())
        .unwrap_or(start.submission.clone());
    view! {
        <FinanceHeader merchant=start.merchant tab=FinanceTab::Configurations title=t!("reports.configs.new")/>
        <ActionForm action=create attr:class="card flex flex-col gap-6" attr:novalidate=""
            attr:aria-label=t!("reports.configs.new")>
            <input type="hidden" name="aid" value=aid.clone()/>
            <input type="hidden" name="submission" id="config-submission" value=submission/>
            <ConfigFields input error/>
            {general_error(error)}
            <div class="flex gap-2">
                <button type="submit" class="btn-primary" disabled=move || create.pending().get()>
                    {t!("reports.configs.create")}
                </button>
                <a href=format!("/accounts/{aid}/report-configurations") class="btn-ghost">{t!("reports.cancel")}</a>
            </div>
        </ActionForm>
    }
    .into_any()
}

#[component]
fn Edit(
    start: ConfigFormStart,
    existing: ReportConfiguration,
    kept: KeptInput,
    update: ServerAction<UpdateReportConfiguration>,
    delete: ServerAction<DeleteReportConfiguration>,
) -> impl IntoView {
    let error: Signal<Option<AppError>> = Signal::derive(move || update.value().get().and_then(Result::err));
    let delete_error: Signal<Option<AppError>> = Signal::derive(move || delete.value().get().and_then(Result::err));
    let aid = start.merchant.aid.clone();
    let id = existing.id.clone();
    let cancel = format!("/accounts/{aid}/report-configurations");
    let (delete_aid, delete_id) = (aid.clone(), id.clone());
    let input = start.input.clone().or_kept(&kept);
    let submission = Some(kept.get("submission"))
        .filter(|s| !s.is_empty())
        .unwrap_or(start.submission.clone());
    let confirm_message = move || {
        delete_error
            .get()
            .filter(|e| e.field() == Some("confirm"))
            .map(|e| crate::i18n::use_locale().text(e.message_key()))
    };
    let delete_other = move || {
        delete_error
            .get()
            .filter(|e| e.field() != Some("confirm"))
            .map(|error| view! { <ErrorNotice error/> })
    };
    view! {
        <FinanceHeader merchant=start.merchant tab=FinanceTab::Configurations title=t!("reports.configs.edit")/>
        <p class="text-muted mb-4 text-sm" data-testid="config-id">
            {t!("reports.configs.id", id = id)}
            {existing.created_at.as_deref().map(|c| format!(" · {}", t!("reports.configs.created_at", time = date_time_str(c))))}
            {existing.updated_at.as_deref().map(|u| format!(" · {}", t!("reports.configs.updated_at", time = date_time_str(u))))}
        </p>
        <ActionForm action=update attr:class="card mb-6 flex flex-col gap-6" attr:novalidate=""
            attr:aria-label=t!("reports.configs.edit")>
            <input type="hidden" name="aid" value=aid/>
            <input type="hidden" name="id" value=id.clone()/>
            <input type="hidden" name="submission" id="config-submission" value=submission/>
            <ConfigFields input error/>
            {general_error(error)}
            <div class="flex gap-2">
                <button type="submit" class="btn-primary" disabled=move || update.pending().get()>
                    {t!("reports.configs.save")}
                </button>
                <a href=cancel class="btn-ghost">{t!("reports.cancel")}</a>
            </div>
        </ActionForm>
        <ActionForm action=delete attr:class="card flex flex-col gap-3" attr:aria-label=t!("reports.configs.delete_form")>
            <h2 class="card-title">{t!("reports.configs.delete_form")}</h2>
            <input type="hidden" name="aid" value=delete_aid/>
            <input type="hidden" name="id" value=delete_id/>
            <input type="hidden" name="submission" id="delete-submission" value=start.delete_submission.clone()/>
            <label class="flex items-center gap-2 text-sm">
                <input type="checkbox" name="confirm" value="yes"
                    aria-invalid=move || confirm_message().is_some().to_string()
                    aria-describedby=move || confirm_message().map(|_| "confirm-error")/>
                {t!("reports.configs.delete_confirm")}
            </label>
            {move || confirm_message().map(|m| view! { <p id="confirm-error" class="field-error">{m}</p> })}
            {delete_other}
            <div>
                <button type="submit" class="btn-danger" disabled=move || delete.pending().get()>
                    {t!("reports.configs.delete")}
                </button>
            </div>
        </ActionForm>
    }
    .into_any()
}

/// An error that belongs to none of the form's fields, shown above its buttons.
fn general_error(error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error
            .get()
            .filter(|e| e.field().is_none_or(|f| !f.starts_with("config[")))
            .map(|error| view! { <ErrorNotice error/> })
    }
}

/// The fields both forms share.
#[component]
fn ConfigFields(input: ConfigInput, error: Signal<Option<AppError>>) -> impl IntoView {
    let filetypes: Vec<(String, String, bool)> = FILETYPES
        .iter()
        .map(|f| {
            (
                format!("config[filetypes][{f}]"),
                f.to_uppercase(),
                input.has_filetype(f),
            )
        })
        .collect();
    let providers: Vec<(String, String, bool)> = PROVIDERS
        .iter()
        .map(|p| {
            (
                format!("config[providers][{p}]"),
                provider_name(p),
                input.has_provider(p),
            )
        })
        .collect();
    view! {
        <Checks legend=key!("reports.form.filetypes") field=FIELD_FILETYPES boxes=filetypes error hint=None/>
        <fieldset class="flex flex-col gap-3">
            <legend class="field-label mb-1">{t!("reports.form.destinations")}</legend>
            <label class="flex items-center gap-1.5 text-sm">
                <input type="checkbox" name="config[account_email]" value="on" checked=input.sends_to_account_email()/>
                {t!("reports.form.account_email")}
            </label>
            <TextAreaField name=FIELD_EMAILS label=key!("reports.form.emails") value=input.emails.clone() error rows=3/>
            <p class="text-muted text-sm">{t!("reports.form.destinations_hint")}</p>
        </fieldset>
        <Checks legend=key!("reports.form.providers") field=FIELD_PROVIDERS boxes=providers error
            hint=Some(key!("reports.form.providers_hint"))/>
        <div>
            <TextField name=FIELD_SELLERS label=key!("reports.form.sellers") value=input.sellers.clone() error/>
            <p class="text-muted mt-1 text-sm">{t!("reports.form.sellers_hint")}</p>
        </div>
    }
}

/// A group of checkboxes whose error (at `field`) is shown under it.
#[component]
fn Checks(
    legend: &'static str,
    field: &'static str,
    /// (name, label, checked).
    boxes: Vec<(String, String, bool)>,
    error: Signal<Option<AppError>>,
    hint: Option<&'static str>,
) -> impl IntoView {
    let message = move || {
        error
            .get()
            .filter(|e| e.field() == Some(field))
            .map(|e| crate::i18n::use_locale().text(e.message_key()))
    };
    let error_id = format!("{field}-error");
    let described = error_id.clone();
    view! {
        <fieldset aria-describedby=move || message().map(|_| described.clone())>
            <legend class="field-label mb-1">{t(legend)}</legend>
            <div class="flex flex-wrap gap-x-4 gap-y-1">
                {boxes.into_iter().map(|(name, label, checked)| view! {
                    <label class="flex items-center gap-1.5 text-sm">
                        <input type="checkbox" name=name value="on" checked=checked
                            aria-invalid=move || message().is_some().to_string()/>
                        {label}
                    </label>
                }).collect_view()}
            </div>
            {hint.map(|h| view! { <p class="text-muted mt-1 text-sm">{t(h)}</p> })}
            {move || message().map(|m| view! { <p id=error_id.clone() class="field-error mt-1">{m}</p> })}
        </fieldset>
    }
}
