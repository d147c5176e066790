//! How far a bulk ZIP of settlement files has come, told to the page that asked for it.
//!
//! The ZIP itself is streamed by the server crate (`server/src/downloads/settlement_zip.rs`) straight to the
//! browser's download. The page gives the download a random `progress` id; while the ZIP is built,
//! the server notes each file in [`ZipBoard`] (shared in `AppState`) under the person and that id, and the
//! page (with JavaScript) asks [`super::read::settlement_zip_progress`] every ~0.7 s. Without JavaScript the
//! browser's own download bar shows the progress.

use serde::{Deserialize, Serialize};

/// One bulk ZIP's progress.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZipProgress {
    /// Files to put in the ZIP (known once the settlements are listed).
    pub files_total: u32,
    /// Files written whole.
    pub files_done: u32,
    /// Files that could not be fetched (listed in the manifest).
    pub files_failed: u32,
    /// Bytes of the ZIP sent so far.
    pub bytes: u64,
    /// The ZIP ended: with its manifest and directory, or broken off (`broken`).
    pub finished: bool,
    /// The ZIP was broken off (the browser's download failed): why.
    pub broken: Option<String>,
}

/// Whether `token` is a progress id the page made: 1–64 letters, digits or `-`.
pub fn is_token(token: &str) -> bool {
    (1..=64).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// A new random progress id, made by the server when it renders the page.
#[cfg(feature = "ssr")]
pub fn new_token() -> String {
    format!("{:032x}", rand::random::<u128>())
}

#[cfg(feature = "ssr")]
pub use board::ZipBoard;

#[cfg(feature = "ssr")]
mod board {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    use super::ZipProgress;

    /// How long a finished ZIP's progress is kept for the page to read.
    const KEPT: Duration = Duration::from_secs(15 * 60);
    /// At most this many progress entries (oldest dropped first).
    const MAX_ENTRIES: usize = 10_000;

    /// A person's e-mail and the page's progress id.
    type Key = (String, String);

    /// The bulk ZIPs' progress, per person and progress id, with when it was last noted.
    #[derive(Debug, Clone, Default)]
    pub struct ZipBoard {
        entries: Arc<Mutex<HashMap<Key, (Instant, ZipProgress)>>>,
    }

    impl ZipBoard {
        /// Notes `progress` for `person`'s ZIP `token`.
        pub fn set(&self, person: &str, token: &str, progress: ZipProgress) {
            let Ok(mut entries) = self.entries.lock() else {
                return;
            };
            let now = Instant::now();
            entries.retain(|_, (at, _)| now.duration_since(*at) < KEPT);
            if entries.len() >= MAX_ENTRIES {
                if let Some(oldest) = entries.iter().min_by_key(|(_, (at, _))| *at).map(|(k, _)| k.clone()) {
                    entries.remove(&oldest);
                }
            }
            entries.insert((person.to_owned(), token.to_owned()), (now, progress));
        }

        /// `person`'s ZIP `token`, if it started; nobody else's.
        pub fn get(&self, person: &str, token: &str) -> Option<ZipProgress> {
            let entries = self.entries.lock().ok()?;
            entries
                .get(&(person.to_owned(), token.to_owned()))
                .map(|(_, progress)| progress.clone())
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn a_person_reads_only_their_own_progress() {
            let board = ZipBoard::default();
            let progress = ZipProgress {
                files_total: 3,
                files_done: 1,
                ..ZipProgress::default()
            };
            board.set("a@example.com", "t1", progress.clone());
            assert_eq!(board.get("a@example.com", "t1"), Some(progress));
            assert_eq!(board.get("b@example.com", "t1"), None);
            assert_eq!(board.get("a@example.com", "t2"), None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_ids_are_short_and_plain() {
        assert!(is_token("0123abcdef"));
        assert!(is_token("a-b"));
        assert!(!is_token(""));
        assert!(!is_token("a/b"));
        assert!(!is_token(&"a".repeat(65)));
    }
}
