//! One folder per page group, each with its routes component, server functions and pages.

pub mod activity;
pub mod merchants;
pub mod onboarding;
pub mod overview;
pub mod payouts;
pub mod price_packages;
pub mod reports;
pub mod review;
pub mod screening;
pub mod sellers;
pub mod settlements;
