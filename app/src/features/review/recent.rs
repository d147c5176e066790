//! [`Recent`]: one read shared by everyone who asks for the same thing while it runs (and for a
//! short while after).
//!
//! Why the queue needs it: when the server streams a page, Leptos walks a suspense's children once
//! or twice before rendering them (to find the resources they read), and each walk builds the page
//! component again, with its own resources. Without sharing, one page view would read the merchant
//! list and every merchant's cases several times over, and the first build's resources (whose
//! values the browser hydrates from) could differ from the rendered ones.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use futures_util::future::{BoxFuture, FutureExt, Shared};

type Running<T> = Shared<BoxFuture<'static, T>>;

pub struct Recent<T: Clone> {
    entries: Mutex<HashMap<String, (Instant, Running<T>)>>,
    keep: Duration,
}

impl<T: Clone + Send + Sync + 'static> Recent<T> {
    /// A read is shared for `keep` after it started.
    pub fn new(keep: Duration) -> Self {
        Self {
            entries: Mutex::new(HashMap::new()),
            keep,
        }
    }

    /// The read under `key` if one started less than `keep` ago, else `read`, started now. Reads
    /// older than `keep` are forgotten here, so the map holds only the last moments' reads.
    pub fn share(&self, key: String, read: impl Future<Output = T> + Send + 'static) -> Running<T> {
        let now = Instant::now();
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        entries.retain(|_, (started, _)| now.duration_since(*started) < self.keep);
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
                value
            }
        };
        let (a, b) = tokio::join!(recent.share("a".into(), read(1)), recent.share("a".into(), read(2)));
        assert_eq!((a, b), (1, 1));
        assert_eq!(recent.share("b".into(), read(3)).await, 3);
        assert_eq!(reads.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_read_older_than_keep_is_read_again() {
        let recent = Recent::new(Duration::ZERO);
        assert_eq!(recent.share("a".into(), async { 1 }).await, 1);
        assert_eq!(recent.share("a".into(), async { 2 }).await, 2);
    }
}
