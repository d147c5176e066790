//! One export's run, as a tokio task: pages through Dintero's merchant list (limit 100, by cursor)
//! and hands each page's rows to the sink's blocking thread through a queue of [`QUEUE`] pages, so
//! reading waits when writing lags and at most a few pages are held at once. The file is written
//! as `<id>.<ext>.part` and renamed only when every row read was written: a failed export leaves no
//! file, never a short one.

use std::time::Duration;

use chrono::Utc;
use tokio::sync::mpsc;

use super::jobs::Job;
use super::sink::{self, Columns, Written};
use super::status::ExportState;
use crate::dintero::accounts::{Account, CursorPage};
use crate::error::AppError;
use crate::features::merchants::merchant_view::MerchantRow;

/// Merchants asked for per page (Dintero's most).
const PAGE_SIZE: u32 = 100;
/// Pages waiting between reading and writing.
const QUEUE: usize = 2;
/// Waits before asking Dintero again for a page it failed to give (429, 5xx, timeouts), after the
/// client's own quick retries gave up; then the export fails.
const RETRY_WAITS: [Duration; 3] = [Duration::from_secs(1), Duration::from_secs(2), Duration::from_secs(4)];

/// Why reading stopped early.
enum Stop {
    Dintero(AppError),
    /// The sink stopped taking rows (its own error says why).
    SinkGone,
}

/// Runs `job` (registered by [`super::ExportJobs::register`]) in the background; answers its id.
pub(super) fn spawn(job: Job) -> String {
    let id = job.id.clone();
    tokio::spawn(run(job));
    id
}

/// Runs `job` to the end and records how it ended.
pub(super) async fn run(job: Job) {
    let part = job.path.with_extension(format!("{}.part", job.format.as_str()));
    let (sender, receiver) = mpsc::channel::<Vec<MerchantRow>>(QUEUE);
    let writer = {
        let (jobs, id, part) = (job.jobs.clone(), job.id.clone(), part.clone());
        let (format, columns, tempdir) = (job.format, Columns::new(job.locale), jobs.dir().to_owned());
        tokio::task::spawn_blocking(move || {
            sink::write(format, &part, &tempdir, &columns, receiver, |rows| {
                jobs.update(&id, |p| p.rows = rows)
            })
        })
    };
    let read = read_pages(&job, sender).await;
    let written = match writer.await {
        Ok(Ok(written)) => Ok(written),
        Ok(Err(error)) => {
            tracing::error!(export = %job.id, %error, "portfolio export: writing failed");
            Err(AppError::Internal)
        }
        Err(error) => {
            tracing::error!(export = %job.id, %error, "portfolio export: the writer stopped");
            Err(AppError::Internal)
        }
    };
    let outcome = match (read, written) {
        // A writer that failed explains why reading stopped too.
        (_, Err(error)) => Err(error),
        (Err(Stop::Dintero(error)), Ok(_)) => Err(error),
        (Err(Stop::SinkGone), Ok(_)) => {
            tracing::error!(export = %job.id, "portfolio export: the writer ended early");
            Err(AppError::Internal)
        }
        (Ok(read), Ok(written)) if read == written.rows => tokio::fs::rename(&part, &job.path)
            .await
            .map(|()| written)
            .map_err(|error| {
                tracing::error!(export = %job.id, %error, "portfolio export: could not keep the file");
                AppError::Internal
            }),
        (Ok(read), Ok(written)) => {
            tracing::error!(export = %job.id, read, written = written.rows, "portfolio export: rows lost");
            Err(AppError::Internal)
        }
    };
    finish(&job, outcome, &part).await;
}

/// Reads every page and queues its rows; answers how many rows were queued.
async fn read_pages(job: &Job, sender: mpsc::Sender<Vec<MerchantRow>>) -> Result<u64, Stop> {
    let mut query = job.query.to_accounts_query();
    query.limit = Some(PAGE_SIZE);
    query.starting_after = None;
    let mut rows = 0;
    loop {
        let page = page(job, &query).await.map_err(Stop::Dintero)?;
        let batch: Vec<MerchantRow> = page.items.iter().map(MerchantRow::from).collect();
        rows += batch.len() as u64;
        drop(page.items);
        sender.send(batch).await.map_err(|_| Stop::SinkGone)?;
        job.jobs.update(&job.id, |p| p.pages += 1);
        match page.next {
            Some(next) => query.starting_after = Some(next),
            None => return Ok(rows),
        }
    }
}

/// One page, asked for again after [`RETRY_WAITS`] when Dintero fails in a way that may pass.
async fn page(job: &Job, query: &crate::dintero::accounts::AccountsQuery) -> Result<CursorPage<Account>, AppError> {
    let mut waits = RETRY_WAITS.iter();
    loop {
        let error = match job.dintero.list_accounts(&job.token, query).await {
            Ok(page) => return Ok(page),
            Err(error) => AppError::from(error),
        };
        let passing = matches!(error, AppError::Unavailable | AppError::Upstream { status: 429, .. });
        match waits.next() {
            Some(wait) if passing => {
                tracing::warn!(export = %job.id, wait_ms = wait.as_millis() as u64, "portfolio export: retrying a page");
                job.jobs.update(&job.id, |p| p.retries += 1);
                tokio::time::sleep(*wait).await;
            }
            _ => return Err(error),
        }
    }
}

/// Records the end: done with the file's size, or failed with why (and no file).
async fn finish(job: &Job, outcome: Result<Written, AppError>, part: &std::path::Path) {
    let finished_at = Some(Utc::now().to_rfc3339());
    match outcome {
        Ok(written) => {
            tracing::info!(export = %job.id, rows = written.rows, bytes = written.bytes, "portfolio export done");
            job.jobs.update(&job.id, |p| {
                p.state = ExportState::Done;
                p.rows = written.rows;
                p.bytes = written.bytes;
                p.finished_at = finished_at;
            });
        }
        Err(error) => {
            tracing::warn!(export = %job.id, %error, "portfolio export failed");
            let _ = tokio::fs::remove_file(part).await;
            job.jobs.update(&job.id, |p| {
                p.state = ExportState::Failed;
                p.error = Some(error);
                p.finished_at = finished_at;
            });
        }
    }
}
