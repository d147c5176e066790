//! What a person may do, learnt from their Dintero scopes.
//!
//! Dintero's JWT claims are undocumented, so the scopes come from the partner's users endpoint at
//! sign-in (see [`crate::auth::session::establish`]), never from the token. Each [`Capability`]
//! lists the scopes that grant it; the README's "Who may do what" table is the same rules written
//! for people, and the authorization test checks every server function and download against it.
//!
//! The review queue asks for the approvals scope itself (or `admin:accounts`), not for
//! `write:accounts`: the account manager who onboards a merchant does not also approve it.

use crate::i18n::key;
use serde::{Deserialize, Serialize};

/// One thing the app offers, allowed or not as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Capability {
    /// The portfolio, each merchant's page and the price package catalogue.
    ViewMerchants,
    /// Creating, changing and deleting merchants, connection events, comments.
    ManageMerchants,
    /// Creating, changing and assigning price packages (Dintero keeps these for administrators).
    PricePackages,
    /// The review queue: payment and seller approvals, due-diligence cases.
    Review,
    /// Mastercard MATCH and Visa VMSS screening, and recording a screening decision.
    Screen,
    /// Adding a terminated merchant to MATCH or VMSS (the write scopes only).
    Terminate,
    /// Settlements and their files, and reading settlement report configurations.
    Settlements,
    /// Creating, changing and deleting settlement report configurations.
    ConfigureReports,
    /// Insight reports.
    Reports,
    /// Payouts and seller balances.
    Payouts,
    /// The audit log.
    Activity,
}

impl Capability {
    pub const ALL: [Capability; 11] = [
        Self::ViewMerchants,
        Self::ManageMerchants,
        Self::PricePackages,
        Self::Review,
        Self::Screen,
        Self::Terminate,
        Self::Settlements,
        Self::ConfigureReports,
        Self::Reports,
        Self::Payouts,
        Self::Activity,
    ];

    /// The scopes that each grant this capability.
    pub fn granted_by(self) -> &'static [&'static str] {
        match self {
            Self::ViewMerchants => &["read:accounts", "write:accounts", "admin:accounts"],
            Self::ManageMerchants => &["write:accounts", "admin:accounts"],
            Self::PricePackages => &["admin:dintero", "admin:accounts"],
            Self::Review => &["write:accounts:/management/settings/approvals", "admin:accounts"],
            Self::Screen => &[
                "read:accounts:/match",
                "write:accounts:/match",
                "read:accounts:/vmss",
                "write:accounts:/vmss",
                "admin:accounts",
            ],
            Self::Terminate => &["write:accounts:/match", "write:accounts:/vmss", "admin:accounts"],
            Self::Settlements => &["read:settlements", "write:settlements", "admin:settlements"],
            // Dintero's own rule: `admin:reports` may create but not change or delete, and
            // `write:billing` may change but not create, so neither is enough for the whole.
            Self::ConfigureReports => &["write:settlements", "admin:settlements", "admin:billing"],
            Self::Reports => &["read:reports", "write:reports", "admin:reports"],
            Self::Payouts => &["read:payout", "write:payout", "admin:payout"],
            Self::Activity => &["admin:accounts"],
        }
    }
}

/// The capabilities a set of scopes grants.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Access(Vec<Capability>);

impl Access {
    pub fn from_scopes<S: AsRef<str>>(scopes: &[S]) -> Self {
        let held = |scope: &&str| scopes.iter().any(|s| s.as_ref() == *scope);
        Self(
            Capability::ALL
                .into_iter()
                .filter(|c| c.granted_by().iter().any(&held))
                .collect(),
        )
    }

    pub fn allows(&self, capability: Capability) -> bool {
        self.0.contains(&capability)
    }

    /// The roles these capabilities add up to, as translation keys, for the header.
    pub fn role_keys(&self) -> Vec<&'static str> {
        use Capability::*;
        if self.allows(Activity) {
            return vec![key!("role.admin")];
        }
        let mut roles = Vec::new();
        if self.allows(ManageMerchants) {
            roles.push(key!("role.account_management"));
        }
        if self.allows(Review) || self.allows(Screen) {
            roles.push(key!("role.onboarding"));
        }
        if self.allows(Settlements) || self.allows(ConfigureReports) || self.allows(Reports) || self.allows(Payouts) {
            roles.push(key!("role.finance"));
        }
        if roles.is_empty() && self.allows(ViewMerchants) {
            roles.push(key!("role.read_only"));
        }
        roles
    }
}

#[cfg(test)]
mod tests {
    use super::Capability::*;
    use super::*;

    fn access(scopes: &[&str]) -> Vec<Capability> {
        Capability::ALL
            .into_iter()
            .filter(|c| Access::from_scopes(scopes).allows(*c))
            .collect()
    }

    #[test]
    fn the_demo_people_get_their_role() {
        assert_eq!(
            access(&["read:accounts", "write:accounts"]),
            [ViewMerchants, ManageMerchants]
        );
        assert_eq!(
            access(&[
                "read:accounts",
                "write:accounts:/management/settings/approvals",
                "read:accounts:/match",
                "write:accounts:/vmss"
            ]),
            [ViewMerchants, Review, Screen, Terminate]
        );
        assert_eq!(
            access(&["read:accounts:/match"]),
            [Screen],
            "reading MATCH does not allow adding to it"
        );
        assert_eq!(
            access(&["read:accounts", "read:settlements", "read:reports", "read:payout"]),
            [ViewMerchants, Settlements, Reports, Payouts]
        );
        assert_eq!(
            access(&["admin:accounts", "admin:settlements", "admin:reports", "admin:payout"]),
            Capability::ALL
        );
    }

    #[test]
    fn report_configurations_are_written_only_with_dintero_s_write_scopes() {
        assert!(!access(&["read:settlements", "read:reports"]).contains(&ConfigureReports));
        assert!(
            !access(&["admin:reports"]).contains(&ConfigureReports),
            "admin:reports may not change or delete"
        );
        for scope in ["write:settlements", "admin:settlements", "admin:billing"] {
            assert!(access(&[scope]).contains(&ConfigureReports), "{scope}");
        }
    }

    #[test]
    fn a_path_scope_grants_only_its_path_and_unknown_scopes_grant_nothing() {
        assert_eq!(access(&["write:accounts:/management/settings/approvals"]), [Review]);
        assert!(access(&["openid", "read:accountsx", "admin"]).is_empty());
        assert!(access(&[]).is_empty());
    }

    #[test]
    fn roles_name_what_the_capabilities_add_up_to() {
        assert_eq!(
            Access::from_scopes(&["admin:accounts"]).role_keys(),
            [key!("role.admin")]
        );
        assert_eq!(
            Access::from_scopes(&["write:accounts", "read:reports"]).role_keys(),
            [key!("role.account_management"), key!("role.finance")]
        );
        assert_eq!(
            Access::from_scopes(&["read:accounts"]).role_keys(),
            [key!("role.read_only")]
        );
    }
}
