//! [`TeamPage`]: the partner's people as columns and the app's capabilities as rows, each cell
//! saying whether that person may, and if not, what they lack.

use leptos::prelude::*;

use leptos_router::hooks::use_query_map;

use super::read::{partner_team, Member, Team};
use super::roles::ROLES;
use super::write::{ChangeColleagueRole, InviteColleague, RemoveColleague};
use crate::auth::{take_kept_input, Capability, KeptInput};
use crate::components::{ErrorNotice, PageHeader, SelectField, TextField};
use crate::error::AppError;
use crate::format::date_time_str;
use crate::i18n::{key, t, tn, use_locale};

#[component]
pub fn TeamPage() -> impl IntoView {
    let query = use_query_map();
    let invite = ServerAction::<InviteColleague>::new();
    let change = ServerAction::<ChangeColleagueRole>::new();
    let remove = ServerAction::<RemoveColleague>::new();
    let team = Resource::new(|| (), |_| partner_team());
    let kept = Resource::new_blocking(
        || (),
        |_| async { take_kept_input("invite_colleague".into()).await.unwrap_or_default() },
    );
    let done = move || {
        query.with(|q| {
            if let Some(email) = q.get("invited") {
                Some(t!("team.invited", email = email))
            } else if let Some(email) = q.get("changed") {
                Some(t!("team.changed", email = email))
            } else {
                q.get("removed").map(|email| t!("team.removed", email = email))
            }
        })
    };
    view! {
        <PageHeader title=t!("team.title") lead=t!("team.lead")/>
        {move || done().map(|message| view! { <p role="status" class="card mb-4" data-testid="team-done">{message}</p> })}
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || Suspend::new(async move {
                let kept = kept.await;
                match team.await {
                    Ok(team) => {
                        let manage = team.may_manage.then(|| {
                            let invite_form = view! { <InviteForm submission=team.invite_submission.clone() kept invite/> };
                            let people = view! { <People team=team.clone() change remove/> };
                            view! { {invite_form} {people} }
                        });
                        view! { <Matrix team=team.clone()/> {manage} }.into_any()
                    }
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn InviteForm(submission: String, kept: KeptInput, invite: ServerAction<InviteColleague>) -> impl IntoView {
    let error: Signal<Option<AppError>> = Signal::derive(move || invite.value().get().and_then(Result::err));
    let submission = Some(kept.get("submission"))
        .filter(|s| !s.is_empty())
        .unwrap_or(submission);
    let roles: Vec<(String, String)> = std::iter::once((String::new(), t!("team.pick_role").to_owned()))
        .chain(ROLES.iter().map(|r| (r.id.to_owned(), t(r.label).to_owned())))
        .collect();
    view! {
        <section class="card mt-6" data-testid="invite">
            <h2 class="card-title">{t!("team.invite")}</h2>
            <p class="text-muted mb-3 text-sm">{t!("team.invite_hint")}</p>
            <ActionForm action=invite attr:class="grid gap-4 md:grid-cols-4 md:items-end" attr:novalidate="" attr:aria-label=t!("team.invite")>
                <input type="hidden" name="submission" value=submission/>
                <TextField name="email" label=key!("team.email") input_type="email" autocomplete="off"
                    value=kept.get("email") error required=true/>
                <TextField name="name" label=key!("team.name") value=kept.get("name") error/>
                <SelectField name="role" label=key!("team.role") options=roles selected=kept.get("role") error/>
                <div>
                    <button type="submit" class="btn-primary" disabled=move || invite.pending().get()>{t!("team.invite_button")}</button>
                </div>
            </ActionForm>
            {move || error.get().filter(|e| e.field().is_none()).map(|error| view! { <ErrorNotice error/> })}
        </section>
    }
}

#[component]
fn People(
    team: Team,
    change: ServerAction<ChangeColleagueRole>,
    remove: ServerAction<RemoveColleague>,
) -> impl IntoView {
    let error = move || {
        change
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| remove.value().get().and_then(Result::err))
    };
    let language = use_locale();
    view! {
        <section class="card mt-6" data-testid="people">
            <h2 class="card-title">{t!("team.people_title")}</h2>
            {move || error().map(|error| match error.field() {
                Some(_) => view! { <p role="alert" class="field-error mb-3" data-testid="people-error">{language.text(error.message_key())}</p> }.into_any(),
                None => view! { <ErrorNotice error/> }.into_any(),
            })}
            <ul class="flex flex-col">
                {team.members.into_iter().map(|m| {
                    let me = m.email.eq_ignore_ascii_case(&team.me);
                    let shown = m.name.clone().unwrap_or_else(|| m.email.clone());
                    let change_label = t!("team.change_of", person = shown);
                    let remove_label = t!("team.remove_of", person = shown);
                    let remove_confirm = t!("team.remove_confirm", person = shown, email = m.email);
                    let (change_id, remove_id) = (m.id.clone(), m.id.clone());
                    let (change_submission, remove_submission) = (m.change_submission.clone(), m.remove_submission.clone());
                    let (email, member) = (m.email.clone(), m.email.clone());
                    let role = m.role.clone().unwrap_or_default();
                    let roles: Vec<(String, String)> = (m.role.is_none())
                        .then(|| (String::new(), t!("team.own_scopes").to_owned()))
                        .into_iter()
                        .chain(ROLES.iter().map(|r| (r.id.to_owned(), t(r.label).to_owned())))
                        .collect();
                    view! {
                        <li class="border-line flex flex-wrap items-end gap-4 border-b py-3 last:border-b-0" data-member=member>
                            <div class="min-w-48 flex-1">
                                <span class="block font-medium">{shown}</span>
                                <span class="text-muted block text-xs">{email}</span>
                            </div>
                            <ActionForm action=change attr:class="flex items-end gap-2" attr:aria-label=change_label>
                                <input type="hidden" name="submission" value=change_submission/>
                                <input type="hidden" name="id" value=change_id/>
                                <label class="field">
                                    <span class="field-label">{t!("team.role")}</span>
                                    <select name="role" class="field-input">
                                        {roles.into_iter().map(|(id, label)| {
                                            let selected = id == role;
                                            view! { <option value=id selected=selected>{label}</option> }
                                        }).collect_view()}
                                    </select>
                                </label>
                                <button type="submit" class="btn-ghost" disabled=move || change.pending().get()>{t!("team.change_button")}</button>
                            </ActionForm>
                            {if me {
                                view! { <span class="text-muted text-sm">{t!("team.you")}</span> }.into_any()
                            } else {
                                view! {
                                    <details class="text-sm">
                                        <summary class="cursor-pointer underline">{remove_label.clone()}</summary>
                                        <ActionForm action=remove attr:class="mt-2 flex flex-col gap-2" attr:aria-label=remove_label>
                                            <input type="hidden" name="submission" value=remove_submission/>
                                            <input type="hidden" name="id" value=remove_id/>
                                            <label class="flex items-center gap-2">
                                                <input type="checkbox" name="confirm" value="yes"/>
                                                {remove_confirm}
                                            </label>
                                            <div>
                                                <button type="submit" class="btn-danger" disabled=move || remove.pending().get()>{t!("team.remove_button")}</button>
                                            </div>
                                        </ActionForm>
                                    </details>
                                }.into_any()
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Matrix(team: Team) -> impl IntoView {
    let language = use_locale();
    let members = team.members;
    let people = members.clone();
    view! {
        <section class="card overflow-x-auto" data-testid="team">
            <p class="text-muted mb-3 text-sm">
                {tn!("team.people", members.len())}" "
                {if team.policy_set { t!("team.policy_set") } else { t!("team.policy_none") }}
            </p>
            <table class="data-table">
                <caption class="sr-only">{t!("team.caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!("team.capability")}</th>
                        {people.iter().map(|m| view! { <Person member=m.clone()/> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {Capability::ALL.into_iter().map(|capability| view! {
                        <tr data-capability=capability.name()>
                            <th scope="row" class="font-normal normal-case tracking-normal text-ink">{t(capability.label_key())}</th>
                            {members.iter().map(|m| {
                                let refusal = m.refused.iter().find(|r| r.capability == capability).cloned();
                                match refusal {
                                    None => view! {
                                        <td data-person=m.email.clone() data-allowed="true">
                                            <span aria-hidden="true">"✓"</span>
                                            <span class="sr-only">{t!("team.may")}</span>
                                        </td>
                                    }.into_any(),
                                    Some(refusal) => view! {
                                        <td data-person=m.email.clone() data-allowed="false" title=refusal.in_words_of_another(language)>
                                            <span aria-hidden="true" class="text-muted">"–"</span>
                                            <span class="sr-only">{refusal.in_words_of_another(language)}</span>
                                        </td>
                                    }.into_any(),
                                }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn Person(member: Member) -> impl IntoView {
    let seen = member
        .last_seen_at
        .as_deref()
        .map(|at| t!("team.last_seen", at = date_time_str(at)))
        .unwrap_or_else(|| t!("team.never_seen").to_owned());
    view! {
        <th scope="col" class="align-top normal-case tracking-normal" data-email=member.email.clone()>
            <span class="block">{member.name.clone().unwrap_or_else(|| member.email.clone())}</span>
            <span class="text-muted block text-xs font-normal">{member.email.clone()}</span>
            <span class="text-muted block text-xs font-normal">
                {if member.mfa { t!("team.mfa_on") } else { t!("team.mfa_off") }}
            </span>
            <span class="text-muted block text-xs font-normal">{seen}</span>
            <details class="text-xs font-normal">
                <summary class="cursor-pointer">{tn!("team.scopes", member.scopes.len())}</summary>
                <ul class="mt-1">
                    {member.scopes.iter().map(|s| view! { <li><code>{s.clone()}</code></li> }).collect_view()}
                </ul>
            </details>
        </th>
    }
}
