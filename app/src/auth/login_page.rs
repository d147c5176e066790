//! [`LoginPage`]: `/login`, sign in with a Dintero e-mail and password.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{take_kept_input, Login};
use crate::components::TextField;
use crate::error::AppError;
use crate::i18n::{key, t, LanguageSwitch};

#[component]
pub fn LoginPage() -> impl IntoView {
    let action = ServerAction::<Login>::new();
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let kept = Resource::new_blocking(|| (), |_| take_kept_input("login".to_owned()));
    let help = Resource::new_blocking(|| (), |_| get_sign_in_help());
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let general_error = move || error.get().filter(|e| e.field().is_none());
    view! {
        <Title text=t!("login.title")/>
        <div class="flex min-h-screen flex-col items-center justify-center gap-6 px-4 py-10">
            <main id="main" class="card w-full max-w-sm">
                <div class="mb-6 flex items-center gap-2">
                    <span aria-hidden="true" class="logo-mark">"PB"</span>
                    <span class="font-semibold">"Partner Back-office"</span>
                </div>
                <h1 class="mb-1 text-2xl font-semibold">{t!("login.title")}</h1>
                <p class="text-muted mb-6 text-sm">{t!("login.lead")}</p>
                {move || general_error().map(|e| view! {
                    <div role="alert" class="notice-error mb-4">{t(e.message_key())}</div>
                })}
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        let email = kept.await.map(|k| k.get("email")).unwrap_or_default();
                        view! {
                            <ActionForm action=action attr:class="flex flex-col gap-4" attr:novalidate="">
                                <input type="hidden" name="next" value=next/>
                                <TextField name="email" label=key!("login.email") input_type="email" autocomplete="username" value=email error required=true/>
                                <TextField name="password" label=key!("login.password") input_type="password" autocomplete="current-password" error required=true/>
                                <button type="submit" class="btn-primary w-full" disabled=move || action.pending().get()>
                                    {move || if action.pending().get() { t!("login.submitting") } else { t!("login.submit") }}
                                </button>
                            </ActionForm>
                        }
                    })}
                </Transition>
            </main>
            <LanguageSwitch/>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    help.await.ok().flatten().map(|help| view! { <DemoSignIns help/> })
                })}
            </Transition>
        </div>
    }
}

/// Sign-in help for the built-in emulator's demo people (shown only on the embedded default).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SignInHelp {
    pub password: String,
    /// (e-mail, what they do)
    pub people: Vec<(String, String)>,
}

/// The demo sign-ins when the app runs on its embedded emulator; `None` otherwise.
#[server(endpoint = "sign_in_help")]
pub async fn get_sign_in_help() -> Result<Option<SignInHelp>, AppError> {
    let state = crate::state::app_state()?;
    Ok(state.info.demo.clone().map(|demo| SignInHelp {
        password: demo.password,
        people: demo.people,
    }))
}

#[component]
fn DemoSignIns(help: SignInHelp) -> impl IntoView {
    view! {
        <aside class="w-full max-w-sm rounded-lg border border-dashed border-line p-4 text-sm" aria-labelledby="demo-heading">
            <h2 id="demo-heading" class="mb-1 font-medium">{t!("login.demo_heading")}</h2>
            <p class="text-muted mb-2">{t!("login.demo_lead")}" "<code class="font-mono">{help.password}</code></p>
            <ul class="space-y-1">
                {help.people.into_iter().map(|(email, role)| view! {
                    <li><code class="font-mono">{email}</code>" · "<span class="text-muted">{role}</span></li>
                }).collect_view()}
            </ul>
        </aside>
    }
}
