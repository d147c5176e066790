//! [`SignInThrottle`]: failed sign-ins counted per e-mail and per client address over a window;
//! past the limit, further attempts are refused (with a clear message) until the window has moved
//! on. A successful sign-in clears its e-mail's count.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed attempts allowed per e-mail within [`WINDOW`].
pub const PER_EMAIL: usize = 5;
/// Failed attempts allowed per client address within [`WINDOW`].
pub const PER_ADDRESS: usize = 20;
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

#[derive(Default)]
pub struct SignInThrottle {
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl SignInThrottle {
    fn keys(email: &str, address: Option<&str>) -> Vec<(String, usize)> {
        let mut keys = vec![(format!("e:{}", email.trim().to_lowercase()), PER_EMAIL)];
        if let Some(address) = address {
            keys.push((format!("a:{address}"), PER_ADDRESS));
        }
        keys
    }

    /// True when another attempt for `email` from `address` is allowed now.
    pub fn allows(&self, email: &str, address: Option<&str>, now: Instant) -> bool {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        Self::keys(email, address).into_iter().all(|(key, limit)| {
            let recent = failures.entry(key).or_default();
            while recent.front().is_some_and(|t| now.duration_since(*t) >= WINDOW) {
                recent.pop_front();
            }
            recent.len() < limit
        })
    }

    pub fn record_failure(&self, email: &str, address: Option<&str>, now: Instant) {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        for (key, _) in Self::keys(email, address) {
            failures.entry(key).or_default().push_back(now);
        }
        // Forget keys with nothing recent, so the map does not grow without end.
        if failures.len() > 10_000 {
            failures.retain(|_, times| times.back().is_some_and(|t| now.duration_since(*t) < WINDOW));
        }
    }

    pub fn record_success(&self, email: &str) {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        failures.remove(&format!("e:{}", email.trim().to_lowercase()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_lock_an_email_for_the_window() {
        let throttle = SignInThrottle::default();
        let start = Instant::now();
        for _ in 0..PER_EMAIL {
            assert!(throttle.allows("Kari@Nordlys.no", Some("1.2.3.4"), start));
            throttle.record_failure("Kari@Nordlys.no", Some("1.2.3.4"), start);
        }
        assert!(
            !throttle.allows("kari@nordlys.no", Some("5.6.7.8"), start),
            "by e-mail, whatever the address"
        );
        assert!(
            throttle.allows("ola@nordlys.no", Some("1.2.3.4"), start),
            "other people from the same address"
        );
        assert!(
            throttle.allows("kari@nordlys.no", None, start + WINDOW),
            "after the window"
        );
    }

    #[test]
    fn an_address_is_limited_across_emails_and_success_clears_an_email() {
        let throttle = SignInThrottle::default();
        let now = Instant::now();
        for i in 0..PER_ADDRESS {
            throttle.record_failure(&format!("p{i}@x.no"), Some("9.9.9.9"), now);
        }
        assert!(!throttle.allows("new@x.no", Some("9.9.9.9"), now));
        assert!(throttle.allows("new@x.no", Some("8.8.8.8"), now));
        throttle.record_failure("kari@x.no", None, now);
        throttle.record_success("kari@x.no");
        assert!(throttle.failures.lock().unwrap().get("e:kari@x.no").is_none());
    }
}
