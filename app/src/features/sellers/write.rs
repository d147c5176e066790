//! The writes: apply for a seller ([`create_seller_approval`]), archive one
//! ([`archive_seller_approval`], an `ACTIVE` one only when confirmed), apply for payments
//! ([`create_payment_approval`]) and open a CDD case ([`create_cdd_case`]). Each checks its input
//! before sending, is sent once per form (`once`), goes through `audited`, and keeps what was typed
//! when it fails without JavaScript.

use leptos::prelude::*;

use super::application::ApplicationInput;
use super::cdd_input::CddInput;
use super::payment_input::PaymentInput;
use super::seller_input::SellerInput;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::validate::{AccountId, ResourceId};

/// Applies for a seller (payout destination) and goes to the new approval's page.
#[server(endpoint = "create_seller_approval")]
pub async fn create_seller_approval(
    aid: String,
    submission: String,
    #[server(default)] seller: SellerInput,
    #[server(default)] application: ApplicationInput,
) -> Result<(), AppError> {
    use crate::audit::{audited, AuditAction, Summary};
    use crate::submit::first_time;

    let user = crate::auth::session::require(crate::auth::Capability::Review).await?;
    let outcome = async {
        let aid = AccountId::from_form(&aid)?;
        let body = super::seller_input::check_seller(&seller, &application)?;
        let state = crate::state::app_state()?;
        let Some(sending) = first_time(&user.email, "create_seller_approval", &submission).await? else {
            return Ok(());
        };
        let bank = body.bank_accounts.first();
        let summary = Summary::new()
            .field("kind", "seller")
            .field("payout_destination_id", body.payout_destination_id.clone())
            .field("name", body.payout_destination_name.clone().unwrap_or_default())
            .field("country", body.country_code.clone())
            .field("organization_number", body.organization_number.clone())
            .masked(
                "bank_account",
                bank.and_then(|b| b.bank_account_number.as_deref()).unwrap_or_default(),
            )
            .field(
                "description",
                body.payout_destination_description.clone().unwrap_or_default(),
            );
        let created = audited(
            &user,
            AuditAction::ApprovalCreate,
            Some(&aid),
            summary,
            state.dintero.create_seller_approval(&user.access_token, &aid, &body),
        )
        .await?;
        let to = format!("/accounts/{aid}/sellers/{}?created=1", crate::url::encode(&created.id));
        sending.done(&to);
        Ok(())
    }
    .await;
    if outcome.is_err() {
        let mut fields = vec![("submission".to_owned(), submission.clone())];
        fields.extend(seller.kept_fields());
        fields.extend(application.kept_fields());
        keep(&aid, "create_seller_approval", fields).await;
    }
    outcome
}

/// Archives a seller approval. An `ACTIVE` one (which stops the seller's payouts) only with
/// `confirm=yes`, then sent with `delete_active=true`; one already archived is left as it is.
#[server(endpoint = "archive_seller_approval")]
pub async fn archive_seller_approval(
    aid: String,
    id: String,
    #[server(default)] confirm: String,
) -> Result<(), AppError> {
    use crate::audit::{audited, AuditAction, Summary};
    use crate::dintero::approvals::CaseStatus;

    let user = crate::auth::session::require(crate::auth::Capability::Review).await?;
    let aid = AccountId::from_form(&aid)?;
    let id =
        ResourceId::parse(&id).map_err(|_| AppError::invalid("id", crate::i18n::key!("sellers.error.approval_id")))?;
    let state = crate::state::app_state()?;
    let approval = state.dintero.seller_approval(&user.access_token, &aid, &id).await?;
    let to = format!("/accounts/{aid}/sellers/{}?archived=1", crate::url::encode(id.as_str()));
    let active = approval.case_status == Some(CaseStatus::Active);
    if approval.case_status == Some(CaseStatus::Archived) {
        crate::url::redirect(&to);
        return Ok(());
    }
    if active && confirm != "yes" {
        return Err(AppError::invalid(
            "confirm",
            crate::i18n::key!("sellers.error.confirm_active"),
        ));
    }
    audited(
        &user,
        AuditAction::ApprovalArchive,
        Some(&aid),
        Summary::new()
            .field("kind", "seller")
            .field("approval", id.clone())
            .field("payout_destination_id", approval.payout_destination_id.clone())
            .field(
                "case_status",
                approval.case_status.as_ref().map(|s| s.to_string()).unwrap_or_default(),
            )
            .field("delete_active", active.to_string()),
        state
            .dintero
            .archive_seller_approval(&user.access_token, &aid, &id, active),
    )
    .await?;
    crate::url::redirect(&to);
    Ok(())
}

