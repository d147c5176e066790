//! [`CaseStatusBadge`]: where a CDD case, payment approval or seller approval stands, in words and
//! coloured by whose move it is.

use leptos::prelude::*;

use crate::dintero::approvals::CaseStatus;
use crate::i18n::{key, t};

/// The translation key of a status (`case_status.under_manual_review`); unknown ones fall back.
pub fn case_status_key(status: &CaseStatus) -> &'static str {
    match status {
        CaseStatus::Active => key!("case_status.active"),
        CaseStatus::Declined => key!("case_status.declined"),
        CaseStatus::UnderManualReview => key!("case_status.under_manual_review"),
        CaseStatus::AutomaticReview => key!("case_status.automatic_review"),
        CaseStatus::WaitingForSignature => key!("case_status.waiting_for_signature"),
        CaseStatus::WaitingForDeclaration => key!("case_status.waiting_for_declaration"),
        CaseStatus::Error => key!("case_status.error"),
        CaseStatus::Archived => key!("case_status.archived"),
        CaseStatus::WaitingForDetails => key!("case_status.waiting_for_details"),
        CaseStatus::Terminated => key!("case_status.terminated"),
        CaseStatus::Other(_) => key!("case_status.other"),
    }
}

/// The badge class: settled well, settled badly, waiting, or closed.
pub fn case_status_class(status: &CaseStatus) -> &'static str {
    match status {
        CaseStatus::Active => "badge-ok",
        CaseStatus::Declined | CaseStatus::Error | CaseStatus::Terminated => "badge-bad",
        CaseStatus::Archived | CaseStatus::Other(_) => "badge-neutral",
        _ => "badge-warn",
    }
}

/// The status in words, with Dintero's name in `data-status` (and as the title for those who know it).
#[component]
pub fn CaseStatusBadge(status: CaseStatus) -> impl IntoView {
    let raw = status.as_str().to_owned();
    view! {
        <span class=case_status_class(&status) data-status=raw.clone() title=raw>{t(case_status_key(&status))}</span>
    }
}
