//! Receipts of the writes sent to Dintero while a future runs: the status and request id each got,
//! for the audit log, without changing every client method's signature.

use std::cell::RefCell;
use std::future::Future;

/// What Dintero answered to one write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub method: String,
    pub path: String,
    /// `None` when no answer came (timeout, connection failure).
    pub status: Option<u16>,
    pub request_id: Option<String>,
}

tokio::task_local! {
    static RECEIPTS: RefCell<Vec<Receipt>>;
}

/// Runs `future`, collecting a receipt for every write it sends to Dintero, in order.
pub async fn capture<F: Future>(future: F) -> (F::Output, Vec<Receipt>) {
    RECEIPTS
        .scope(RefCell::new(Vec::new()), async {
            let output = future.await;
            let receipts = RECEIPTS.with(|r| r.take());
            (output, receipts)
        })
        .await
}

/// Notes a write's answer; does nothing outside [`capture`].
pub(crate) fn note(receipt: Receipt) {
    let _ = RECEIPTS.try_with(|r| r.borrow_mut().push(receipt));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn receipt(status: u16) -> Receipt {
        Receipt {
            method: "POST".into(),
            path: "/v1/x".into(),
            status: Some(status),
            request_id: None,
        }
    }

    #[tokio::test]
    async fn receipts_are_collected_inside_capture_only() {
        note(receipt(500));
        let ((), receipts) = capture(async {
            note(receipt(201));
            tokio::task::yield_now().await;
            note(receipt(409));
        })
        .await;
        assert_eq!(receipts, [receipt(201), receipt(409)]);
    }
}
