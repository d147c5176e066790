//! CDD cases, payment approvals and seller (payout destination) approvals (05-approvals-cdd.md).
//!
//! - [`cdd`]: `GET`/`POST .../settings/cdd/cases`;
//! - [`payments`]: `GET`/`POST .../settings/approvals/payments`;
//! - [`sellers`]: `GET`/`POST .../settings/approvals/payout-destinations`, `GET`/`DELETE .../{id}`;
//! - [`bank`]: the bank-account checks (IBAN mod-97, Norwegian BBAN mod-11);
//! - [`store`]: the area's state and the statuses' lifecycle; [`seed`]: the seeded cases and approvals.
//!
//! Every approval and case moves along [`store::next_status`] only when told to, by
//! `POST /__emulator/advance/approvals/{aid}/{id}` ([`advance`]; no timers).
//!
//! # Limits
//!
//! - The CDD provider is not emulated: a new CDD case, payment approval or seller approval starts in
//!   `WAITING_FOR_DECLARATION` (**INF**) with a `contract_url` link, and moves only through the
//!   control plane (`WAITING_FOR_DECLARATION → WAITING_FOR_SIGNATURE → UNDER_MANUAL_REVIEW → ACTIVE`,
//!   `AUTOMATIC_REVIEW → UNDER_MANUAL_REVIEW`, `WAITING_FOR_DETAILS → UNDER_MANUAL_REVIEW`,
//!   `ERROR → AUTOMATIC_REVIEW`). The test-mode magic descriptions (`AUTO_APPROVE`, `AUTO_DECLINE`,
//!   `AUTO_WAITING_FOR_SIGNATURE`) apply at once on `T` accounts. No webhooks, no e-mails to the
//!   form submitter, no reminders; an approved seller is not added to Payout by the emulator.
//! - The paths of getting and archiving one seller approval are inferred (`GET`/`DELETE
//!   .../payout-destinations/{id}`, **INF**); archiving answers 200 with the archived approval (**INF**),
//!   and is refused with 400 for `UNDER_MANUAL_REVIEW`, `AUTOMATIC_REVIEW`, `WAITING_FOR_DETAILS`,
//!   `TERMINATED` and `ARCHIVED`, and for `ACTIVE` without `delete_active=true`.
//! - A second seller approval for a `payout_destination_id` that has one not archived is refused with
//!   400 (**INF**). `payout_destination_id` must match `^[A-Za-z0-9_-]+$` (the newer API's pattern).
//! - A CDD case has no top-level status: its status is the `case_status` of its last event, which the
//!   `case_status` filter uses. `includes=events.case.contracts` keeps `contracts` in events' `case`;
//!   without it they are left out. "Post updated case" (the CDD provider's callback) is not served.
//! - The 2026 seller-approval fields (`type`, `individual`, `language`, report configurations) are
//!   stored and echoed but not checked; `country_code` and `organization_number` are always required.

mod advance;
pub mod bank;
pub mod cdd;
pub mod payments;
pub mod seed;
pub mod sellers;
pub mod store;

use axum::routing::{get, post};
use axum::Router;

use crate::state::Emulator;

pub fn routes() -> Router<Emulator> {
    let base = "/v1/accounts/{aid}/management/settings";
    Router::new()
        .route(&format!("{base}/cdd/cases"), get(cdd::list).post(cdd::create))
        .route(
            &format!("{base}/approvals/payments"),
            get(payments::list).post(payments::create),
        )
        .route(
            &format!("{base}/approvals/payout-destinations"),
            get(sellers::list).post(sellers::create),
        )
        .route(
            &format!("{base}/approvals/payout-destinations/{{id}}"),
            get(sellers::get_one).delete(sellers::archive),
        )
}

/// The area's control-plane routes (under `/__emulator/`, not subject to injected faults).
pub fn control_routes() -> Router<Emulator> {
    Router::new().route("/__emulator/advance/approvals/{aid}/{id}", post(advance::advance))
}
