//! [`Policy`]: a partner's own, stricter split of who may do what, read at start from
//! `BACKOFFICE_CAPABILITIES`.
//!
//! By default a capability follows Dintero alone ([`Capability::granted_by`]). A partner that wants
//! the person who onboards a merchant not to be the one who reviews it adds, per capability, scopes
//! of which a person must also hold one:
//!
//! ```text
//! BACKOFFICE_CAPABILITIES="Review=write:accounts:/management/settings/approvals admin:accounts"
//! ```
//!
//! Entries are separated by `;`; each names a capability as in the README's table and lists scopes
//! separated by spaces or commas. Naming a capability twice adds a second requirement. A policy can
//! only take away: what Dintero refuses stays refused.

use serde::{Deserialize, Serialize};

use super::roles::Capability;

/// The environment variable that holds the policy.
pub const SETTING: &str = "BACKOFFICE_CAPABILITIES";

/// Per capability, the sets of scopes of which a person must also hold one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy(Vec<(Capability, Vec<String>)>);

impl Policy {
    /// The policy written in `text` (see the module's documentation), or what is wrong with it.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut rules = Vec::new();
        for entry in text.split(';').map(str::trim).filter(|e| !e.is_empty()) {
            let Some((name, scopes)) = entry.split_once('=') else {
                return Err(format!("'{entry}' is not like Capability=scope scope"));
            };
            let name = name.trim();
            let capability = Capability::ALL.into_iter().find(|c| c.name() == name).ok_or_else(|| {
                let known: Vec<&str> = Capability::ALL.iter().map(|c| c.name()).collect();
                format!("'{name}' is not a capability; they are {}", known.join(", "))
            })?;
            let scopes: Vec<String> = scopes
                .split([' ', ',', '\t'])
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            if scopes.is_empty() {
                return Err(format!("{name} lists no scope"));
            }
            if let Some(odd) = scopes.iter().find(|s| !is_scope(s)) {
                return Err(format!(
                    "'{odd}' (for {name}) is not a Dintero scope like write:accounts"
                ));
            }
            rules.push((capability, scopes));
        }
        Ok(Self(rules))
    }

    /// The sets of scopes, each needing one held, that the policy adds to `capability`.
    pub fn extra(&self, capability: Capability) -> impl Iterator<Item = &[String]> {
        self.0
            .iter()
            .filter(move |(c, _)| *c == capability)
            .map(|(_, scopes)| scopes.as_slice())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// `read:accounts`, `admin:dintero`, `write:accounts:/management/settings/approvals`.
fn is_scope(scope: &str) -> bool {
    let mut parts = scope.splitn(3, ':');
    let (Some(verb), Some(area)) = (parts.next(), parts.next()) else {
        return false;
    };
    let word = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    word(verb)
        && word(area)
        && parts
            .next()
            .is_none_or(|path| path.starts_with('/') && !path.contains(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_policy_names_capabilities_and_scopes() {
        let policy = Policy::parse(
            " Review = write:accounts:/management/settings/approvals, admin:accounts ; ManageMerchants=admin:accounts;",
        )
        .unwrap();
        assert_eq!(
            policy.extra(Capability::Review).collect::<Vec<_>>(),
            [[
                "write:accounts:/management/settings/approvals".to_owned(),
                "admin:accounts".to_owned()
            ]]
        );
        assert_eq!(policy.extra(Capability::ManageMerchants).count(), 1);
        assert_eq!(policy.extra(Capability::Screen).count(), 0);
        assert!(Policy::parse("").unwrap().is_empty());
    }

    #[test]
    fn a_wrong_policy_says_what_is_wrong() {
        assert!(Policy::parse("Reviewing=read:accounts")
            .unwrap_err()
            .contains("'Reviewing' is not a capability"));
        assert!(Policy::parse("Review").unwrap_err().contains("Capability=scope"));
        assert!(Policy::parse("Review=").unwrap_err().contains("lists no scope"));
        assert!(Policy::parse("Review=onboarding team")
            .unwrap_err()
            .contains("'onboarding'"));
    }
}
