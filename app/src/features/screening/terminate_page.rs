//! [`TerminatePage`]: `/screening/terminate?aid=..&register=match|vmss`, adding a terminated merchant
//! to MATCH or VMSS, for those allowed. Two steps, both working without JavaScript: the form (a GET
//! form, checked on the server as it renders `&step=confirm`), then a confirmation that names the
//! merchant and the consequence, whose button posts the termination once.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::codes::{match_reason_key, MATCH_TERMINATION_REASONS, VMSS_REASONS};
use super::read::screening_subject;
use super::termination::{TerminationInput, FIELDS};
use super::write::TerminateMerchant;
use crate::auth::{Capability, CurrentUser};
use crate::components::{ErrorNotice, PageHeader, SelectField, TextAreaField, TextField};
use crate::error::AppError;
use crate::i18n::{key, t};

#[component]
pub fn TerminatePage() -> impl IntoView {
    let query = use_query_map();
    let may = use_context::<CurrentUser>().is_some_and(|u| u.may(Capability::Terminate));
    let aid = Memo::new(move |_| query.with(|q| q.get("aid").unwrap_or_default()));
    let subject = Resource::new(move || aid.get(), screening_subject);
    view! {
        <p class="mb-2 text-sm">
            <a href=move || crate::paging::href("/screening", &[("aid", aid.get())]) class="text-muted underline">
                {t!("screening.back")}
            </a>
        </p>
        <PageHeader title=t!("screening.terminate_title")/>
        {if may {
            view! {
                <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
                    {move || Suspend::new(async move {
                        let subject = match subject.await {
                            Ok(subject) => subject,
                            Err(error) => return view! { <ErrorNotice error/> }.into_any(),
                        };
                        let (step, register, has_fields, typed) = query.with(|q| {
                            let register = q.get("register").filter(|r| r == "vmss").unwrap_or_else(|| "match".into());
                            let typed = TerminationInput::from_fields(
                                FIELDS.iter().map(|f| (*f, q.get(f).unwrap_or_default())),
                            );
                            (q.get("step").unwrap_or_default(), register, q.get("business_name").is_some(), typed)
                        });
                        let input = if has_fields {
                            TerminationInput { register: register.clone(), ..typed }
                        } else {
                            TerminationInput::from_criteria(&register, &subject.aid, &subject.criteria)
                        };
                        let checked = (step == "confirm").then(|| input.check());
                        match checked {
                            Some(Ok(())) => view! { <Confirm aid=subject.aid.clone() name=subject.name.clone() input/> }.into_any(),
                            other => {
                                let error = other.and_then(Result::err);
                                view! { <TerminationForm aid=subject.aid.clone() name=subject.name.clone() input error/> }.into_any()
                            }
                        }
                    })}
                </Transition>
            }.into_any()
        } else {
            view! { <ErrorNotice error=AppError::Forbidden/> }.into_any()
        }}
    }
}

fn register_name(input: &TerminationInput) -> &'static str {
    if input.is_match() {
        key!("screening.register.match")
    } else {
        key!("screening.register.vmss")
    }
}

/// The translation key of a form field's label.
fn label_key(field: &str) -> &'static str {
    match field {
        "business_name" => key!("screening.field.legal_name"),
        "trade_name" => key!("screening.field.trade_name"),
        "org_number" => key!("screening.field.org_number"),
        "address_line" => key!("screening.field.address"),
        "postal_code" => key!("screening.field.postal_code"),
        "city" => key!("screening.field.city"),
        "country" => key!("screening.field.country"),
        "phone_number" => key!("screening.field.phone"),
        "email" => key!("screening.field.email"),
        "website" => key!("screening.field.website"),
        "mcc" => key!("screening.field.mcc"),
        "principal_first_name" => key!("screening.principal.first_name"),
        "principal_last_name" => key!("screening.principal.last_name"),
        "principal_email" => key!("screening.principal.email"),
        "principal_phone" => key!("screening.principal.phone"),
        "merchant_id" => key!("screening.field.merchant_id"),
        "proprietorship" => key!("screening.field.proprietorship"),
        "reason" => key!("screening.reason"),
        "secondary_reason" => key!("screening.secondary_reason"),
        "start_date" => key!("screening.field.start_date"),
        "end_date" => key!("screening.field.end_date"),
        "comment" => key!("screening.field.comment"),
        _ => key!("screening.field.other"),
    }
}

fn reason_options(input: &TerminationInput) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), t!("screening.choose").to_owned())];
    if input.is_match() {
        options.extend(
            MATCH_TERMINATION_REASONS
                .iter()
                .map(|c| ((*c).to_owned(), format!("{c} – {}", t(match_reason_key(c))))),
        );
    } else {
        options.extend(VMSS_REASONS.iter().map(|r| ((*r).to_owned(), (*r).to_owned())));
    }
    options
}

