//! [`DecisionForm`]: clear / refer / decline with a required note, resting on the inquiry shown;
//! a plain form post without JavaScript, the choice and the note kept when it is refused.

use leptos::prelude::*;

use super::write::{RecordScreeningDecision, DECISIONS, MAX_NOTE};
use crate::auth::KeptInput;
use crate::components::{ErrorNotice, TextAreaField};
use crate::i18n::{key, t};

/// The form for the inquiry `irn` of merchant `aid`; `kept` is what a refused plain post kept.
#[component]
pub fn DecisionForm(aid: String, irn: String, vmss: String, kept: Resource<KeptInput>) -> impl IntoView {
    let action = ServerAction::<RecordScreeningDecision>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let decision_error = move || {
        error
            .get()
            .filter(|e| e.field() == Some("decision"))
            .map(|e| crate::i18n::use_locale().text(e.message_key()))
    };
    view! {
        <section class="card mt-4">
            <h2 class="card-title">{t!("screening.decision")}</h2>
            <Transition fallback=|| ()>
                {move || {
                    let (aid, irn, vmss) = (aid.clone(), irn.clone(), vmss.clone());
                    Suspend::new(async move {
                        let kept = kept.await;
                        let chosen = kept.get("decision");
                        view! {
                            <ActionForm action attr:class="flex flex-col gap-4" attr:novalidate=""
                                attr:aria-label=t!("screening.decision")>
                                <input type="hidden" name="aid" value=aid/>
                                <input type="hidden" name="irn" value=irn/>
                                <input type="hidden" name="vmss" value=vmss/>
                                <fieldset aria-describedby=move || decision_error().map(|_| "decision-error")>
                                    <legend class="field-label mb-1">{t!("screening.decision_choose")}</legend>
                                    <div class="flex flex-wrap gap-4">
                                        {DECISIONS.into_iter().map(|(value, key)| view! {
                                            <label class="flex items-center gap-1.5 text-sm">
                                                <input type="radio" name="decision" value=value
                                                    checked=chosen == value/>
                                                {t(key)}
                                            </label>
                                        }).collect_view()}
                                    </div>
                                    {move || decision_error().map(|m| view! {
                                        <p id="decision-error" class="field-error">{m}</p>
                                    })}
                                </fieldset>
                                <TextAreaField name="note" label=key!("screening.note") value=kept.get("note") error
                                    rows=3 maxlength=MAX_NOTE/>
                                {move || error.get()
                                    .filter(|e| !matches!(e.field(), Some("decision" | "note")))
                                    .map(|error| view! { <ErrorNotice error/> })}
                                <div>
                                    <button type="submit" class="btn-primary" disabled=move || action.pending().get()>
                                        {t!("screening.record_decision")}
                                    </button>
                                </div>
                            </ActionForm>
                        }
                    })
                }}
            </Transition>
        </section>
    }
    .into_any()
}
