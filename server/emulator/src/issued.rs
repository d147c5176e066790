//! Every secret the emulator hands out, remembered so that a test can look for them where they must
//! never appear (pages, wasm, URLs, cookies, logs): `GET /__emulator/issued-secrets`.
//!
//! Recorded where they are made: access tokens ([`crate::token::issue`] for every grant, and
//! [`crate::auth::exchange_token`]), refresh tokens, `mfa_token`s of `mfa_required` answers and the
//! `oob_code`s of MFA challenges. The API clients' secrets are not issued but seeded, so the route
//! adds those of the current world.
//!
//! Limits: the newest [`MAX_ISSUED`] secrets are kept, oldest forgotten first (a test that issues
//! more only sees the newest); a secret issued twice (a refresh token handed back on refresh) is
//! listed once. `/__emulator/reset` does not clear the list: tokens issued before a reset still
//! verify after it, so they are still secrets.

use std::collections::{HashSet, VecDeque};
use std::sync::Mutex;

use serde::Serialize;

/// How many issued secrets are remembered.
pub const MAX_ISSUED: usize = 10_000;

/// What kind of secret a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SecretKind {
    AccessToken,
    RefreshToken,
    MfaToken,
    OobCode,
    ClientSecret,
}

/// One secret and its kind, as listed by `/__emulator/issued-secrets`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IssuedSecret {
    pub kind: SecretKind,
    pub value: String,
}

/// The bounded list of issued secrets, oldest first.
#[derive(Default)]
pub struct IssuedSecrets(Mutex<Inner>);

#[derive(Default)]
struct Inner {
    list: VecDeque<IssuedSecret>,
    /// The values in `list`, to list each once.
    values: HashSet<String>,
}

impl IssuedSecrets {
    /// Remembers `value` as a secret of `kind` (once, however often it is handed out).
    pub fn record(&self, kind: SecretKind, value: &str) {
        let mut inner = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if !inner.values.insert(value.to_owned()) {
            return;
        }
        if inner.list.len() == MAX_ISSUED {
            if let Some(oldest) = inner.list.pop_front() {
                inner.values.remove(&oldest.value);
            }
        }
        inner.list.push_back(IssuedSecret {
            kind,
            value: value.to_owned(),
        });
    }

    /// Every remembered secret, oldest first.
    pub fn list(&self) -> Vec<IssuedSecret> {
        let inner = self.0.lock().unwrap_or_else(|p| p.into_inner());
        inner.list.iter().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_is_listed_once_and_the_oldest_go_first() {
        let issued = IssuedSecrets::default();
        issued.record(SecretKind::RefreshToken, "rt_1");
        issued.record(SecretKind::RefreshToken, "rt_1");
        assert_eq!(issued.list().len(), 1);
        for n in 0..MAX_ISSUED {
            issued.record(SecretKind::AccessToken, &format!("at_{n}"));
        }
        let list = issued.list();
        assert_eq!(list.len(), MAX_ISSUED);
        assert_eq!(list[0].value, "at_0");
        assert!(!list.iter().any(|s| s.value == "rt_1"));
    }
}
