//! The workbench's posts: [`run_screening`] (MATCH and VMSS asked together, then the page of the
//! inquiry) and [`record_screening_decision`] (clear / refer / decline with a note, kept as a
//! private event on the merchant in Dintero and in the audit log), and [`terminate_merchant`]
//! (listing a merchant as terminated in MATCH or VMSS, once confirmed).

use leptos::prelude::*;

use super::criteria::Criteria;
use super::termination::TerminationInput;
use crate::error::AppError;
use crate::i18n::key;
#[cfg(feature = "ssr")]
use crate::validate::{AccountId, Irn};

/// The decisions an analyst records: (value, translation key).
pub const DECISIONS: [(&str, &str); 3] = [
    ("clear", key!("screening.decision.clear")),
    ("refer", key!("screening.decision.refer")),
    ("decline", key!("screening.decision.decline")),
];
/// The longest note (characters).
pub const MAX_NOTE: usize = 2_000;

/// Asks MATCH and VMSS about merchant `aid` as `criteria` describe it, keeps the VMSS answer and
/// goes to the inquiry's page (`/screening?aid=..&irn=..&vmss=..`), so a reload asks nothing again.
#[server(endpoint = "run_screening")]
pub async fn run_screening(aid: String, #[server(default)] criteria: Criteria) -> Result<(), AppError> {
    use super::results::{VmssResult, MATCH_PAGE_SIZE};

    let user = crate::auth::session::require(crate::auth::Capability::Screen).await?;
    let outcome = async {
        let aid = AccountId::parse(&aid)?;
        criteria.check()?;
        let state = crate::state::app_state()?;
        let (match_body, vmss_body) = (criteria.to_match(), criteria.to_vmss());
        let (matches, vmss) = tokio::join!(
            state
                .dintero
                .match_search(&user.access_token, &aid, &match_body, Some(MATCH_PAGE_SIZE), None),
            state.dintero.vmss_search(&user.access_token, &aid, &vmss_body),
        );
        let matches = matches?;
        let vmss = VmssResult::from_response(&vmss?, super::kept::new_reference());
        let irn = matches.inquiry_reference_number.clone().ok_or(AppError::Upstream {
            status: 502,
            message: key!("screening.error.no_irn").into(),
            detail: None,
        })?;
        super::kept::keep_vmss(aid.as_str(), &vmss).await;
        crate::url::redirect(&crate::paging::href(
            "/screening",
            &[("aid", aid.to_string()), ("irn", irn), ("vmss", vmss.reference.clone())],
        ));
        Ok(())
    }
    .await;
    if outcome.is_err() {
        let fields = criteria_fields(&criteria);
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        crate::auth::kept_input::keep_input("run_screening", &refs).await;
    }
    outcome
}

/// The criteria as form fields, for keeping them after a failed plain post.
#[cfg(feature = "ssr")]
fn criteria_fields(c: &Criteria) -> Vec<(String, String)> {
    use super::criteria::{criteria_field, principal_field};
    let mut fields: Vec<(String, String)> = [
        ("business_name", &c.business_name),
        ("trade_name", &c.trade_name),
        ("org_number", &c.org_number),
        ("address_line", &c.address_line),
        ("postal_code", &c.postal_code),
        ("city", &c.city),
        ("country", &c.country),
        ("phone_number", &c.phone_number),
        ("email", &c.email),
        ("website", &c.website),
        ("mcc", &c.mcc),
    ]
    .iter()
    .map(|(k, v)| (criteria_field(k), (*v).clone()))
    .collect();
    for (i, p) in c.principals.iter().enumerate() {
        for (k, v) in [
            ("first_name", &p.first_name),
            ("last_name", &p.last_name),
            ("email", &p.email),
            ("phone_number", &p.phone_number),
            ("date_of_birth", &p.date_of_birth),
        ] {
            fields.push((principal_field(i, k), v.clone()));
        }
    }
    fields
}

