//! The onboarding server functions: [`get_draft`], [`save_step`], [`onboarding_packages`],
//! [`create_merchant`] (sent once, however often it is clicked) and [`start_over`]. The draft is
//! kept per person in the app's own store, so it survives a reload and an expired session.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::draft::Draft;
use crate::error::AppError;

/// The person's draft and where it stands.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DraftState {
    pub draft: Draft,
    /// The merchant this draft created, once it has.
    pub created: Option<String>,
}

/// The person's draft (with any form they were submitting when their session ended).
#[server(endpoint = "get_draft")]
pub async fn get_draft() -> Result<DraftState, AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::ManageMerchants).await?;
    let state = crate::state::app_state()?;
    let (mut draft, status, account) = store::load(&state.store, &user.email).await?;
    if status == "created" {
        return Ok(DraftState {
            draft,
            created: account,
        });
    }
    // A step posted while the session had ended was kept by the sign-in guard: take it in.
    let kept = crate::auth::take_kept_input("save_step".to_owned())
        .await
        .unwrap_or_default();
    if !kept.0.is_empty() {
        let step = kept.get("step");
        let fields: BTreeMap<String, String> = kept
            .0
            .iter()
            .filter_map(|(k, v)| {
                k.strip_prefix("fields[")?
                    .strip_suffix(']')
                    .map(|k| (k.to_owned(), v.clone()))
            })
            .collect();
        draft.merge(&step, &fields);
        store::save(&state.store, &user.email, &draft).await?;
    }
    Ok(DraftState { draft, created: None })
}

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
    leptos_axum::redirect(&format!("/accounts/new?step={next}"));
    Ok(())
}

/// The partner's price packages to choose from: (id, name).
#[server(endpoint = "onboarding_packages")]
pub async fn onboarding_packages() -> Result<Vec<(String, String)>, AppError> {
    use crate::dintero::price_packages::PricePackageQuery;
    let user = crate::auth::session::require(crate::auth::Capability::ManageMerchants).await?;
    let state = crate::state::app_state()?;
    let query = PricePackageQuery {
        limit: Some(100),
        ..Default::default()
    };
    let page = state.dintero.price_packages(&user.access_token, &query).await?;
    Ok(page
        .price_packages
        .into_iter()
        .map(|p| {
            let name = p.name.clone().unwrap_or_else(|| p.price_package_id.clone());
            (p.price_package_id, name)
        })
        .collect())
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
            leptos_axum::redirect(&format!("/accounts/{aid}?created=1"));
            return Ok(());
        }
        store::Claim::Busy => {
            let aid = store::wait_for_creation(&state.store, &user.email).await?;
            leptos_axum::redirect(&format!("/accounts/{aid}?created=1"));
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
            leptos_axum::redirect(&format!("/accounts/{}?created=1", account.account_id));
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
    leptos_axum::redirect("/accounts/new?step=company");
    Ok(())
}

/// The message naming a step that is not complete.
pub fn step_error_key(step: &str) -> &'static str {
    match step {
        "company" => "onboarding.error.incomplete_company",
        "applicant" => "onboarding.error.incomplete_applicant",
        "billing" => "onboarding.error.incomplete_billing",
        "package" => "onboarding.error.incomplete_package",
        _ => "onboarding.error.incomplete_invite",
    }
}

#[cfg(feature = "ssr")]
mod store {
    //! The `onboarding_drafts` table: one row per person, `open` → `submitting` → `created`.

    use sqlx::Row;

    use super::Draft;
    use crate::error::AppError;
    use crate::store::Store;

    /// A submit left `submitting` this long (a crash) may be taken over.
    const STALE_SECONDS: i64 = 120;

    pub enum Claim {
        /// This request sends the draft.
        Mine(Draft),
        /// Another request is sending it now.
        Busy,
        /// It was sent: this merchant.
        Created(String),
    }

    fn failed(error: sqlx::Error) -> AppError {
        tracing::error!(%error, "onboarding draft store failed");
        AppError::Internal
    }

