//! The merchant page's change forms. Each is an `ActionForm` (a plain form post without
//! JavaScript), shows field errors at the field and other errors above the button, and fills in
//! what was typed again after a failed post ([`take_kept_input`]).

use leptos::prelude::*;

use super::merchant_view::MerchantDetail;
use super::portfolio_page::status_key;
use super::write::{AddComment, DeleteMerchant, RecordConnectionEvent, UpdateMerchant};
use crate::auth::{take_kept_input, KeptInput};
use crate::components::{ErrorNotice, SelectField, TextAreaField, TextField};
use crate::dintero::accounts::{ConnectionStatus, Progression};
use crate::error::AppError;
use crate::format::provider_name;
use crate::i18n::{key, t};

/// The page's change actions (the page makes them once and provides them), so a change re-reads
/// the merchant.
#[derive(Clone, Copy)]
pub struct MerchantActions {
    pub update: ServerAction<UpdateMerchant>,
    pub event: ServerAction<RecordConnectionEvent>,
    pub comment: ServerAction<AddComment>,
    pub delete: ServerAction<DeleteMerchant>,
}

fn actions() -> MerchantActions {
    expect_context::<MerchantActions>()
}

/// An error that belongs to no field, shown above the button.
fn general(error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error
            .get()
            .filter(|e| e.field().is_none())
            .map(|error| view! { <ErrorNotice error/> })
    }
}

/// What the open tab's form kept after a failed plain form post (empty otherwise), read by the
/// page once per view ([`TabKept`]).
fn kept() -> Resource<KeptInput> {
    use_context::<TabKept>().expect("the merchant page provides TabKept").0
}

/// The kept input of the one form on the merchant page's open tab, taken once per page view.
#[derive(Clone, Copy)]
pub struct TabKept(Resource<KeptInput>);

impl TabKept {
    /// Takes what was kept for the form on `tab`, if it has one.
    pub fn take(tab: &str) -> Self {
        let form = match tab {
            "manage" => Some("update_merchant"),
            "connections" => Some("record_connection_event"),
            "activity" => Some("add_comment"),
            _ => None,
        };
        Self(Resource::new_blocking(
            || (),
            move |_| async move {
                match form {
                    Some(form) => take_kept_input(form.to_owned()).await.unwrap_or_default(),
                    None => KeptInput::default(),
                }
            },
        ))
    }
}

/// `kept` if something was kept, else `current`.
fn or_current(kept: &KeptInput, field: &str, current: Option<String>) -> String {
    if kept.0.is_empty() {
        current.unwrap_or_default()
    } else {
        kept.get(field)
    }
}

#[component]
pub fn UpdateForm(detail: MerchantDetail) -> impl IntoView {
    let action = actions().update;
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let saved = move || matches!(action.value().get(), Some(Ok(())));
    let kept = kept();
    let aid = detail.row.account_id.clone();
    let progressions: Vec<(String, String)> = Progression::KNOWN
        .iter()
        .map(|p| (p.as_str().to_owned(), t(progression_key(p.as_str())).to_owned()))
        .collect();
    view! {
        <section class="card">
            <h2 class="card-title">{t!("merchant.change")}</h2>
            <Transition fallback=|| ()>
                {move || {
                    let detail = detail.clone();
                    let aid = aid.clone();
                    let progressions = progressions.clone();
                    Suspend::new(async move {
                        let kept = kept.await;
                        view! {
                            <ActionForm action attr:class="flex flex-col gap-4" attr:novalidate="">
                                <input type="hidden" name="aid" value=aid/>
                                <SelectField name="progression" label=key!("portfolio.progression") options=progressions
                                    selected=or_current(&kept, "progression", detail.row.progression.clone()) error/>
                                <TextField name="account_manager" label=key!("portfolio.account_manager") input_type="email"
                                    value=or_current(&kept, "account_manager", detail.row.account_manager.clone()) error/>
                                <TextField name="reseller_id" label=key!("merchant.reseller_id")
                                    value=or_current(&kept, "reseller_id", detail.reseller_id.clone()) error/>
                                {general(error)}
                                {move || saved().then(|| view! { <p role="status" class="text-sm">{t!("merchant.saved")}</p> })}
                                <button type="submit" class="btn-primary self-start" disabled=move || action.pending().get()>
                                    {t!("merchant.save")}
                                </button>
                            </ActionForm>
                        }
                    })
                }}
            </Transition>
        </section>
    }
}

