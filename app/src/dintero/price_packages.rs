//! Price packages: the partner's collection, create, update, an account's package, assigning packages (06-price-packages.md).
//!
//! Money: `flat_amount` is in minor units (250 = 2.50 NOK), `unit_amount` a decimal string kept as
//! given (`"0.025"` = 2.5 %). Products, prices and amounts keep fields the app does not know, so an
//! update sends them back.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

crate::open_enum! {
    /// `default` (the partner's packages) or `account` (made for one account).
    pub enum PricePackageType {
        Default = "default",
        Account = "account",
    }
}

crate::open_enum! {
    /// Whether a package was changed after creation (`pristine` seen; other values not recovered).
    pub enum CreationState {
        Pristine = "pristine",
        Modified = "modified",
    }
}

crate::open_enum! {
    /// How a price is made up (`blend` seen; other values not recovered).
    pub enum PriceType {
        Blend = "blend",
    }
}

/// An amount: fixed part in minor units and/or a rate as a decimal string.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Amount {
    pub flat_amount: Option<i64>,
    pub unit_amount: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// What a price applies to, e.g. `currency` in `NOK`, `card.issuer_country` in `NO`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dimension {
    pub name: String,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub values: Vec<String>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Price {
    #[serde(rename = "type")]
    pub kind: Option<PriceType>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub amounts: Vec<Amount>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub dimensions: Vec<Dimension>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A priced product, e.g. `checkout.capture.card` in namespace `checkout`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Product {
    pub namespace: Option<String>,
    pub product_id: String,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub prices: Vec<Price>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A price package.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PricePackage {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub created_by: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
    #[serde(default)]
    pub deleted_by: Option<String>,
    #[serde(default)]
    pub deleted_at: Option<String>,
    pub price_package_id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(rename = "type", default)]
    pub kind: Option<PricePackageType>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub products: Vec<Product>,
    #[serde(default)]
    pub pricing_conditions: Option<String>,
    /// Free key/values (values may be `null`).
    #[serde(default)]
    pub metadata: Option<Map<String, Value>>,
    /// The package a custom package was derived from.
    #[serde(default)]
    pub source_price_package_id: Option<String>,
    #[serde(default)]
    pub creation_state: Option<CreationState>,
}

/// One page of the collection; `starting_after` is the cursor of the next page (none on the last).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PricePackagePage {
    #[serde(default)]
    pub starting_after: Option<String>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub price_packages: Vec<PricePackage>,
}

/// `{price_package}` responses.
#[derive(Debug, Clone, Deserialize)]
pub struct PricePackageEnvelope {
    pub price_package: PricePackage,
}

/// Filters and paging of the collection.
#[derive(Debug, Clone, Default)]
pub struct PricePackageQuery {
    /// 1–100, Dintero's default 10.
    pub limit: Option<u32>,
    pub starting_after: Option<String>,
    pub types: Vec<PricePackageType>,
    pub price_package_id: Option<String>,
}

impl PricePackageQuery {
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut query: Vec<(&'static str, String)> = Vec::new();
        if let Some(limit) = self.limit {
            query.push(("limit", limit.to_string()));
        }
        if let Some(cursor) = &self.starting_after {
            query.push(("starting_after", cursor.clone()));
        }
        query.extend(self.types.iter().map(|t| ("type", t.to_string())));
        if let Some(id) = &self.price_package_id {
            query.push(("price_package_id", id.clone()));
        }
        query
    }
}

/// Body of `POST .../price-packages`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct NewPricePackage {
    pub price_package_id: String,
    pub name: String,
    pub description: String,
    pub products: Vec<Product>,
    pub pricing_conditions: Option<String>,
    pub metadata: Option<Map<String, Value>>,
}

/// Body of `PUT .../price-packages/{price_package_id}`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PricePackageUpdate {
    pub name: String,
    pub description: String,
    pub products: Vec<Product>,
    pub pricing_conditions: Option<String>,
    pub metadata: Option<Map<String, Value>>,
}

/// `{price_package_id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PricePackageRef {
    pub price_package_id: String,
}

/// Body of `PUT .../management/accounts/{aid}/price-packages`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PricePackageAssignment {
    pub price_packages: Vec<PricePackageRef>,
    pub default_price_package: Option<PricePackageRef>,
}

