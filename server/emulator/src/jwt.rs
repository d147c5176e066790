//! The emulator's tokens: compact JWTs with Dintero-like claims (`iss`, `aud`, `sub`, `iat`, `exp`,
//! `scope`), signed HS256 with a key made at start. Dintero signs RS256; nothing in the app reads the
//! claims (they are undocumented), so the algorithm is one of the emulator's written-down limits.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// What a token says: who (`sub`), for which account (`aud`), what it may do (`scope`), and until when.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Claims {
    pub iss: String,
    pub aud: String,
    pub sub: String,
    pub iat: i64,
    pub exp: i64,
    /// Space-separated scopes, as in the reference's example tokens.
    pub scope: String,
    /// Emulator-only: what kind of principal holds the token.
    pub kind: TokenKind,
    /// Emulator-only: the account the token was issued on.
    pub account: String,
    pub jti: String,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Client,
    User,
}

impl Claims {
    pub fn scopes(&self) -> impl Iterator<Item = &str> {
        self.scope.split_whitespace()
    }

    /// True when any of `wanted` is among the token's scopes.
    pub fn has_any(&self, wanted: &[&str]) -> bool {
        self.scopes().any(|s| wanted.contains(&s))
    }
}

/// Signs and checks tokens with one secret key.
pub struct Signer {
    key: [u8; 32],
}

impl Signer {
    pub fn random() -> Self {
        let mut key = [0u8; 32];
        rand::rng().fill_bytes(&mut key);
        Self { key }
    }

    fn mac(&self) -> Hmac<Sha256> {
        Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes any key length")
    }

    pub fn sign(&self, claims: &Claims) -> String {
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT","kid":"emulator"}"#);
        let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims).expect("claims serialize"));
        let signing_input = format!("{header}.{payload}");
        let mut mac = self.mac();
        mac.update(signing_input.as_bytes());
        let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
        format!("{signing_input}.{signature}")
    }

    /// The claims of a token this signer made, if its signature holds and it has not expired at `now`.
    pub fn verify(&self, token: &str, now: i64) -> Option<Claims> {
        let (signing_input, signature) = token.rsplit_once('.')?;
        let signature = URL_SAFE_NO_PAD.decode(signature).ok()?;
        let mut mac = self.mac();
        mac.update(signing_input.as_bytes());
        mac.verify_slice(&signature).ok()?;
        let (_, payload) = signing_input.split_once('.')?;
        let claims: Claims = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()?;
        (claims.exp > now).then_some(claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(exp: i64) -> Claims {
        Claims {
            iss: "iss".into(),
            aud: "aud".into(),
            sub: "sub".into(),
            iat: 0,
            exp,
            scope: "read:accounts write:accounts".into(),
            kind: TokenKind::User,
            account: "T11200000".into(),
            jti: "j".into(),
        }
    }

    #[test]
    fn a_signed_token_verifies_until_it_expires() {
        let signer = Signer::random();
        let token = signer.sign(&claims(100));
        assert_eq!(signer.verify(&token, 99), Some(claims(100)));
        assert_eq!(signer.verify(&token, 100), None);
    }

    #[test]
    fn a_tampered_or_foreign_token_is_refused() {
        let signer = Signer::random();
        let token = signer.sign(&claims(100));
        let mut forged = token.clone();
        forged.insert(token.find('.').unwrap() + 3, 'x');
        assert_eq!(signer.verify(&forged, 0), None);
        assert_eq!(Signer::random().verify(&token, 0), None);
        assert_eq!(signer.verify("not-a-token", 0), None);
    }

    #[test]
    fn scopes_are_space_separated() {
        let c = claims(1);
        assert!(c.has_any(&["admin:accounts", "write:accounts"]));
        assert!(!c.has_any(&["admin:accounts"]));
    }
}
