//! What a person may do, learnt from their Dintero scopes.
//!
//! Dintero's JWT claims are undocumented, so the scopes come from the partner's users endpoint at
//! sign-in (see [`crate::auth::session::establish`]), never from the token. Each [`Capability`]
//! lists the scopes that grant it: those with which Dintero answers the reads its pages make. The
//! README's "Who may do what" table is the same rules written for people, and the authorization
//! test checks every server function and download against it. A partner may ask for more with a
//! [`Policy`]; what a person lacks is kept as a [`Refusal`], which the refused page names.
//!
//! The review queue follows Dintero's approvals lists, which `read:accounts` may read; its parts
//! that need more (due-diligence cases and every application need `write:accounts`) check the
//! person's scopes themselves and say what is left out.

use serde::{Deserialize, Serialize};

use super::policy::Policy;
use crate::i18n::key;

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
    /// The partner's own team: who signs in to this back-office, and what each may do here.
    Team,
    /// Inviting colleagues, changing their role, removing them.
    ManageTeam,
}

impl Capability {
    pub const ALL: [Capability; 13] = [
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
        Self::Team,
        Self::ManageTeam,
    ];

    /// Its name in the README's table and in a [`Policy`].
    pub fn name(self) -> &'static str {
        match self {
            Self::ViewMerchants => "ViewMerchants",
            Self::ManageMerchants => "ManageMerchants",
            Self::PricePackages => "PricePackages",
            Self::Review => "Review",
            Self::Screen => "Screen",
            Self::Terminate => "Terminate",
            Self::Settlements => "Settlements",
            Self::ConfigureReports => "ConfigureReports",
            Self::Reports => "Reports",
            Self::Payouts => "Payouts",
            Self::Activity => "Activity",
            Self::Team => "Team",
            Self::ManageTeam => "ManageTeam",
        }
    }

    /// What it lets a person do, in words (the team page's rows).
    pub fn label_key(self) -> &'static str {
        match self {
            Self::ViewMerchants => key!("capability.view_merchants"),
            Self::ManageMerchants => key!("capability.manage_merchants"),
            Self::PricePackages => key!("capability.price_packages"),
            Self::Review => key!("capability.review"),
            Self::Screen => key!("capability.screen"),
            Self::Terminate => key!("capability.terminate"),
            Self::Settlements => key!("capability.settlements"),
            Self::ConfigureReports => key!("capability.configure_reports"),
            Self::Reports => key!("capability.reports"),
            Self::Payouts => key!("capability.payouts"),
            Self::Activity => key!("capability.activity"),
            Self::Team => key!("capability.team"),
            Self::ManageTeam => key!("capability.manage_team"),
        }
    }

    /// The scopes that each grant this capability.
    pub fn granted_by(self) -> &'static [&'static str] {
        match self {
            Self::ViewMerchants => &["read:accounts", "write:accounts", "admin:accounts"],
            Self::ManageMerchants => &["write:accounts", "admin:accounts"],
            Self::PricePackages => &["admin:dintero", "admin:accounts"],
            // The payment and seller approval lists (Dintero: `read:accounts`, `admin:accounts`).
            Self::Review => &["read:accounts", "admin:accounts"],
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
            // The partner's account users (Dintero: `read:accounts`, `admin:accounts`).
            Self::Team => &["read:accounts", "admin:accounts"],
            // Inviting, changing and removing the partner's users (Dintero's write scopes).
            Self::ManageTeam => &["write:accounts", "admin:accounts"],
        }
    }
}

/// Why a person may not use a capability: the scopes of which they hold none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    pub capability: Capability,
    /// One of these would do.
    pub one_of: Vec<String>,
    /// True when the partner's [`Policy`] asks for them; false when Dintero does.
    pub by_policy: bool,
}

impl Refusal {
    /// What is missing, in a sentence for the person refused.
    pub fn in_words(&self, language: crate::i18n::Locale) -> String {
        self.sentence(
            language,
            key!("forbidden.needs_dintero", scopes),
            key!("forbidden.needs_policy", setting, scopes),
        )
    }

    /// What is missing, said of someone else (the team page).
    pub fn in_words_of_another(&self, language: crate::i18n::Locale) -> String {
        self.sentence(
            language,
            key!("team.lacks_dintero", scopes),
            key!("team.lacks_policy", setting, scopes),
        )
    }

    /// `dintero` (with `{scopes}`) or, when the policy refuses, `policy` (with `{setting}` too).
    fn sentence(&self, language: crate::i18n::Locale, dintero: &str, policy: &str) -> String {
        let scopes = self.one_of.join(", ");
        if self.by_policy {
            language.sentence(policy, &[("setting", &super::policy::SETTING), ("scopes", &scopes)])
        } else {
            language.sentence(dintero, &[("scopes", &scopes)])
        }
    }
}

