//! The queue reads the merchant list in [`SLICES`] parts at once, each shown as it arrives:
//! [`slice`] says which merchants are in which part.

use crate::portfolio_scan::MerchantStages;

/// The merchant list is read in this many slices at once, each shown as it arrives.
pub const SLICES: usize = 20;

/// The `i`-th of [`SLICES`] near-equal parts of `merchants`.
pub fn slice(merchants: &[MerchantStages], i: usize) -> &[MerchantStages] {
    let n = merchants.len();
    &merchants[i * n / SLICES..(i + 1) * n / SLICES]
}
