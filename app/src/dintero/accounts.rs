//! The partner's merchant accounts: list (filters, cursor), create, get, update, delete; connection status events; account events (comments) (02-partner-accounts.md, 03-account-schema.md).
