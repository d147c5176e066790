//! The merchant page's changes, each checked before it is sent, sent once through
//! [`crate::audit::audited`], and with the input kept when it fails: [`update_merchant`],
//! [`record_connection_event`], [`add_comment`], [`delete_merchant`], [`assign_price_package`].

use leptos::prelude::*;

use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::validate::AccountId;

/// The longest comment Dintero is sent (characters).
pub const MAX_COMMENT: usize = 2_000;
/// The longest connection event description (characters).
pub const MAX_DESCRIPTION: usize = 500;

/// Checks the fields of [`update_merchant`].
#[cfg(feature = "ssr")]
pub fn check_update(progression: &str, account_manager: &str, reseller_id: &str) -> Result<(), AppError> {
    use crate::dintero::accounts::Progression;
    if !Progression::KNOWN.iter().any(|p| p.as_str() == progression) {
        return Err(AppError::invalid(
            "progression",
            crate::i18n::key!("merchant.error.progression"),
        ));
    }
    let manager = account_manager.trim();
    if !manager.is_empty() && !crate::validate::is_email(manager) {
        return Err(AppError::invalid(
            "account_manager",
            crate::i18n::key!("merchant.error.manager_email"),
        ));
    }
    let reseller = reseller_id.trim();
    if reseller.len() > 64 || reseller.chars().any(|c| c.is_whitespace()) {
        return Err(AppError::invalid(
            "reseller_id",
            crate::i18n::key!("merchant.error.reseller_id"),
        ));
    }
    Ok(())
}

/// Checks the fields of [`record_connection_event`].
#[cfg(feature = "ssr")]
pub fn check_connection_event(connection: &str, status: &str, event: &str, description: &str) -> Result<(), AppError> {
    use crate::dintero::accounts::{ConnectionName, ConnectionStatus};
    if !ConnectionName::KNOWN.iter().any(|c| c.as_str() == connection) {
        return Err(AppError::invalid(
            "connection",
            crate::i18n::key!("merchant.error.connection"),
        ));
    }
    if !ConnectionStatus::KNOWN.iter().any(|s| s.as_str() == status) {
        return Err(AppError::invalid("status", crate::i18n::key!("merchant.error.status")));
    }
    let event = event.trim();
    if event.is_empty()
        || event.len() > 64
        || !event
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(AppError::invalid("event", crate::i18n::key!("merchant.error.event")));
    }
    if description.chars().count() > MAX_DESCRIPTION {
        return Err(AppError::invalid(
            "description",
            crate::i18n::key!("merchant.error.description"),
        ));
    }
    Ok(())
}

/// Checks a comment.
#[cfg(feature = "ssr")]
pub fn check_comment(body: &str) -> Result<(), AppError> {
    if body.trim().is_empty() {
        return Err(AppError::invalid(
            "body",
            crate::i18n::key!("merchant.error.comment_required"),
        ));
    }
    if body.chars().count() > MAX_COMMENT {
        return Err(AppError::invalid(
            "body",
            crate::i18n::key!("merchant.error.comment_long"),
        ));
    }
    Ok(())
}

