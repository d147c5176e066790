//! [`ExportJobs`]: the exports this process runs and has made, kept in memory (a restart forgets
//! them and removes their files) and each visible only to the person who started it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Duration, Utc};
use rand::Rng;

use super::status::{ExportFormat, ExportProgress, ExportState};
use crate::auth::session::UserSession;
use crate::dintero::DinteroClient;
use crate::error::AppError;
use crate::features::merchants::portfolio_query::PortfolioQuery;
use crate::i18n::{key, Locale};
use crate::secret::Secret;

/// Everything one export needs.
pub(super) struct Job {
    pub jobs: ExportJobs,
    pub id: String,
    pub path: PathBuf,
    pub format: ExportFormat,
    pub locale: Locale,
    pub query: PortfolioQuery,
    /// The person's Dintero token at the start (kept only in memory).
    pub token: Secret,
    pub dintero: DinteroClient,
}

/// A finished export (and its file) is kept this long.
const KEEP: Duration = Duration::hours(24);
/// Exports one person may have running at once.
const RUNNING_PER_PERSON: usize = 2;
/// Exports kept per person; the oldest finished ones go first.
const KEPT_PER_PERSON: usize = 20;

/// The registry, shared through `AppState`; cheap to clone.
#[derive(Clone)]
pub struct ExportJobs {
    inner: Arc<Inner>,
}

struct Inner {
    dir: PathBuf,
    jobs: Mutex<HashMap<String, Entry>>,
}

struct Entry {
    /// Who started it: the person's e-mail, lower-case.
    owner: String,
    progress: ExportProgress,
    started: DateTime<Utc>,
}

/// A finished export's file, for the download.
#[derive(Debug, Clone)]
pub struct ExportFile {
    pub path: PathBuf,
    pub file_name: String,
    pub format: ExportFormat,
    pub bytes: u64,
}

impl std::fmt::Debug for ExportJobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportJobs")
            .field("dir", &self.inner.dir)
            .finish_non_exhaustive()
    }
}

impl ExportJobs {
    /// Keeps export files in `dir` (created if missing); files left there by an earlier run, which
    /// no one can reach any more, are removed.
    pub fn new(dir: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_file() {
                std::fs::remove_file(&path)?;
            }
        }
        Ok(Self {
            inner: Arc::new(Inner {
                dir: dir.to_owned(),
                jobs: Mutex::new(HashMap::new()),
            }),
        })
    }

    /// Registers an export of every merchant matching `query` for `user` (refused when the person
    /// already runs as many as they may); the job to run (`runner::spawn`).
    pub(super) fn register(
        &self,
        user: &UserSession,
        query: &PortfolioQuery,
        format: ExportFormat,
        locale: Locale,
        dintero: DinteroClient,
    ) -> Result<Job, AppError> {
        let owner = owner(user);
        let id = new_id();
        let now = Utc::now();
        let progress = ExportProgress {
            id: id.clone(),
            format,
            state: ExportState::Running,
            rows: 0,
            pages: 0,
            retries: 0,
            bytes: 0,
            started_at: now.to_rfc3339(),
            finished_at: None,
            error: None,
            view_href: query.first_page_href(),
            file_name: format!("merchants-{}.{}", now.format("%Y-%m-%d-%H%M"), format.as_str()),
        };
        {
            let mut jobs = self.lock();
            self.prune(&mut jobs, &owner, now);
            let running = jobs
                .values()
                .filter(|e| e.owner == owner && e.progress.is_running())
                .count();
            if running >= RUNNING_PER_PERSON {
                return Err(AppError::invalid("format", key!("export.error.busy")));
            }
            jobs.insert(
                id.clone(),
                Entry {
                    owner,
                    progress,
                    started: now,
                },
            );
        }
        let job = Job {
            jobs: self.clone(),
            id: id.clone(),
            path: self.path(&id, format),
            format,
            locale,
            query: query.clone(),
            token: user.access_token.clone(),
            dintero,
        };
        tracing::info!(export = %id, format = format.as_str(), "portfolio export started");
        Ok(job)
    }

    /// The export `id` if `user` started it.
    pub fn progress(&self, id: &str, user: &UserSession) -> Option<ExportProgress> {
        let owner = owner(user);
        self.lock()
            .get(id)
            .filter(|e| e.owner == owner)
            .map(|e| e.progress.clone())
    }

    /// The file of export `id` if `user` started it and it is complete.
    pub fn file(&self, id: &str, user: &UserSession) -> Result<ExportFile, AppError> {
        let progress = self.progress(id, user).ok_or(AppError::NotFound)?;
        match progress.state {
            ExportState::Done => Ok(ExportFile {
                path: self.path(id, progress.format),
                file_name: progress.file_name,
                format: progress.format,
                bytes: progress.bytes,
            }),
            ExportState::Running => Err(AppError::invalid("export", key!("export.error.not_ready"))),
            ExportState::Failed => Err(AppError::invalid("export", key!("export.error.failed"))),
        }
    }

    /// Changes export `id`'s progress (from the runner).
    pub(super) fn update(&self, id: &str, change: impl FnOnce(&mut ExportProgress)) {
        if let Some(entry) = self.lock().get_mut(id) {
            change(&mut entry.progress);
        }
    }

    /// Where export `id`'s file is written.
    fn path(&self, id: &str, format: ExportFormat) -> PathBuf {
        self.inner.dir.join(format!("{id}.{}", format.as_str()))
    }

    pub(super) fn dir(&self) -> &Path {
        &self.inner.dir
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, Entry>> {
        self.inner.jobs.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Forgets finished exports older than [`KEEP`], and `owner`'s oldest finished ones beyond
    /// [`KEPT_PER_PERSON`], removing their files.
    fn prune(&self, jobs: &mut HashMap<String, Entry>, owner: &str, now: DateTime<Utc>) {
        let mut mine: Vec<(DateTime<Utc>, String)> = jobs
            .iter()
            .filter(|(_, e)| e.owner == owner && !e.progress.is_running())
            .map(|(id, e)| (e.started, id.clone()))
            .collect();
        mine.sort();
        let excess = (mine.len() + 1).saturating_sub(KEPT_PER_PERSON);
        let mut gone: Vec<String> = mine.into_iter().take(excess).map(|(_, id)| id).collect();
        gone.extend(
            jobs.iter()
                .filter(|(_, e)| !e.progress.is_running() && now - e.started > KEEP)
                .map(|(id, _)| id.clone()),
        );
        for id in gone {
            if let Some(entry) = jobs.remove(&id) {
                let _ = std::fs::remove_file(self.path(&id, entry.progress.format));
            }
        }
    }
}

/// Whose an export is.
fn owner(user: &UserSession) -> String {
    user.email.trim().to_lowercase()
}

/// 128 random bits as hex: not guessable, safe in a path and a URL.
fn new_id() -> String {
    let bits: u128 = rand::rng().random();
    format!("{bits:032x}")
}
