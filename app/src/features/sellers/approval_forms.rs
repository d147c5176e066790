//! The approvals page's create forms: [`PaymentForm`] (apply for payments: the company, its bank
//! account, payment methods and products, who fills in the form) and [`CddForm`] (open a CDD case).
//! Each is a `<details>` that opens by itself when a refused post comes back with its input.

use leptos::prelude::*;

use super::application::ApplicationInput;
use super::cdd_input::{CddInput, CDD_ACTIONS, CDD_CHECKS, CDD_PRODUCTS};
use super::fields::{country_options, general_error, BankFields, CheckGroup, CompanyFields, SubmitterFields};
use super::payment_input::{PaymentInput, PAYMENT_METHODS, PRODUCTS};
use super::write::{CreateCddCase, CreatePaymentApproval};
use crate::auth::KeptInput;
use crate::components::MerchantHead;
use crate::components::{SelectField, TextField};
use crate::error::AppError;
use crate::i18n::{key, t};

fn submission_of(kept: &KeptInput, fresh: String) -> String {
    Some(kept.get("submission")).filter(|s| !s.is_empty()).unwrap_or(fresh)
}

#[component]
pub fn PaymentForm(
    aid: String,
    application: ApplicationInput,
    submission: String,
    kept: KeptInput,
    action: ServerAction<CreatePaymentApproval>,
) -> impl IntoView {
    let error: Signal<Option<AppError>> = Signal::derive(move || action.value().get().and_then(Result::err));
    let open = !kept.0.is_empty();
    let submission = submission_of(&kept, submission);
    let application = application.or_kept(&kept);
    let payment = PaymentInput::start().or_kept(&kept);
    let boxes = |list: &[(&'static str, &'static str)]| {
        list.iter()
            .map(|(field, key)| (*field, *key, payment.is_checked(field)))
            .collect::<Vec<_>>()
    };
    let methods = boxes(&PAYMENT_METHODS);
    let products = boxes(&PRODUCTS);
    view! {
        <details class="mt-4" open=open>
            <summary class="btn-ghost cursor-pointer">{t!("sellers.new_payment")}</summary>
            <ActionForm action attr:class="mt-3 flex flex-col gap-6" attr:novalidate="" attr:aria-label=t!("sellers.new_payment")>
                <input type="hidden" name="aid" value=aid/>
                <input type="hidden" name="submission" value=submission/>
                <CompanyFields input=application.clone() error/>
                <BankFields input=application.clone() error/>
                <CheckGroup legend=key!("sellers.payment_methods") prefix="payment" boxes=methods error/>
                <CheckGroup legend=key!("sellers.products") prefix="payment" boxes=products error/>
                <SubmitterFields input=application error/>
                {general_error(error)}
                <div>
                    <button type="submit" class="btn-primary" disabled=move || action.pending().get()>
                        {t!("sellers.create_payment")}
                    </button>
                </div>
            </ActionForm>
        </details>
    }
    .into_any()
}

#[component]
pub fn CddForm(
    aid: String,
    merchant: MerchantHead,
    submission: String,
    kept: KeptInput,
    action: ServerAction<CreateCddCase>,
) -> impl IntoView {
    let error: Signal<Option<AppError>> = Signal::derive(move || action.value().get().and_then(Result::err));
    let open = !kept.0.is_empty();
    let submission = submission_of(&kept, submission);
    let start = ApplicationInput::for_company(merchant.country.as_deref(), merchant.organization_number.as_deref());
    let input = CddInput::start(&start.country_code, &start.organization_number).or_kept(&kept);
    let boxes = |list: &[(&'static str, &'static str, &'static str)]| {
        list.iter()
            .map(|(field, _, key)| (*field, *key, !input.get(field).is_empty()))
            .collect::<Vec<_>>()
    };
    let products = boxes(&CDD_PRODUCTS);
    let checks = boxes(&CDD_CHECKS);
    let actions = boxes(&CDD_ACTIONS);
    let signing = vec![(
        "require_contract_signing",
        key!("sellers.require_contract_signing"),
        !input.require_contract_signing.is_empty(),
    )];
    view! {
        <details class="mt-4" open=open>
            <summary class="btn-ghost cursor-pointer">{t!("sellers.new_cdd")}</summary>
            <ActionForm action attr:class="mt-3 flex flex-col gap-6" attr:novalidate="" attr:aria-label=t!("sellers.new_cdd")>
                <input type="hidden" name="aid" value=aid/>
                <input type="hidden" name="submission" value=submission/>
                <fieldset class="grid gap-4 md:grid-cols-2">
                    <legend class="field-label mb-2">{t!("sellers.form.company")}</legend>
                    <SelectField name="cdd[country_code]" label=key!("sellers.country") options=country_options()
                        selected=input.country_code.clone() error/>
                    <TextField name="cdd[organization_number]" label=key!("sellers.organization_number")
                        value=input.organization_number.clone() error required=true/>
                </fieldset>
                <CheckGroup legend=key!("sellers.products") prefix="cdd" boxes=products error/>
                <CheckGroup legend=key!("sellers.checks") prefix="cdd" boxes=checks error/>
                <CheckGroup legend=key!("sellers.actions_on_approval") prefix="cdd" boxes=actions error/>
                <CheckGroup legend=key!("sellers.contract") prefix="cdd" boxes=signing error/>
                <div class="grid gap-4 md:grid-cols-2">
                    <TextField name="cdd[payout_destination_id]" label=key!("sellers.cdd_seller")
                        value=input.payout_destination_id.clone() error/>
                    <TextField name="cdd[package]" label=key!("sellers.package") value=input.package.clone() error/>
                </div>
                {general_error(error)}
                <div>
                    <button type="submit" class="btn-primary" disabled=move || action.pending().get()>
                        {t!("sellers.create_cdd")}
                    </button>
                </div>
            </ActionForm>
        </details>
    }
    .into_any()
}
