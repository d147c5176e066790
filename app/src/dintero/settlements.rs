//! Settlements (filters, `last_evaluated_key` cursor), attachment downloads as byte streams, settlement report configurations (08-settlements-reports-payout.md).
