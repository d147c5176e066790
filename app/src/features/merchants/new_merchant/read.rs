//! The onboarding form's reads: [`get_draft`] (the person's draft, kept in the app's own store, so
//! it survives a reload and an expired session) and [`onboarding_packages`].

#[cfg(feature = "ssr")]
use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::draft::Draft;
#[cfg(feature = "ssr")]
use super::draft_store as store;
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
