//! [`PackageFields`]: the fields of a package form (its id, name, description, pricing conditions
//! and one row per price), shared by the new-package page and the package page's "Edit".

use leptos::prelude::*;

use super::package_form::{line_field, lines_from_kept, LineForm, BLANK_LINES};
use crate::auth::KeptInput;
use crate::components::{TextAreaField, TextField};
use crate::error::AppError;
use crate::i18n::{key, t};

/// What a package form starts with.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PackageInput {
    pub price_package_id: String,
    pub name: String,
    pub description: String,
    pub pricing_conditions: String,
    pub lines: Vec<LineForm>,
}

impl PackageInput {
    /// What was kept after a failed plain post, if anything was; else `self`.
    pub fn or_kept(self, kept: &KeptInput) -> Self {
        if kept.0.is_empty() {
            return self;
        }
        Self {
            price_package_id: kept.get("price_package_id"),
            name: kept.get("name"),
            description: kept.get("description"),
            pricing_conditions: kept.get("pricing_conditions"),
            lines: lines_from_kept(kept),
        }
    }
}

#[component]
pub fn PackageFields(
    input: PackageInput,
    /// Editing an existing package: its id is shown, not typed.
    #[prop(optional)]
    id_fixed: bool,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let mut lines = input.lines;
    // Blank rows only at the end, and always a few.
    while lines
        .last()
        .is_some_and(|l| l.product_id.trim().is_empty() && l.fixed.is_empty() && l.percent.is_empty())
    {
        lines.pop();
    }
    lines.extend(std::iter::repeat_n(LineForm::default(), BLANK_LINES));
    let id = input.price_package_id;
    view! {
        <div class="grid gap-4 md:grid-cols-2">
            {if id_fixed {
                view! {
                    <div class="field">
                        <span class="field-label">{t!("packages.id")}</span>
                        <code class="chip self-start">{id.clone()}</code>
                        <input type="hidden" name="price_package_id" value=id.clone()/>
                    </div>
                }.into_any()
            } else {
                view! { <TextField name="price_package_id" label=key!("packages.id") value=id.clone() error required=true/> }.into_any()
            }}
            <TextField name="name" label=key!("packages.name") value=input.name error required=true/>
            <div class="md:col-span-2">
                <TextAreaField name="description" label=key!("packages.description") value=input.description error rows=2 maxlength=2000/>
            </div>
            <div class="md:col-span-2">
                <TextAreaField name="pricing_conditions" label=key!("packages.conditions") value=input.pricing_conditions error rows=2/>
            </div>
        </div>
        <fieldset class="mt-4">
            <legend class="field-label mb-1">{t!("packages.prices")}</legend>
            <p class="text-muted mb-2 text-sm">{t!("packages.prices_hint")}</p>
            <div class="overflow-x-auto">
                <table class="data-table" data-testid="price-lines">
                    <thead>
                        <tr>
                            <th scope="col">{t!("package.product")}</th>
                            <th scope="col">{t!("packages.currency")}</th>
                            <th scope="col">{t!("packages.dimensions")}</th>
                            <th scope="col">{t!("packages.fixed")}</th>
                            <th scope="col">{t!("packages.percent")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {lines.into_iter().enumerate().map(|(i, line)| view! { <LineRow i line error/> }).collect_view()}
                    </tbody>
                </table>
            </div>
        </fieldset>
    }
    .into_any()
}

#[component]
fn LineRow(i: usize, line: LineForm, error: Signal<Option<AppError>>) -> impl IntoView {
    let cell = move |field: &'static str, value: String, placeholder: &'static str, label: &'static str| {
        let name = line_field(i, field);
        let for_message = name.clone();
        let message = Signal::derive(move || {
            error
                .get()
                .filter(|e| e.field() == Some(for_message.as_str()))
                .map(|e| crate::i18n::use_locale().text(e.message_key()))
        });
        let error_id = format!("{name}-error");
        view! {
            <td>
                <input name=name.clone() id=name.clone() value=value class="field-input" placeholder=placeholder
                    aria-label=crate::i18n::t!("common.numbered", label = t(label), number = i + 1)
                    inputmode=if matches!(field, "fixed" | "percent") { "decimal" } else { "text" }
                    aria-invalid=move || message.get().is_some().to_string()
                    aria-describedby=move || message.get().map(|_| error_id.clone())/>
                {move || message.get().map(|m| view! { <p id=format!("{name}-error") class="field-error">{m}</p> })}
            </td>
        }
        .into_any()
    };
    view! {
        <tr>
            <td class="hidden">
                <input type="hidden" name=line_field(i, "origin") value=line.origin.clone()/>
            </td>
            {cell("product_id", line.product_id.clone(), "checkout.capture.card", key!("package.product"))}
            {cell("currency", line.currency.clone(), "NOK", key!("packages.currency"))}
            {cell("dimensions", line.dimensions.clone(), "card.issuer_country=NO", key!("packages.dimensions"))}
            {cell("fixed", line.fixed.clone(), "1,80", key!("packages.fixed"))}
            {cell("percent", line.percent.clone(), "2,4", key!("packages.percent"))}
        </tr>
    }
    .into_any()
}
