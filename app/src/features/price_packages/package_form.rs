//! A price package as a form: one line per price (product, currency, other dimensions, a fixed fee in
//! kroner and a rate in percent), so a package is created and edited in a plain HTML form. The
//! lines are turned back into Dintero's products and prices exactly, in minor units and decimal
//! strings, never through floating point; what the form does not show of an existing price (its
//! further amounts, unknown fields) is kept from the package as Dintero has it.

use serde::{Deserialize, Serialize};

use super::amounts::{major_to_minor, minor_to_major, percent_to_rate, rate_to_percent};
use crate::dintero::price_packages::{Dimension, PricePackage, Product};
use crate::error::AppError;
use crate::i18n::key;

/// Blank lines offered below the existing ones.
pub const BLANK_LINES: usize = 3;
/// Currencies a line may be priced in (all with two decimals).
pub const CURRENCIES: [&str; 4] = ["NOK", "SEK", "EUR", "DKK"];

/// One price of one product, as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LineForm {
    /// `"{product}.{price}"`: the existing price this line edits; empty for a new one.
    #[serde(default)]
    pub origin: String,
    #[serde(default)]
    pub product_id: String,
    /// `NOK`, or several as `NOK/SEK/EUR`; empty: no currency dimension.
    #[serde(default)]
    pub currency: String,
    /// Other dimensions: `card.issuer_country=NO; payment_product_type_category=invoice/b2b_invoice`.
    #[serde(default)]
    pub dimensions: String,
    /// The fixed fee in kroner, Nordic or English decimals (`1,80`, `1.80`).
    #[serde(default)]
    pub fixed: String,
    /// The rate in percent (`2,4`).
    #[serde(default)]
    pub percent: String,
}

impl LineForm {
    fn is_blank(&self) -> bool {
        [&self.product_id, &self.dimensions, &self.fixed, &self.percent]
            .iter()
            .all(|s| s.trim().is_empty())
    }
}

/// The field name of `field` on line `index`, as the form names it.
pub fn line_field(index: usize, field: &str) -> String {
    format!("lines[{index}][{field}]")
}

/// The lines of an existing package, in order.
pub fn lines_of(package: &PricePackage) -> Vec<LineForm> {
    let mut lines = Vec::new();
    for (p, product) in package.products.iter().enumerate() {
        for (q, price) in product.prices.iter().enumerate() {
            let currency = price
                .dimensions
                .iter()
                .find(|d| d.name == "currency")
                .map(|d| d.values.join("/"))
                .unwrap_or_default();
            let amount = price.amounts.first();
            lines.push(LineForm {
                origin: format!("{p}.{q}"),
                product_id: product.product_id.clone(),
                currency,
                dimensions: price
                    .dimensions
                    .iter()
                    .filter(|d| d.name != "currency")
                    .map(|d| format!("{}={}", d.name, d.values.join("/")))
                    .collect::<Vec<_>>()
                    .join("; "),
                fixed: amount
                    .and_then(|a| a.flat_amount)
                    .map(minor_to_major)
                    .unwrap_or_default(),
                percent: amount
                    .and_then(|a| a.unit_amount.as_deref())
                    .and_then(rate_to_percent)
                    .unwrap_or_default(),
            });
        }
    }
    lines
}

