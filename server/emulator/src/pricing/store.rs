//! The pricing area's state: the partner's price packages and which packages each merchant is
//! assigned.

use std::collections::BTreeMap;

use serde_json::Value;

/// The partner's packages in creation order (each Dintero's `PricePackage` as JSON), and the
/// package assignments per merchant account id.
#[derive(Debug, Clone, Default)]
pub struct Store {
    pub packages: Vec<Value>,
    pub assignments: BTreeMap<String, Value>,
}
