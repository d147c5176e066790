//! A merchant's connection signups, one GET per provider with a known path (04-connections.md).
