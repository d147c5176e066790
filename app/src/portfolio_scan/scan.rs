//! [`PortfolioScan`]: what reads across the whole portfolio share, kept for the life of the process
//! (in `AppState`): one bound on the requests in flight to Dintero for everyone together, and each
//! person's merchant list for a search, shared ([`Recent`]) for [`LIST_KEPT`] after it was asked
//! for, so a page that needs it in several places reads it once (a failed read is not kept).
//!
//! The semaphore is fair (first come, first served), so batches finish roughly in the order they
//! were asked for. Used by the onboarding queue and pipeline and by the portfolio's settlements.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;

use super::read::read_merchants;
use super::recent::Recent;
use super::stages::MerchantList;
use crate::auth::session::UserSession;
use crate::dintero::DinteroClient;
use crate::error::AppError;

/// How long a person's merchant list is shared after it was asked for.
pub const LIST_KEPT: Duration = Duration::from_secs(15);

#[derive(Clone)]
pub struct PortfolioScan {
    permits: Arc<Semaphore>,
    concurrency: usize,
    lists: Arc<Recent<MerchantList, AppError>>,
}

impl std::fmt::Debug for PortfolioScan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PortfolioScan")
            .field("concurrency", &self.concurrency)
            .finish()
    }
}

impl PortfolioScan {
    /// At most `concurrency` requests in flight (at least one).
    pub fn new(concurrency: usize) -> Self {
        let concurrency = concurrency.max(1);
        Self {
            permits: Arc::new(Semaphore::new(concurrency)),
            concurrency,
            lists: Arc::new(Recent::new(LIST_KEPT)),
        }
    }

    /// `person`'s merchants matching `search`, shared with their other reads of the same search
    /// that started less than [`LIST_KEPT`] ago.
    pub async fn merchants(
        &self,
        dintero: &DinteroClient,
        person: &UserSession,
        search: &str,
    ) -> Result<MerchantList, AppError> {
        let key = format!("{}\n{}", person.email, search.trim());
        let (dintero, token, search) = (dintero.clone(), person.access_token.clone(), search.to_owned());
        self.lists
            .share(key, async move { read_merchants(&dintero, &token, &search).await })
            .await
    }

    pub fn concurrency(&self) -> usize {
        self.concurrency
    }

    /// `request`, once a permit of the shared semaphore is had.
    pub async fn limited<T>(&self, request: impl Future<Output = T>) -> T {
        // The semaphore is never closed, so acquiring cannot fail.
        let _permit = self
            .permits
            .acquire()
            .await
            .expect("the scan's semaphore is never closed");
        request.await
    }
}
