//! `GET /accounts/{aid}/settlements/files.zip`: the files of a merchant's chosen settlements (or of
//! every settlement its filters find) as one ZIP, streamed to the browser while it is built.
//!
//! The query is the settlements page's: its filters, `settlement` (repeated, the ticked ids),
//! `scope=all` for every settlement the filters find (every page, at most [`MAX_SETTLEMENTS`]), and
//! `progress`, the page's id under which [`app::features::settlements::ZipBoard`] tells it how far
//! the ZIP has come.
//!
//! - The settlements are listed first (so a refusal is a clear page, not a broken ZIP), then a task
//!   fetches one file at a time from Dintero and passes its chunks into the ZIP
//!   ([`super::zip_writer`], stored entries with data descriptors) through a small channel: the
//!   server holds a few chunks, never a file, and a slow browser slows the fetching down.
//! - `manifest.csv` comes last, when every file's fate is known: merchant, settlement, provider,
//!   dates, amounts (minor units and currency), the file's name in the ZIP and its size, and a status.
//!   A file Dintero refused, or broke off half-way, is `failed` there with the reason; a broken-off
//!   file's bytes are left out of the ZIP's directory, so nobody unzips a short file.
//! - If the browser goes away, the task stops fetching.

use std::collections::HashSet;

use app::auth::Capability;
use app::dintero::settlements::{Attachment, SettlementItem};
use app::dintero::DinteroError;
use app::features::settlements::settlement_filter::{SettlementFilter, KEYS};
use app::features::settlements::{file_name, ZipBoard, ZipProgress};
use app::i18n::{key, Locale};
use app::state::AppState;
use app::validate::{AccountId, OpaqueId};
use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use futures_util::StreamExt;
use tokio::sync::mpsc;
use tower_sessions::Session;

use super::settlement_files::{refused, Uncompressed};
use super::zip_writer::{dos_date_time, ZipStream};
use super::{allowed, locale};

/// At most this many settlements in one ZIP; more is refused with a message to narrow the filters.
pub const MAX_SETTLEMENTS: usize = 1_000;
/// Settlements asked for per page while listing.
const LIST_PAGE: u32 = 100;
/// Chunks waiting between the fetching task and the browser.
const CHANNEL: usize = 8;

/// What the page asked for.
#[derive(Debug, Default, PartialEq)]
struct ZipRequest {
    filter: SettlementFilter,
    ids: Vec<String>,
    all: bool,
    progress: Option<String>,
}

impl ZipRequest {
    fn parse(query: &str) -> Self {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
        let filter = SettlementFilter::from_pairs(
            pairs
                .iter()
                .filter(|(k, _)| KEYS.contains(&k.as_str()) && !k.starts_with("after_"))
                .map(|(k, v)| (k.as_str(), v.as_str())),
        );
        let mut seen = HashSet::new();
        let ids = pairs
            .iter()
            .filter(|(k, v)| k == "settlement" && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_owned())
            .filter(|v| seen.insert(v.clone()))
            .collect();
        let value = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        Self {
            filter,
            ids,
            all: value("scope").as_deref() == Some("all"),
            progress: value("progress").filter(|t| app::features::settlements::zip_progress::is_token(t)),
        }
    }
}

/// One file to put in the ZIP.
struct Planned {
    settlement: std::sync::Arc<SettlementItem>,
    attachment: Attachment,
    name: String,
}

