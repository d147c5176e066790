//! [`ROLES`]: the roles a colleague can be given here, each a set of Dintero scopes sent as the
//! user's `scope[]` (the README's columns). Dintero's own roles (`/auth/roles`) are not used yet.

use crate::i18n::key;

/// A role a colleague can be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TeamRole {
    /// The form's value.
    pub id: &'static str,
    pub label: &'static str,
    pub scopes: &'static [&'static str],
}

const SCREENING: [&str; 4] = [
    "read:accounts:/match",
    "write:accounts:/match",
    "read:accounts:/vmss",
    "write:accounts:/vmss",
];

pub const ROLES: [TeamRole; 4] = [
    TeamRole {
        id: "account_manager",
        label: key!("role.account_management"),
        scopes: &["read:accounts", "write:accounts"],
    },
    TeamRole {
        id: "onboarding",
        label: key!("role.onboarding"),
        scopes: &[
            "read:accounts",
            "write:accounts:/management/settings/approvals",
            SCREENING[0],
            SCREENING[1],
            SCREENING[2],
            SCREENING[3],
        ],
    },
    TeamRole {
        id: "finance",
        label: key!("role.finance"),
        scopes: &["read:accounts", "read:settlements", "read:reports", "read:payout"],
    },
    TeamRole {
        id: "administrator",
        label: key!("role.admin"),
        scopes: &[
            "admin:accounts",
            "admin:settlements",
            "admin:reports",
            "admin:payout",
            SCREENING[0],
            SCREENING[1],
            SCREENING[2],
            SCREENING[3],
        ],
    },
];

/// The role named `id` in a form.
pub fn by_id(id: &str) -> Option<&'static TeamRole> {
    ROLES.iter().find(|r| r.id == id)
}

/// The role whose scopes are exactly `scopes` (in any order), if one is.
pub fn of_scopes<S: AsRef<str>>(scopes: &[S]) -> Option<&'static TeamRole> {
    let mut held: Vec<&str> = scopes.iter().map(AsRef::as_ref).collect();
    held.sort_unstable();
    held.dedup();
    ROLES.iter().find(|role| {
        let mut wanted = role.scopes.to_vec();
        wanted.sort_unstable();
        wanted == held
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_holds_a_role_when_their_scopes_are_exactly_its_own() {
        for role in &ROLES {
            let mut scopes: Vec<&str> = role.scopes.to_vec();
            scopes.reverse();
            assert_eq!(of_scopes(&scopes).map(|r| r.id), Some(role.id), "in any order");
            scopes.push(role.scopes[0]);
            assert_eq!(of_scopes(&scopes).map(|r| r.id), Some(role.id), "a scope twice");
            scopes.push("write:reports");
            assert_eq!(of_scopes(&scopes), None, "one scope more");
        }
        assert_eq!(of_scopes(&["read:accounts"]), None, "a set no role has");
        assert_eq!(by_id("finance").map(|r| r.scopes.len()), Some(4));
        assert!(by_id("owner").is_none());
    }
}
