//! [`Gatherer`]: reads each merchant's CDD cases, payment approvals and seller approvals with a
//! bounded number of requests in flight to Dintero, shared by everyone using the queue at once.
//!
//! Per merchant: the merchant token first (one exchange, then cached by the client), then the three
//! lists at once. Every request waits for a permit of one semaphore, which is fair (first come,
//! first served), so the queue's batches finish roughly in the order they are shown. A merchant
//! that fails is reported in the batch's failures, with Dintero's status; the rest goes on. Reads
//! are retried by the Dintero client (429 and 5xx), so a failure here is one that stayed.
//!
//! A page asks for the merchant list and for each of its slices at once, and every slice needs the
//! list: a person's merchant list for a search is shared ([`Recent`]) for [`LIST_KEPT`] after it was
//! asked for, so one page view reads it once (a failed read is not kept).

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use futures_util::future::join_all;
use tokio::sync::Semaphore;

use super::gathering::slice;
use super::listing::read_merchants;
use super::queue_item::{Batch, Failure, Kind, MerchantList, QueueItem};
use super::recent::Recent;
use crate::auth::session::UserSession;
use crate::dintero::approvals::{CaseStatus, Link, PaymentApproval, SellerApproval, SellerApprovalQuery};
use crate::dintero::cdd::{CddCase, CddCaseQuery};
use crate::dintero::{DinteroClient, DinteroError};
use crate::error::AppError;
use crate::secret::Secret;
use crate::validate::AccountId;

/// How long a person's merchant list is shared after it was asked for.
pub const LIST_KEPT: Duration = Duration::from_secs(15);

#[derive(Clone)]
pub struct Gatherer {
    permits: Arc<Semaphore>,
    concurrency: usize,
    lists: Arc<Recent<MerchantList, AppError>>,
}

impl std::fmt::Debug for Gatherer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gatherer")
            .field("concurrency", &self.concurrency)
            .finish()
    }
}

impl Gatherer {
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

    /// What the `index`-th slice of `person`'s merchants (matching `search`) has waiting.
    pub async fn slice(
        &self,
        dintero: &DinteroClient,
        person: &UserSession,
        search: &str,
        index: usize,
    ) -> Result<Batch, AppError> {
        let list = self.merchants(dintero, person, search).await?;
        let aids: Vec<String> = slice(&list.merchants, index)
            .iter()
            .map(|m| m.account_id.clone())
            .collect();
        let with_cdd = super::queue_item::reads_cdd(&person.scopes);
        Ok(self.batch(dintero, &person.access_token, &aids, with_cdd).await)
    }

    pub fn concurrency(&self) -> usize {
        self.concurrency
    }

    /// Runs `request` when a permit is free.
    /// `request`, once a permit of the shared semaphore is had.
    pub async fn limited<T>(&self, request: impl Future<Output = T>) -> T {
        // The semaphore is never closed, so acquiring cannot fail.
        let _permit = self
            .permits
            .acquire()
            .await
            .expect("the review semaphore is never closed");
        request.await
    }

    /// Everything `aids` have, every status (CDD cases only `with_cdd`), and which of them could not
    /// be read.
    pub async fn batch(&self, dintero: &DinteroClient, person: &Secret, aids: &[String], with_cdd: bool) -> Batch {
        let merchants = join_all(aids.iter().map(|aid| self.merchant(dintero, person, aid, with_cdd))).await;
        let mut batch = Batch::default();
        for (items, failures) in merchants {
            batch.items.extend(items);
            batch.failures.extend(failures);
        }
        batch
    }

