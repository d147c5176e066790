//! [`logout`] and the header's [`SignOutButton`].

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::t;

/// Forgets the session (server side and cookie) and sends the person to the sign-in page.
#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    let session = crate::auth::session::session().await?;
    session.flush().await.map_err(|_| AppError::Internal)?;
    leptos_axum::redirect("/login");
    Ok(())
}

#[component]
pub fn SignOutButton() -> impl IntoView {
    let action = ServerAction::<Logout>::new();
    view! {
        <ActionForm action=action attr:class="inline">
            <button type="submit" class="btn-ghost" disabled=move || action.pending().get()>
                {t("shell.sign_out")}
            </button>
        </ActionForm>
    }
}
