//! Seller balances and transfers, Payout v2 (08-settlements-reports-payout.md).