#[component]
pub fn ConnectionEventForm(aid: String, providers: Vec<String>) -> impl IntoView {
    let action = actions().event;
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let kept = kept();
    let provider_options: Vec<(String, String)> = providers
        .iter()
        .map(|p| (p.replace('_', "-"), provider_name(p)))
        .collect();
    let statuses: Vec<(String, String)> = ConnectionStatus::KNOWN
        .iter()
        .map(|s| (s.as_str().to_owned(), t(status_key(s.as_str())).to_owned()))
        .collect();
    view! {
        <section class="card mb-4">
            <h2 class="card-title">{t!("merchant.record_event")}</h2>
            <Transition fallback=|| ()>
                {move || {
                    let aid = aid.clone();
                    let provider_options = provider_options.clone();
                    let statuses = statuses.clone();
                    Suspend::new(async move {
                        let kept = kept.await;
                        view! {
                            <ActionForm action attr:class="grid gap-4 md:grid-cols-2" attr:novalidate="">
                                <input type="hidden" name="aid" value=aid/>
                                <SelectField name="connection" label=key!("merchant.connection") options=provider_options
                                    selected=kept.get("connection") error/>
                                <SelectField name="status" label=key!("merchant.new_status") options=statuses
                                    selected=kept.get("status") error/>
                                <TextField name="event" label=key!("merchant.event_code") value=kept.get("event") error/>
                                <TextAreaField name="description" label=key!("merchant.description") value=kept.get("description")
                                    error rows=2 maxlength=super::write::MAX_DESCRIPTION/>
                                <div class="md:col-span-2 flex flex-col gap-2">
                                    {general(error)}
                                    <button type="submit" class="btn-primary self-start" disabled=move || action.pending().get()>
                                        {t!("merchant.record")}
                                    </button>
                                </div>
                            </ActionForm>
                        }
                    })
                }}
            </Transition>
        </section>
    }
}

#[component]
pub fn CommentForm(aid: String) -> impl IntoView {
    let action = actions().comment;
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let kept = kept();
    view! {
        <section class="card mb-4">
            <h2 class="card-title">{t!("merchant.add_comment")}</h2>
            <Transition fallback=|| ()>
                {move || {
                    let aid = aid.clone();
                    Suspend::new(async move {
                        let kept = kept.await;
                        view! {
                            <ActionForm action attr:class="flex flex-col gap-3" attr:novalidate="">
                                <input type="hidden" name="aid" value=aid/>
                                <TextAreaField name="body" label=key!("merchant.comment") value=kept.get("body") error
                                    maxlength=super::write::MAX_COMMENT/>
                                <p class="text-muted text-xs">{t!("merchant.comment_private")}</p>
                                {general(error)}
                                <button type="submit" class="btn-primary self-start" disabled=move || action.pending().get()>
                                    {t!("merchant.post_comment")}
                                </button>
                            </ActionForm>
                        }
                    })
                }}
            </Transition>
        </section>
    }
}

#[component]
pub fn DeleteForm(aid: String) -> impl IntoView {
    let action = actions().delete;
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let label = t!("merchant.delete_confirm", aid = aid);
    view! {
        <section class="card border-red-300 dark:border-red-400/40">
            <h2 class="card-title">{t!("merchant.delete")}</h2>
            <p class="mb-3 text-sm">{t!("merchant.delete_lead")}</p>
            <ActionForm action attr:class="flex flex-col gap-3" attr:novalidate="">
                <input type="hidden" name="aid" value=aid.clone()/>
                <div class="field">
                    <label for="confirm" class="field-label">{label}</label>
                    <input id="confirm" name="confirm" type="text" autocomplete="off" class="field-input"
                        aria-invalid=move || error.get().is_some_and(|e| e.field() == Some("confirm")).to_string()/>
                    {move || error.get().filter(|e| e.field() == Some("confirm")).map(|e| view! {
                        <p class="field-error">{t(e.message_key())}</p>
                    })}
                </div>
                {general(error)}
                <button type="submit" class="btn-danger self-start" disabled=move || action.pending().get()>
                    {t!("merchant.delete_button")}
                </button>
            </ActionForm>
        </section>
    }
}

/// The translation key of a progression.
pub fn progression_key(progression: &str) -> &'static str {
    match progression {
        "applied" => key!("progression.applied"),
        "live" => key!("progression.live"),
        "frozen" => key!("progression.frozen"),
        "deactivated" => key!("progression.deactivated"),
        _ => key!("status.other"),
    }
}