    fn now() -> String {
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    }

    /// The draft, its state (`open` when none) and the merchant it created.
    pub async fn load(store: &Store, owner: &str) -> Result<(Draft, String, Option<String>), AppError> {
        let row = sqlx::query("SELECT fields, state, account_id FROM onboarding_drafts WHERE owner = ?")
            .bind(owner)
            .fetch_optional(store.pool())
            .await
            .map_err(failed)?;
        let Some(row) = row else {
            return Ok((Draft::default(), "open".into(), None));
        };
        let fields: String = row.try_get("fields").map_err(failed)?;
        let draft = serde_json::from_str(&fields).unwrap_or_default();
        Ok((
            draft,
            row.try_get("state").map_err(failed)?,
            row.try_get("account_id").map_err(failed)?,
        ))
    }

    pub async fn save(store: &Store, owner: &str, draft: &Draft) -> Result<(), AppError> {
        let fields = serde_json::to_string(draft).map_err(|_| AppError::Internal)?;
        sqlx::query(
            "INSERT INTO onboarding_drafts (owner, fields, state, updated_at) VALUES (?, ?, 'open', ?)
             ON CONFLICT (owner) DO UPDATE SET fields = excluded.fields, updated_at = excluded.updated_at
             WHERE onboarding_drafts.state = 'open'",
        )
        .bind(owner)
        .bind(fields)
        .bind(now())
        .execute(store.pool())
        .await
        .map_err(failed)?;
        Ok(())
    }

    /// Takes the draft for sending, unless another request has (or already did).
    pub async fn claim(store: &Store, owner: &str) -> Result<Claim, AppError> {
        let stale = (chrono::Utc::now() - chrono::Duration::seconds(STALE_SECONDS))
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let taken = sqlx::query(
            "UPDATE onboarding_drafts SET state = 'submitting', updated_at = ?
             WHERE owner = ? AND (state = 'open' OR (state = 'submitting' AND updated_at < ?))",
        )
        .bind(now())
        .bind(owner)
        .bind(stale)
        .execute(store.pool())
        .await
        .map_err(failed)?
        .rows_affected();
        let (draft, state, account) = load(store, owner).await?;
        Ok(match (taken, state.as_str(), account) {
            (1, _, _) => Claim::Mine(draft),
            (_, "created", Some(aid)) => Claim::Created(aid),
            (_, "submitting", _) => Claim::Busy,
            _ => Claim::Mine(draft),
        })
    }

    /// Waits (up to 30 s) for the request sending the draft to finish; its merchant's id.
    pub async fn wait_for_creation(store: &Store, owner: &str) -> Result<String, AppError> {
        for _ in 0..150 {
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            match load(store, owner).await? {
                (_, state, Some(aid)) if state == "created" => return Ok(aid),
                (_, state, _) if state == "open" => return Err(AppError::invalid("step", "onboarding.error.retry")),
                _ => {}
            }
        }
        Err(AppError::Unavailable)
    }

    /// Puts a draft whose sending failed back to `open`.
    pub async fn release(store: &Store, owner: &str) -> Result<(), AppError> {
        sqlx::query("UPDATE onboarding_drafts SET state = 'open', updated_at = ? WHERE owner = ?")
            .bind(now())
            .bind(owner)
            .execute(store.pool())
            .await
            .map_err(failed)?;
        Ok(())
    }

    pub async fn finish(store: &Store, owner: &str, aid: &str) -> Result<(), AppError> {
        sqlx::query("UPDATE onboarding_drafts SET state = 'created', account_id = ?, updated_at = ? WHERE owner = ?")
            .bind(aid)
            .bind(now())
            .bind(owner)
            .execute(store.pool())
            .await
            .map_err(failed)?;
        Ok(())
    }

    pub async fn reset(store: &Store, owner: &str) -> Result<(), AppError> {
        sqlx::query("DELETE FROM onboarding_drafts WHERE owner = ?")
            .bind(owner)
            .execute(store.pool())
            .await
            .map_err(failed)?;
        Ok(())
    }
}