/// Changes a merchant's progression, account manager and reseller id (read, change, PUT back).
#[server(endpoint = "update_merchant")]
pub async fn update_merchant(
    aid: String,
    progression: String,
    account_manager: String,
    reseller_id: String,
) -> Result<(), AppError> {
    use crate::audit::{audited, AuditAction, Summary};
    use crate::dintero::accounts::{AccountManager, AccountUpdate, Progression};

    let outcome = async {
        let user = crate::auth::session::require(crate::auth::Capability::ManageMerchants).await?;
        let aid = AccountId::parse(&aid)?;
        check_update(&progression, &account_manager, &reseller_id)?;
        let state = crate::state::app_state()?;
        let account = state.dintero.get_account(&user.access_token, &aid).await?;
        let mut update = AccountUpdate::from(&account);
        update.fields.progression = Some(Progression::from(progression.as_str()));
        let manager = account_manager.trim();
        update.fields.account_manager = if manager.is_empty() {
            None
        } else {
            let mut current = account.account_manager.clone().unwrap_or_default();
            current.email = Some(manager.to_owned());
            Some(AccountManager { ..current })
        };
        update.fields.reseller_id = Some(reseller_id.trim().to_owned()).filter(|r| !r.is_empty());
        let summary = Summary::new()
            .field("progression", progression.clone())
            .field("account_manager", manager)
            .field("reseller_id", reseller_id.trim());
        audited(
            &user,
            AuditAction::AccountUpdate,
            Some(&aid),
            summary,
            state.dintero.update_account(&user.access_token, &aid, &update),
        )
        .await
        .map(|_| ())
    }
    .await;
    keep_on_failure(
        "update_merchant",
        &outcome,
        &[
            ("progression", &progression),
            ("account_manager", &account_manager),
            ("reseller_id", &reseller_id),
        ],
    )
    .await;
    outcome
}

/// Records a connection status change with its event code and description.
#[server(endpoint = "record_connection_event")]
pub async fn record_connection_event(
    aid: String,
    connection: String,
    status: String,
    event: String,
    description: String,
) -> Result<(), AppError> {
    use crate::audit::{audited, AuditAction, Summary};
    use crate::dintero::accounts::{ConnectionName, ConnectionStatus, NewConnectionEvent};

    let outcome = async {
        let user = crate::auth::session::require(crate::auth::Capability::ManageMerchants).await?;
        let aid = AccountId::parse(&aid)?;
        check_connection_event(&connection, &status, &event, &description)?;
        let state = crate::state::app_state()?;
        let body = NewConnectionEvent {
            status: ConnectionStatus::from(status.as_str()),
            event: event.trim().to_owned(),
            description: Some(description.trim().to_owned()).filter(|d| !d.is_empty()),
            metadata: None,
        };
        let summary = Summary::new()
            .field("connection", connection.clone())
            .field("status", status.clone())
            .field("event", event.trim())
            .field("description", description.trim());
        let name = ConnectionName::from(connection.as_str());
        audited(
            &user,
            AuditAction::ConnectionEvent,
            Some(&aid),
            summary,
            state
                .dintero
                .add_connection_event(&user.access_token, &aid, &name, &body),
        )
        .await
        .map(|_| ())
    }
    .await;
    keep_on_failure(
        "record_connection_event",
        &outcome,
        &[
            ("connection", &connection),
            ("status", &status),
            ("event", &event),
            ("description", &description),
        ],
    )
    .await;
    outcome
}

/// Adds a private comment to a merchant.
#[server(endpoint = "add_comment")]
pub async fn add_comment(aid: String, body: String) -> Result<(), AppError> {
    use crate::audit::{audited, AuditAction, Summary};
    use crate::dintero::accounts::NewComment;

    let outcome = async {
        let user = crate::auth::session::require(crate::auth::Capability::ManageMerchants).await?;
        let aid = AccountId::parse(&aid)?;
        check_comment(&body)?;
        let state = crate::state::app_state()?;
        audited(
            &user,
            AuditAction::AccountComment,
            Some(&aid),
            Summary::new().field("comment", body.trim()),
            state
                .dintero
                .add_account_comment(&user.access_token, &aid, &NewComment::private(body.trim())),
        )
        .await
        .map(|_| ())
    }
    .await;
    keep_on_failure("add_comment", &outcome, &[("body", &body)]).await;
    outcome
}

