//! [`TeamPage`]: the partner's people as columns and the app's capabilities as rows, each cell
//! saying whether that person may, and if not, what they lack.

use leptos::prelude::*;

use super::read::{partner_team, Member, Team};
use crate::auth::Capability;
use crate::components::{ErrorNotice, PageHeader};
use crate::format::date_time_str;
use crate::i18n::{t, tn, use_locale};

#[component]
pub fn TeamPage() -> impl IntoView {
    let team = Resource::new(|| (), |_| partner_team());
    view! {
        <PageHeader title=t!("team.title") lead=t!("team.lead")/>
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || Suspend::new(async move {
                match team.await {
                    Ok(team) => view! { <Matrix team/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
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
