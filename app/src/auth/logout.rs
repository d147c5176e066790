//! [`logout`] and the header's [`SignOutButton`].

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::t;

/// Revokes the person's Dintero refresh token, forgets the session (server side and cookie) and
/// sends the person to the sign-in page.
#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    let session = crate::auth::session::session().await?;
    if let Some(refresh_token) = crate::auth::session::user(&session)
        .await?
        .and_then(|user| user.refresh_token)
    {
        let state = crate::state::app_state()?;
        if let Err(error) = state.dintero.revoke(&refresh_token).await {
            tracing::warn!(%error, "could not revoke the refresh token at sign-out");
        }
    }
    session.flush().await.map_err(|_| AppError::Internal)?;
    crate::url::redirect("/login");
    Ok(())
}

#[component]
pub fn SignOutButton() -> impl IntoView {
    let action = ServerAction::<Logout>::new();
    view! {
        <ActionForm action=action attr:class="inline">
            <button type="submit" class="btn-ghost" disabled=move || action.pending().get()>
                {t!("shell.sign_out")}
            </button>
        </ActionForm>
    }
}
