//! [`CodePage`]: `/login/code`, the one-time-code step; and [`SandboxInboxPage`]: `/sandbox/inbox`,
//! the codes the built-in emulator sent (embedded default only).

use leptos::prelude::*;
use leptos_meta::Title;

use super::mfa::{get_code_step, sandbox_outbox, CodeStep, SendCode, VerifyCode};
use crate::components::{ErrorNotice, TextField};
use crate::i18n::{key, t};

#[component]
pub fn CodePage() -> impl IntoView {
    let send = ServerAction::<SendCode>::new();
    let verify = ServerAction::<VerifyCode>::new();
    let step = Resource::new_blocking(move || send.version().get(), |_| get_code_step());
    let send_error = Signal::derive(move || send.value().get().and_then(Result::err));
    let verify_error = Signal::derive(move || verify.value().get().and_then(Result::err));
    view! {
        <Title text=t!("mfa.title")/>
        <div class="flex min-h-screen flex-col items-center justify-center gap-6 px-4 py-10">
            <main id="main" class="card w-full max-w-sm">
                <h1 class="mb-1 text-2xl font-semibold">{t!("mfa.title")}</h1>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        match step.await {
                            Ok(Some(step)) => view! { <CodeForms step send verify send_error verify_error/> }.into_any(),
                            Ok(None) => view! {
                                <p class="text-muted mb-4 text-sm">{t!("mfa.no_sign_in")}</p>
                                <a href="/login" class="btn-primary w-full">{t!("mfa.start_again")}</a>
                            }.into_any(),
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        }
                    })}
                </Transition>
            </main>
        </div>
    }
}

#[component]
fn CodeForms(
    step: CodeStep,
    send: ServerAction<SendCode>,
    verify: ServerAction<VerifyCode>,
    send_error: Signal<Option<crate::AppError>>,
    verify_error: Signal<Option<crate::AppError>>,
) -> impl IntoView {
    let sent_by = step.sent_by.clone();
    let sent = sent_by.is_some();
    let sms_checked = sent_by.as_deref() != Some("email");
    view! {
        <p class="text-muted mb-5 text-sm">{t!("mfa.lead")}" "<strong class="text-ink">{step.email.clone()}</strong></p>
        <ActionForm action=send attr:class="mb-5 flex flex-col gap-3">
            <fieldset class="flex flex-col gap-2">
                <legend class="field-label mb-1">{t!("mfa.channel")}</legend>
                <label class="flex items-center gap-2 text-sm">
                    <input type="radio" name="channel" value="sms" checked=sms_checked/>{t!("mfa.sms")}
                </label>
                <label class="flex items-center gap-2 text-sm">
                    <input type="radio" name="channel" value="email" checked=!sms_checked/>{t!("mfa.email")}
                </label>
            </fieldset>
            {move || send_error.get().map(|e| view! { <p class="field-error" role="alert">{t(e.message_key())}</p> })}
            {sent_by.map(|by| view! {
                <p class="text-sm" role="status" data-testid="code-sent">
                    {if by == "email" { t!("mfa.sent_email") } else { t!("mfa.sent_sms") }}
                </p>
            })}
            <button type="submit" class="btn-ghost self-start border border-line" disabled=move || send.pending().get()>
                {if sent { t!("mfa.send_again") } else { t!("mfa.send") }}
            </button>
        </ActionForm>
        <ActionForm action=verify attr:class="flex flex-col gap-4" attr:novalidate="">
            <TextField name="code" label=key!("mfa.code") autocomplete="one-time-code" error=verify_error required=true/>
            <button type="submit" class="btn-primary w-full" disabled=move || verify.pending().get()>{t!("mfa.submit")}</button>
        </ActionForm>
        <div class="mt-5 flex justify-between text-sm">
            <a href="/login" class="text-accent-600 hover:underline dark:text-accent-400">{t!("mfa.other_account")}</a>
            {step.sandbox.then(|| view! {
                <a href="/sandbox/inbox" target="_blank" class="text-accent-600 hover:underline dark:text-accent-400">{t!("mfa.sandbox_inbox")}</a>
            })}
        </div>
    }
}

#[component]
pub fn SandboxInboxPage() -> impl IntoView {
    let messages = Resource::new_blocking(|| (), |_| sandbox_outbox());
    view! {
        <Title text=t!("sandbox.title")/>
        <main id="main" class="mx-auto max-w-2xl px-4 py-10">
            <h1 class="mb-1 text-2xl font-semibold">{t!("sandbox.title")}</h1>
            <p class="text-muted mb-6 text-sm">{t!("sandbox.lead")}</p>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match messages.await {
                        Ok(list) if list.is_empty() => view! { <p class="text-muted">{t!("sandbox.empty")}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="card divide-y divide-[var(--line)] p-0" data-testid="sandbox-messages">
                                {list.into_iter().map(|m| view! {
                                    <li class="flex items-center justify-between gap-4 px-5 py-3">
                                        <span class="text-sm">{m.to}<span class="text-muted">" · "{m.channel}" · "{crate::format::date_time_str(&m.sent_at)}</span></span>
                                        <code class="font-mono text-lg font-semibold tracking-widest">{m.code}</code>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Transition>
        </main>
    }
}
