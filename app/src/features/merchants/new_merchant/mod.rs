//! Onboarding a new merchant (`/accounts/new`): a guided form in steps over a draft kept per person.

pub mod draft;
#[cfg(feature = "ssr")]
mod draft_store;
#[cfg(feature = "ssr")]
mod new_account;
mod onboarding_page;
mod read;
mod step_form;
mod write;

pub use onboarding_page::NewMerchantPage;
pub use read::{get_draft, onboarding_packages, DraftState, GetDraft, OnboardingPackages};
pub use write::{create_merchant, save_step, start_over, CreateMerchant, SaveStep, StartOver};
