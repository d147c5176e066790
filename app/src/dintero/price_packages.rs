//! Price packages: the partner's collection, create, update, an account's package, assigning packages (06-price-packages.md).
