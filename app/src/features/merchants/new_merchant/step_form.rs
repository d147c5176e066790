//! [`StepForm`]: one step of onboarding as a form, an island: a plain form post saves it into the
//! person's draft (so it works without JavaScript); with JavaScript each field is also checked as
//! it is typed, once it has been left, by the same checks the server runs ([`check_step`]).

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::draft::{check_step, step_fields, Draft, INVITES, STEPS};
use super::write::SaveStep;
use crate::components::{live_mark, ErrorNotice, ERROR_TEXTS};
use crate::error::AppError;
use crate::i18n::{key, t, IslandTexts};

/// The keys of the texts the step forms show: every onboarding text, the merchant fields' labels
/// they share, and the errors.
pub fn step_form_texts() -> Vec<&'static str> {
    let mut keys = vec![
        key!("merchant.business_name"),
        key!("merchant.website"),
        key!("merchant.email"),
        key!("merchant.phone"),
        key!("merchant.reference"),
        key!("portfolio.price_package"),
    ];
    keys.extend(crate::i18n::keys_starting("onboarding."));
    keys.extend(ERROR_TEXTS);
    keys
}

/// What every field component of a step needs.
#[derive(Clone, Copy)]
struct StepState {
    values: RwSignal<Draft>,
    touched: RwSignal<BTreeSet<String>>,
    server_error: Signal<Option<AppError>>,
    step: &'static str,
}

impl StepState {
    /// The error to show at `field`: the server's, or (once touched) the live check's.
    fn error(self, field: &'static str) -> Option<AppError> {
        if let Some(error) = self.server_error.get().filter(|e| e.field() == Some(field)) {
            if !self.touched.with(|t| t.contains(field)) {
                return Some(error);
            }
        }
        if !self.touched.with(|t| t.contains(field)) {
            return None;
        }
        self.values
            .with(|d| check_step(self.step, d))
            .into_iter()
            .find(|e| e.field() == Some(field))
    }
}

/// The form of onboarding step `step` over `draft`, showing `server_error` (the server's answer to
/// the last plain form post) until the person changes the field it names.
#[island]
pub fn StepForm(
    step: String,
    draft: Draft,
    packages: Vec<(String, String)>,
    server_error: Option<AppError>,
    texts: IslandTexts,
) -> impl IntoView {
    texts.install();
    let Some(step) = STEPS.iter().map(|(s, _)| *s).find(|s| *s == step) else {
        return ().into_any();
    };
    let form = StepState {
        values: RwSignal::new(draft),
        touched: RwSignal::new(BTreeSet::new()),
        server_error: Signal::stored(server_error),
        step,
    };
    let index = STEPS.iter().position(|(s, _)| *s == step).unwrap_or(0);
    let next = STEPS.get(index + 1).map(|(s, _)| *s).unwrap_or("review");
    let back = index
        .checked_sub(1)
        .map(|i| format!("/accounts/new?step={}", STEPS[i].0));
    let general = move || {
        form.server_error
            .get()
            .filter(|e| e.field().is_none_or(|f| !step_fields(step).iter().any(|s| s == f)))
    };
    let body = match step {
        "company" => view! {
            <Choice form name="country" label=key!("onboarding.country")
                options=vec![("NO".into(), t!("onboarding.norway").into()), ("SE".into(), t!("onboarding.sweden").into())]/>
            <Field form name="organization_number" label=key!("onboarding.org_number") hint=key!("onboarding.org_hint")/>
            <Field form name="business_name" label=key!("merchant.business_name")/>
            <Field form name="website" label=key!("merchant.website") kind="url"/>
            <Field form name="email" label=key!("merchant.email") kind="email"/>
            <Field form name="phone_number" label=key!("merchant.phone") kind="tel"/>
            <Field form name="address_line" label=key!("onboarding.address_line")/>
            <Field form name="postal_code" label=key!("onboarding.postal_code")/>
            <Field form name="postal_place" label=key!("onboarding.postal_place")/>
        }.into_any(),
        "applicant" => view! {
            <Field form name="applicant_first_name" label=key!("onboarding.first_name")/>
            <Field form name="applicant_last_name" label=key!("onboarding.last_name")/>
            <Field form name="applicant_email" label=key!("merchant.email") kind="email"/>
            <Field form name="applicant_phone" label=key!("merchant.phone") kind="tel"/>
        }.into_any(),
        "billing" => view! {
            <Field form name="billing_email" label=key!("onboarding.billing_email") kind="email"/>
            <Field form name="billing_reference" label=key!("merchant.reference")/>
            <p class="text-muted text-sm md:col-span-2">{t!("onboarding.billing_address_hint")}</p>
            <Field form name="billing_address_line" label=key!("onboarding.address_line")/>
            <Field form name="billing_postal_code" label=key!("onboarding.postal_code")/>
            <Field form name="billing_postal_place" label=key!("onboarding.postal_place")/>
        }.into_any(),
        "package" => {
            let mut options = vec![(String::new(), t!("onboarding.choose_package").to_owned())];
            options.extend(packages.into_iter().map(|(id, name)| (id.clone(), format!("{name} ({id})"))));
            view! { <Choice form name="price_package" label=key!("portfolio.price_package") options/> }.into_any()
        }
        _ => view! {
            <p class="text-muted text-sm md:col-span-2">{t!("onboarding.invite_lead")}</p>
            {(1..=INVITES).map(|i| {
                let name: &'static str = ["invite_1_name", "invite_2_name", "invite_3_name"][i - 1];
                let email: &'static str = ["invite_1_email", "invite_2_email", "invite_3_email"][i - 1];
                view! {
                    <Field form name label=key!("onboarding.invite_name")/>
                    <Field form name=email label=key!("onboarding.invite_email") kind="email"/>
                }
            }).collect_view()}
            <Field form name="invitation_note" label=key!("onboarding.invitation_note")/>
            <Choice form name="send_invite" label=key!("onboarding.send_invite")
                options=vec![("yes".into(), t!("onboarding.send_now").into()), ("no".into(), t!("onboarding.send_later").into())]/>
        }.into_any(),
    };
    view! {
        <form method="post" action={<SaveStep as ServerFn>::PATH} class="card grid gap-4 md:grid-cols-2" novalidate="" data-step=step
            data-live=live_mark()>
            <input type="hidden" name="step" value=step/>
            <input type="hidden" name="next" value=next/>
            {body}
            <div class="flex flex-col gap-3 md:col-span-2">
                {move || general().map(|error| view! { <ErrorNotice error/> })}
                <div class="flex gap-2">
                    {back.map(|href| view! { <a href=href class="btn-ghost">{t!("onboarding.back")}</a> })}
                    <button type="submit" class="btn-primary">{t!("onboarding.continue")}</button>
                </div>
                <p class="text-muted text-xs">{t!("onboarding.draft_kept")}</p>
            </div>
        </form>
    }
    .into_any()
}

