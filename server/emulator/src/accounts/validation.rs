//! Validation of the create and update bodies of a merchant account (02-partner-accounts.md,
//! 03-account-schema.md): required parts, formats and enums, each failure with its JSON pointer.

use serde_json::Value;

use crate::error::ApiError;

/// Fields a partner may write on create and on PUT (02-partner-accounts.md).
pub const WRITABLE: [&str; 14] = [
    "applicant",
    "company",
    "billing",
    "subscription",
    "livemode",
    "language_code",
    "progression",
    "reseller_id",
    "account_manager",
    "permissions",
    "sale_channel",
    "price_package",
    "statistics",
    "services",
];

/// Fields only the create body takes; kept on the account as given.
pub const CREATE_ONLY: [&str; 6] = [
    "invites",
    "invite_users",
    "invitation_note",
    "actions",
    "custom_price_package",
    "partner_id",
];

const PROGRESSIONS: [&str; 4] = ["applied", "live", "frozen", "deactivated"];
const SALE_CHANNELS: [&str; 4] = ["DIRECT", "INBOUND", "PARTNER", "REFERRAL"];

/// Collects failures as (JSON pointer, message).
#[derive(Default)]
struct Failures(Vec<(String, String)>);

impl Failures {
    fn push(&mut self, path: &str, message: impl Into<String>) {
        self.0.push((path.to_owned(), message.into()));
    }

    fn required_object<'a>(&mut self, body: &'a Value, path: &str) -> Option<&'a Value> {
        match body.pointer(path) {
            Some(v) if v.is_object() => Some(v),
            Some(Value::Null) | None => {
                self.push(path, format!("should have required property '{}'", last(path)));
                None
            }
            Some(_) => {
                self.push(path, "should be object");
                None
            }
        }
    }

    fn required_string(&mut self, body: &Value, path: &str) -> Option<String> {
        match body.pointer(path) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            Some(Value::String(_)) => {
                self.push(path, "should NOT be shorter than 1 characters");
                None
            }
            Some(Value::Null) | None => {
                self.push(path, format!("should have required property '{}'", last(path)));
                None
            }
            Some(_) => {
                self.push(path, "should be string");
                None
            }
        }
    }

    fn optional_enum(&mut self, body: &Value, path: &str, values: &[&str]) {
        match body.pointer(path) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if values.contains(&s.as_str()) => {}
            Some(_) => self.push(
                path,
                format!("should be equal to one of the allowed values: {}", values.join(", ")),
            ),
        }
    }

    fn email(&mut self, body: &Value, path: &str, required: bool) {
        let value = if required {
            self.required_string(body, path)
        } else {
            match body.pointer(path) {
                None | Some(Value::Null) => return,
                Some(Value::String(s)) => Some(s.clone()),
                Some(_) => {
                    self.push(path, "should be string");
                    None
                }
            }
        };
        if let Some(email) = value {
            if !is_email(&email) {
                self.push(path, "should match format \"email\"");
            }
        }
    }

    fn address(&mut self, body: &Value, path: &str) {
        if self.required_object(body, path).is_none() {
            return;
        }
        for field in ["address_line", "postal_place", "country"] {
            self.required_string(body, &format!("{path}/{field}"));
        }
        let country = format!("{path}/country");
        if let Some(Value::String(c)) = body.pointer(&country) {
            if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                self.push(&country, "should match pattern \"^[A-Z]{2}$\"");
            }
        }
    }
}

fn last(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// A plausible e-mail address: one `@`, something before it, a dotted domain after it.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(char::is_whitespace)
}