pub async fn settlement_zip(
    State(state): State<AppState>,
    session: Session,
    Path(aid): Path<String>,
    RawQuery(query): RawQuery,
    headers: axum::http::HeaderMap,
) -> Response {
    let user = match allowed(&state, &session, &headers, Capability::Settlements).await {
        Ok(user) => user,
        Err(refused) => return refused,
    };
    let language = locale(&headers, Some(&user));
    let Ok(aid) = AccountId::parse(&aid) else {
        return refused(language, app::AppError::NotFound);
    };
    let request = ZipRequest::parse(query.as_deref().unwrap_or_default());
    let text = |key: &str| language.text(key).to_owned();
    let plain = |status: StatusCode, message: String| {
        (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], message).into_response()
    };
    let query = match request.filter.check() {
        Ok(query) => query,
        Err(error) => return plain(StatusCode::UNPROCESSABLE_ENTITY, text(error.message_key())),
    };
    if !request.all && request.ids.is_empty() {
        return plain(
            StatusCode::UNPROCESSABLE_ENTITY,
            text(key!("settlements.zip.none_selected")),
        );
    }
    let wanted: HashSet<&str> = request.ids.iter().map(String::as_str).collect();
    let (account, listed) = tokio::join!(
        state.dintero.get_account(&user.access_token, &aid),
        list(
            &state,
            &user.access_token,
            &aid,
            query,
            (!request.all).then_some(&wanted)
        ),
    );
    let settlements = match listed {
        Ok(Some(settlements)) => settlements,
        Ok(None) => return plain(StatusCode::UNPROCESSABLE_ENTITY, text(key!("settlements.zip.too_many"))),
        Err(error) => return refused(language, error.into()),
    };
    let merchant_name = account
        .map(|a| app::features::merchants::merchant_view::MerchantRow::from(&a).name)
        .unwrap_or_else(|_| aid.to_string());
    let chosen: Vec<SettlementItem> = if request.all {
        settlements
    } else {
        // In the order ticked.
        let mut by_id: std::collections::HashMap<String, SettlementItem> =
            settlements.into_iter().map(|s| (s.id.clone(), s)).collect();
        request.ids.iter().filter_map(|id| by_id.remove(id)).collect()
    };
    let found: HashSet<&str> = chosen.iter().map(|s| s.id.as_str()).collect();
    let missing: Vec<String> = request
        .ids
        .iter()
        .filter(|id| !found.contains(id.as_str()))
        .cloned()
        .collect();
    let plan = plan(aid.as_str(), chosen);
    let today = chrono::Utc::now().format("%Y-%m-%d");
    let zip_name = format!("{aid}_settlements_{today}.zip");

    let (tx, rx) = mpsc::channel::<Result<Bytes, std::io::Error>>(CHANNEL);
    let job = Job {
        state: state.clone(),
        token: user.access_token.clone(),
        person: user.email.clone(),
        progress_id: request.progress.clone(),
        aid: aid.clone(),
        merchant_name,
        missing,
        language,
    };
    tokio::spawn(job.run(plan, tx));
    let body = futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|item| (item, rx)) });
    let mut response = Body::from_stream(body).into_response();
    let response_headers = response.headers_mut();
    response_headers.insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/zip"),
    );
    response_headers.insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    if let Ok(value) = header::HeaderValue::from_str(&format!("attachment; filename=\"{zip_name}\"")) {
        response_headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response.extensions_mut().insert(Uncompressed);
    response
}

/// The settlements the filters find, every page; with `wanted`, it stops once all of those are
/// found. `None` when there are more than [`MAX_SETTLEMENTS`].
async fn list(
    state: &AppState,
    token: &app::secret::Secret,
    aid: &AccountId,
    mut query: app::dintero::settlements::SettlementQuery,
    wanted: Option<&HashSet<&str>>,
) -> Result<Option<Vec<SettlementItem>>, DinteroError> {
    query.limit = Some(LIST_PAGE);
    query.starting_after_id = None;
    query.starting_after_date = None;
    let mut found = Vec::new();
    let mut still_wanted = wanted.map(|w| w.len()).unwrap_or(usize::MAX);
    loop {
        let page = state.dintero.settlements(token, aid, &query).await?;
        for item in page.items {
            match wanted {
                Some(wanted) if wanted.contains(item.id.as_str()) => {
                    still_wanted -= 1;
                    found.push(item);
                }
                Some(_) => {}
                None => found.push(item),
            }
        }
        if found.len() > MAX_SETTLEMENTS {
            return Ok(None);
        }
        match page.last_evaluated_key {
            Some(key) if still_wanted > 0 => query = query.after(&key),
            _ => return Ok(Some(found)),
        }
    }
}

