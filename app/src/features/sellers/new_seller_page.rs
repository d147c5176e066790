//! [`NewSellerPage`]: `/accounts/{aid}/sellers/new`, applying for a seller (payout destination): the
//! company (from the merchant's account), the seller, its bank account, the payout reference and
//! interval, and who fills in Dintero's form. Checked before sending; a refusal marks its field and
//! keeps everything typed, with or without JavaScript.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::fields::{general_error, BankFields, CompanyFields, SubmitterFields};
use super::merchant_header::{MerchantHeader, Tab};
use super::read::{new_seller_form, FormStart};
use super::seller_input::SellerInput;
use super::write::{kept_key, CreateSellerApproval};
use crate::auth::{take_kept_input, KeptInput};
use crate::components::{ErrorNotice, SelectField, TextAreaField, TextField};
use crate::error::AppError;
use crate::i18n::{key, t};

#[component]
pub fn NewSellerPage() -> impl IntoView {
    let params = use_params_map();
    let aid = Memo::new(move |_| params.with(|p| p.get("aid").unwrap_or_default()));
    let create = ServerAction::<CreateSellerApproval>::new();
    let start = Resource::new(move || aid.get(), new_seller_form);
    let kept = Resource::new_blocking(
        move || aid.get(),
        |aid| async move {
            take_kept_input(kept_key("create_seller_approval", &aid))
                .await
                .unwrap_or_default()
        },
    );
    view! {
        <Transition fallback=|| view! { <p class="text-muted">{t!("common.loading")}</p> }>
            {move || Suspend::new(async move {
                let kept = kept.await;
                match start.await {
                    Ok(start) => view! { <NewSeller start kept create/> }.into_any(),
                    Err(error) => view! {
                        <leptos_meta::Title text=t!("sellers.new")/>
                        <ErrorNotice error/>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn NewSeller(start: FormStart, kept: KeptInput, create: ServerAction<CreateSellerApproval>) -> impl IntoView {
    let error: Signal<Option<AppError>> = Signal::derive(move || create.value().get().and_then(Result::err));
    let aid = start.merchant.aid.clone();
    let application = start.application.clone().or_kept(&kept);
    let seller = SellerInput::default().or_kept(&kept);
    let submission = Some(kept.get("submission"))
        .filter(|s| !s.is_empty())
        .unwrap_or(start.submission.clone());
    let intervals = vec![
        (String::new(), t!("sellers.interval.default").to_owned()),
        ("daily".to_owned(), t!("sellers.interval.daily").to_owned()),
        ("weekly".to_owned(), t!("sellers.interval.weekly").to_owned()),
        ("monthly".to_owned(), t!("sellers.interval.monthly").to_owned()),
    ];
    if !start.may_apply {
        return view! {
            <MerchantHeader merchant=start.merchant.clone() tab=Tab::Seller title=t!("sellers.new")/>
            <p class="card text-muted text-sm" data-testid="may-not-apply">{t!("sellers.may_not_apply")}</p>
        }
        .into_any();
    }
    view! {
        <MerchantHeader merchant=start.merchant.clone() tab=Tab::Seller title=t!("sellers.new")/>
        <ActionForm action=create attr:class="card flex flex-col gap-6" attr:novalidate="" attr:aria-label=t!("sellers.new")>
            <input type="hidden" name="aid" value=aid/>
            <input type="hidden" name="submission" value=submission/>
            <CompanyFields input=application.clone() error/>
            <fieldset class="grid gap-4 md:grid-cols-2">
                <legend class="field-label mb-2">{t!("sellers.form.seller")}</legend>
                <TextField name="seller[payout_destination_id]" label=key!("sellers.payout_destination_id")
                    value=seller.payout_destination_id.clone() error required=true/>
                <TextField name="seller[payout_destination_name]" label=key!("sellers.payout_destination_name")
                    value=seller.payout_destination_name.clone() error required=true/>
                <div class="md:col-span-2">
                    <TextAreaField name="seller[payout_destination_description]" label=key!("sellers.description")
                        value=seller.payout_destination_description.clone() error rows=2 maxlength=1000/>
                </div>
            </fieldset>
            <BankFields input=application.clone() error/>
            <fieldset class="grid gap-4 md:grid-cols-2">
                <legend class="field-label mb-2">{t!("sellers.form.payout")}</legend>
                <TextField name="seller[payout_reference]" label=key!("sellers.payout_reference")
                    value=seller.payout_reference.clone() error required=true/>
                <SelectField name="seller[payout_interval_type]" label=key!("sellers.payout_interval") options=intervals
                    selected=seller.payout_interval_type.clone() error/>
            </fieldset>
            <SubmitterFields input=application error/>
            {general_error(error)}
            <div>
                <button type="submit" class="btn-primary" disabled=move || create.pending().get()>{t!("sellers.create")}</button>
            </div>
        </ActionForm>
    }
    .into_any()
}
