//! The merchant page's price package and settings: [`get_merchant_package`],
//! [`get_merchant_settings`], and for account managers [`assign_price_package`].

use leptos::prelude::*;

use super::package_view::PackageView;
use crate::error::AppError;

/// The package the merchant uses (`None` when it has none).
#[server(endpoint = "get_merchant_package")]
pub async fn get_merchant_package(aid: String) -> Result<Option<PackageView>, AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::ViewMerchants).await?;
    let aid = crate::validate::AccountId::parse(&aid)?;
    let state = crate::state::app_state()?;
    match state.dintero.account_price_package(&user.access_token, &aid).await {
        Ok(package) => Ok(Some(PackageView::from(&package))),
        Err(error) if error.status() == Some(404) => Ok(None),
        Err(error) => Err(error.into()),
    }
}

/// The merchant's own settings as Dintero returns them, as (field path, value) lines; connection
/// configurations, keys and anything named like a secret are left out.
#[server(endpoint = "get_merchant_settings")]
pub async fn get_merchant_settings(aid: String) -> Result<Vec<(String, String)>, AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::ViewMerchants).await?;
    let aid = crate::validate::AccountId::parse(&aid)?;
    let state = crate::state::app_state()?;
    let settings = state.dintero.merchant_settings(&user.access_token, &aid).await?;
    let value = serde_json::to_value(&settings).map_err(|_| AppError::Internal)?;
    let mut lines = Vec::new();
    flatten("", &value, &mut lines);
    Ok(lines)
}

/// Fields never shown: provider credentials and keys.
#[cfg(feature = "ssr")]
fn hidden(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    [
        "connections",
        "jwks",
        "secret",
        "password",
        "token",
        "key",
        "credential",
        "paging_token",
    ]
    .iter()
    .any(|h| key.contains(h))
}

#[cfg(feature = "ssr")]
pub(super) fn flatten(prefix: &str, value: &serde_json::Value, out: &mut Vec<(String, String)>) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                if hidden(key) {
                    continue;
                }
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&path, child, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                flatten(&format!("{prefix}[{i}]"), child, out);
            }
        }
        Value::Null => {}
        Value::String(s) => out.push((prefix.to_owned(), s.clone())),
        other => out.push((prefix.to_owned(), other.to_string())),
    }
}

/// Makes `price_package_id` the merchant's (only and default) package.
#[server(endpoint = "assign_price_package")]
pub async fn assign_price_package(aid: String, price_package_id: String) -> Result<(), AppError> {
    use crate::audit::{audited, AuditAction, Summary};
    use crate::dintero::price_packages::{PricePackageAssignment, PricePackageRef};

    let user = crate::auth::session::require(crate::auth::Capability::PricePackages).await?;
    let aid =
        crate::validate::AccountId::parse(aid.trim()).map_err(|_| AppError::invalid("aid", "packages.error.aid"))?;
    let id = price_package_id.trim().to_owned();
    if id.is_empty() {
        return Err(AppError::invalid("price_package_id", "onboarding.error.package"));
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

    #[test]
    fn settings_leave_out_connections_and_secrets() {
        let value = serde_json::json!({
            "company": {"business_name": "Fjord", "address": {"country": "NO"}},
            "connections": {"vipps": {"configuration": {"secret_token": "x"}}},
            "services": {"checkout": {"status": "enabled"}},
            "api_key": "k",
            "terms": [{"url": "https://x.no"}],
            "livemode": false
        });
        let mut lines = Vec::new();
        flatten("", &value, &mut lines);
        let paths: Vec<&str> = lines.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "company.address.country",
                "company.business_name",
                "livemode",
                "services.checkout.status",
                "terms[0].url"
            ]
        );
    }
}
