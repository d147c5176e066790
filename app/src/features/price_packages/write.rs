//! Creating and changing packages ([`create_price_package`], [`update_price_package`]), for those
//! whose scopes allow it; each is checked before sending, audited, and keeps its input on failure.
//! Assigning a package to a merchant is the merchants feature's `assign_price_package`.

use leptos::prelude::*;

use super::package_form::LineForm;
use crate::error::AppError;

/// Creates a package and goes to its page, once per `submission`: a second post of the same form
/// (a double click, a reload) waits for the first and lands on the same page.
#[server(endpoint = "create_price_package")]
pub async fn create_price_package(
    #[server(default)] submission: String,
    price_package_id: String,
    name: String,
    description: String,
    pricing_conditions: String,
    #[server(default)] lines: Vec<LineForm>,
) -> Result<(), AppError> {
    use super::package_form::{check_package, products_of};
    use crate::audit::{audited, AuditAction, Summary};
    use crate::dintero::price_packages::NewPricePackage;
    use crate::submit::first_time;

    let user = crate::auth::session::require(crate::auth::Capability::PricePackages).await?;
    let outcome = async {
        check_package(&price_package_id, &name, &description)?;
        let products = products_of(&lines, &[])?;
        let state = crate::state::app_state()?;
        let Some(sending) = first_time(&user.email, "create_price_package", &submission).await? else {
            return Ok(());
        };
        let id = price_package_id.trim().to_owned();
        let body = NewPricePackage {
            price_package_id: id.clone(),
            name: name.trim().to_owned(),
            description: description.trim().to_owned(),
            products,
            pricing_conditions: Some(pricing_conditions.trim().to_owned()).filter(|c| !c.is_empty()),
            metadata: None,
        };
        audited(
            &user,
            AuditAction::PricePackageCreate,
            None,
            Summary::new()
                .field("price_package", id.clone())
                .field("name", body.name.clone())
                .field("prices", count_prices(&body.products)),
            state.dintero.create_price_package(&user.access_token, &body),
        )
        .await?;
        sending.done(&format!("/price-packages/{}?saved=1", crate::url::encode_path(&id)));
        Ok(())
    }
    .await;
    let typed = [
        ("submission", submission.as_str()),
        ("price_package_id", &price_package_id),
        ("name", &name),
        ("description", &description),
        ("pricing_conditions", &pricing_conditions),
    ];
    keep_on_failure("create_price_package", &outcome, &typed, &lines).await;
    outcome
}

/// Replaces a package's name, description, pricing conditions and prices; what the form does not
/// show of its prices (and its metadata) is kept as Dintero has it.
#[server(endpoint = "update_price_package")]
pub async fn update_price_package(
    price_package_id: String,
    name: String,
    description: String,
    pricing_conditions: String,
    #[server(default)] lines: Vec<LineForm>,
) -> Result<(), AppError> {
    use super::package_form::{check_package, products_of};
    use crate::audit::{audited, AuditAction, Summary};
    use crate::dintero::price_packages::PricePackageUpdate;

    let user = crate::auth::session::require(crate::auth::Capability::PricePackages).await?;
    let outcome = async {
        check_package(&price_package_id, &name, &description)?;
        let id = crate::validate::OpaqueId::parse(price_package_id.trim())?;
        let current = super::read::find_package(&user.access_token, id.as_str()).await?;
        let products = products_of(&lines, &current.products)?;
        let state = crate::state::app_state()?;
        let body = PricePackageUpdate {
            name: name.trim().to_owned(),
            description: description.trim().to_owned(),
            products,
            pricing_conditions: Some(pricing_conditions.trim().to_owned()),
            metadata: current.metadata.clone(),
        };
        audited(
            &user,
            AuditAction::PricePackageUpdate,
            None,
            Summary::new()
                .field("price_package", id.as_str())
                .field("name", body.name.clone())
                .field("prices", count_prices(&body.products)),
            state.dintero.update_price_package(&user.access_token, &id, &body),
        )
        .await
        .map(|_| ())
    }
    .await;
    let typed = [
        ("price_package_id", price_package_id.as_str()),
        ("name", &name),
        ("description", &description),
        ("pricing_conditions", &pricing_conditions),
    ];
    keep_on_failure("update_price_package", &outcome, &typed, &lines).await;
    outcome
}

#[cfg(feature = "ssr")]
fn count_prices(products: &[crate::dintero::price_packages::Product]) -> String {
    products.iter().map(|p| p.prices.len()).sum::<usize>().to_string()
}

/// After a failure, keeps what was typed (`head`'s fields and the lines) for the page shown again.
#[cfg(feature = "ssr")]
async fn keep_on_failure(form: &str, outcome: &Result<(), AppError>, head: &[(&str, &str)], lines: &[LineForm]) {
    if outcome.is_ok() {
        return;
    }
    let fields = super::package_form::kept_fields(head, lines);
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    crate::auth::kept_input::keep_input(form, &refs).await;
}
