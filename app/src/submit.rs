//! Submit-once for every write form: the page gives the form a random `submission` id
//! ([`new_submission`]), and [`first_time`] lets only the first request with that id (per person)
//! through to Dintero. A second one (a double click without JavaScript, a reload of the post)
//! waits for the first and lands where it landed; after a failure the id is free again, so the
//! corrected form can be sent. A write's server function is then one shape:
//!
//! ```ignore
//! let Some(sending) = first_time(&user.email, "create_x", &submission).await? else {
//!     return Ok(()); // sent before: redirected to where that went
//! };
//! let created = audited(&user, AuditAction::X, Some(&aid), summary, dintero_call).await?;
//! sending.done(&format!("/accounts/{aid}/x/{}", created.id)); // remembered, and redirected
//! Ok(())
//! ```

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use crate::error::AppError;
use crate::i18n::key;

/// How long a finished submission is remembered.
const REMEMBER: Duration = Duration::from_secs(3600);
/// How long a second request waits for the first.
const WAIT: Duration = Duration::from_secs(30);

enum Sent {
    InFlight,
    /// Where the first request went afterwards, and when it finished.
    Done(String, Instant),
}

static SENT: LazyLock<Mutex<HashMap<String, Sent>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// A fresh submission id for a form.
pub fn new_submission() -> String {
    format!("{:032x}", rand::random::<u128>())
}

/// What to do with a request.
pub enum Claim {
    /// Send it; then [`Guard::finish`].
    First(Guard),
    /// Already sent and accepted: go where the first went.
    Done(String),
}

/// The claim of a submission being sent; dropped unfinished, the submission is free again.
pub struct Guard {
    key: String,
    finished: bool,
}

impl Guard {
    /// The write was accepted: remembers that it led to `to`, and redirects there.
    pub fn done(self, to: &str) {
        self.finish(to);
        crate::url::redirect(to);
    }

    /// Remembers that the submission was accepted and led to `to`.
    pub fn finish(mut self, to: &str) {
        if let Ok(mut sent) = SENT.lock() {
            sent.insert(self.key.clone(), Sent::Done(to.to_owned(), Instant::now()));
        }
        self.finished = true;
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if !self.finished {
            if let Ok(mut sent) = SENT.lock() {
                sent.remove(&self.key);
            }
        }
    }
}

/// Claims `submission` of `form` for `person`; waits while another request holds it.
pub async fn claim(person: &str, form: &str, submission: &str) -> Result<Claim, AppError> {
    let submission = submission.trim();
    if submission.is_empty() || submission.len() > 64 || !submission.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(AppError::invalid("submission", key!("common.error.submission")));
    }
    let key = format!("{person}\n{form}\n{submission}");
    let started = Instant::now();
    loop {
        {
            let mut sent = SENT.lock().map_err(|_| AppError::Internal)?;
            sent.retain(|_, s| !matches!(s, Sent::Done(_, at) if at.elapsed() > REMEMBER));
            match sent.get(&key) {
                None => {
                    sent.insert(key.clone(), Sent::InFlight);
                    return Ok(Claim::First(Guard { key, finished: false }));
                }
                Some(Sent::Done(to, _)) => return Ok(Claim::Done(to.clone())),
                Some(Sent::InFlight) => {}
            }
        }
        if started.elapsed() > WAIT {
            return Err(AppError::invalid("submission", key!("common.error.in_flight")));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// [`claim`] for a server function: `Some` to send the write, then [`Guard::done`]; `None` when it
/// was sent and accepted before, after redirecting to where that went.
pub async fn first_time(person: &str, form: &str, submission: &str) -> Result<Option<Guard>, AppError> {
    match claim(person, form, submission).await? {
        Claim::First(guard) => Ok(Some(guard)),
        Claim::Done(to) => {
            crate::url::redirect(&to);
            Ok(None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_submission_goes_through_once_and_again_after_a_failure() {
        let id = new_submission();
        let Claim::First(guard) = claim("kari@x.no", "form", &id).await.unwrap() else {
            panic!("the first claim sends")
        };
        drop(guard);
        let Claim::First(guard) = claim("kari@x.no", "form", &id).await.unwrap() else {
            panic!("after a failure the id is free")
        };
        let second = tokio::spawn({
            let id = id.clone();
            async move { claim("kari@x.no", "form", &id).await }
        });
        tokio::time::sleep(Duration::from_millis(150)).await;
        guard.finish("/done");
        match second.await.unwrap().unwrap() {
            Claim::Done(to) => assert_eq!(to, "/done"),
            Claim::First(_) => panic!("the second waits for the first"),
        }
        assert!(matches!(claim("ola@x.no", "form", &id).await.unwrap(), Claim::First(_)));
        assert!(claim("kari@x.no", "form", "").await.is_err());
    }
}