    async fn merchant(
        &self,
        dintero: &DinteroClient,
        person: &Secret,
        aid: &str,
        with_cdd: bool,
    ) -> (Vec<QueueItem>, Vec<Failure>) {
        let failure = |kind: Option<Kind>, error: DinteroError| Failure {
            account_id: aid.to_owned(),
            kind,
            status: error.status(),
            error: error.into(),
        };
        let Ok(id) = AccountId::parse(aid) else {
            let error = AppError::NotFound;
            let failure = Failure {
                account_id: aid.to_owned(),
                kind: None,
                status: None,
                error,
            };
            return (Vec::new(), vec![failure]);
        };
        if let Err(error) = self.limited(dintero.merchant_token(person, &id)).await {
            return (Vec::new(), vec![failure(None, error)]);
        }
        // Archived seller approvals are listed only when asked for, so ask for every status.
        let every_status = SellerApprovalQuery {
            payout_destination_id: None,
            case_status: CaseStatus::KNOWN.to_vec(),
        };
        let every_case = CddCaseQuery::default();
        let (cases, payments, sellers) = tokio::join!(
            async {
                if with_cdd {
                    self.limited(dintero.cdd_cases(person, &id, &every_case)).await
                } else {
                    Ok(Vec::new())
                }
            },
            self.limited(dintero.payment_approvals(person, &id, &[])),
            self.limited(dintero.seller_approvals(person, &id, &every_status)),
        );
        let mut items = Vec::new();
        let mut failures = Vec::new();
        match cases {
            Ok(cases) => items.extend(cases.iter().filter_map(|c| cdd_item(aid, c))),
            Err(error) => failures.push(failure(Some(Kind::Cdd), error)),
        }
        match payments {
            Ok(payments) => items.extend(payments.iter().filter_map(|p| payment_item(aid, p))),
            Err(error) => failures.push(failure(Some(Kind::Payment), error)),
        }
        match sellers {
            Ok(sellers) => items.extend(sellers.iter().filter_map(|s| seller_item(aid, s))),
            Err(error) => failures.push(failure(Some(Kind::Seller), error)),
        }
        (items, failures)
    }
}

fn links_of(links: &[Link]) -> Vec<(String, String)> {
    links
        .iter()
        .map(|l| (l.rel.as_str().to_owned(), l.href.clone()))
        .collect()
}

/// A case without any status yet is not in the queue (there is nothing to act on).
fn cdd_item(aid: &str, case: &CddCase) -> Option<QueueItem> {
    let status = case.status()?.clone();
    let last_event = case.events.iter().rev().find_map(|e| e.created_at.clone());
    let mut links = Vec::new();
    if let Some(url) = case
        .events
        .iter()
        .find_map(|e| e.created.as_ref()?.contract_url.clone())
    {
        links.push(("contract_url".to_owned(), url));
    }
    let about = case.case_for.as_ref().and_then(|f| {
        f.payout_destination_name
            .clone()
            .or_else(|| f.payout_destination_id.clone())
    });
    let products: Vec<&str> = case.products.iter().map(|p| p.as_str()).collect();
    Some(QueueItem {
        account_id: aid.to_owned(),
        kind: Kind::Cdd,
        id: case.id.clone(),
        title: about.unwrap_or_else(|| products.join(", ")),
        status,
        created_at: case.created_at.clone(),
        updated_at: last_event.or_else(|| case.updated_at.clone()),
        links,
    })
}

fn payment_item(aid: &str, approval: &PaymentApproval) -> Option<QueueItem> {
    let methods: Vec<&str> = approval
        .payment_methods
        .iter()
        .map(|m| m.payment_method.as_str())
        .collect();
    Some(QueueItem {
        account_id: aid.to_owned(),
        kind: Kind::Payment,
        id: approval.id.clone(),
        title: methods.join(", "),
        status: approval.case_status.clone()?,
        created_at: approval.created_at.clone(),
        updated_at: approval.updated_at.clone(),
        links: links_of(&approval.links),
    })
}

fn seller_item(aid: &str, approval: &SellerApproval) -> Option<QueueItem> {
    Some(QueueItem {
        account_id: aid.to_owned(),
        kind: Kind::Seller,
        id: approval.id.clone(),
        title: approval
            .payout_destination_name
            .clone()
            .unwrap_or_else(|| approval.payout_destination_id.clone()),
        status: approval.case_status.clone()?,
        created_at: approval.created_at.clone(),
        updated_at: approval.updated_at.clone(),
        links: links_of(&approval.links),
    })
}
