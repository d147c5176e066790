//! The onboarding queue's gathering: each merchant's CDD cases, payment approvals and seller
//! approvals, read with the bounded number of requests in flight of the shared
//! [`PortfolioScan`], by everyone using the queue at once.
//!
//! Per merchant: the merchant token first (one exchange, then cached by the client), then the three
//! lists at once, each waiting for a permit of the scan's semaphore. A merchant that fails is
//! reported in the batch's failures, with Dintero's status; the rest goes on. Reads are retried by
//! the Dintero client (429 and 5xx), so a failure here is one that stayed.

use futures_util::future::join_all;

use super::queue_item::{Batch, Failure, Kind, QueueItem};
use super::slices::slice as slice_of;
use crate::auth::session::UserSession;
use crate::dintero::approvals::{CaseStatus, Link, PaymentApproval, SellerApproval, SellerApprovalQuery};
use crate::dintero::cdd::{CddCase, CddCaseQuery};
use crate::dintero::{DinteroClient, DinteroError};
use crate::error::AppError;
use crate::portfolio_scan::PortfolioScan;
use crate::secret::Secret;
use crate::validate::AccountId;

/// What the `index`-th slice of `person`'s merchants (matching `search`) has waiting.
pub async fn slice(
    scan: &PortfolioScan,
    dintero: &DinteroClient,
    person: &UserSession,
    search: &str,
    index: usize,
) -> Result<Batch, AppError> {
    let list = scan.merchants(dintero, person, search).await?;
    let aids: Vec<String> = slice_of(&list.merchants, index)
        .iter()
        .map(|m| m.account_id.clone())
        .collect();
    let with_cdd = super::queue_item::reads_cdd(&person.scopes);
    Ok(batch(scan, dintero, &person.access_token, &aids, with_cdd).await)
}

/// Everything `aids` have, every status (CDD cases only `with_cdd`), and which of them could not
/// be read.
pub async fn batch(
    scan: &PortfolioScan,
    dintero: &DinteroClient,
    person: &Secret,
    aids: &[String],
    with_cdd: bool,
) -> Batch {
    let merchants = join_all(aids.iter().map(|aid| merchant(scan, dintero, person, aid, with_cdd))).await;
    let mut batch = Batch::default();
    for (items, failures) in merchants {
        batch.items.extend(items);
        batch.failures.extend(failures);
    }
    batch
}

async fn merchant(
    scan: &PortfolioScan,
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
    if let Err(error) = scan.limited(dintero.merchant_token(person, &id)).await {
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
                scan.limited(dintero.cdd_cases(person, &id, &every_case)).await
            } else {
                Ok(Vec::new())
            }
        },
        scan.limited(dintero.payment_approvals(person, &id, &[])),
        scan.limited(dintero.seller_approvals(person, &id, &every_status)),
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