/// Applies for payments on the merchant; back to its approvals, at the new one.
#[server(endpoint = "create_payment_approval")]
pub async fn create_payment_approval(
    aid: String,
    submission: String,
    #[server(default)] payment: PaymentInput,
    #[server(default)] application: ApplicationInput,
) -> Result<(), AppError> {
    use crate::audit::{audited, AuditAction, Summary};
    use crate::submit::first_time;

    let user = crate::auth::session::require(crate::auth::Capability::Review).await?;
    let outcome = async {
        let aid = AccountId::from_form(&aid)?;
        let body = payment.check(&application)?;
        let state = crate::state::app_state()?;
        let Some(sending) = first_time(&user.email, "create_payment_approval", &submission).await? else {
            return Ok(());
        };
        let join = |items: Vec<String>| items.join(",");
        let summary = Summary::new()
            .field("kind", "payment")
            .field(
                "payment_methods",
                join(
                    body.payment_methods
                        .iter()
                        .map(|m| m.payment_method.to_string())
                        .collect(),
                ),
            )
            .field(
                "products",
                join(body.products.iter().map(|p| p.product.to_string()).collect()),
            )
            .field("country", body.country_code.clone())
            .field("organization_number", body.organization_number.clone())
            .masked(
                "bank_account",
                body.bank_accounts
                    .first()
                    .and_then(|b| b.bank_account_number.as_deref())
                    .unwrap_or_default(),
            );
        let created = audited(
            &user,
            AuditAction::ApprovalCreate,
            Some(&aid),
            summary,
            state.dintero.create_payment_approval(&user.access_token, &aid, &body),
        )
        .await?;
        let to = approvals_href(&aid, &created.id);
        sending.done(&to);
        Ok(())
    }
    .await;
    if outcome.is_err() {
        let mut fields = vec![("submission".to_owned(), submission.clone())];
        fields.extend(payment.kept_fields());
        fields.extend(application.kept_fields());
        keep(&aid, "create_payment_approval", fields).await;
    }
    outcome
}

/// Opens a CDD case on the merchant; back to its approvals, at the new case.
#[server(endpoint = "create_cdd_case")]
pub async fn create_cdd_case(
    aid: String,
    submission: String,
    #[server(default)] cdd: CddInput,
) -> Result<(), AppError> {
    use crate::audit::{audited, AuditAction, Summary};
    use crate::submit::first_time;

    let user = crate::auth::session::require(crate::auth::Capability::Review).await?;
    let outcome = async {
        let aid = AccountId::from_form(&aid)?;
        let body = cdd.check(aid.as_str())?;
        let state = crate::state::app_state()?;
        let Some(sending) = first_time(&user.email, "create_cdd_case", &submission).await? else {
            return Ok(());
        };
        let list = |items: Vec<String>| items.join(",");
        let summary = Summary::new()
            .field("products", list(body.products.iter().map(|p| p.to_string()).collect()))
            .field(
                "checks",
                list(body.case_request.checks.iter().map(|c| c.to_string()).collect()),
            )
            .field(
                "actions_on_approval",
                list(
                    body.actions_on_approval
                        .iter()
                        .flatten()
                        .map(|a| a.to_string())
                        .collect(),
                ),
            )
            .field(
                "payout_destination_id",
                body.case_for.payout_destination_id.clone().unwrap_or_default(),
            )
            .field("package", body.package.clone().unwrap_or_default());
        let created = audited(
            &user,
            AuditAction::CddCreate,
            Some(&aid),
            summary,
            state.dintero.create_cdd_case(&user.access_token, &aid, &body),
        )
        .await?;
        let to = approvals_href(&aid, &created.id);
        sending.done(&to);
        Ok(())
    }
    .await;
    if outcome.is_err() {
        let mut fields = vec![("submission".to_owned(), submission.clone())];
        fields.extend(cdd.kept_fields());
        keep(&aid, "create_cdd_case", fields).await;
    }
    outcome
}

/// The approvals page at item `id`.
#[cfg(feature = "ssr")]
fn approvals_href(aid: &AccountId, id: &str) -> String {
    let id = crate::url::encode(id);
    format!("/accounts/{aid}/approvals?created={id}#{id}")
}

/// Keeps a failed plain post's fields for the form's page, under [`kept_key`].
#[cfg(feature = "ssr")]
async fn keep(aid: &str, form: &str, fields: Vec<(String, String)>) {
    let Ok(aid) = AccountId::parse(aid) else {
        return;
    };
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    crate::auth::kept_input::keep_input(&kept_key(form, aid.as_str()), &refs).await;
}

/// Where a form's kept input is: the server function's name and the merchant, so what was typed
/// for one merchant never fills another's form.
pub fn kept_key(form: &str, aid: &str) -> String {
    format!("{form}:{aid}")
}
