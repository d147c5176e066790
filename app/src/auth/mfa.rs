//! The second sign-in step for people whose Dintero user needs a one-time code: [`get_code_step`],
//! [`send_code`] (SMS or e-mail, again as often as needed) and [`verify_code`].

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What the code page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodeStep {
    pub email: String,
    /// `sms` or `email` once a code has been sent.
    pub sent_by: Option<String>,
    /// True on the built-in emulator, where codes can be read in the sandbox inbox.
    pub sandbox: bool,
}

/// The sign-in waiting for a code, or `None` when there is none (start again).
#[server(endpoint = "code_step")]
pub async fn get_code_step() -> Result<Option<CodeStep>, AppError> {
    use crate::auth::session::{session, PendingMfa, PENDING_MFA_KEY};
    let state = crate::state::app_state()?;
    let pending = session()
        .await?
        .get::<PendingMfa>(PENDING_MFA_KEY)
        .await
        .map_err(|_| AppError::Internal)?;
    Ok(pending.map(|p| CodeStep {
        email: p.email,
        sent_by: p.channel,
        sandbox: state.info.embedded_emulator,
    }))
}

/// Sends a one-time code by `channel` (`sms` or `email`).
#[server(endpoint = "send_code")]
pub async fn send_code(channel: String) -> Result<(), AppError> {
    use crate::auth::session::{session, PendingMfa, PENDING_MFA_KEY};
    use crate::dintero::auth::OobChannel;
    use crate::dintero::MfaToken;
    use crate::secret::Secret;

    let channel = match channel.as_str() {
        "sms" => OobChannel::Sms,
        "email" => OobChannel::Email,
        _ => return Err(AppError::invalid("channel", crate::i18n::key!("mfa.error.channel"))),
    };
    let state = crate::state::app_state()?;
    let session = session().await?;
    let mut pending = session
        .get::<PendingMfa>(PENDING_MFA_KEY)
        .await
        .map_err(|_| AppError::Internal)?
        .ok_or_else(|| AppError::invalid("channel", crate::i18n::key!("mfa.error.start_again")))?;
    let token = MfaToken(pending.mfa_token.expose().to_owned());
    match state.dintero.mfa_challenge(&token, channel.clone()).await {
        Ok(challenge) => {
            pending.oob_code = Some(Secret::new(challenge.oob_code));
            pending.channel = Some(channel.as_str().to_owned());
            session
                .insert(PENDING_MFA_KEY, pending)
                .await
                .map_err(|_| AppError::Internal)?;
            Ok(())
        }
        Err(error) if matches!(error.status(), Some(400 | 401 | 403)) => {
            tracing::info!(status = error.status(), "MFA challenge refused");
            Err(AppError::invalid("channel", crate::i18n::key!("mfa.error.start_again")))
        }
        Err(error) => Err(error.into()),
    }
}

/// Signs in with the code the person received, and sends them on to where they were going.
#[server(endpoint = "verify_code")]
pub async fn verify_code(code: String) -> Result<(), AppError> {
    use crate::auth::session::{establish, session, PendingMfa, PENDING_MFA_KEY};
    use crate::dintero::MfaToken;

    let code = code.trim().to_owned();
    if code.is_empty() {
        return Err(AppError::invalid("code", crate::i18n::key!("mfa.error.code_required")));
    }
    let state = crate::state::app_state()?;
    let pending = session()
        .await?
        .get::<PendingMfa>(PENDING_MFA_KEY)
        .await
        .map_err(|_| AppError::Internal)?
        .ok_or_else(|| AppError::invalid("code", crate::i18n::key!("mfa.error.start_again")))?;
    let oob_code = pending
        .oob_code
        .as_ref()
        .ok_or_else(|| AppError::invalid("code", crate::i18n::key!("mfa.error.send_first")))?;
    let token = MfaToken(pending.mfa_token.expose().to_owned());
    match state.dintero.mfa_oob_token(&token, oob_code.expose(), &code).await {
        Ok(access) => {
            establish(&state, &pending.email, access).await?;
            crate::url::redirect(&pending.next);
            Ok(())
        }
        Err(error) if matches!(error.status(), Some(400 | 401 | 403)) => {
            tracing::info!(status = error.status(), "one-time code refused");
            Err(AppError::invalid("code", crate::i18n::key!("mfa.error.wrong_code")))
        }
        Err(error) => Err(error.into()),
    }
}

/// A code the built-in emulator "sent".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SandboxMessage {
    pub to: String,
    pub channel: String,
    pub code: String,
    pub sent_at: String,
}

/// The built-in emulator's outbox, newest first (only on the embedded default; `NotFound` otherwise).
#[server(endpoint = "sandbox_outbox")]
pub async fn sandbox_outbox() -> Result<Vec<SandboxMessage>, AppError> {
    let state = crate::state::app_state()?;
    if !state.info.embedded_emulator {
        return Err(AppError::NotFound);
    }
    let url = format!("{}/__emulator/outbox", state.dintero.base_url());
    let mut messages: Vec<SandboxMessage> = async { reqwest::get(url).await?.error_for_status()?.json().await }
        .await
        .map_err(|error: reqwest::Error| {
            tracing::warn!(error = %error.without_url(), "could not read the emulator's outbox");
            AppError::Unavailable
        })?;
    messages.reverse();
    messages.truncate(20);
    Ok(messages)
}
