//! Insight report metadata (08-settlements-reports-payout.md).
