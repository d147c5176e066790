//! [`ScreeningPage`]: `/screening`, the workbench for one merchant (`?aid=`): the search form that
//! asks MATCH and VMSS together, what they found side by side (`&irn=..&vmss=..&offset=..`), an
//! IRN looked up again, the decision, and for those allowed, adding a terminated merchant.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::criteria_form::{criteria_or_kept, CriteriaForm};
use super::decision_form::DecisionForm;
use super::read::{find_screening_merchants, is_irn, screening_results, screening_subject, Findings, Subject};
use super::results_view::ResultsView;
use super::write::{RunScreening, DECISIONS};
use crate::auth::{take_kept_input, Capability, CurrentUser, KeptInput};
use crate::components::{ErrorNotice, PageHeader};
use crate::error::AppError;
use crate::i18n::{key, t};

/// The page's place, from the URL.
#[derive(Debug, Clone, Default, PartialEq)]
struct Place {
    /// What was typed in the merchant field: an account id, or part of a name.
    aid: String,
    irn: String,
    vmss: String,
    offset: u64,
    decided: String,
    terminated: String,
    reference: String,
}

#[component]
pub fn ScreeningPage() -> impl IntoView {
    let query = use_query_map();
    let place = Memo::new(move |_| {
        query.with(|q| {
            let get = |k: &str| q.get(k).unwrap_or_default().trim().to_owned();
            Place {
                aid: get("aid"),
                irn: get("irn"),
                vmss: get("vmss"),
                offset: get("offset").parse().unwrap_or(0),
                decided: get("decided"),
                terminated: get("terminated"),
                reference: get("reference"),
            }
        })
    });
    let user = use_context::<CurrentUser>();
    let may_screen = user.as_ref().is_some_and(|u| u.may(Capability::Screen));
    let may_terminate = user.as_ref().is_some_and(|u| u.may(Capability::Terminate));
    view! {
        <PageHeader title=t!("screening.title") lead=t!("screening.lead")/>
        {if may_screen {
            view! {
                {move || view! { <PickForm value=place.get().aid/> }}
                {move || {
                    let place = place.get();
                    if crate::validate::is_account_id(&place.aid) {
                        view! { <Workbench place may_terminate/> }.into_any()
                    } else if place.aid.is_empty() {
                        ().into_any()
                    } else {
                        view! { <Candidates q=place.aid/> }.into_any()
                    }
                }}
            }
            .into_any()
        } else {
            view! { <ErrorNotice error=AppError::Forbidden/> }.into_any()
        }}
    }
}

/// The merchant field: an account id opens the workbench, anything else searches by name.
#[component]
fn PickForm(value: String) -> impl IntoView {
    view! {
        <form method="get" action="/screening" class="card mb-6 flex flex-wrap items-end gap-3"
            aria-label=t!("screening.pick")>
            <div class="field min-w-64 flex-1">
                <label for="pick-aid" class="field-label">{t!("screening.merchant")}</label>
                <input id="pick-aid" name="aid" type="search" value=value class="field-input"
                    placeholder="T11200005"/>
            </div>
            <button type="submit" class="btn-ghost">{t!("screening.open")}</button>
        </form>
    }
    .into_any()
}

