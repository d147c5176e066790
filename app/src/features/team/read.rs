//! [`partner_team`]: the partner's account users, each with what the app lets them do.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::auth::{Capability, Refusal};
use crate::error::AppError;

/// One person of the partner's team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// Dintero's user id.
    pub id: String,
    pub email: String,
    pub name: Option<String>,
    pub scopes: Vec<String>,
    pub mfa: bool,
    pub last_seen_at: Option<String>,
    /// What the app lets them do.
    pub allowed: Vec<Capability>,
    /// Why each other capability is refused.
    pub refused: Vec<Refusal>,
    /// The role ([`super::roles::ROLES`]) whose scopes they hold exactly, if one.
    pub role: Option<String>,
    /// The submission ids of this person's change and remove forms.
    pub change_submission: String,
    pub remove_submission: String,
}

/// The team, by e-mail, and whether a partner's policy applies on top of Dintero's scopes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Team {
    pub members: Vec<Member>,
    pub policy_set: bool,
    /// Whether the person viewing may invite, change and remove colleagues.
    pub may_manage: bool,
    /// The viewer's e-mail (nobody removes themselves).
    pub me: String,
    /// The invite form's submission id.
    pub invite_submission: String,
}

#[server(endpoint = "partner_team")]
pub async fn partner_team() -> Result<Team, AppError> {
    let state = crate::state::app_state()?;
    let user = crate::auth::session::require(Capability::Team).await?;
    let mut users = state.dintero.team(&user.access_token).await?;
    users.sort_by_key(|u| u.email.to_lowercase());
    let members = users
        .into_iter()
        .map(|person| {
            let access = crate::auth::Access::under(&person.scope, &state.policy);
            Member {
                id: person.id.clone(),
                role: super::roles::of_scopes(&person.scope).map(|r| r.id.to_owned()),
                change_submission: crate::submit::new_submission(),
                remove_submission: crate::submit::new_submission(),
                mfa: person.has_mfa(),
                allowed: Capability::ALL.into_iter().filter(|c| access.allows(*c)).collect(),
                refused: Capability::ALL
                    .into_iter()
                    .filter_map(|c| access.refusal(c).cloned())
                    .collect(),
                email: person.email,
                name: person.name,
                scopes: person.scope,
                last_seen_at: person.last_seen_at,
            }
        })
        .collect();
    Ok(Team {
        members,
        policy_set: !state.policy.is_empty(),
        may_manage: user.access(&state.policy).allows(Capability::ManageTeam),
        me: user.email.clone(),
        invite_submission: crate::submit::new_submission(),
    })
}