/// Checks a create (`create = true`) or PUT body; 400 listing every failure.
pub fn check_account_body(body: &Value, create: bool) -> Result<(), ApiError> {
    let mut f = Failures::default();
    if !body.is_object() {
        return Err(ApiError::validation(vec![("/".into(), "should be object".into())]));
    }
    if f.required_object(body, "/applicant").is_some() {
        f.email(body, "/applicant/email", true);
    }
    if f.required_object(body, "/company").is_some() {
        f.required_string(body, "/company/business_name");
        f.address(body, "/company/address");
    }
    if f.required_object(body, "/billing").is_some() {
        f.required_string(body, "/billing/business_name");
        f.address(body, "/billing/address");
        f.email(body, "/billing/email", false);
    }
    f.optional_enum(body, "/progression", &PROGRESSIONS);
    f.optional_enum(body, "/sale_channel", &SALE_CHANNELS);
    if let Some(manager) = body.get("account_manager").filter(|v| !v.is_null()) {
        if manager.is_object() {
            f.email(body, "/account_manager/email", true);
        } else {
            f.push("/account_manager", "should be object");
        }
    }
    for key in ["livemode"] {
        if body.get(key).is_some_and(|v| !v.is_boolean() && !v.is_null()) {
            f.push(&format!("/{key}"), "should be boolean");
        }
    }
    if create {
        check_create_only(body, &mut f);
    }
    if f.0.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(f.0))
    }
}

fn check_create_only(body: &Value, f: &mut Failures) {
    if let Some(Value::Array(users)) = body.get("invite_users") {
        for (i, _) in users.iter().enumerate() {
            f.email(body, &format!("/invite_users/{i}/email"), true);
        }
    } else if body.get("invite_users").is_some_and(|v| !v.is_null()) {
        f.push("/invite_users", "should be array");
    }
    if let Some(Value::Array(invites)) = body.get("invites") {
        for i in 0..invites.len() {
            f.email(body, &format!("/invites/{i}"), true);
        }
    }
    if let Some(Value::Array(actions)) = body.get("actions") {
        for i in 0..actions.len() {
            f.optional_enum(body, &format!("/actions/{i}"), &["send_invite"]);
        }
    } else if body.get("actions").is_some_and(|v| !v.is_null()) {
        f.push("/actions", "should be array");
    }
    if let Some(Value::String(p)) = body.get("partner_id") {
        let ok =
            p.len() == 4 && (p.starts_with('P') || p.starts_with('T')) && p[1..].bytes().all(|b| b.is_ascii_digit());
        if !ok {
            f.push("/partner_id", "should match pattern \"^[PT]{1}(?=(?:.{3})$)[0-9]*$\"");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn valid() -> Value {
        json!({
            "applicant": {"email": "ingrid@bakeri.example"},
            "company": {"business_name": "Bakeri AS", "address": {"address_line": "Storgata 1", "postal_place": "Oslo", "country": "NO"}},
            "billing": {"business_name": "Bakeri AS", "address": {"address_line": "Storgata 1", "postal_place": "Oslo", "country": "NO"}},
        })
    }

    fn paths(body: &Value) -> Vec<String> {
        match check_account_body(body, true) {
            Ok(()) => Vec::new(),
            Err(e) => e
                .errors
                .iter()
                .map(|e| e["path"].as_str().unwrap().to_owned())
                .collect(),
        }
    }

    #[test]
    fn a_complete_body_passes() {
        assert!(paths(&valid()).is_empty());
    }

    #[test]
    fn every_failure_is_named_by_its_pointer() {
        let mut body = valid();
        body["applicant"]["email"] = json!("not-an-email");
        body["company"]["address"]
            .as_object_mut()
            .unwrap()
            .remove("postal_place");
        body["billing"].as_object_mut().unwrap().remove("address");
        body["progression"] = json!("paused");
        assert_eq!(
            paths(&body),
            [
                "/applicant/email",
                "/company/address/postal_place",
                "/billing/address",
                "/progression"
            ]
        );
    }

    #[test]
    fn emails() {
        assert!(is_email("a@b.no"));
        assert!(!is_email("a@b"));
        assert!(!is_email("@b.no"));
        assert!(!is_email("a b@c.no"));
    }
}
