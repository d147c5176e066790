//! Onboarding a new merchant (`/accounts/new`): a guided form in steps over a draft kept per person.

pub mod draft;
#[cfg(feature = "ssr")]
mod draft_store;
#[cfg(feature = "ssr")]
mod new_account;
mod onboarding_page;
mod save;
mod step_form;

pub use onboarding_page::NewMerchantPage;
pub use save::{
    create_merchant, get_draft, onboarding_packages, save_step, start_over, CreateMerchant, DraftState, GetDraft,
    OnboardingPackages, SaveStep, StartOver,
};