/// A text input of the step, checked as it is typed once it has been left.
#[component]
fn Field(
    form: StepState,
    name: &'static str,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let error = move || form.error(name);
    let initial = form.values.with_untracked(|d| d.get(name));
    view! {
        <div class="field">
            <label for=name class="field-label">{t(label)}</label>
            <input
                id=name
                name=format!("fields[{name}]")
                type=kind
                class="field-input"
                value=initial
                on:input=move |ev| form.values.update(|d| { d.0.insert(name.to_owned(), event_target_value(&ev)); })
                on:blur=move |_| form.touched.update(|t| { t.insert(name.to_owned()); })
                aria-invalid=move || error().is_some().to_string()
                aria-describedby=move || error().map(|_| format!("{name}-error"))
            />
            {hint.map(|h| view! { <p class="text-muted text-xs">{t(h)}</p> })}
            {move || error().map(|e| view! { <p id=format!("{name}-error") class="field-error">{t(e.message_key())}</p> })}
        </div>
    }
}

/// A `<select>` of the step.
#[component]
fn Choice(form: StepState, name: &'static str, label: &'static str, options: Vec<(String, String)>) -> impl IntoView {
    let error = move || form.error(name);
    let selected = form.values.with_untracked(|d| d.get(name));
    view! {
        <div class="field">
            <label for=name class="field-label">{t(label)}</label>
            <select id=name name=format!("fields[{name}]") class="field-input"
                on:change=move |ev| {
                    form.values.update(|d| { d.0.insert(name.to_owned(), event_target_value(&ev)); });
                    form.touched.update(|t| { t.insert(name.to_owned()); });
                }
                aria-invalid=move || error().is_some().to_string()>
                {options.into_iter().map(|(value, text)| {
                    let is_selected = value == selected;
                    view! { <option value=value selected=is_selected>{text}</option> }
                }).collect_view()}
            </select>
            {move || error().map(|e| view! { <p class="field-error">{t(e.message_key())}</p> })}
        </div>
    }
}
