//! Form pieces the seller and payment approval forms share: the company ([`CompanyFields`]), the bank
//! account ([`BankFields`]), who fills in Dintero's form ([`SubmitterFields`]), and a group of
//! checkboxes that shows its error ([`CheckGroup`]). Each marks its field when the last post was
//! refused there (`aria-invalid` and the message below it).

use leptos::prelude::*;

use super::application::{ApplicationInput, COUNTRIES, CURRENCIES};
use crate::components::{SelectField, TextField};
use crate::error::AppError;
use crate::i18n::{key, t};

/// The translation key of a country's name.
pub fn country_key(code: &str) -> &'static str {
    match code {
        "NO" => key!("sellers.country.no"),
        "SE" => key!("sellers.country.se"),
        "DK" => key!("sellers.country.dk"),
        "FI" => key!("sellers.country.fi"),
        _ => key!("sellers.country.other"),
    }
}

/// The countries as select options (`NO` → "Norway").
pub fn country_options() -> Vec<(String, String)> {
    COUNTRIES
        .iter()
        .map(|c| ((*c).to_owned(), format!("{} ({c})", t(country_key(c)))))
        .collect()
}

fn currency_options() -> Vec<(String, String)> {
    CURRENCIES.iter().map(|c| ((*c).to_owned(), (*c).to_owned())).collect()
}

/// An error that belongs to no field of the form, shown above its button.
pub fn general_error(error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error
            .get()
            .filter(|e| e.field().is_none_or(|f| !f.contains('[')))
            .map(|error| view! { <crate::components::ErrorNotice error/> })
    }
}

#[component]
pub fn CompanyFields(input: ApplicationInput, #[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    view! {
        <fieldset class="grid gap-4 md:grid-cols-2">
            <legend class="field-label mb-2">{t!("sellers.form.company")}</legend>
            <SelectField name="application[country_code]" label=key!("sellers.country") options=country_options()
                selected=input.country_code error/>
            <TextField name="application[organization_number]" label=key!("sellers.organization_number")
                value=input.organization_number error required=true/>
        </fieldset>
    }
    .into_any()
}

#[component]
pub fn BankFields(input: ApplicationInput, #[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let types = vec![
        ("BBAN".to_owned(), t!("sellers.bban").to_owned()),
        ("IBAN".to_owned(), t!("sellers.iban").to_owned()),
    ];
    view! {
        <fieldset class="grid gap-4 md:grid-cols-2">
            <legend class="field-label mb-2">{t!("sellers.form.bank")}</legend>
            <SelectField name="application[bank_account_number_type]" label=key!("sellers.number_type") options=types
                selected=input.bank_account_number_type error/>
            <TextField name="application[bank_account_number]" label=key!("sellers.bank_account_number")
                value=input.bank_account_number error required=true/>
            <p class="text-muted text-sm md:col-span-2">{t!("sellers.bank_account_hint")}</p>
            <SelectField name="application[bank_account_country_code]" label=key!("sellers.bank_country")
                options=country_options() selected=input.bank_account_country_code error/>
            <TextField name="application[bank_name]" label=key!("sellers.bank_name") value=input.bank_name error/>
            <TextField name="application[bank_identification_code]" label=key!("sellers.bic")
                value=input.bank_identification_code error/>
            <SelectField name="application[bank_account_currency]" label=key!("sellers.bank_account_currency")
                options=currency_options() selected=input.bank_account_currency error/>
            <SelectField name="application[payout_currency]" label=key!("sellers.payout_currency")
                options=currency_options() selected=input.payout_currency error/>
        </fieldset>
    }
    .into_any()
}

#[component]
pub fn SubmitterFields(input: ApplicationInput, #[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    view! {
        <fieldset class="grid gap-4 md:grid-cols-3">
            <legend class="field-label mb-1">{t!("sellers.form.submitter")}</legend>
            <p class="text-muted text-sm md:col-span-3">{t!("sellers.submitter_hint")}</p>
            <TextField name="application[submitter_name]" label=key!("sellers.submitter_name") autocomplete="off"
                value=input.submitter_name error/>
            <TextField name="application[submitter_title]" label=key!("sellers.submitter_title") autocomplete="off"
                value=input.submitter_title error/>
            <TextField name="application[submitter_email]" label=key!("sellers.submitter_email") input_type="email"
                autocomplete="off" value=input.submitter_email error/>
        </fieldset>
    }
    .into_any()
}

/// Checkboxes `{prefix}[{field}]`; an error at any of them is shown under the group.
#[component]
pub fn CheckGroup(
    /// Translation key of the legend.
    legend: &'static str,
    prefix: &'static str,
    /// (field, translation key, checked).
    boxes: Vec<(&'static str, &'static str, bool)>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let names: Vec<String> = boxes.iter().map(|(f, ..)| format!("{prefix}[{f}]")).collect();
    let group_id = format!("{prefix}-{}-error", boxes.first().map(|(f, ..)| *f).unwrap_or_default());
    let message = {
        let names = names.clone();
        Signal::derive(move || {
            error
                .get()
                .filter(|e| e.field().is_some_and(|f| names.iter().any(|n| n == f)))
                .map(|e| crate::i18n::use_locale().text(e.message_key()))
        })
    };
    let described = group_id.clone();
    view! {
        <fieldset aria-describedby=move || message.get().map(|_| described.clone())>
            <legend class="field-label mb-1">{t(legend)}</legend>
            <div class="flex flex-wrap gap-4">
                {boxes.into_iter().zip(names).map(|((_, key, checked), name)| view! {
                    <label class="flex items-center gap-1.5 text-sm">
                        <input type="checkbox" name=name value="on" checked=checked
                            aria-invalid=move || message.get().is_some().to_string()/>
                        {t(key)}
                    </label>
                }).collect_view()}
            </div>
            {move || message.get().map(|m| view! { <p id=group_id.clone() class="field-error mt-1">{m}</p> })}
        </fieldset>
    }
    .into_any()
}
