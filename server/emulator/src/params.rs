//! Query parameters as Dintero takes them: arrays repeated (`?connection=vipps&connection=swish`)
//! or comma-separated (`?connection=vipps,swish`) — the emulator accepts both (REFERENCE.md,
//! "Pagination styles") — and `limit` within an endpoint's bounds.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::error::ApiError;

/// The request's query, decoded.
#[derive(Debug, Clone, Default)]
pub struct Params(Vec<(String, String)>);

impl Params {
    pub fn parse(query: &str) -> Self {
        Self(
            query
                .split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                    (decode(k), decode(v))
                })
                .collect(),
        )
    }

    /// The first value of `name`, if given and not empty.
    pub fn one(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, v)| k == name && !v.is_empty())
            .map(|(_, v)| v.clone())
    }

    /// Every value of `name`, repeated or comma-separated.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name || k == &format!("{name}[]"))
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// `limit`, or `default`; a 400 naming the bounds when outside `1..=max` or not a number.
    pub fn limit(&self, default: usize, max: usize) -> Result<usize, ApiError> {
        match self.one("limit") {
            None => Ok(default),
            Some(raw) => match raw.parse::<usize>() {
                Ok(n) if (1..=max).contains(&n) => Ok(n),
                _ => Err(ApiError::validation(vec![(
                    "/limit".into(),
                    format!("should be an integer from 1 to {max}"),
                )])),
            },
        }
    }

    /// A boolean parameter (`true`/`false`), absent meaning `false`.
    pub fn flag(&self, name: &str) -> bool {
        self.one(name).is_some_and(|v| v == "true" || v == "1")
    }
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self::parse(parts.uri.query().unwrap_or_default()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrays_may_be_repeated_or_comma_separated() {
        let p = Params::parse("connection=vipps&connection=swish,klarna&search=Bakeri%20Bod%C3%B8&x=");
        assert_eq!(p.all("connection"), ["vipps", "swish", "klarna"]);
        assert_eq!(p.one("search").as_deref(), Some("Bakeri Bodø"));
        assert_eq!(p.one("x"), None);
        assert!(p.all("nothing").is_empty());
    }

    #[test]
    fn limit_is_bounded() {
        assert_eq!(Params::parse("").limit(10, 100).unwrap(), 10);
        assert_eq!(Params::parse("limit=100").limit(10, 100).unwrap(), 100);
        assert!(Params::parse("limit=101").limit(10, 100).is_err());
        assert!(Params::parse("limit=0").limit(10, 100).is_err());
        assert!(Params::parse("limit=ten").limit(10, 100).is_err());
    }

    #[test]
    fn a_broken_escape_is_kept_as_typed() {
        assert_eq!(Params::parse("q=100%").one("q").as_deref(), Some("100%"));
        assert_eq!(Params::parse("q=%zz1").one("q").as_deref(), Some("%zz1"));
    }
}
