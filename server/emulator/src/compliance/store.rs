//! The compliance area's state: the MATCH and VMSS registers, the MATCH inquiries made (each kept
//! as it was answered) and the counters behind new IRNs and reference numbers.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::register::MatchListing;
use super::visa::VmssRecord;

/// The MATCH and VMSS registers and the MATCH inquiries made.
#[derive(Debug, Clone, Default)]
pub struct Store {
    /// This partner's Mastercard acquirer id (ICA): the lister of its terminations, the IRN prefix.
    pub acquirer_id: String,
    /// This partner's Visa acquirer BID.
    pub vmss_bid: String,
    pub match_register: Vec<MatchListing>,
    pub vmss_register: Vec<VmssRecord>,
    /// MATCH inquiries by IRN.
    pub inquiries: BTreeMap<String, Inquiry>,
    pub(super) inquiry_count: u64,
    pub(super) next_reference: i64,
}

impl Store {
    /// A new inquiry reference number: acquirer id, date, sequence (like `22772025031400002`).
    pub(super) fn next_irn(&mut self, today: chrono::NaiveDate) -> String {
        self.inquiry_count += 1;
        format!(
            "{}{}{:05}",
            self.acquirer_id,
            today.format("%Y%m%d"),
            self.inquiry_count
        )
    }

    pub(super) fn next_reference_number(&mut self) -> i64 {
        let n = self.next_reference.max(1);
        self.next_reference = n + 1;
        n
    }
}

/// A MATCH inquiry as it was answered.
#[derive(Debug, Clone)]
pub struct Inquiry {
    pub irn: String,
    pub account_id: String,
    /// Every `terminated_merchants` entry found, in register order.
    pub results: Vec<Value>,
}

impl Inquiry {
    /// The response for one page (offset paging).
    pub(super) fn page(&self, offset: usize, limit: usize) -> Value {
        let possible_matches = if self.results.is_empty() {
            json!([])
        } else {
            let page: Vec<&Value> = self.results.iter().skip(offset).take(limit).collect();
            json!([{
                "total_merchant_matches": self.results.len(),
                "terminated_merchants": page,
            }])
        };
        json!({
            "starting_after": offset,
            "inquiry_reference_number": self.irn,
            "possible_matches": possible_matches,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irns_count_up_per_day() {
        let mut store = Store {
            acquirer_id: "2277".into(),
            ..Default::default()
        };
        let day = chrono::NaiveDate::from_ymd_opt(2025, 3, 14).expect("date");
        assert_eq!(store.next_irn(day), "22772025031400001");
        assert_eq!(store.next_irn(day), "22772025031400002");
    }
}