/// The products the `lines` describe. Lines of the same product id become one product, in the
/// order first seen; `original` (the package's products when editing) gives each edited line its
/// price's and product's other fields back. Blank lines are skipped; the first wrong field is an
/// [`AppError::Invalid`] naming it.
pub fn products_of(lines: &[LineForm], original: &[Product]) -> Result<Vec<Product>, AppError> {
    let mut products: Vec<Product> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        let invalid = |field: &str, key: &str| AppError::invalid(&line_field(index, field), key);
        let product_id = line.product_id.trim();
        if product_id.is_empty()
            || product_id.len() > 128
            || !product_id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-:".contains(c))
        {
            return Err(invalid("product_id", key!("packages.error.product_id")));
        }
        let mut currencies: Vec<String> = Vec::new();
        for code in line.currency.split(['/', ',', ' ']).filter(|c| !c.is_empty()) {
            let code = code.to_ascii_uppercase();
            if !CURRENCIES.contains(&code.as_str()) {
                return Err(invalid("currency", key!("packages.error.currency")));
            }
            if !currencies.contains(&code) {
                currencies.push(code);
            }
        }
        let dimensions = parse_dimensions(&line.dimensions)
            .ok_or_else(|| invalid("dimensions", key!("packages.error.dimensions")))?;
        let fixed = match line.fixed.trim() {
            "" => None,
            text => Some(major_to_minor(text).ok_or_else(|| invalid("fixed", key!("packages.error.fixed")))?),
        };
        if fixed.is_some() && currencies.is_empty() {
            return Err(invalid("currency", key!("packages.error.currency_needed")));
        }
        let rate = match line.percent.trim() {
            "" => None,
            text => Some(percent_to_rate(text).ok_or_else(|| invalid("percent", key!("packages.error.percent")))?),
        };
        if fixed.is_none() && rate.is_none() {
            return Err(invalid("fixed", key!("packages.error.no_amount")));
        }

        let origin = parse_origin(&line.origin).and_then(|(p, q)| {
            let product = original.get(p)?;
            Some((product, product.prices.get(q)?))
        });
        let mut price = origin.map(|(_, price)| price.clone()).unwrap_or_default();
        let mut first = price.amounts.first().cloned().unwrap_or_default();
        first.flat_amount = fixed;
        first.unit_amount = rate;
        if price.amounts.is_empty() {
            price.amounts.push(first);
        } else {
            price.amounts[0] = first;
        }
        let mut all_dimensions = Vec::new();
        if !currencies.is_empty() {
            all_dimensions.push(Dimension {
                name: "currency".into(),
                values: currencies,
            });
        }
        all_dimensions.extend(dimensions);
        price.dimensions = all_dimensions;

        match products.iter_mut().find(|p| p.product_id == product_id) {
            Some(product) => product.prices.push(price),
            None => {
                let mut product = origin
                    .filter(|(p, _)| p.product_id == product_id)
                    .map(|(p, _)| Product {
                        prices: Vec::new(),
                        ..p.clone()
                    })
                    .unwrap_or_else(|| Product {
                        namespace: product_id.split('.').next().map(str::to_owned),
                        product_id: product_id.to_owned(),
                        ..Default::default()
                    });
                product.prices.push(price);
                products.push(product);
            }
        }
    }
    if products.is_empty() {
        return Err(AppError::invalid(
            &line_field(0, "product_id"),
            key!("packages.error.no_lines"),
        ));
    }
    Ok(products)
}

/// Checks the package's own fields.
pub fn check_package(price_package_id: &str, name: &str, description: &str) -> Result<(), AppError> {
    let id = price_package_id.trim();
    if id.len() > 64 || !crate::validate::is_safe_segment(id) {
        return Err(AppError::invalid("price_package_id", key!("packages.error.id")));
    }
    if name.trim().is_empty() || name.chars().count() > 200 {
        return Err(AppError::invalid("name", key!("packages.error.name")));
    }
    if description.trim().is_empty() || description.chars().count() > 2_000 {
        return Err(AppError::invalid("description", key!("packages.error.description")));
    }
    Ok(())
}

fn parse_origin(origin: &str) -> Option<(usize, usize)> {
    let (p, q) = origin.split_once('.')?;
    Some((p.parse().ok()?, q.parse().ok()?))
}

/// `name=v1/v2; name2=v` → dimensions; `None` if a part is not `name=values`.
fn parse_dimensions(text: &str) -> Option<Vec<Dimension>> {
    text.split(';')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (name, values) = part.split_once('=')?;
            let name = name.trim();
            let values: Vec<String> = values
                .split('/')
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
                .collect();
            let good_name = !name.is_empty()
                && name != "currency"
                && name.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
            (good_name && !values.is_empty()).then(|| Dimension {
                name: name.to_owned(),
                values,
            })
        })
        .collect()
}

/// The form's fields as name/value pairs, for keeping them after a failed plain post.
pub fn kept_fields(head: &[(&str, &str)], lines: &[LineForm]) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = head.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    for (i, line) in lines.iter().enumerate() {
        for (field, value) in [
            ("origin", &line.origin),
            ("product_id", &line.product_id),
            ("currency", &line.currency),
            ("dimensions", &line.dimensions),
            ("fixed", &line.fixed),
            ("percent", &line.percent),
        ] {
            fields.push((line_field(i, field), value.clone()));
        }
    }
    fields
}