/// Deletes a merchant once its id has been typed to confirm; then on to the portfolio.
#[server(endpoint = "delete_merchant")]
pub async fn delete_merchant(aid: String, confirm: String) -> Result<(), AppError> {
    use crate::audit::{audited, AuditAction, Summary};

    let user = crate::auth::session::require(crate::auth::Capability::ManageMerchants).await?;
    let aid = AccountId::parse(&aid)?;
    if confirm.trim() != aid.as_str() {
        return Err(AppError::invalid(
            "confirm",
            crate::i18n::key!("merchant.error.confirm"),
        ));
    }
    let state = crate::state::app_state()?;
    audited(
        &user,
        AuditAction::AccountDelete,
        Some(&aid),
        Summary::new().field("account_id", aid.as_str()),
        state.dintero.delete_account(&user.access_token, &aid),
    )
    .await?;
    crate::url::redirect("/accounts?deleted=1");
    Ok(())
}

/// Keeps a failed form's fields for the page to fill in again (plain form posts only).
#[cfg(feature = "ssr")]
async fn keep_on_failure(form: &str, outcome: &Result<(), AppError>, fields: &[(&str, &str)]) {
    if outcome.is_err() {
        crate::auth::kept_input::keep_input(form, fields).await;
    }
}

/// Makes `price_package_id` the merchant's (only and default) package.
#[server(endpoint = "assign_price_package")]
pub async fn assign_price_package(aid: String, price_package_id: String) -> Result<(), AppError> {
    use crate::audit::{audited, AuditAction, Summary};
    use crate::dintero::price_packages::{PricePackageAssignment, PricePackageRef};

    let user = crate::auth::session::require(crate::auth::Capability::PricePackages).await?;
    let aid = crate::validate::AccountId::parse(aid.trim())
        .map_err(|_| AppError::invalid("aid", crate::i18n::key!("packages.error.aid")))?;
    let id = price_package_id.trim().to_owned();
    if id.is_empty() {
        return Err(AppError::invalid(
            "price_package_id",
            crate::i18n::key!("onboarding.error.package"),
        ));
    }
    let state = crate::state::app_state()?;
    let body = PricePackageAssignment {
        price_packages: vec![PricePackageRef {
            price_package_id: id.clone(),
        }],
        default_price_package: Some(PricePackageRef {
            price_package_id: id.clone(),
        }),
    };
    audited(
        &user,
        AuditAction::PricePackageAssign,
        Some(&aid),
        Summary::new().field("price_package", id),
        state
            .dintero
            .assign_price_packages(&user.access_token, &aid, &body, false),
    )
    .await
    .map(|_| ())
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn field(result: Result<(), AppError>) -> Option<String> {
        result.err().and_then(|e| e.field().map(str::to_owned))
    }

    #[test]
    fn changes_are_checked_field_by_field() {
        assert!(check_update("live", "kari@nordlys.no", "R-1").is_ok());
        assert!(check_update("frozen", "", "").is_ok());
        assert_eq!(field(check_update("sleeping", "", "")).as_deref(), Some("progression"));
        assert_eq!(
            field(check_update("live", "kari", "")).as_deref(),
            Some("account_manager")
        );
        assert_eq!(field(check_update("live", "", "a b")).as_deref(), Some("reseller_id"));

        assert!(check_connection_event("vipps", "enabled", "approved", "").is_ok());
        assert_eq!(
            field(check_connection_event("paypal", "enabled", "x", "")).as_deref(),
            Some("connection")
        );
        assert_eq!(
            field(check_connection_event("vipps", "done", "x", "")).as_deref(),
            Some("status")
        );
        assert_eq!(
            field(check_connection_event("vipps", "failed", "Not ok", "")).as_deref(),
            Some("event")
        );
        let long = "x".repeat(MAX_DESCRIPTION + 1);
        assert_eq!(
            field(check_connection_event("vipps", "failed", "x", &long)).as_deref(),
            Some("description")
        );

        assert!(check_comment("Called them").is_ok());
        assert_eq!(field(check_comment("   ")).as_deref(), Some("body"));
        assert_eq!(
            field(check_comment(&"x".repeat(MAX_COMMENT + 1))).as_deref(),
            Some("body")
        );
    }
}
