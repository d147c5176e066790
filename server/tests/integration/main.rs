//! The server's integration tests, in one binary (one link instead of one per file keeps
//! `target/` small): each module is one area, named as before. `export_memory` stays a binary of
//! its own, because it measures the process's peak memory.
//!
//! ```sh
//! cargo test -p server --test integration sign_in   # one area
//! ```

#[path = "../support/mod.rs"]
mod support;

mod apps_in_one_process;
mod audit;
mod authorization;
mod client_account_events;
mod client_accounts;
mod client_approvals;
mod client_auth;
mod client_compliance;
mod client_payout;
mod client_pricing;
mod client_resilience;
mod client_settings;
mod client_settlement_reports;
mod client_settlements;
mod client_team;
mod client_tokens;
mod emulator_auth;
mod emulator_issued_secrets;
mod export;
mod fuzz_inputs;
mod hardening;
mod malformed_ids;
mod onboarding;
mod one_read;
mod payouts;
mod price_packages;
mod report_configurations;
mod report_files;
mod review;
mod screening;
mod sellers;
mod sessions;
mod settlement_files;
mod sign_in;
