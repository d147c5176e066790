//! The onboarding form's changes: [`save_step`], [`create_merchant`] (sent once, however often it
//! is clicked) and [`start_over`].

use std::collections::BTreeMap;

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::draft::{step_error_key, Draft};
#[cfg(feature = "ssr")]
use super::draft_store as store;
use crate::error::AppError;

/// Saves one step's fields into the draft (also when they are wrong, so nothing typed is lost),
/// then checks them; on success goes on to `next`.
#[server(endpoint = "save_step")]
pub async fn save_step(step: String, next: String, fields: BTreeMap<String, String>) -> Result<(), AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::ManageMerchants).await?;
    if !super::draft::STEPS.iter().any(|(s, _)| *s == step) {
        return Err(AppError::NotFound);
    }
    let state = crate::state::app_state()?;
    let (mut draft, status, _) = store::load(&state.store, &user.email).await?;
    if status == "created" {
        draft = Draft::default();
        store::reset(&state.store, &user.email).await?;
    }
    draft.merge(&step, &fields);
    store::save(&state.store, &user.email, &draft).await?;
    if let Some(error) = super::draft::check_step(&step, &draft).into_iter().next() {
        return Err(error);
    }
    let next = if super::draft::STEPS.iter().any(|(s, _)| *s == next) {
        next
    } else {
        "review".into()
    };
    crate::url::redirect(&format!("/accounts/new?step={next}"));
    Ok(())
}

/// Creates the merchant from the draft, once: a second submit while the first is on its way waits
/// for it and lands on the same merchant.
#[server(endpoint = "create_merchant")]
pub async fn create_merchant() -> Result<(), AppError> {
    use crate::audit::{audited, AuditAction, Summary};

    let user = crate::auth::session::require(crate::auth::Capability::ManageMerchants).await?;
    let state = crate::state::app_state()?;
    let draft = match store::claim(&state.store, &user.email).await? {
        store::Claim::Mine(draft) => draft,
        store::Claim::Created(aid) => {
            crate::url::redirect(&format!("/accounts/{aid}?created=1"));
            return Ok(());
        }
        store::Claim::Busy => {
            let aid = store::wait_for_creation(&state.store, &user.email).await?;
            crate::url::redirect(&format!("/accounts/{aid}?created=1"));
            return Ok(());
        }
    };
    if let Some(step) = draft.first_incomplete_step() {
        store::release(&state.store, &user.email).await?;
        return Err(AppError::invalid("step", step_error_key(step)));
    }
    let body = super::new_account::new_account(&draft);
    let summary = Summary::new()
        .field("business_name", draft.get("business_name"))
        .field("organization_number", draft.get("organization_number"))
        .field("country", draft.country())
        .field("price_package", draft.get("price_package"))
        .field(
            "invited",
            body.invite_users
                .as_ref()
                .map(|u| u.len())
                .unwrap_or_default()
                .to_string(),
        )
        .field("send_invite", draft.get("send_invite"));
    let created = audited(
        &user,
        AuditAction::AccountCreate,
        None,
        summary,
        state.dintero.create_account(&user.access_token, &body),
    )
    .await;
    match created {
        Ok(account) => {
            store::finish(&state.store, &user.email, &account.account_id).await?;
            let aid = crate::url::encode(&account.account_id);
            crate::url::redirect(&format!("/accounts/{aid}?created=1"));
            Ok(())
        }
        Err(error) => {
            store::release(&state.store, &user.email).await?;
            Err(error)
        }
    }
}

/// Forgets the draft (after a merchant was created, or to begin again).
#[server(endpoint = "start_over")]
pub async fn start_over() -> Result<(), AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::ManageMerchants).await?;
    let state = crate::state::app_state()?;
    store::reset(&state.store, &user.email).await?;
    crate::url::redirect("/accounts/new?step=company");
    Ok(())
}