/// The packages available to an account, as Dintero keeps them.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AccountPricePackages {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub created_by: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
    #[serde(default)]
    pub deleted_by: Option<String>,
    #[serde(default)]
    pub deleted_at: Option<String>,
    #[serde(default, deserialize_with = "crate::dintero::wire::null_as_default")]
    pub price_packages: Vec<PricePackageRef>,
    #[serde(default)]
    pub default_price_package: Option<PricePackageRef>,
}

#[cfg(feature = "ssr")]
mod ssr {
    use reqwest::Method;

    use super::*;
    use crate::dintero::http::Auth;
    use crate::dintero::{DinteroClient, DinteroError};
    use crate::secret::Secret;
    use crate::validate::{AccountId, OpaqueId};

    impl DinteroClient {
        /// `GET /v1/accounts/{oid}/management/price-packages`: one page and the next cursor.
        pub async fn price_packages(
            &self,
            person: &Secret,
            filter: &PricePackageQuery,
        ) -> Result<PricePackagePage, DinteroError> {
            let partner = self.partner_id();
            self.get(
                &format!("/v1/accounts/{partner}/management/price-packages"),
                Auth::Bearer(person),
                &filter.to_query(),
            )
            .await
        }

        /// `POST /v1/accounts/{oid}/management/price-packages`.
        pub async fn create_price_package(
            &self,
            person: &Secret,
            body: &NewPricePackage,
        ) -> Result<PricePackage, DinteroError> {
            let partner = self.partner_id();
            let created: PricePackageEnvelope = self
                .post(
                    &format!("/v1/accounts/{partner}/management/price-packages"),
                    Auth::Bearer(person),
                    body,
                )
                .await?;
            Ok(created.price_package)
        }

        /// `PUT /v1/accounts/{oid}/management/price-packages/{price_package_id}`.
        pub async fn update_price_package(
            &self,
            person: &Secret,
            price_package_id: &OpaqueId,
            body: &PricePackageUpdate,
        ) -> Result<PricePackage, DinteroError> {
            let partner = self.partner_id();
            let updated: PricePackageEnvelope = self
                .put(
                    &format!("/v1/accounts/{partner}/management/price-packages/{price_package_id}"),
                    Auth::Bearer(person),
                    body,
                )
                .await?;
            Ok(updated.price_package)
        }

        /// `GET /v1/accounts/{aid}/management/price-package`: the package the account uses.
        pub async fn account_price_package(
            &self,
            person: &Secret,
            aid: &AccountId,
        ) -> Result<PricePackage, DinteroError> {
            let token = self.merchant_token(person, aid).await?;
            let found: PricePackageEnvelope = self
                .get(
                    &format!("/v1/accounts/{aid}/management/price-package"),
                    Auth::Bearer(&token),
                    &[],
                )
                .await?;
            Ok(found.price_package)
        }

        /// `PUT /v1/accounts/{oid}/management/accounts/{aid}/price-packages`: the packages available
        /// to `aid`; `remove_default` removes the default package (only without a new default).
        pub async fn assign_price_packages(
            &self,
            person: &Secret,
            aid: &AccountId,
            body: &PricePackageAssignment,
            remove_default: bool,
        ) -> Result<AccountPricePackages, DinteroError> {
            let partner = self.partner_id();
            let query = [("remove_default_price_package", remove_default.to_string())];
            self.write(
                Method::PUT,
                &format!("/v1/accounts/{partner}/management/accounts/{aid}/price-packages"),
                Auth::Bearer(person),
                &query,
                Some(body),
            )
            .await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_of_products_go_back_on_update() {
        let product: Product = serde_json::from_str(
            r#"{"product_id":"checkout.capture.card","prices":[{"type":"tiered","tiers":[1,2],
               "amounts":[{"unit_amount":"0.0149","flat_amount":100,"currency_scale":2}],"dimensions":[]}],
               "billing_group":"cards"}"#,
        )
        .unwrap();
        assert_eq!(product.prices[0].kind, Some(PriceType::Other("tiered".into())));
        let back = serde_json::to_value(&product).unwrap();
        assert_eq!(back["billing_group"], "cards");
        assert_eq!(back["prices"][0]["tiers"], serde_json::json!([1, 2]));
        assert_eq!(back["prices"][0]["amounts"][0]["currency_scale"], 2);
        assert_eq!(back["prices"][0]["amounts"][0]["unit_amount"], "0.0149");
    }
}
