//! The onboarding draft: the fields typed so far, by step, and the checks each step makes (the
//! same in the browser, as the person types, and on the server).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::i18n::key;
use crate::validate::{is_email, is_org_number, is_phone_number, is_postal_code};

/// The steps, in order: (query value, translation key).
pub const STEPS: [(&str, &str); 6] = [
    ("company", key!("onboarding.step.company")),
    ("applicant", key!("onboarding.step.applicant")),
    ("billing", key!("onboarding.step.billing")),
    ("package", key!("onboarding.step.package")),
    ("invite", key!("onboarding.step.invite")),
    ("review", key!("onboarding.step.review")),
];

/// How many people can be invited at once.
pub const INVITES: usize = 3;

/// The fields of each step (the review step has none).
pub fn step_fields(step: &str) -> Vec<String> {
    let fixed: &[&str] = match step {
        "company" => &[
            "country",
            "organization_number",
            "business_name",
            "website",
            "email",
            "phone_number",
            "address_line",
            "postal_code",
            "postal_place",
        ],
        "applicant" => &[
            "applicant_first_name",
            "applicant_last_name",
            "applicant_email",
            "applicant_phone",
        ],
        "billing" => &[
            "billing_email",
            "billing_reference",
            "billing_address_line",
            "billing_postal_code",
            "billing_postal_place",
        ],
        "package" => &["price_package"],
        "invite" => &["invitation_note", "send_invite"],
        _ => &[],
    };
    let mut fields: Vec<String> = fixed.iter().map(|f| (*f).to_owned()).collect();
    if step == "invite" {
        for i in 1..=INVITES {
            fields.push(format!("invite_{i}_name"));
            fields.push(format!("invite_{i}_email"));
        }
    }
    fields
}

/// What has been typed, field by field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft(pub BTreeMap<String, String>);

impl Draft {
    pub fn get(&self, field: &str) -> String {
        self.0.get(field).map(|v| v.trim().to_owned()).unwrap_or_default()
    }

    /// The country (`NO` unless `SE` was chosen).
    pub fn country(&self) -> &'static str {
        if self.get("country") == "SE" {
            "SE"
        } else {
            "NO"
        }
    }

    /// Takes `fields` of `step` (only that step's own fields).
    pub fn merge(&mut self, step: &str, fields: &BTreeMap<String, String>) {
        for name in step_fields(step) {
            let value = fields.get(&name).cloned().unwrap_or_default();
            self.0.insert(name, value);
        }
    }

    /// The first step whose checks fail, if any.
    pub fn first_incomplete_step(&self) -> Option<&'static str> {
        STEPS
            .iter()
            .map(|(step, _)| *step)
            .find(|step| !check_step(step, self).is_empty())
    }
}

/// Every field error of `step` in `draft`, as `Invalid` errors naming the field.
pub fn check_step(step: &str, d: &Draft) -> Vec<AppError> {
    let mut errors = Vec::new();
    let mut fail = |field: &str, key: &str| errors.push(AppError::invalid(field, key));
    let country = d.country();
    match step {
        "company" => {
            if !["NO", "SE"].contains(&d.get("country").as_str()) {
                fail("country", key!("onboarding.error.country"));
            }
            let org = d.get("organization_number");
            if org.is_empty() {
                fail("organization_number", key!("onboarding.error.org_required"));
            } else if !is_org_number(country, &org) {
                fail(
                    "organization_number",
                    if country == "SE" {
                        key!("onboarding.error.org_se")
                    } else {
                        key!("onboarding.error.org_no")
                    },
                );
            }
            required(d, "business_name", &mut fail);
            let website = d.get("website");
            if !(website.is_empty() || website.starts_with("https://") || website.starts_with("http://")) {
                fail("website", key!("onboarding.error.website"));
            }
            email(d, "email", true, &mut fail);
            phone(d, "phone_number", &mut fail);
            required(d, "address_line", &mut fail);
            postal(d, "postal_code", country, true, &mut fail);
            required(d, "postal_place", &mut fail);
        }
        "applicant" => {
            required(d, "applicant_first_name", &mut fail);
            required(d, "applicant_last_name", &mut fail);
            email(d, "applicant_email", true, &mut fail);
            phone(d, "applicant_phone", &mut fail);
        }
        "billing" => {
            email(d, "billing_email", true, &mut fail);
            postal(d, "billing_postal_code", country, false, &mut fail);
            let parts = ["billing_address_line", "billing_postal_code", "billing_postal_place"];
            let given = parts.iter().filter(|f| !d.get(f).is_empty()).count();
            if given > 0 && given < parts.len() {
                for part in parts.iter().filter(|f| d.get(f).is_empty()) {
                    fail(part, key!("onboarding.error.address_part"));
                }
            }
        }
        "package" if d.get("price_package").is_empty() => fail("price_package", key!("onboarding.error.package")),
        "invite" => {
            let mut anyone = false;
            for i in 1..=INVITES {
                let (name, mail) = (format!("invite_{i}_name"), format!("invite_{i}_email"));
                if d.get(&name).is_empty() && d.get(&mail).is_empty() {
                    continue;
                }
                anyone = true;
                required(d, &name, &mut fail);
                email(d, &mail, true, &mut fail);
            }
            if d.get("send_invite") == "yes" && !anyone {
                fail("invite_1_email", key!("onboarding.error.invite_someone"));
            }
            if d.get("invitation_note").chars().count() > 1_000 {
                fail("invitation_note", key!("onboarding.error.note_long"));
            }
        }
        _ => {}
    }
    errors
}