/// Lines read back from kept input (`lines[i][field]`), in order.
pub fn lines_from_kept(kept: &crate::auth::KeptInput) -> Vec<LineForm> {
    (0..)
        .map_while(|i| {
            kept.0.contains_key(&line_field(i, "product_id")).then(|| LineForm {
                origin: kept.get(&line_field(i, "origin")),
                product_id: kept.get(&line_field(i, "product_id")),
                currency: kept.get(&line_field(i, "currency")),
                dimensions: kept.get(&line_field(i, "dimensions")),
                fixed: kept.get(&line_field(i, "fixed")),
                percent: kept.get(&line_field(i, "percent")),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_round_trip_and_keep_what_the_form_does_not_show() {
        let package: PricePackage = serde_json::from_value(serde_json::json!({
            "price_package_id": "pp",
            "products": [{"product_id": "checkout.capture.card", "namespace": "checkout", "billing_group": "cards",
                "prices": [{"type": "blend", "tier": 1,
                    "amounts": [{"flat_amount": 180, "unit_amount": "0.024", "name": "fee"}, {"flat_amount": 5}],
                    "dimensions": [{"name": "currency", "values": ["NOK"]}, {"name": "card.issuer_country", "values": ["NO"]}]}]}]
        }))
        .unwrap();
        let mut lines = lines_of(&package);
        assert_eq!(lines[0].fixed, "1,80");
        assert_eq!(lines[0].percent, "2,4");
        assert_eq!(lines[0].dimensions, "card.issuer_country=NO");
        assert_eq!(products_of(&lines, &package.products).unwrap(), package.products);

        lines[0].percent = "2,9".into();
        lines.push(LineForm {
            product_id: "checkout.capture.card".into(),
            currency: "SEK".into(),
            fixed: "2".into(),
            ..Default::default()
        });
        lines.push(LineForm::default());
        let products = products_of(&lines, &package.products).unwrap();
        assert_eq!(products.len(), 1);
        assert_eq!(products[0].extra["billing_group"], "cards");
        assert_eq!(products[0].prices[0].amounts[0].unit_amount.as_deref(), Some("0.029"));
        assert_eq!(products[0].prices[0].amounts[1].flat_amount, Some(5));
        assert_eq!(products[0].prices[0].extra["tier"], 1);
        assert_eq!(products[0].prices[1].amounts[0].flat_amount, Some(200));
    }

    #[test]
    fn a_wrong_field_is_named() {
        let line = |fixed: &str, currency: &str| LineForm {
            product_id: "checkout.capture.card".into(),
            currency: currency.into(),
            fixed: fixed.into(),
            ..Default::default()
        };
        let field = |lines: &[LineForm]| products_of(lines, &[]).unwrap_err().field().map(str::to_owned);
        assert_eq!(
            field(&[line("1,80", "NOK"), line("1,805", "NOK")]).as_deref(),
            Some("lines[1][fixed]")
        );
        assert_eq!(field(&[line("1", "")]).as_deref(), Some("lines[0][currency]"));
        assert_eq!(field(&[line("1", "NOK/USD")]).as_deref(), Some("lines[0][currency]"));
        let several = products_of(&[line("1", "nok/SEK, EUR")], &[]).unwrap();
        assert_eq!(several[0].prices[0].dimensions[0].values, ["NOK", "SEK", "EUR"]);
        assert_eq!(field(&[line("", "NOK")]).as_deref(), Some("lines[0][fixed]"));
        assert_eq!(field(&[LineForm::default()]).as_deref(), Some("lines[0][product_id]"));
        let mut bad = line("1", "NOK");
        bad.dimensions = "card.issuer_country".into();
        assert_eq!(field(&[bad]).as_deref(), Some("lines[0][dimensions]"));
        assert!(check_package("pp 1", "n", "d").is_err());
        assert!(check_package("pp_1", "n", "d").is_ok());
        assert!(check_package("..", "n", "d").is_err(), "a dot segment is no package id");
        assert!(check_package("pp..1", "n", "d").is_err());
    }
}
