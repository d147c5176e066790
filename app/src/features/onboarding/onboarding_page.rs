//! [`NewMerchantPage`]: `/accounts/new?step=...`, onboarding a merchant in steps. Each step is a
//! plain form saved into the person's draft; with JavaScript the fields are also checked as they
//! are typed. The review step sends the draft to Dintero once and lands on the new merchant.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::draft::{check_step, step_fields, Draft, INVITES, STEPS};
use super::save::{get_draft, onboarding_packages, step_error_key, CreateMerchant, SaveStep, StartOver};
use crate::components::ErrorNotice;
use crate::error::AppError;
use crate::i18n::t;

/// What every field component of a step needs.
#[derive(Clone, Copy)]
struct StepForm {
    values: RwSignal<Draft>,
    touched: RwSignal<BTreeSet<String>>,
    server_error: Signal<Option<AppError>>,
    step: &'static str,
}

impl StepForm {
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

#[component]
pub fn NewMerchantPage() -> impl IntoView {
    let query = use_query_map();
    let save = ServerAction::<SaveStep>::new();
    let create = ServerAction::<CreateMerchant>::new();
    let start_over = ServerAction::<StartOver>::new();
    let draft = Resource::new(
        move || (save.version().get(), start_over.version().get()),
        |_| get_draft(),
    );
    let packages = Resource::new(|| (), |_| onboarding_packages());
    view! {
        <Title text=format!("{} · Partner Back-office", t("onboarding.title"))/>
        <p class="mb-2 text-sm"><a href="/accounts" class="text-muted underline">{t("merchant.back")}</a></p>
        <h1 class="mb-1 text-2xl font-semibold">{t("onboarding.title")}</h1>
        <p class="text-muted mb-6">{t("onboarding.lead")}</p>
        <Transition fallback=|| view! { <p class="text-muted">{t("common.loading")}</p> }>
            {move || Suspend::new(async move {
                let state = match draft.await {
                    Ok(state) => state,
                    Err(error) => return view! { <ErrorNotice error/> }.into_any(),
                };
                if let Some(aid) = state.created {
                    return view! { <Created aid start_over/> }.into_any();
                }
                let step = query.with(|q| q.get("step")).unwrap_or_default();
                let step = STEPS
                    .iter()
                    .map(|(s, _)| *s)
                    .find(|s| *s == step)
                    .unwrap_or_else(|| state.draft.first_incomplete_step().unwrap_or("review"));
                let packages = packages.await.unwrap_or_default();
                view! {
                    <Stepper current=step draft=state.draft.clone()/>
                    {if step == "review" {
                        view! { <Review draft=state.draft create/> }.into_any()
                    } else {
                        view! { <Step step draft=state.draft save packages/> }.into_any()
                    }}
                }
                .into_any()
            })}
        </Transition>
    }
}

#[component]
fn Stepper(current: &'static str, draft: Draft) -> impl IntoView {
    view! {
        <nav aria-label=t("onboarding.steps") class="mb-6">
            <ol class="flex flex-wrap gap-1 rounded-lg bg-black/5 p-1 dark:bg-white/5">
                {STEPS.iter().enumerate().map(|(i, (step, key))| {
                    let typed = step_fields(step).iter().any(|f| !draft.get(f).is_empty());
                    let done = *step != "review" && typed && check_step(step, &draft).is_empty();
                    let label = format!("{}. {}{}", i + 1, t(key), if done { " ✓" } else { "" });
                    let here = (*step == current).then_some("step");
                    view! {
                        <li><a href=format!("/accounts/new?step={step}") class="tab" aria-current=here>{label}</a></li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    }
}

#[component]
fn Step(
    step: &'static str,
    draft: Draft,
    save: ServerAction<SaveStep>,
    packages: Vec<(String, String)>,
) -> impl IntoView {
    let form = StepForm {
        values: RwSignal::new(draft),
        touched: RwSignal::new(BTreeSet::new()),
        server_error: Signal::derive(move || save.value().get().and_then(Result::err)),
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
            <Choice form name="country" label="onboarding.country"
                options=vec![("NO".into(), t("onboarding.norway").into()), ("SE".into(), t("onboarding.sweden").into())]/>
            <Field form name="organization_number" label="onboarding.org_number" hint="onboarding.org_hint"/>
            <Field form name="business_name" label="merchant.business_name"/>
            <Field form name="website" label="merchant.website" kind="url"/>
            <Field form name="email" label="merchant.email" kind="email"/>
            <Field form name="phone_number" label="merchant.phone" kind="tel"/>
            <Field form name="address_line" label="onboarding.address_line"/>
            <Field form name="postal_code" label="onboarding.postal_code"/>
            <Field form name="postal_place" label="onboarding.postal_place"/>
        }.into_any(),
        "applicant" => view! {
            <Field form name="applicant_first_name" label="onboarding.first_name"/>
            <Field form name="applicant_last_name" label="onboarding.last_name"/>
            <Field form name="applicant_email" label="merchant.email" kind="email"/>
            <Field form name="applicant_phone" label="merchant.phone" kind="tel"/>
        }.into_any(),
        "billing" => view! {
            <Field form name="billing_email" label="onboarding.billing_email" kind="email"/>
            <Field form name="billing_reference" label="merchant.reference"/>
            <p class="text-muted text-sm md:col-span-2">{t("onboarding.billing_address_hint")}</p>
            <Field form name="billing_address_line" label="onboarding.address_line"/>
            <Field form name="billing_postal_code" label="onboarding.postal_code"/>
            <Field form name="billing_postal_place" label="onboarding.postal_place"/>
        }.into_any(),
        "package" => {
            let mut options = vec![(String::new(), t("onboarding.choose_package").to_owned())];
            options.extend(packages.into_iter().map(|(id, name)| (id.clone(), format!("{name} ({id})"))));
            view! { <Choice form name="price_package" label="portfolio.price_package" options/> }.into_any()
        }
        _ => view! {
            <p class="text-muted text-sm md:col-span-2">{t("onboarding.invite_lead")}</p>
            {(1..=INVITES).map(|i| {
                let name: &'static str = ["invite_1_name", "invite_2_name", "invite_3_name"][i - 1];
                let email: &'static str = ["invite_1_email", "invite_2_email", "invite_3_email"][i - 1];
                view! {
                    <Field form name label="onboarding.invite_name"/>
                    <Field form name=email label="onboarding.invite_email" kind="email"/>
                }
            }).collect_view()}
            <Field form name="invitation_note" label="onboarding.invitation_note"/>
            <Choice form name="send_invite" label="onboarding.send_invite"
                options=vec![("yes".into(), t("onboarding.send_now").into()), ("no".into(), t("onboarding.send_later").into())]/>
        }.into_any(),
    };
    view! {
        <ActionForm action=save attr:class="card grid gap-4 md:grid-cols-2" attr:novalidate="" attr:data-step=step>
            <input type="hidden" name="step" value=step/>
            <input type="hidden" name="next" value=next/>
            {body}
            <div class="flex flex-col gap-3 md:col-span-2">
                {move || general().map(|error| view! { <ErrorNotice error/> })}
                <div class="flex gap-2">
                    {back.map(|href| view! { <a href=href class="btn-ghost">{t("onboarding.back")}</a> })}
                    <button type="submit" class="btn-primary" disabled=move || save.pending().get()>{t("onboarding.continue")}</button>
                </div>
                <p class="text-muted text-xs">{t("onboarding.draft_kept")}</p>
            </div>
        </ActionForm>
    }
}

/// A text input of the step, checked as it is typed once it has been left.
#[component]
fn Field(
    form: StepForm,
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
fn Choice(form: StepForm, name: &'static str, label: &'static str, options: Vec<(String, String)>) -> impl IntoView {
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

#[component]
fn Review(draft: Draft, create: ServerAction<CreateMerchant>) -> impl IntoView {
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    let incomplete = draft.first_incomplete_step();
    let rows = STEPS
        .iter()
        .filter(|(s, _)| *s != "review")
        .map(|(step, key)| {
            let values: Vec<(String, String)> = step_fields(step)
                .into_iter()
                .map(|f| (f.clone(), draft.get(&f)))
                .filter(|(_, v)| !v.is_empty())
                .collect();
            let complete = check_step(step, &draft).is_empty();
            view! {
                <section class="card" data-testid=format!("review-{step}")>
                    <div class="mb-2 flex items-center justify-between">
                        <h2 class="card-title mb-0">{t(key)}</h2>
                        <a href=format!("/accounts/new?step={step}") class="text-sm underline">{t("onboarding.edit")}</a>
                    </div>
                    {(!complete).then(|| view! { <p class="field-error mb-2">{t(step_error_key(step))}</p> })}
                    <dl class="facts">
                        {values.into_iter().map(|(field, value)| view! { <dt><code class="text-xs">{field}</code></dt><dd>{value}</dd> }).collect_view()}
                    </dl>
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="mb-4 grid gap-4 lg:grid-cols-2">{rows}</div>
        <ActionForm action=create attr:class="card flex flex-col gap-3">
            {move || error.get().map(|error| view! { <ErrorNotice error/> })}
            {incomplete.map(|step| view! { <p class="field-error">{t(step_error_key(step))}</p> })}
            <button type="submit" class="btn-primary self-start" disabled=move || create.pending().get()>
                {move || if create.pending().get() { t("onboarding.creating") } else { t("onboarding.create") }}
            </button>
        </ActionForm>
    }
}

#[component]
fn Created(aid: String, start_over: ServerAction<StartOver>) -> impl IntoView {
    view! {
        <section class="card flex flex-col gap-3" role="status">
            <p>{t("onboarding.created")}" "<a href=format!("/accounts/{aid}") class="font-medium underline">{aid.clone()}</a></p>
            <ActionForm action=start_over>
                <button type="submit" class="btn-primary">{t("onboarding.start_over")}</button>
            </ActionForm>
        </section>
    }
}