/// Records the analyst's decision on merchant `aid`, resting on MATCH inquiry `irn` and the VMSS
/// answer `vmss`: a private event on the merchant in Dintero (visible in its activity) and one
/// audit entry. Then back to the inquiry with `decided=` set.
#[server(endpoint = "record_screening_decision")]
pub async fn record_screening_decision(
    aid: String,
    irn: String,
    #[server(default)] vmss: String,
    #[server(default)] decision: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    use crate::audit::{audited, AuditAction, Summary};
    use crate::dintero::accounts::NewComment;

    let user = crate::auth::session::require(crate::auth::Capability::Screen).await?;
    let outcome = async {
        let aid = AccountId::parse(&aid)?;
        check_decision(&irn, &decision, &note)?;
        let irn = Irn::parse(&irn)?;
        let state = crate::state::app_state()?;
        let inquiry = state
            .dintero
            .match_inquiry(&user.access_token, &aid, &irn, Some(1), None)
            .await
            .map_err(|e| match AppError::from(e) {
                AppError::NotFound => AppError::invalid("irn", key!("screening.error.irn_unknown")),
                other => other,
            })?;
        let match_total = inquiry.total();
        let kept = super::kept::vmss_result(aid.as_str(), vmss.trim()).await;
        let vmss_total = kept.as_ref().map(|r| r.listings.len());
        let who = match &user.name {
            Some(name) => format!("{name} ({})", user.email),
            None => user.email.clone(),
        };
        let vmss_line = match (&kept, vmss_total) {
            (Some(r), Some(n)) => format!("VMSS search {}: {n} possible matches", r.reference),
            _ => "VMSS: no search kept with this decision".to_owned(),
        };
        let body = format!(
            "Screening decision: {}\nMATCH inquiry {irn}: {match_total} possible matches\n{vmss_line}\nNote: {}\n— {who}",
            decision.to_ascii_uppercase(),
            note.trim()
        );
        let summary = Summary::new()
            .field("decision", decision.clone())
            .field("irn", irn.as_str())
            .field("match_results", match_total.to_string())
            .field("vmss_ref", kept.as_ref().map(|r| r.reference.clone()).unwrap_or_default())
            .field("vmss_results", vmss_total.map(|n| n.to_string()).unwrap_or_default())
            .field("note", note.trim());
        // The onboarding team may screen but not write on accounts (Dintero's `write:accounts`):
        // then the event is written with the app's own token, and names the analyst in its text.
        // Dintero's rule alone decides which token it takes, whatever the partner's policy.
        let may_write = crate::auth::Access::from_scopes(&user.scopes).allows(crate::auth::Capability::ManageMerchants);
        audited(&user, AuditAction::ScreeningDecide, Some(&aid), summary, async {
            let token = if may_write {
                user.access_token.clone()
            } else {
                state.dintero.app_token().await?
            };
            state
                .dintero
                .add_account_comment(&token, &aid, &NewComment::private(body))
                .await
        })
        .await?;
        crate::url::redirect(&crate::paging::href(
            "/screening",
            &[
                ("aid", aid.to_string()),
                ("irn", irn.to_string()),
                ("vmss", vmss.trim().to_owned()),
                ("decided", decision.clone()),
            ],
        ));
        Ok(())
    }
    .await;
    if outcome.is_err() {
        crate::auth::kept_input::keep_input(
            "record_screening_decision",
            &[("decision", decision.as_str()), ("note", note.as_str())],
        )
        .await;
    }
    outcome
}

/// Checks a decision before anything is sent.
#[cfg(any(feature = "ssr", test))]
pub fn check_decision(irn: &str, decision: &str, note: &str) -> Result<(), AppError> {
    if !super::read::is_irn(irn) {
        return Err(AppError::invalid("irn", key!("screening.error.irn")));
    }
    if !DECISIONS.iter().any(|(value, _)| *value == decision) {
        return Err(AppError::invalid("decision", key!("screening.error.decision")));
    }
    if note.trim().is_empty() {
        return Err(AppError::invalid("note", key!("screening.error.note_required")));
    }
    if note.chars().count() > MAX_NOTE {
        return Err(AppError::invalid("note", key!("screening.error.note_long")));
    }
    Ok(())
}

/// Lists merchant `aid` as terminated in `input.register`, once `confirm` is `yes` (the
/// confirmation step's button). Then back to the workbench, which says under which reference.
#[server(endpoint = "terminate_merchant")]
pub async fn terminate_merchant(
    aid: String,
    #[server(default)] input: TerminationInput,
    #[server(default)] confirm: String,
) -> Result<(), AppError> {
    use crate::audit::{audited, AuditAction, Summary};

    let user = crate::auth::session::require(crate::auth::Capability::Terminate).await?;
    let aid = crate::validate::AccountId::parse(&aid)?;
    input.check()?;
    if confirm != "yes" {
        return Err(AppError::invalid("confirm", key!("screening.error.confirm")));
    }
    let state = crate::state::app_state()?;
    let summary = Summary::new()
        .field("register", input.register.clone())
        .field("business_name", input.business_name.trim())
        .field("trade_name", input.trade_name.trim())
        .field("reason", input.reason.clone())
        .field("end_date", input.end_date.trim())
        .field("comment", input.comment.trim());
    let reference = if input.is_match() {
        let body = input.to_match();
        audited(
            &user,
            AuditAction::MatchTerminate,
            Some(&aid),
            summary,
            state.dintero.match_terminate(&user.access_token, &aid, &body),
        )
        .await?
        .merchant_reference_number
        .to_string()
    } else {
        let body = input.to_vmss();
        audited(
            &user,
            AuditAction::VmssTerminate,
            Some(&aid),
            summary,
            state.dintero.vmss_terminate(&user.access_token, &aid, &body),
        )
        .await?
        .terminated_ref_id
        .unwrap_or_default()
    };
    crate::url::redirect(&crate::paging::href(
        "/screening",
        &[
            ("aid", aid.to_string()),
            ("terminated", input.register.clone()),
            ("reference", reference),
        ],
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decision_needs_a_choice_and_a_note() {
        let field = |irn: &str, d: &str, n: &str| check_decision(irn, d, n).unwrap_err().field().map(str::to_owned);
        assert_eq!(field("1", "clear", " ").as_deref(), Some("note"));
        assert_eq!(field("1", "", "ok").as_deref(), Some("decision"));
        assert_eq!(field("x1", "clear", "ok").as_deref(), Some("irn"));
        assert!(check_decision("22772026112100001", "decline", "Listed for fraud").is_ok());
    }
}