#[component]
fn TerminationForm(aid: String, name: String, input: TerminationInput, error: Option<AppError>) -> impl IntoView {
    let error = Signal::stored(error);
    let other = if input.is_match() { "vmss" } else { "match" };
    let switch = crate::paging::href(
        "/screening/terminate",
        &[("aid", aid.clone()), ("register", other.to_owned())],
    );
    let v = |field: &str| input.get(field);
    let text = |field: &'static str, label: &'static str| {
        view! { <TextField name=field label value=v(field) error/> }
    };
    let vmss = !input.is_match();
    view! {
        <p class="mb-4">
            {t!("screening.terminate_lead")}" "<strong>{name}</strong>" · "{t(register_name(&input))}". "
            <a href=switch class="underline">{t(if vmss { key!("screening.switch_match") } else { key!("screening.switch_vmss") })}</a>
        </p>
        <form method="get" action="/screening/terminate" class="card flex flex-col gap-4" novalidate=""
            aria-label=t!("screening.terminate_title")>
            <input type="hidden" name="aid" value=aid/>
            <input type="hidden" name="register" value=input.register.clone()/>
            <input type="hidden" name="step" value="confirm"/>
            <div class="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                {text("business_name", key!("screening.field.legal_name"))}
                {text("trade_name", key!("screening.field.trade_name"))}
                {text("org_number", key!("screening.field.org_number"))}
                {text("address_line", key!("screening.field.address"))}
                {text("postal_code", key!("screening.field.postal_code"))}
                {text("city", key!("screening.field.city"))}
                {text("country", key!("screening.field.country"))}
                {text("phone_number", key!("screening.field.phone"))}
                {text("email", key!("screening.field.email"))}
                {text("website", key!("screening.field.website"))}
                {text("mcc", key!("screening.field.mcc"))}
                {text("merchant_id", key!("screening.field.merchant_id"))}
            </div>
            <fieldset class="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
                <legend class="field-label mb-1">{t!("screening.principal")}</legend>
                {text("principal_first_name", key!("screening.principal.first_name"))}
                {text("principal_last_name", key!("screening.principal.last_name"))}
                {text("principal_email", key!("screening.principal.email"))}
                {text("principal_phone", key!("screening.principal.phone"))}
            </fieldset>
            <div class="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                <SelectField name="reason" label=key!("screening.reason") options=reason_options(&input)
                    selected=input.reason.clone() error/>
                {if vmss {
                    let mut options = reason_options(&input);
                    options[0].1 = t!("screening.none").to_owned();
                    view! { <SelectField name="secondary_reason" label=key!("screening.secondary_reason") options
                        selected=input.secondary_reason.clone() error/> }.into_any()
                } else {
                    let options = vec![
                        ("N".to_owned(), t!("common.no").to_owned()),
                        ("Y".to_owned(), t!("common.yes").to_owned()),
                    ];
                    view! { <SelectField name="proprietorship" label=key!("screening.field.proprietorship") options
                        selected=input.proprietorship.clone() error/> }.into_any()
                }}
                {text("start_date", key!("screening.field.start_date"))}
                {text("end_date", key!("screening.field.end_date"))}
            </div>
            <TextAreaField name="comment" label=key!("screening.field.comment") value=input.comment.clone() error
                rows=2 maxlength=500/>
            {move || error.get().filter(|e| e.field().is_none()).map(|error| view! { <ErrorNotice error/> })}
            <div><button type="submit" class="btn-primary">{t!("screening.review_termination")}</button></div>
        </form>
    }
    .into_any()
}

#[component]
fn Confirm(aid: String, name: String, input: TerminationInput) -> impl IntoView {
    let action = ServerAction::<TerminateMerchant>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let reason = if input.is_match() {
        format!("{} – {}", input.reason, t(match_reason_key(&input.reason)))
    } else {
        input.reason.clone()
    };
    // The merchant as it will be listed: the legal name typed (the account's name if none).
    let listed = Some(input.business_name.trim().to_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| name.clone());
    let consequence = if input.is_match() {
        t!("screening.consequence.match", merchant = listed, reason = reason)
    } else {
        t!("screening.consequence.vmss", merchant = listed, reason = reason)
    };
    let change = crate::paging::href(
        "/screening/terminate",
        &FIELDS
            .iter()
            .map(|f| (*f, input.get(f)))
            .chain([("aid", aid.clone())])
            .collect::<Vec<_>>(),
    );
    let facts = FIELDS
        .iter()
        .filter(|f| **f != "register")
        .filter_map(|f| Some((*f, input.get(f))).filter(|(_, v)| !v.trim().is_empty()))
        .map(|(f, v)| view! { <dt>{t(label_key(f))}</dt><dd class="break-words">{v}</dd> })
        .collect_view();
    let button_key = if input.is_match() {
        key!("screening.confirm_match")
    } else {
        key!("screening.confirm_vmss")
    };
    view! {
        <section class="card flex flex-col gap-4" data-testid="confirm-termination">
            <div role="alert" class="notice-error">
                <p class="font-semibold">{t!("screening.confirm_title")}</p>
                <p data-testid="consequence">{consequence}</p>
            </div>
            <dl class="facts">{facts}</dl>
            <ActionForm action attr:class="flex flex-wrap items-center gap-3">
                <input type="hidden" name="aid" value=aid/>
                {FIELDS.iter().map(|f| view! {
                    <input type="hidden" name=format!("input[{f}]") value=input.get(f)/>
                }).collect_view()}
                <input type="hidden" name="confirm" value="yes"/>
                <button type="submit" class="btn-danger" disabled=move || action.pending().get()>{t(button_key)}</button>
                <a href=change class="btn-ghost">{t!("screening.change")}</a>
            </ActionForm>
            {move || error.get().map(|error| view! { <ErrorNotice error/> })}
        </section>
    }
    .into_any()
}
