//! The client's token caches: [`CachedToken`] (a token and when to renew it; the app token is one)
//! and [`MerchantTokens`] (each person's exchanged tokens per merchant). They know nothing of HTTP:
//! the client (`http.rs`) holds them, and `auth.rs` fills them.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::OnceCell;

use crate::secret::Secret;
use crate::validate::AccountId;

/// A token and when to renew it.
#[derive(Clone)]
pub(crate) struct CachedToken {
    pub(crate) token: Secret,
    pub(crate) renew_at: Instant,
}

impl CachedToken {
    /// Renewed when a tenth of its life (at least a minute, at most all of it) remains.
    pub(crate) fn new(token: String, expires_in: i64) -> Self {
        let lifetime = Duration::from_secs(expires_in.max(0) as u64);
        let margin = (lifetime / 10).max(Duration::from_secs(60)).min(lifetime);
        Self {
            token: Secret::new(token),
            renew_at: Instant::now() + lifetime - margin,
        }
    }

    pub(crate) fn is_fresh(&self) -> bool {
        Instant::now() < self.renew_at
    }
}

/// Merchant tokens by (person, merchant), each kept until shortly before it expires. A slot is
/// a `OnceCell`, so concurrent requests for the same merchant wait for one exchange.
#[derive(Default)]
pub struct MerchantTokens(Mutex<HashMap<Key, Slot>>);

/// (fingerprint of the person's token, merchant account id)
pub(crate) type Key = (u64, AccountId);
pub(crate) type Slot = Arc<OnceCell<CachedToken>>;

/// How many slots the cache holds before it drops the stale ones.
const PRUNE_AT: usize = 10_000;

impl MerchantTokens {
    pub(crate) fn slot(&self, key: &Key) -> Slot {
        let mut slots = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if slots.len() >= PRUNE_AT {
            slots.retain(|_, slot| slot.get().is_none_or(CachedToken::is_fresh));
        }
        slots.entry(key.clone()).or_default().clone()
    }

    /// Forgets `slot` for `key` if it is still the one there (it held an expired token).
    pub(crate) fn evict(&self, key: &Key, slot: &Slot) {
        let mut slots = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if slots.get(key).is_some_and(|s| Arc::ptr_eq(s, slot)) {
            slots.remove(key);
        }
    }
}

/// Who a person token belongs to, without keeping the token itself as a key.
pub(crate) fn fingerprint(person: &Secret) -> u64 {
    let mut hasher = DefaultHasher::new();
    person.expose().hash(&mut hasher);
    hasher.finish()
}
