//! A price package made readable: each product's prices with what they apply to and their amounts
//! as money (minor units with the currency) and percentages.

use serde::{Deserialize, Serialize};

use crate::dintero::price_packages::{Amount, Price, PricePackage};
use crate::i18n::t;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageView {
    pub price_package_id: String,
    pub name: String,
    pub description: Option<String>,
    pub kind: Option<String>,
    pub pricing_conditions: Option<String>,
    pub updated_at: Option<String>,
    pub products: Vec<ProductView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductView {
    pub product_id: String,
    pub namespace: Option<String>,
    /// One line per price: (what it applies to, what it costs).
    pub prices: Vec<(String, String)>,
}

impl From<&PricePackage> for PackageView {
    fn from(p: &PricePackage) -> Self {
        Self {
            price_package_id: p.price_package_id.clone(),
            name: p.name.clone().unwrap_or_else(|| p.price_package_id.clone()),
            description: p.description.clone(),
            kind: p.kind.as_ref().map(|k| k.to_string()),
            pricing_conditions: p.pricing_conditions.clone(),
            updated_at: p.updated_at.clone().or_else(|| p.created_at.clone()),
            products: p
                .products
                .iter()
                .map(|product| ProductView {
                    product_id: product.product_id.clone(),
                    namespace: product.namespace.clone(),
                    prices: product.prices.iter().map(price_line).collect(),
                })
                .collect(),
        }
    }
}

/// (applies to, costs) for one price, e.g. ("currency NOK · card.issuer_country NO", "1,80 NOK + 2,4 %").
pub fn price_line(price: &Price) -> (String, String) {
    let applies = price
        .dimensions
        .iter()
        .map(|d| format!("{} {}", d.name, d.values.join("/")))
        .collect::<Vec<_>>()
        .join(" · ");
    let currency = price
        .dimensions
        .iter()
        .find(|d| d.name == "currency")
        .filter(|d| !d.values.is_empty())
        .map(|d| d.values.join("/"));
    let costs = price
        .amounts
        .iter()
        .map(|a| amount_text(a, currency.as_deref()))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" + ");
    (applies, costs)
}

/// `flat_amount` as money (minor units of `currency`), `unit_amount` as a percentage.
pub fn amount_text(amount: &Amount, currency: Option<&str>) -> String {
    let mut parts = Vec::new();
    if let Some(flat) = amount.flat_amount {
        parts.push(match currency {
            Some(currency) => crate::format::money(flat, currency),
            None => t!("merchant.package.minor_units", amount = flat),
        });
    }
    if let Some(rate) = amount.unit_amount.as_deref().filter(|r| !r.is_empty()) {
        parts.push(percent(rate));
    }
    let text = parts.join(" + ");
    match &amount.name {
        Some(name) if !text.is_empty() => format!("{text} ({name})"),
        _ => text,
    }
}

/// `"0.025"` → `2,5 %` (Nordic decimal comma); unreadable rates are shown as given.
pub fn percent(rate: &str) -> String {
    let Ok(value) = rate.parse::<f64>() else {
        return rate.to_owned();
    };
    let text = format!("{:.4}", value * 100.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{}\u{a0}%", text.replace('.', ","))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dintero::price_packages::Dimension;

    #[test]
    fn prices_read_as_money_and_percentages() {
        let price = Price {
            amounts: vec![Amount {
                flat_amount: Some(180),
                unit_amount: Some("0.024".into()),
                ..Default::default()
            }],
            dimensions: vec![
                Dimension {
                    name: "currency".into(),
                    values: vec!["NOK".into()],
                },
                Dimension {
                    name: "card.issuer_country".into(),
                    values: vec!["NO".into()],
                },
            ],
            ..Default::default()
        };
        assert_eq!(
            price_line(&price),
            (
                "currency NOK · card.issuer_country NO".into(),
                "1,80\u{a0}NOK + 2,4\u{a0}%".into()
            )
        );
        assert_eq!(percent("0.0125"), "1,25\u{a0}%");
        assert_eq!(percent("x"), "x");
    }
}
