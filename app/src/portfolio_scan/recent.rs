//! [`Recent`]: one read shared by everyone who asks for the same thing while it runs (and for a
//! short while after, if it succeeded).
//!
//! Why a scan needs it: the onboarding queue's page asks for the merchant list and for each of its
//! slices at once, and every slice needs the list; sharing it means one page view reads the list
//! once, and a person paging back and forth within [`super::LIST_KEPT`] does not read it again.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use futures_util::future::{BoxFuture, FutureExt, Shared};

type Running<T, E> = Shared<BoxFuture<'static, Result<T, E>>>;
/// Each key's read and when it started.
type Entries<T, E> = Mutex<HashMap<String, (Instant, Running<T, E>)>>;

/// Reads that answer `Result<T, E>`; only successes are kept once they are done (a failure is
/// shared only with those who asked while it ran, and the next asker reads again).
pub struct Recent<T: Clone, E: Clone> {
    entries: Entries<T, E>,
    keep: Duration,
}

impl<T: Clone + Send + Sync + 'static, E: Clone + Send + Sync + 'static> Recent<T, E> {
    /// A read is shared for `keep` after it started.
    pub fn new(keep: Duration) -> Self {
        Self {
            entries: Mutex::new(HashMap::new()),
            keep,
        }
    }

    /// The read under `key` if one started less than `keep` ago and has not failed, else `read`,
    /// started now. Reads older than `keep` and failed reads are forgotten here, so the map holds
    /// only the last moments' reads.
    pub fn share(&self, key: String, read: impl Future<Output = Result<T, E>> + Send + 'static) -> Running<T, E> {
        let now = Instant::now();
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        entries.retain(|_, (started, running)| {
            now.duration_since(*started) < self.keep && !matches!(running.peek(), Some(Err(_)))
        });
        entries
            .entry(key)
            .or_insert_with(|| (now, read.boxed().shared()))
            .1
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    #[tokio::test]
    async fn the_same_key_shares_one_read_and_another_key_reads_again() {
        let recent = Recent::new(Duration::from_secs(60));
        let reads = Arc::new(AtomicUsize::new(0));
        let read = |value: u32| {
            let reads = Arc::clone(&reads);
            async move {
                reads.fetch_add(1, Ordering::SeqCst);
                Ok::<_, ()>(value)
            }
        };
        let (a, b) = tokio::join!(recent.share("a".into(), read(1)), recent.share("a".into(), read(2)));
        assert_eq!((a, b), (Ok(1), Ok(1)));
        assert_eq!(recent.share("b".into(), read(3)).await, Ok(3));
        assert_eq!(reads.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_read_older_than_keep_is_read_again() {
        let recent = Recent::<u32, ()>::new(Duration::ZERO);
        assert_eq!(recent.share("a".into(), async { Ok(1) }).await, Ok(1));
        assert_eq!(recent.share("a".into(), async { Ok(2) }).await, Ok(2));
    }

    #[tokio::test]
    async fn a_failed_read_is_not_kept() {
        let recent = Recent::<u32, &str>::new(Duration::from_secs(60));
        assert_eq!(recent.share("a".into(), async { Err("503") }).await, Err("503"));
        assert_eq!(recent.share("a".into(), async { Ok(2) }).await, Ok(2));
        assert_eq!(
            recent.share("a".into(), async { Ok(3) }).await,
            Ok(2),
            "a success is kept"
        );
    }
}
