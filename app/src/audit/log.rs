//! The audit log's table (see [`crate::store`]): append one entry, read newest first.

use chrono::{DateTime, Duration, Utc};
use sqlx::Row;

use super::{ActivityFilter, AuditAction, AuditEntry};
use crate::format::local_day_start;
use crate::store::Store;

/// An entry to append; the store gives it its id.
#[derive(Debug, Clone)]
pub struct NewEntry {
    pub at: DateTime<Utc>,
    pub user_id: Option<String>,
    pub email: String,
    pub partner_id: String,
    pub account_id: Option<String>,
    pub action: AuditAction,
    pub summary: String,
    pub status: Option<u16>,
    pub request_id: Option<String>,
}

/// Times are stored as fixed-width UTC text, so they sort and compare as strings.
fn stored(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// Appends `entry`; returns its id.
pub async fn append(store: &Store, entry: NewEntry) -> Result<i64, sqlx::Error> {
    let result = sqlx::query(
        "INSERT INTO audit_log (at, user_id, email, partner_id, account_id, action, summary, status, request_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(stored(entry.at))
    .bind(entry.user_id)
    .bind(entry.email)
    .bind(entry.partner_id)
    .bind(entry.account_id)
    .bind(entry.action.as_str())
    .bind(entry.summary)
    .bind(entry.status.map(i64::from))
    .bind(entry.request_id)
    .execute(store.pool())
    .await?;
    Ok(result.last_insert_rowid())
}

/// Up to `limit` entries matching `filter`, newest first, older than the entry `before` if given.
pub async fn entries(
    store: &Store,
    filter: &ActivityFilter,
    before: Option<i64>,
    limit: u32,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let from = filter.from.map(|d| stored(local_day_start(d)));
    let to = filter.to.map(|d| stored(local_day_start(d + Duration::days(1))));
    let rows = sqlx::query(
        "SELECT id, at, user_id, email, partner_id, account_id, action, summary, status, request_id
         FROM audit_log
         WHERE (?1 IS NULL OR instr(lower(email), lower(?1)) > 0)
           AND (?2 IS NULL OR account_id = ?2)
           AND (?3 IS NULL OR action = ?3)
           AND (?4 IS NULL OR at >= ?4)
           AND (?5 IS NULL OR at < ?5)
           AND (?6 IS NULL OR id < ?6)
         ORDER BY id DESC
         LIMIT ?7",
    )
    .bind(filter.person.as_deref().filter(|s| !s.is_empty()))
    .bind(filter.merchant.as_deref().filter(|s| !s.is_empty()))
    .bind(filter.action.as_deref().filter(|s| !s.is_empty()))
    .bind(from)
    .bind(to)
    .bind(before)
    .bind(i64::from(limit))
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(entry).collect()
}

fn entry(row: &sqlx::sqlite::SqliteRow) -> Result<AuditEntry, sqlx::Error> {
    let at: String = row.try_get("at")?;
    Ok(AuditEntry {
        id: row.try_get("id")?,
        at: DateTime::parse_from_rfc3339(&at)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
        user_id: row.try_get("user_id")?,
        email: row.try_get("email")?,
        partner_id: row.try_get("partner_id")?,
        account_id: row.try_get("account_id")?,
        action: row.try_get("action")?,
        summary: row.try_get("summary")?,
        status: row
            .try_get::<Option<i64>, _>("status")?
            .and_then(|s| u16::try_from(s).ok()),
        request_id: row.try_get("request_id")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn store() -> (Store, std::path::PathBuf) {
        let dir = std::env::temp_dir().join(format!("audit-{}", rand::random::<u64>()));
        std::fs::create_dir_all(&dir).unwrap();
        (Store::open(&dir.join("backoffice.db")).await.unwrap(), dir)
    }

    fn new_entry(email: &str, account: &str, action: AuditAction, at: &str) -> NewEntry {
        NewEntry {
            at: at.parse().unwrap(),
            user_id: Some("u1".into()),
            email: email.into(),
            partner_id: "T11200000".into(),
            account_id: Some(account.into()),
            action,
            summary: "progression=live".into(),
            status: Some(200),
            request_id: Some("req-1".into()),
        }
    }

    #[tokio::test]
    async fn entries_come_back_newest_first_filtered_and_paged() {
        let (store, _dir) = store().await;
        let a = append(
            &store,
            new_entry(
                "kari@x.no",
                "T11200001",
                AuditAction::AccountUpdate,
                "2026-11-20T22:30:00Z",
            ),
        )
        .await
        .unwrap();
        let b = append(
            &store,
            new_entry(
                "ola@x.no",
                "T11200002",
                AuditAction::AccountComment,
                "2026-11-21T09:00:00Z",
            ),
        )
        .await
        .unwrap();
        let all = entries(&store, &ActivityFilter::default(), None, 10).await.unwrap();
        assert_eq!(all.iter().map(|e| e.id).collect::<Vec<_>>(), [b, a]);
        assert_eq!(all[1].status, Some(200));
        assert_eq!(all[1].at, "2026-11-20T22:30:00Z".parse::<DateTime<Utc>>().unwrap());

        let by = |filter: ActivityFilter| {
            let store = store.clone();
            async move {
                entries(&store, &filter, None, 10)
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|e| e.id)
                    .collect::<Vec<_>>()
            }
        };
        let person = ActivityFilter {
            person: Some("KARI".into()),
            ..Default::default()
        };
        assert_eq!(by(person).await, [a]);
        let merchant = ActivityFilter {
            merchant: Some("T11200002".into()),
            ..Default::default()
        };
        assert_eq!(by(merchant).await, [b]);
        let action = ActivityFilter {
            action: Some("account.update".into()),
            ..Default::default()
        };
        assert_eq!(by(action).await, [a]);
        // 22:30 UTC on the 20th is 23:30 CET: still the 20th in Oslo.
        let day = ActivityFilter {
            from: "2026-11-20".parse().ok(),
            to: "2026-11-20".parse().ok(),
            ..Default::default()
        };
        assert_eq!(by(day).await, [a]);
        assert_eq!(
            entries(&store, &ActivityFilter::default(), Some(b), 10).await.unwrap()[0].id,
            a
        );
    }

    #[tokio::test]
    async fn entries_cannot_be_changed_or_deleted() {
        let (store, _dir) = store().await;
        append(
            &store,
            new_entry(
                "kari@x.no",
                "T11200001",
                AuditAction::AccountDelete,
                "2026-11-21T09:00:00Z",
            ),
        )
        .await
        .unwrap();
        let update = sqlx::query("UPDATE audit_log SET email = 'someone@else'")
            .execute(store.pool())
            .await;
        assert!(update.unwrap_err().to_string().contains("append-only"));
        let delete = sqlx::query("DELETE FROM audit_log").execute(store.pool()).await;
        assert!(delete.unwrap_err().to_string().contains("append-only"));
        assert_eq!(
            entries(&store, &ActivityFilter::default(), None, 10)
                .await
                .unwrap()
                .len(),
            1
        );
    }
}
