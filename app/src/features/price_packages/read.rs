//! The catalogue's reads: [`list_price_packages`], [`get_price_package`] and [`package_merchants`]
//! (which merchants use a package).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::catalogue_query::CatalogueQuery;
use super::package_form::LineForm;
use crate::error::AppError;
use crate::features::merchants::package_view::PackageView;

/// The most merchants [`package_merchants`] reads (Dintero's account list has no package filter,
/// so the portfolio is read page by page); beyond it the page says the list may be incomplete.
pub const USAGE_SCAN_LIMIT: usize = 5_000;

/// One row of the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageRow {
    pub price_package_id: String,
    pub name: String,
    pub kind: Option<String>,
    pub products: usize,
    /// The currencies its prices are in, e.g. `NOK, SEK`.
    pub currencies: String,
    pub source: Option<String>,
    pub changed: bool,
    pub updated_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CataloguePage {
    pub rows: Vec<PackageRow>,
    pub next: Option<String>,
}

/// One package: readable, and as lines for the editor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageDetail {
    pub view: PackageView,
    pub source: Option<String>,
    pub lines: Vec<LineForm>,
}

/// The merchants whose package this is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageUsage {
    /// (account id, name).
    pub merchants: Vec<(String, String)>,
    /// How many merchants were read.
    pub read: usize,
    /// Whether the whole portfolio was read.
    pub complete: bool,
}

#[cfg(feature = "ssr")]
impl From<&crate::dintero::price_packages::PricePackage> for PackageRow {
    fn from(p: &crate::dintero::price_packages::PricePackage) -> Self {
        let mut currencies: Vec<String> = p
            .products
            .iter()
            .flat_map(|product| &product.prices)
            .flat_map(|price| &price.dimensions)
            .filter(|d| d.name == "currency")
            .flat_map(|d| d.values.iter().cloned())
            .collect();
        currencies.sort();
        currencies.dedup();
        Self {
            price_package_id: p.price_package_id.clone(),
            name: p.name.clone().unwrap_or_else(|| p.price_package_id.clone()),
            kind: p.kind.as_ref().map(|k| k.to_string()),
            products: p.products.len(),
            currencies: currencies.join(", "),
            source: p.source_price_package_id.clone(),
            changed: p
                .creation_state
                .as_ref()
                .is_some_and(|s| *s == crate::dintero::price_packages::CreationState::Modified),
            updated_at: p.updated_at.clone().or_else(|| p.created_at.clone()),
        }
    }
}

/// What the new package form starts from: what was kept after a failed plain post (else nothing),
/// and the id under which its post is sent once, however often it is clicked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageFormStart {
    pub kept: crate::auth::KeptInput,
    pub submission: String,
}

#[server(endpoint = "new_package_form")]
pub async fn new_package_form() -> Result<PackageFormStart, AppError> {
    crate::auth::session::require(crate::auth::Capability::PricePackages).await?;
    let kept = crate::auth::take_kept_input("create_price_package".into())
        .await
        .unwrap_or_default();
    let submission = Some(kept.get("submission"))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(crate::submit::new_submission);
    Ok(PackageFormStart { kept, submission })
}

/// One page of the partner's packages matching `query`.
#[server(endpoint = "list_price_packages")]
pub async fn list_price_packages(query: CatalogueQuery) -> Result<CataloguePage, AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::ViewMerchants).await?;
    let state = crate::state::app_state()?;
    let size = query.page_size() as usize;
    // One more than the page tells whether another follows; at 100 (Dintero's most), a second
    // request of one looks ahead.
    let mut request = query.to_dintero();
    request.limit = Some((size as u32 + 1).min(100));
    let mut items = state
        .dintero
        .price_packages(&user.access_token, &request)
        .await?
        .price_packages;
    let more = if items.len() > size {
        items.truncate(size);
        true
    } else if items.len() == size && size == 100 {
        let mut ahead = query.to_dintero();
        ahead.limit = Some(1);
        ahead.starting_after = items.last().and_then(|p| p.id.clone());
        !state
            .dintero
            .price_packages(&user.access_token, &ahead)
            .await?
            .price_packages
            .is_empty()
    } else {
        false
    };
    Ok(CataloguePage {
        rows: items.iter().map(PackageRow::from).collect(),
        next: if more {
            items.last().and_then(|p| p.id.clone())
        } else {
            None
        },
    })
}

/// The package `price_package_id`, or [`AppError::NotFound`].
#[cfg(feature = "ssr")]
pub async fn find_package(
    token: &crate::secret::Secret,
    price_package_id: &str,
) -> Result<crate::dintero::price_packages::PricePackage, AppError> {
    use crate::dintero::price_packages::PricePackageQuery;
    let state = crate::state::app_state()?;
    let query = PricePackageQuery {
        limit: Some(1),
        price_package_id: Some(price_package_id.to_owned()),
        ..Default::default()
    };
    let page = state.dintero.price_packages(token, &query).await?;
    page.price_packages
        .into_iter()
        .find(|p| p.price_package_id == price_package_id)
        .ok_or(AppError::NotFound)
}

#[server(endpoint = "get_price_package")]
pub async fn get_price_package(price_package_id: String) -> Result<PackageDetail, AppError> {
    let user = crate::auth::session::require(crate::auth::Capability::ViewMerchants).await?;
    let package = find_package(&user.access_token, &price_package_id).await?;
    Ok(PackageDetail {
        view: PackageView::from(&package),
        source: package.source_price_package_id.clone(),
        lines: super::package_form::lines_of(&package),
    })
}

/// The merchants whose `price_package` is `price_package_id`, reading at most
/// [`USAGE_SCAN_LIMIT`] merchants.
#[server(endpoint = "package_merchants")]
pub async fn package_merchants(price_package_id: String) -> Result<PackageUsage, AppError> {
    use crate::dintero::accounts::AccountsQuery;
    use crate::features::merchants::merchant_view::MerchantRow;

    let user = crate::auth::session::require(crate::auth::Capability::ViewMerchants).await?;
    let state = crate::state::app_state()?;
    let mut usage = PackageUsage {
        merchants: Vec::new(),
        read: 0,
        complete: false,
    };
    let mut cursor = None;
    while usage.read < USAGE_SCAN_LIMIT {
        let query = AccountsQuery {
            limit: Some(100),
            starting_after: cursor.take(),
            ..Default::default()
        };
        let page = state.dintero.list_accounts(&user.access_token, &query).await?.items;
        usage.read += page.len();
        usage.merchants.extend(
            page.iter()
                .filter(|a| a.price_package.as_deref() == Some(price_package_id.as_str()))
                .map(|a| {
                    let row = MerchantRow::from(a);
                    (row.account_id, row.name)
                }),
        );
        cursor = page.last().and_then(|a| a.paging_token.clone());
        if page.len() < 100 || cursor.is_none() {
            usage.complete = true;
            break;
        }
    }
    Ok(usage)
}
