//! Payment approvals and seller (payout destination) approvals (05-approvals-cdd.md).