fn required(d: &Draft, field: &str, fail: &mut impl FnMut(&str, &str)) {
    if d.get(field).is_empty() {
        fail(field, key!("onboarding.error.required"));
    }
}

fn email(d: &Draft, field: &str, needed: bool, fail: &mut impl FnMut(&str, &str)) {
    let value = d.get(field);
    if value.is_empty() {
        if needed {
            fail(field, key!("onboarding.error.email_required"));
        }
    } else if !is_email(&value) {
        fail(field, key!("onboarding.error.email"));
    }
}

fn phone(d: &Draft, field: &str, fail: &mut impl FnMut(&str, &str)) {
    let value = d.get(field);
    if value.is_empty() {
        fail(field, key!("onboarding.error.phone_required"));
    } else if !is_phone_number(&value) {
        fail(field, key!("onboarding.error.phone"));
    }
}

fn postal(d: &Draft, field: &str, country: &str, needed: bool, fail: &mut impl FnMut(&str, &str)) {
    let value = d.get(field);
    if value.is_empty() {
        if needed {
            fail(field, key!("onboarding.error.postal_required"));
        }
    } else if !is_postal_code(country, &value) {
        fail(
            field,
            if country == "SE" {
                key!("onboarding.error.postal_se")
            } else {
                key!("onboarding.error.postal_no")
            },
        );
    }
}

/// The message naming a step that is not complete.
pub fn step_error_key(step: &str) -> &'static str {
    match step {
        "company" => key!("onboarding.error.incomplete_company"),
        "applicant" => key!("onboarding.error.incomplete_applicant"),
        "billing" => key!("onboarding.error.incomplete_billing"),
        "package" => key!("onboarding.error.incomplete_package"),
        _ => key!("onboarding.error.incomplete_invite"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(pairs: &[(&str, &str)]) -> Draft {
        Draft(pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect())
    }

    fn fields(errors: Vec<AppError>) -> Vec<String> {
        errors.iter().filter_map(|e| e.field().map(str::to_owned)).collect()
    }

    #[test]
    fn the_company_step_checks_norwegian_and_swedish_numbers() {
        let mut d = draft(&[
            ("country", "NO"),
            ("organization_number", "923609016"),
            ("business_name", "Fjord Kaffe AS"),
            ("email", "post@fjordkaffe.no"),
            ("phone_number", "+47 22 33 44 55"),
            ("address_line", "Storgata 1"),
            ("postal_code", "0155"),
            ("postal_place", "Oslo"),
        ]);
        assert!(check_step("company", &d).is_empty(), "{:?}", check_step("company", &d));
        d.0.insert("organization_number".into(), "923609017".into());
        assert_eq!(fields(check_step("company", &d)), ["organization_number"]);
        d.0.insert("country".into(), "SE".into());
        d.0.insert("organization_number".into(), "556036-0793".into());
        d.0.insert("postal_code".into(), "114 55".into());
        assert!(check_step("company", &d).is_empty(), "{:?}", check_step("company", &d));
        d.0.insert("postal_code".into(), "0155".into());
        assert_eq!(fields(check_step("company", &d)), ["postal_code"]);
    }

    #[test]
    fn invites_need_a_name_and_an_email_and_someone_to_send_to() {
        let d = draft(&[
            ("invite_1_name", "Kari"),
            ("invite_1_email", "kari@"),
            ("send_invite", "yes"),
        ]);
        assert_eq!(fields(check_step("invite", &d)), ["invite_1_email"]);
        let d = draft(&[("send_invite", "yes")]);
        assert_eq!(fields(check_step("invite", &d)), ["invite_1_email"]);
        assert!(check_step("invite", &draft(&[("send_invite", "no")])).is_empty());
    }

    #[test]
    fn a_billing_address_is_all_or_nothing_and_merge_takes_only_the_steps_fields() {
        let d = draft(&[("billing_email", "faktura@x.no"), ("billing_address_line", "Vei 2")]);
        assert_eq!(
            fields(check_step("billing", &d)),
            ["billing_postal_code", "billing_postal_place"]
        );
        let mut d = Draft::default();
        let typed: BTreeMap<String, String> = [("billing_email", "a@b.no"), ("business_name", "sneaky")]
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect();
        d.merge("billing", &typed);
        assert_eq!(d.get("billing_email"), "a@b.no");
        assert!(!d.0.contains_key("business_name"));
        assert_eq!(d.first_incomplete_step(), Some("company"));
    }
}
