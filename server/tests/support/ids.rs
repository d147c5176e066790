//! The typed ids the Dintero client takes, from the tests' literals: each parses, or the test
//! fails there.

use app::validate::{AccountId, Irn, OpaqueId, ResourceId, SellerId};

pub fn account(id: &str) -> AccountId {
    AccountId::parse(id).unwrap_or_else(|_| panic!("{id:?} is not an account id"))
}

pub fn resource(id: &str) -> ResourceId {
    ResourceId::parse(id).unwrap_or_else(|_| panic!("{id:?} is not a UUID"))
}

pub fn seller(id: &str) -> SellerId {
    SellerId::parse(id).unwrap_or_else(|_| panic!("{id:?} is not a payout destination id"))
}

pub fn irn(id: &str) -> Irn {
    Irn::parse(id).unwrap_or_else(|_| panic!("{id:?} is not an inquiry reference number"))
}

pub fn opaque(id: &str) -> OpaqueId {
    OpaqueId::parse(id).unwrap_or_else(|_| panic!("{id:?} is not a safe id"))
}
