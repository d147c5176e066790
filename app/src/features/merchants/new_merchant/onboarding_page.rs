//! [`NewMerchantPage`]: `/accounts/new?step=...`, onboarding a merchant in steps. Each step is a
//! plain form saved into the person's draft ([`StepForm`], an island: with JavaScript the fields
//! are also checked as they are typed). The review step sends the draft to Dintero once and lands
//! on the new merchant.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::draft::step_error_key;
use super::draft::{check_step, step_fields, Draft, STEPS};
use super::read::{get_draft, onboarding_packages};
use super::step_form::{step_form_texts, StepForm};
use super::write::{CreateMerchant, SaveStep, StartOver};
use crate::components::{ErrorNotice, PageHeader};
use crate::i18n::{t, IslandTexts};

#[component]
pub fn NewMerchantPage() -> impl IntoView {
    let query = use_query_map();
    let save = ServerAction::<SaveStep>::new();
    let create = ServerAction::<CreateMerchant>::new();
    let start_over = ServerAction::<StartOver>::new();
    let draft = Resource::new(|| (), |_| get_draft());
    let packages = Resource::new(|| (), |_| onboarding_packages());
    view! {
        <p class="mb-2 text-sm"><a href="/accounts" class="text-muted underline">{t!("merchant.back")}</a></p>
        <PageHeader title=t!("onboarding.title") lead=t!("onboarding.lead")/>
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
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
                let server_error = save.value().get_untracked().and_then(Result::err);
                view! {
                    <Stepper current=step draft=state.draft.clone()/>
                    {if step == "review" {
                        view! { <Review draft=state.draft create/> }.into_any()
                    } else {
                        let texts = IslandTexts::of(&step_form_texts());
                        view! { <StepForm step=step.to_owned() draft=state.draft packages server_error texts/> }.into_any()
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
        <nav aria-label=t!("onboarding.steps") class="mb-6">
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
                        <a href=format!("/accounts/new?step={step}") class="text-sm underline">{t!("onboarding.edit")}</a>
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
                {move || if create.pending().get() { t!("onboarding.creating") } else { t!("onboarding.create") }}
            </button>
        </ActionForm>
    }
}

#[component]
fn Created(aid: String, start_over: ServerAction<StartOver>) -> impl IntoView {
    view! {
        <section class="card flex flex-col gap-3" role="status">
            <p>{t!("onboarding.created")}" "<a href=format!("/accounts/{aid}") class="font-medium underline">{aid.clone()}</a></p>
            <ActionForm action=start_over>
                <button type="submit" class="btn-primary">{t!("onboarding.start_over")}</button>
            </ActionForm>
        </section>
    }
}
