//! [`CriteriaForm`]: the one form that asks MATCH and VMSS together, filled in from the merchant's
//! account and editable; a plain form post without JavaScript. [`Input`] is a labelled input whose
//! name is built at run time (the principal rows), showing its own error like `TextField`.

use leptos::prelude::*;

use super::criteria::{criteria_field, principal_field, Criteria, PrincipalInput};
use super::write::RunScreening;
use crate::auth::KeptInput;
use crate::components::ErrorNotice;
use crate::error::AppError;
use crate::i18n::{key, t};

/// A labelled `<input>` named `name`; `label` is the text shown.
#[component]
pub fn Input(
    name: String,
    label: String,
    value: String,
    error: Signal<Option<AppError>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let for_message = name.clone();
    let message = Signal::derive(move || {
        error
            .get()
            .filter(|e| e.field() == Some(for_message.as_str()))
            .map(|e| crate::i18n::use_locale().text(e.message_key()))
    });
    let error_id = format!("{name}-error");
    let described = error_id.clone();
    view! {
        <div class="field">
            <label for=name.clone() class="field-label">{label}</label>
            <input id=name.clone() name=name.clone() type=input_type value=value class="field-input"
                placeholder=placeholder required=required
                aria-invalid=move || message.get().is_some().to_string()
                aria-describedby=move || message.get().map(|_| described.clone())/>
            {move || message.get().map(|m| view! { <p id=error_id.clone() class="field-error">{m}</p> })}
        </div>
    }
    .into_any()
}

/// What the form starts with: what was kept after a failed plain post, else `criteria`.
pub fn criteria_or_kept(criteria: Criteria, kept: &KeptInput) -> Criteria {
    if kept.0.is_empty() {
        return criteria;
    }
    let get = |field: &str| kept.get(&criteria_field(field));
    Criteria {
        business_name: get("business_name"),
        trade_name: get("trade_name"),
        org_number: get("org_number"),
        address_line: get("address_line"),
        postal_code: get("postal_code"),
        city: get("city"),
        country: get("country"),
        phone_number: get("phone_number"),
        email: get("email"),
        website: get("website"),
        mcc: get("mcc"),
        principals: (0..)
            .map_while(|i| {
                kept.0
                    .contains_key(&principal_field(i, "last_name"))
                    .then(|| PrincipalInput {
                        first_name: kept.get(&principal_field(i, "first_name")),
                        last_name: kept.get(&principal_field(i, "last_name")),
                        email: kept.get(&principal_field(i, "email")),
                        phone_number: kept.get(&principal_field(i, "phone_number")),
                        date_of_birth: kept.get(&principal_field(i, "date_of_birth")),
                    })
            })
            .collect(),
    }
}

#[component]
pub fn CriteriaForm(aid: String, criteria: Criteria, action: ServerAction<RunScreening>) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let criteria = criteria.with_blank_rows();
    let field = move |name: &str, label: &'static str, value: &str| {
        view! { <Input name=criteria_field(name) label=t(label).to_owned() value=value.to_owned() error/> }
    };
    let principals = criteria
        .principals
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let cell = move |name: &str, label: &'static str, value: &str| {
                view! {
                    <Input name=principal_field(i, name) label=crate::i18n::t!("common.numbered", label = t(label), number = i + 1)
                        value=value.to_owned() error/>
                }
            };
            view! {
                <div class="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" data-testid="principal-row">
                    {cell("first_name", key!("screening.principal.first_name"), &p.first_name)}
                    {cell("last_name", key!("screening.principal.last_name"), &p.last_name)}
                    {cell("email", key!("screening.principal.email"), &p.email)}
                    {cell("phone_number", key!("screening.principal.phone"), &p.phone_number)}
                    {cell("date_of_birth", key!("screening.principal.date_of_birth"), &p.date_of_birth)}
                </div>
            }
        })
        .collect_view();
    view! {
        <ActionForm action attr:class="card flex flex-col gap-4" attr:novalidate=""
            attr:aria-label=t!("screening.search_form")>
            <h2 class="card-title">{t!("screening.search_form")}</h2>
            <p class="text-muted -mt-2 text-sm">{t!("screening.search_hint")}</p>
            <input type="hidden" name="aid" value=aid/>
            <div class="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                {field("business_name", key!("screening.field.legal_name"), &criteria.business_name)}
                {field("trade_name", key!("screening.field.trade_name"), &criteria.trade_name)}
                {field("org_number", key!("screening.field.org_number"), &criteria.org_number)}
                {field("address_line", key!("screening.field.address"), &criteria.address_line)}
                {field("postal_code", key!("screening.field.postal_code"), &criteria.postal_code)}
                {field("city", key!("screening.field.city"), &criteria.city)}
                {field("country", key!("screening.field.country"), &criteria.country)}
                {field("phone_number", key!("screening.field.phone"), &criteria.phone_number)}
                {field("email", key!("screening.field.email"), &criteria.email)}
                {field("website", key!("screening.field.website"), &criteria.website)}
                {field("mcc", key!("screening.field.mcc"), &criteria.mcc)}
            </div>
            <fieldset class="flex flex-col gap-3">
                <legend class="field-label mb-1">{t!("screening.principals")}</legend>
                {principals}
            </fieldset>
            {move || error.get().filter(|e| e.field().is_none()).map(|error| view! { <ErrorNotice error/> })}
            <div>
                <button type="submit" class="btn-primary" disabled=move || action.pending().get()>
                    {t!("screening.search")}
                </button>
            </div>
        </ActionForm>
    }
    .into_any()
}