/// The capabilities a set of scopes grants, and why each other one is refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Access {
    allowed: Vec<Capability>,
    refused: Vec<Refusal>,
}

impl Access {
    /// What `scopes` grant by Dintero's rules alone.
    pub fn from_scopes<S: AsRef<str>>(scopes: &[S]) -> Self {
        Self::under(scopes, &Policy::default())
    }

    /// What `scopes` grant by Dintero's rules and the partner's `policy`.
    pub fn under<S: AsRef<str>>(scopes: &[S], policy: &Policy) -> Self {
        let holds_one = |wanted: &[&str]| wanted.iter().any(|w| scopes.iter().any(|s| s.as_ref() == *w));
        let mut access = Self::default();
        for capability in Capability::ALL {
            let dintero = capability.granted_by();
            let refusal = if !holds_one(dintero) {
                Some(Refusal {
                    capability,
                    one_of: dintero.iter().map(|s| (*s).to_owned()).collect(),
                    by_policy: false,
                })
            } else {
                policy
                    .extra(capability)
                    .find(|extra| !holds_one(&extra.iter().map(String::as_str).collect::<Vec<_>>()))
                    .map(|extra| Refusal {
                        capability,
                        one_of: extra.to_vec(),
                        by_policy: true,
                    })
            };
            match refusal {
                None => access.allowed.push(capability),
                Some(refusal) => access.refused.push(refusal),
            }
        }
        access
    }

    pub fn allows(&self, capability: Capability) -> bool {
        self.allowed.contains(&capability)
    }

    /// Why `capability` is refused, or `None` when it is not.
    pub fn refusal(&self, capability: Capability) -> Option<&Refusal> {
        self.refused.iter().find(|r| r.capability == capability)
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
        // Reviewing is open to anyone who reads accounts; screening is the onboarding team's own.
        if self.allows(Screen) {
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
            [ViewMerchants, ManageMerchants, Review, Team, ManageTeam],
            "Dintero lets read:accounts list approvals and write:accounts read CDD cases"
        );
        assert_eq!(
            access(&[
                "read:accounts",
                "write:accounts:/management/settings/approvals",
                "read:accounts:/match",
                "write:accounts:/vmss"
            ]),
            [ViewMerchants, Review, Screen, Terminate, Team]
        );
        assert_eq!(
            access(&["read:accounts:/match"]),
            [Screen],
            "reading MATCH does not allow adding to it"
        );
        assert_eq!(
            access(&["read:accounts", "read:settlements", "read:reports", "read:payout"]),
            [ViewMerchants, Review, Settlements, Reports, Payouts, Team]
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
        assert!(
            access(&["write:accounts:/management/settings/approvals"]).is_empty(),
            "the approvals scope alone lists no approvals"
        );
        assert!(access(&["openid", "read:accountsx", "admin"]).is_empty());
        assert!(access(&[]).is_empty());
    }

    #[test]
    fn a_policy_takes_away_and_the_refusal_says_what_is_missing() {
        let policy = Policy::parse("Review=write:accounts:/management/settings/approvals admin:accounts").unwrap();
        let manager = Access::under(&["read:accounts", "write:accounts"], &policy);
        assert!(!manager.allows(Review));
        assert!(manager.allows(ManageMerchants));
        let refusal = manager.refusal(Review).unwrap();
        assert!(refusal.by_policy);
        assert_eq!(
            refusal.one_of,
            ["write:accounts:/management/settings/approvals", "admin:accounts"]
        );
        let onboarding = Access::under(
            &["read:accounts", "write:accounts:/management/settings/approvals"],
            &policy,
        );
        assert!(onboarding.allows(Review) && onboarding.refusal(Review).is_none());
        assert!(Access::under(&["admin:accounts"], &policy).allows(Review));

        // What Dintero refuses is named as Dintero's, whatever the policy says.
        let finance = Access::under(&["read:settlements"], &policy);
        let refusal = finance.refusal(Review).unwrap();
        assert!(!refusal.by_policy);
        assert_eq!(refusal.one_of, ["read:accounts", "admin:accounts"]);
        assert!(finance.refusal(Settlements).is_none());
    }

    #[test]
    fn every_capability_has_its_own_name() {
        let mut names: Vec<&str> = Capability::ALL.iter().map(|c| c.name()).collect();
        assert!(Capability::ALL.iter().all(|c| c.name() == format!("{c:?}")));
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Capability::ALL.len());
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