#[component]
fn Candidates(q: String) -> impl IntoView {
    let found = Resource::new(move || q.clone(), find_screening_merchants);
    view! {
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(list) if list.is_empty() => view! {
                        <p class="card text-muted">{t!("screening.no_candidates")}</p>
                    }.into_any(),
                    Ok(list) => view! {
                        <ul class="card flex flex-col gap-2" data-testid="candidates">
                            {list.into_iter().map(|(aid, name, org)| {
                                let href = crate::paging::href("/screening", &[("aid", aid.clone())]);
                                view! {
                                    <li>
                                        <a href=href class="underline">{name}</a>
                                        " "<span class="text-muted tabular-nums">{aid}" "{org}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Transition>
    }
    .into_any()
}

#[component]
fn Workbench(place: Place, may_terminate: bool) -> impl IntoView {
    let aid = place.aid.clone();
    let subject = Resource::new(move || aid.clone(), screening_subject);
    let run = ServerAction::<RunScreening>::new();
    let kept = Resource::new_blocking(
        || (),
        |_| async { take_kept_input("run_screening".into()).await.unwrap_or_default() },
    );
    // An inquiry's findings and the decision form's kept input are read here, once, though they
    // are drawn inside the subject's suspense (whose children the server draws more than once).
    let inquiry = is_irn(&place.irn).then(|| Inquiry::read(&place));
    view! {
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || {
                let place = place.clone();
                Suspend::new(async move {
                    let kept = kept.await;
                    match subject.await {
                        Ok(subject) => view! { <Bench subject place kept may_terminate run inquiry/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
    .into_any()
}

#[component]
fn Bench(
    subject: Subject,
    place: Place,
    kept: crate::auth::KeptInput,
    may_terminate: bool,
    run: ServerAction<RunScreening>,
    inquiry: Option<Inquiry>,
) -> impl IntoView {
    let aid = subject.aid.clone();
    let terminate_href = |register: &str| {
        crate::paging::href(
            "/screening/terminate",
            &[("aid", aid.clone()), ("register", register.to_owned())],
        )
    };
    let decided = DECISIONS
        .iter()
        .find(|(value, _)| *value == place.decided)
        .map(|(_, key)| *key);
    let activity = format!("/accounts/{}?tab=activity", crate::url::encode_path(&aid));
    let terminated = match place.terminated.as_str() {
        "match" => Some(key!("screening.terminated.match")),
        "vmss" => Some(key!("screening.terminated.vmss")),
        _ => None,
    };
    view! {
        <div class="mb-4 flex flex-wrap items-center gap-3">
            <h2 class="text-xl font-semibold" data-testid="subject">{subject.name.clone()}</h2>
            <a href=format!("/accounts/{}", crate::url::encode_path(&aid)) class="text-muted tabular-nums underline">
                {aid.clone()}
            </a>
            {subject.org_number.as_deref().map(|o| {
                let shown = crate::format::org_number(o, Some(subject.criteria.country.as_str()).filter(|c| !c.is_empty()));
                view! { <span class="text-muted tabular-nums">{shown}</span> }
            })}
            {may_terminate.then(|| view! {
                <span class="ml-auto flex gap-2">
                    <a href=terminate_href("match") class="btn-ghost">{t!("screening.add_match")}</a>
                    <a href=terminate_href("vmss") class="btn-ghost">{t!("screening.add_vmss")}</a>
                </span>
            })}
        </div>
        {decided.map(|key| view! {
            <p role="status" class="card mb-4" data-testid="decided">
                {t!("screening.decided")}" "<strong>{t(key)}</strong>". "
                <a href=activity.clone() class="underline">{t!("screening.see_activity")}</a>
            </p>
        })}
        {terminated.map(|key| view! {
            <p role="status" class="card mb-4" data-testid="terminated">
                {t(key)}" "<code class="chip">{place.reference.clone()}</code>
            </p>
        })}
        <CriteriaForm aid=aid.clone() criteria=criteria_or_kept(subject.criteria.clone(), &kept) action=run/>
        <IrnForm aid=aid.clone() irn=place.irn.clone()/>
        {inquiry.map(|inquiry| view! { <Results place=place.clone() inquiry/> })}
    }
    .into_any()
}

/// Looks an earlier MATCH inquiry up again by its IRN (a GET form: the URL is the inquiry's).
#[component]
fn IrnForm(aid: String, irn: String) -> impl IntoView {
    view! {
        <form method="get" action="/screening" class="my-4 flex flex-wrap items-end gap-3"
            aria-label=t!("screening.irn_lookup")>
            <input type="hidden" name="aid" value=aid/>
            <div class="field">
                <label for="irn" class="field-label">{t!("screening.irn_lookup")}</label>
                <input id="irn" name="irn" type="search" inputmode="numeric" value=irn class="field-input"
                    placeholder="22772025031400002"/>
            </div>
            <button type="submit" class="btn-ghost">{t!("screening.irn_open")}</button>
        </form>
    }
    .into_any()
}

/// A MATCH inquiry's findings and what the decision form kept, read once per page view.
#[derive(Clone, Copy)]
struct Inquiry {
    results: Resource<Result<Findings, AppError>>,
    kept: Resource<KeptInput>,
}

impl Inquiry {
    fn read(place: &Place) -> Self {
        let key = (place.aid.clone(), place.irn.clone(), place.offset, place.vmss.clone());
        Self {
            results: Resource::new(
                move || key.clone(),
                |(aid, irn, offset, vmss)| screening_results(aid, irn, offset, vmss),
            ),
            kept: Resource::new_blocking(
                || (),
                |_| async {
                    take_kept_input("record_screening_decision".into())
                        .await
                        .unwrap_or_default()
                },
            ),
        }
    }
}

#[component]
fn Results(place: Place, inquiry: Inquiry) -> impl IntoView {
    let Inquiry { results, kept } = inquiry;
    view! {
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || {
                let place = place.clone();
                Suspend::new(async move {
                    match results.await {
                        Ok(results) => view! {
                            <ResultsView aid=place.aid.clone() vmss_ref=place.vmss.clone() results/>
                            <DecisionForm aid=place.aid.clone() irn=place.irn.clone() vmss=place.vmss.clone() kept/>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
    .into_any()
}
