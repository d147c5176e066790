//! [`MerchantHead`]: the merchant a page is about, as the merchant-scoped pages' headers show it
//! (sellers, approvals, CDD cases, payouts, report configurations, insight reports).

use serde::{Deserialize, Serialize};

/// The merchant the page is about.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MerchantHead {
    pub aid: String,
    pub name: String,
    pub country: Option<String>,
    pub organization_number: Option<String>,
}