fn plan(aid: &str, settlements: Vec<SettlementItem>) -> Vec<Planned> {
    settlements
        .into_iter()
        .flat_map(|item| {
            let item = std::sync::Arc::new(item);
            let provider = item.provider.clone().unwrap_or_default();
            let day = item
                .settled_at
                .as_deref()
                .map(|s| s.get(..10).unwrap_or(s).to_owned())
                .unwrap_or_default();
            item.attachments
                .clone()
                .into_iter()
                .map(|attachment| Planned {
                    name: file_name(aid, &attachment, &provider, &day),
                    settlement: item.clone(),
                    attachment,
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The task that builds one ZIP.
struct Job {
    state: AppState,
    token: app::secret::Secret,
    person: String,
    progress_id: Option<String>,
    aid: AccountId,
    merchant_name: String,
    missing: Vec<String>,
    /// The person's language, for the manifest.
    language: Locale,
}

/// The browser went away: stop.
struct Gone;

impl Job {
    async fn run(self, plan: Vec<Planned>, tx: mpsc::Sender<Result<Bytes, std::io::Error>>) {
        let mut progress = ZipProgress {
            files_total: u32::try_from(plan.len()).unwrap_or(u32::MAX),
            ..ZipProgress::default()
        };
        self.note(&progress);
        let outcome = self.write(plan, &tx, &mut progress).await;
        progress.finished = true;
        if outcome.is_err() {
            tracing::info!("a settlement ZIP stopped: the browser went away");
            progress.broken = Some(self.language.text(key!("settlements.zip.cancelled")).to_owned());
        }
        self.note(&progress);
    }

    async fn write(
        &self,
        plan: Vec<Planned>,
        tx: &mpsc::Sender<Result<Bytes, std::io::Error>>,
        progress: &mut ZipProgress,
    ) -> Result<(), Gone> {
        let (local, _) = app::format::nordic_local(chrono::Utc::now());
        use chrono::{Datelike, Timelike};
        let mut zip = ZipStream::new(dos_date_time(
            local.year() as u16,
            local.month() as u8,
            local.day() as u8,
            local.hour() as u8,
            local.minute() as u8,
            local.second() as u8,
        ));
        let mut manifest = app::csv::BOM.to_owned();
        manifest.push_str(&app::csv::line(&MANIFEST_HEADINGS.map(|key| self.language.text(key))));
        let send = |chunk: Bytes, progress: &mut ZipProgress| {
            progress.bytes += chunk.len() as u64;
            let tx = tx.clone();
            async move { tx.send(Ok(chunk)).await.map_err(|_| Gone) }
        };
        for file in plan {
            let fetched = match (
                OpaqueId::parse(&file.settlement.id),
                OpaqueId::parse(&file.attachment.id),
            ) {
                (Ok(settlement), Ok(attachment)) => {
                    self.state
                        .dintero
                        .settlement_attachment(&self.token, &self.aid, &settlement, &attachment)
                        .await
                }
                _ => Err(DinteroError::Refused("a settlement or attachment id".to_owned())),
            };
            let (name, size, status) = match fetched {
                Err(error) => {
                    tracing::info!(%error, "a settlement file for a ZIP could not be fetched");
                    progress.files_failed += 1;
                    (
                        String::new(),
                        0,
                        self.language.sentence(
                            key!("settlements.manifest.failed", reason),
                            &[("reason", &reason(self.language, &error))],
                        ),
                    )
                }
                Ok(stream) => {
                    let name = zip.unique_name(&file.name);
                    send(zip.start_entry(&name, stream.content_length), progress).await?;
                    let mut body = std::pin::pin!(stream.bytes());
                    let mut size = 0u64;
                    let mut broken = None;
                    while let Some(chunk) = body.next().await {
                        match chunk {
                            Ok(chunk) => {
                                size += chunk.len() as u64;
                                send(zip.data(chunk), progress).await?;
                            }
                            Err(error) => {
                                broken = Some(error);
                                break;
                            }
                        }
                    }
                    match broken {
                        None => {
                            send(zip.finish_entry(), progress).await?;
                            progress.files_done += 1;
                            (
                                name,
                                size,
                                self.language.text(key!("settlements.manifest.ok")).to_owned(),
                            )
                        }
                        Some(error) => {
                            tracing::warn!(%error, "Dintero broke a settlement file off; it is left out of the ZIP");
                            let (descriptor, written) = zip.abandon_entry();
                            send(descriptor, progress).await?;
                            progress.files_failed += 1;
                            (
                                String::new(),
                                0,
                                self.language
                                    .sentence(key!("settlements.manifest.broken_off", bytes), &[("bytes", &written)]),
                            )
                        }
                    }
                }
            };
            manifest.push_str(&app::csv::line(&self.row(
                &file.settlement.id,
                Some(&file.settlement),
                Some(&file.attachment),
                &name,
                size,
                &status,
            )));
            self.note(progress);
        }
        for id in &self.missing {
            manifest.push_str(&app::csv::line(&self.row(
                id,
                None,
                None,
                "",
                0,
                self.language.text(key!("settlements.manifest.not_found")),
            )));
        }
        send(zip.whole_entry("manifest.csv", manifest.as_bytes()), progress).await?;
        send(zip.finish(), progress).await?;
        Ok(())
    }

    fn row(
        &self,
        id: &str,
        item: Option<&SettlementItem>,
        file: Option<&Attachment>,
        name: &str,
        size: u64,
        status: &str,
    ) -> Vec<String> {
        let text = |pick: fn(&SettlementItem) -> Option<String>| item.and_then(pick).unwrap_or_default();
        let amounts = item.map(|i| i.amounts.as_slice()).unwrap_or_default();
        let joined = |pick: fn(&app::dintero::settlements::SettlementAmount) -> String| {
            amounts.iter().map(pick).collect::<Vec<_>>().join(" ")
        };
        vec![
            self.aid.to_string(),
            self.merchant_name.clone(),
            id.to_owned(),
            text(|i| i.provider.clone()),
            text(|i| i.payout_destination_id.clone()),
            text(|i| i.settled_at.clone()),
            text(|i| i.start_at.clone()),
            text(|i| i.end_at.clone()),
            text(|i| i.payment_status.as_ref().map(|s| s.to_string())),
            joined(|a| a.currency.clone()),
            joined(|a| a.capture.to_string()),
            joined(|a| a.refund.to_string()),
            joined(|a| a.fee.to_string()),
            joined(|a| a.amount.to_string()),
            file.map(|f| f.id.clone()).unwrap_or_default(),
            file.and_then(|f| f.created_by.clone()).unwrap_or_default(),
            name.to_owned(),
            if name.is_empty() {
                String::new()
            } else {
                size.to_string()
            },
            status.to_owned(),
        ]
    }

    fn note(&self, progress: &ZipProgress) {
        if let Some(id) = &self.progress_id {
            if let Ok(board) = self.state.shared::<ZipBoard>() {
                board.set(&self.person, id, progress.clone());
            }
        }
    }
}

/// The manifest's columns (the keys of their headings, in the person's language), one line per
/// file; amounts are minor units (øre, öre, cent) of the currency, and a settlement in several
/// currencies has each column's values separated by spaces in the same order.
pub const MANIFEST_HEADINGS: [&str; 19] = [
    key!("settlements.manifest.merchant_id"),
    key!("settlements.manifest.merchant_name"),
    key!("settlements.manifest.settlement_id"),
    key!("settlements.manifest.provider"),
    key!("settlements.manifest.seller"),
    key!("settlements.manifest.settled_at"),
    key!("settlements.manifest.period_start"),
    key!("settlements.manifest.period_end"),
    key!("settlements.manifest.payment_status"),
    key!("settlements.manifest.currency"),
    key!("settlements.manifest.capture_minor"),
    key!("settlements.manifest.refund_minor"),
    key!("settlements.manifest.fee_minor"),
    key!("settlements.manifest.amount_minor"),
    key!("settlements.manifest.attachment_id"),
    key!("settlements.manifest.created_by"),
    key!("settlements.manifest.file"),
    key!("settlements.manifest.bytes"),
    key!("settlements.manifest.status"),
];

/// Why a file could not be fetched, without anything secret, in `language`.
fn reason(language: Locale, error: &DinteroError) -> String {
    match error {
        DinteroError::Api(failure) => language.sentence(
            key!("settlements.manifest.reason.answered", status),
            &[("status", &failure.status)],
        ),
        DinteroError::Timeout => language.text(key!("settlements.manifest.reason.timeout")).to_owned(),
        DinteroError::Transport(_) => language.text(key!("settlements.manifest.reason.transport")).to_owned(),
        DinteroError::Decode(_) => language.text(key!("settlements.manifest.reason.decode")).to_owned(),
        DinteroError::Refused(_) => language.text(key!("settlements.manifest.reason.refused")).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_keeps_filters_ticked_ids_scope_and_progress() {
        let request = ZipRequest::parse(
            "settled_from=2026-01-01&payment_provider=vipps&payment_provider=klarna&after_id=x&settlement=a&settlement=b&settlement=a&settlement=&scope=all&progress=abc",
        );
        assert_eq!(request.filter.settled_from, "2026-01-01");
        assert_eq!(request.filter.payment_provider, vec!["vipps", "klarna"]);
        assert_eq!(request.filter.after_id, "");
        assert_eq!(request.ids, vec!["a", "b"]);
        assert!(request.all);
        assert_eq!(request.progress.as_deref(), Some("abc"));
        let request = ZipRequest::parse("scope=selected&progress=a/b");
        assert!(!request.all);
        assert_eq!(request.progress, None);
    }
}
