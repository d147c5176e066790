//! One folder per page group, named after its address (`/onboarding` is `onboarding`, `/accounts`
//! is `merchants`), each with its routes component, its server functions (`read.rs`, `write.rs`) and
//! its pages.

pub mod activity;
pub mod merchants;
pub mod onboarding;
pub mod overview;
pub mod payouts;
pub mod price_packages;
pub mod reports;
pub mod screening;
pub mod sellers;
pub mod settlements;
pub mod team;
