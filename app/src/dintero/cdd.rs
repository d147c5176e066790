//! Customer due diligence (CDD) cases (05-approvals-cdd.md).
