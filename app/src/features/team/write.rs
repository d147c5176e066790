//! The team's changes: [`invite_colleague`], [`change_colleague_role`], [`remove_colleague`]. Each
//! is sent once per submission, audited (the colleague's e-mail and the role, nothing secret), and
//! keeps the person's input when it fails.

use leptos::prelude::*;

use crate::error::AppError;

/// Dintero refuses a role with a scope the inviter does not hold: said at the role field.
#[cfg(feature = "ssr")]
fn at_role(error: AppError) -> AppError {
    match error {
        AppError::Forbidden => AppError::invalid("role", crate::i18n::key!("team.error.beyond")),
        other => other,
    }
}

/// Invites `email` to the partner's team with `role`; back to the team page, which names them.
#[server(endpoint = "invite_colleague")]
pub async fn invite_colleague(
    submission: String,
    email: String,
    #[server(default)] name: String,
    role: String,
) -> Result<(), AppError> {
    use crate::audit::{audited, AuditAction, Summary};
    use crate::dintero::users::NewUser;
    use crate::submit::first_time;

    let state = crate::state::app_state()?;
    let user = crate::auth::session::require(crate::auth::Capability::ManageTeam).await?;
    let outcome = async {
        let email = email.trim();
        if !crate::validate::is_email(email) {
            return Err(AppError::invalid("email", crate::i18n::key!("team.error.email")));
        }
        if name.trim().chars().count() > 255 {
            return Err(AppError::invalid("name", crate::i18n::key!("team.error.name")));
        }
        let role = super::roles::by_id(&role)
            .ok_or_else(|| AppError::invalid("role", crate::i18n::key!("team.error.role")))?;
        let team = state.dintero.team(&user.access_token).await?;
        if team.iter().any(|p| p.email.eq_ignore_ascii_case(email)) {
            return Err(AppError::invalid("email", crate::i18n::key!("team.error.exists")));
        }
        let Some(sending) = first_time(&user.email, "invite_colleague", &submission).await? else {
            return Ok(());
        };
        let body = NewUser {
            email: email.to_owned(),
            name: Some(name.trim().to_owned()).filter(|n| !n.is_empty()),
            scope: role.scopes.iter().map(|s| (*s).to_owned()).collect(),
        };
        let summary = Summary::new().field("email", email).field("role", role.id);
        audited(
            &user,
            AuditAction::TeamInvite,
            None,
            summary,
            state.dintero.invite_user(&user.access_token, &body),
        )
        .await
        .map_err(at_role)?;
        sending.done(&format!("/team?invited={}", crate::url::encode(email)));
        Ok(())
    }
    .await;
    if outcome.is_err() {
        crate::auth::kept_input::keep_input(
            "invite_colleague",
            &[
                ("submission", &submission),
                ("email", &email),
                ("name", &name),
                ("role", &role),
            ],
        )
        .await;
    }
    outcome
}

/// Gives colleague `id` the scopes of `role`.
#[server(endpoint = "change_colleague_role")]
pub async fn change_colleague_role(submission: String, id: String, role: String) -> Result<(), AppError> {
    use crate::audit::{audited, AuditAction, Summary};
    use crate::dintero::users::UserUpdate;
    use crate::submit::first_time;

    let state = crate::state::app_state()?;
    let user = crate::auth::session::require(crate::auth::Capability::ManageTeam).await?;
    let role =
        super::roles::by_id(&role).ok_or_else(|| AppError::invalid("role", crate::i18n::key!("team.error.role")))?;
    let colleague = colleague(&state, &user, &id).await?;
    let Some(sending) = first_time(&user.email, "change_colleague_role", &submission).await? else {
        return Ok(());
    };
    let change = UserUpdate {
        name: None,
        scope: Some(role.scopes.iter().map(|s| (*s).to_owned()).collect()),
    };
    audited(
        &user,
        AuditAction::TeamChange,
        None,
        Summary::new()
            .field("email", colleague.email.clone())
            .field("role", role.id),
        state.dintero.update_user(&user.access_token, &colleague.id, &change),
    )
    .await
    .map_err(at_role)?;
    sending.done(&format!("/team?changed={}", crate::url::encode(&colleague.email)));
    Ok(())
}

/// Removes colleague `id` from the team, once `confirm` is `yes`; never the person themselves.
#[server(endpoint = "remove_colleague")]
pub async fn remove_colleague(
    submission: String,
    id: String,
    #[server(default)] confirm: String,
) -> Result<(), AppError> {
    use crate::audit::{audited, AuditAction, Summary};
    use crate::submit::first_time;

    let state = crate::state::app_state()?;
    let user = crate::auth::session::require(crate::auth::Capability::ManageTeam).await?;
    let colleague = colleague(&state, &user, &id).await?;
    if colleague.email.eq_ignore_ascii_case(&user.email) {
        return Err(AppError::invalid("confirm", crate::i18n::key!("team.error.yourself")));
    }
    if confirm != "yes" {
        return Err(AppError::invalid("confirm", crate::i18n::key!("team.error.confirm")));
    }
    let Some(sending) = first_time(&user.email, "remove_colleague", &submission).await? else {
        return Ok(());
    };
    audited(
        &user,
        AuditAction::TeamRemove,
        None,
        Summary::new().field("email", colleague.email.clone()),
        state.dintero.remove_user(&user.access_token, &colleague.id),
    )
    .await?;
    sending.done(&format!("/team?removed={}", crate::url::encode(&colleague.email)));
    Ok(())
}

/// The partner's user `id`, read from Dintero's list (it has no single-user read); 404 otherwise.
#[cfg(feature = "ssr")]
async fn colleague(
    state: &crate::state::AppState,
    user: &crate::auth::session::UserSession,
    id: &str,
) -> Result<crate::dintero::users::AccountUser, AppError> {
    let id = id.trim();
    if id.is_empty() || id.len() > 255 {
        return Err(AppError::NotFound);
    }
    state
        .dintero
        .team(&user.access_token)
        .await?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or(AppError::NotFound)
}
