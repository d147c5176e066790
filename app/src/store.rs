//! The app's own store: one SQLite file, `BACKOFFICE_DATA/backoffice.db`, for what Dintero does not
//! keep: the audit log, people's saved portfolio views, onboarding drafts, and each person's language. Schema changes are numbered migrations, tracked in
//! SQLite's `user_version`.

use std::path::Path;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};

/// Each migration's statements, in order; never edit one that has shipped, add the next.
const MIGRATIONS: &[&[&str]] = &[
    &[
        "CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        user_id TEXT,
        email TEXT NOT NULL,
        partner_id TEXT NOT NULL,
        account_id TEXT,
        action TEXT NOT NULL,
        summary TEXT NOT NULL,
        status INTEGER,
        request_id TEXT
    )",
        "CREATE INDEX audit_log_account ON audit_log (account_id, id)",
        "CREATE INDEX audit_log_email ON audit_log (email, id)",
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    ],
    &[
        "CREATE TABLE saved_views (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            owner TEXT NOT NULL,
            name TEXT NOT NULL,
            query TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (owner, name)
        )",
        "CREATE TABLE onboarding_drafts (
            owner TEXT PRIMARY KEY,
            fields TEXT NOT NULL,
            state TEXT NOT NULL,
            account_id TEXT,
            updated_at TEXT NOT NULL
        )",
    ],
    &["CREATE TABLE preferences (
            email TEXT PRIMARY KEY,
            locale TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"],
];

#[derive(Debug, Clone)]
pub struct Store {
    pool: SqlitePool,
}

impl Store {
    /// Opens (creating if need be) the store at `path` and brings its schema up to date.
    pub async fn open(path: &Path) -> Result<Self, sqlx::Error> {
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .busy_timeout(std::time::Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        migrate(&pool).await?;
        Ok(Self { pool })
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

async fn migrate(pool: &SqlitePool) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    let version: i64 = sqlx::query_scalar("PRAGMA user_version").fetch_one(&mut *tx).await?;
    for (number, statements) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
        for statement in *statements {
            sqlx::query(statement).execute(&mut *tx).await?;
        }
        sqlx::query(&format!("PRAGMA user_version = {}", number + 1))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}
