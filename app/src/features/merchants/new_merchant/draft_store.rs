//! The `onboarding_drafts` table in the app's store: one draft per person, `open` → `submitting` →
//! `created`, so a draft survives a reload and a new sign-in and is sent once.

use sqlx::Row;

use super::draft::Draft;
use crate::error::AppError;
use crate::i18n::key;
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
            (_, state, _) if state == "open" => return Err(AppError::invalid("step", key!("onboarding.error.retry"))),
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
