//! The partner's team (`/team`): who signs in to this back-office (the partner's Dintero account
//! users), and for each person what the app lets them do, from their scopes and the partner's
//! policy: the README's "Who may do what" table, person by person.

mod read;
pub mod roles;
mod team_page;
mod write;

use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, SsrMode};

pub use read::{partner_team, Member, PartnerTeam, Team};
pub use team_page::TeamPage;
pub use write::{
    change_colleague_role, invite_colleague, remove_colleague, ChangeColleagueRole, InviteColleague, RemoveColleague,
};

#[component(transparent)]
pub fn TeamRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! { <Route path=path!("/team") view=TeamPage ssr=SsrMode::Async/> }.into_inner()
}
