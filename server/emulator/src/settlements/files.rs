//! `GET /v1/accounts/{aid}/settlements/{settlementid}/attachments/{attachmentid}`: the file,
//! written line by line (or 64 KiB chunk by chunk) as it is sent, never held whole; and the control
//! route `POST /__emulator/settlements/large` that adds a settlement with an N-byte attachment.

use std::convert::Infallible;

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;
use axum::Json;
use chrono::{Duration, Utc};
use futures_util::stream;
use serde_json::{json, Value};

use super::access::{authorize, parts, READ_SETTLEMENTS};
use super::generate::{sort_newest_first, Attachment, FileKind, Settlement, Tx};
use crate::clock::{seed_now, ts};
use crate::error::ApiError;
use crate::params::Params;
use crate::state::Emulator;

/// The largest attachment the control plane makes.
pub const MAX_LARGE_BYTES: u64 = 2 * 1024 * 1024 * 1024;
/// Every line of a large file is this long (newline included).
pub const LARGE_LINE: u64 = 64;
/// Large files go out in chunks of this size (a multiple of [`LARGE_LINE`]).
const CHUNK: u64 = 64 * 1024;

pub async fn download(
    State(emulator): State<Emulator>,
    Path((aid, settlement_id, attachment_id)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    authorize(&emulator, &headers, &aid, &READ_SETTLEMENTS)?;
    let (settlement, attachment) = {
        let mut world = emulator.world.write().await;
        let (merchant, store) = parts(&mut world, &aid)?;
        let settlement = store
            .settlements_of(&aid, merchant)
            .iter()
            .find(|s| s.id == settlement_id)
            .cloned()
            .ok_or_else(|| ApiError::not_found(format!("Settlement {settlement_id} not found")))?;
        let attachment = settlement
            .attachments
            .iter()
            .find(|a| a.id == attachment_id)
            .cloned()
            .ok_or_else(|| ApiError::not_found(format!("Attachment {attachment_id} not found")))?;
        (settlement, attachment)
    };
    let file_name = settlement.file_name(&attachment);
    let content_type = attachment.content_type;
    let (length, body) = match attachment.kind {
        FileKind::Large(bytes) => (bytes, large_body(aid, bytes)),
        _ => {
            // Made twice: once to know the length, once line by line as it is sent.
            let length = lines(&settlement, &attachment).map(|l| l.len() as u64).sum();
            let n = settlement.tx_count;
            let chunks = (0..=n + 1)
                .filter_map(move |i| line_at(&settlement, &attachment, i).map(|l| Ok::<_, Infallible>(Bytes::from(l))));
            (length, Body::from_stream(stream::iter(chunks)))
        }
    };
    let mut response = Response::new(body);
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// Major units with two decimals (`-12.05`).
fn major(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", minor.abs() / 100, minor.abs() % 100)
}

/// The lines of a text attachment: a header, one line per transaction, and a footer for XML.
pub fn lines<'a>(s: &'a Settlement, a: &'a Attachment) -> impl Iterator<Item = String> + 'a {
    (0..=s.tx_count + 1).filter_map(move |i| line_at(s, a, i))
}

/// Line `i` of a text attachment (0 the header, `tx_count + 1` the footer), if not empty.
fn line_at(s: &Settlement, a: &Attachment, i: u32) -> Option<String> {
    let line = match i {
        0 => header_line(s, a),
        i if i == s.tx_count + 1 => footer_line(s, a),
        i => row(s, a, &s.transaction(i - 1)),
    };
    (!line.is_empty()).then_some(line)
}

fn header_line(s: &Settlement, a: &Attachment) -> String {
    match (&a.kind, s.provider.as_str()) {
        (FileKind::Normalised, _) => {
            "transaction_id;created_at;type;payment_provider;currency;amount;fee;net;payout_destination_id;store_id\n"
                .into()
        }
        (_, "payex") => format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SettlementReport provider=\"SwedbankPay\" reference=\"{}\" currency=\"{}\" settlementDate=\"{}\">\n",
            s.provider_reference,
            s.currency,
            s.settled_at.format("%Y-%m-%d")
        ),
        (_, "vipps") => "SalesDate,SalesUnit,OrderId,TransactionType,GrossAmount,Fee,NetAmount,Currency,SettlementId\n".into(),
        (_, "swish") => "Bokföringsdag;Transaktionsdag;Referens;Typ;Belopp;Avgift;Valuta\n".into(),
        (_, "klarna") => "merchant_id,type,capture_date,order_id,amount,fee_amount,currency,payment_reference\n".into(),
        _ => "date,reference,transaction_type,gross,fee,net,currency\n".into(),
    }
}

fn footer_line(s: &Settlement, a: &Attachment) -> String {
    if a.kind == FileKind::Source && s.provider == "payex" {
        "</SettlementReport>\n".into()
    } else {
        String::new()
    }
}

fn row(s: &Settlement, a: &Attachment, t: &Tx) -> String {
    let kind = if t.refund { "refund" } else { "capture" };
    let order = t.id.split('.').nth(1).unwrap_or_default();
    let gross = if t.refund { -t.amount } else { t.amount };
    match (&a.kind, s.provider.as_str()) {
        (FileKind::Normalised, _) => format!(
            "{};{};{kind};{};{};{};{};{};{};{}\n",
            t.id,
            ts(t.at),
            s.provider,
            s.currency,
            t.amount,
            t.fee,
            t.net(),
            s.payout_destination_id.as_deref().unwrap_or_default(),
            s.store_id.as_deref().unwrap_or_default()
        ),
        (_, "payex") => format!(
            "  <Transaction><Number>{}</Number><OrderId>{order}</OrderId><Date>{}</Date><Type>{}</Type><Amount>{}</Amount><Fee>{}</Fee></Transaction>\n",
            5_000_000_000u64 + u64::from(t.at.timestamp() as u32 % 1_000_000_000),
            ts(t.at),
            if t.refund { "Reversal" } else { "Capture" },
            major(gross),
            major(t.fee)
        ),
        (_, "vipps") => format!(
            "{},{},{order},{},{},{},{},{},{}\n",
            t.at.format("%d.%m.%Y"),
            s.account_id,
            if t.refund { "Refund" } else { "Capture" },
            major(gross),
            major(t.fee),
            major(t.net()),
            s.currency,
            s.provider_reference
        ),
        (_, "swish") => format!(
            "{};{};{order};{};{};{};{}\n",
            s.settled_at.format("%Y-%m-%d"),
            t.at.format("%Y-%m-%d"),
            if t.refund { "Återbetalning" } else { "Betalning" },
            major(gross).replace('.', ","),
            major(t.fee).replace('.', ","),
            s.currency
        ),
        (_, "klarna") => format!(
            "{},{},{},{order},{},{},{},{}\n",
            s.account_id,
            if t.refund { "RETURN" } else { "SALE" },
            t.at.format("%Y-%m-%d"),
            gross,
            t.fee,
            s.currency,
            s.provider_reference
        ),
        _ => format!(
            "{},{order},{kind},{},{},{},{}\n",
            t.at.format("%Y-%m-%d"),
            major(gross),
            major(t.fee),
            major(t.net()),
            s.currency
        ),
    }
}

/// Line `k` of a large file: always [`LARGE_LINE`] bytes.
pub fn large_line(aid: &str, k: u64) -> String {
    let mut line = format!(
        "{k:012};{aid};large-attachment;capture;{:>10};NOK",
        (k.wrapping_mul(7_919)) % 1_000_000
    );
    line.truncate(LARGE_LINE as usize - 1);
    while line.len() < LARGE_LINE as usize - 1 {
        line.push(' ');
    }
    line.push('\n');
    line
}

/// `bytes` bytes of large-file lines, made one 64 KiB chunk at a time.
fn large_body(aid: String, bytes: u64) -> Body {
    let chunks = stream::unfold(0u64, move |offset| {
        let aid = aid.clone();
        async move {
            if offset >= bytes {
                return None;
            }
            let len = CHUNK.min(bytes - offset);
            let mut chunk = String::with_capacity(CHUNK as usize);
            let first = offset / LARGE_LINE;
            for k in first..first + len.div_ceil(LARGE_LINE) {
                chunk.push_str(&large_line(&aid, k));
            }
            chunk.truncate(len as usize);
            Some((Ok::<_, Infallible>(Bytes::from(chunk)), offset + len))
        }
    });
    Body::from_stream(chunks)
}

/// `POST /__emulator/settlements/large?aid=T11200002&bytes=N`: a new settlement whose one
/// attachment is N generated bytes.
pub async fn add_large(State(emulator): State<Emulator>, params: Params) -> Result<Json<Value>, ApiError> {
    let aid = params.one("aid").unwrap_or_default();
    let bytes: u64 = params
        .one("bytes")
        .and_then(|b| b.parse().ok())
        .filter(|b| *b <= MAX_LARGE_BYTES)
        .ok_or_else(|| {
            ApiError::validation(vec![(
                "/bytes".into(),
                format!("should be an integer from 0 to {MAX_LARGE_BYTES}"),
            )])
        })?;
    let mut world = emulator.world.write().await;
    let (merchant, store) = parts(&mut world, &aid)?;
    let currency = merchant["currency"].as_str().unwrap_or("NOK").to_owned();
    let settled_at = seed_now() - Duration::hours(1);
    let id = uuid::Uuid::new_v4().to_string();
    let attachment_id = uuid::Uuid::new_v4().to_string();
    let settlement = Settlement {
        id: id.clone(),
        account_id: aid.clone(),
        provider: "dintero".into(),
        provider_reference: format!("LARGE-{}", &id[..8]),
        start_at: settled_at - Duration::days(30),
        end_at: settled_at - Duration::days(1),
        settled_at,
        created_at: Utc::now(),
        updated_at: Utc::now(),
        email_received_at: settled_at,
        payment_status: "paid",
        currency,
        capture: 0,
        refund: 0,
        fee: 0,
        payout_destination_id: None,
        store_id: None,
        attachments: vec![Attachment {
            id: attachment_id.clone(),
            key: format!("settlements/{aid}/dintero/large_{id}.csv"),
            content_type: "text/csv",
            extension: "csv",
            created_by: "dintero".into(),
            kind: FileKind::Large(bytes),
        }],
        tx_seed: 0,
        tx_count: 0,
        period: (settled_at - Duration::days(30), settled_at),
    };
    let list = store.settlements_of(&aid, merchant);
    list.push(settlement);
    sort_newest_first(list);
    Ok(Json(
        json!({"settlement_id": id, "attachment_id": attachment_id, "bytes": bytes}),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::StreamExt;

    #[test]
    fn large_lines_are_all_the_same_length() {
        for k in [0, 1, 999_999, 33_554_431] {
            assert_eq!(large_line("T11200002", k).len() as u64, LARGE_LINE);
        }
    }

    #[tokio::test]
    async fn a_large_body_has_exactly_the_asked_bytes_in_bounded_chunks() {
        for bytes in [0u64, 1, 63, 64, 65, CHUNK, CHUNK + 1, 3 * CHUNK + 100] {
            let mut stream = large_body("T11200002".into(), bytes).into_data_stream();
            let (mut total, mut biggest) = (0u64, 0u64);
            let mut first = Vec::new();
            while let Some(chunk) = stream.next().await {
                let chunk = chunk.unwrap();
                if first.is_empty() {
                    first = chunk.to_vec();
                }
                total += chunk.len() as u64;
                biggest = biggest.max(chunk.len() as u64);
            }
            assert_eq!(total, bytes);
            assert!(biggest <= CHUNK);
            if bytes >= 2 * LARGE_LINE {
                assert_eq!(&first[..LARGE_LINE as usize], large_line("T11200002", 0).as_bytes());
                assert_eq!(&first[64..128], large_line("T11200002", 1).as_bytes());
            }
        }
    }

    #[test]
    fn the_normalised_csv_sums_to_the_amounts() {
        let account = json!({"currency": "SEK", "connections": {"swish": {"status": "enabled"}, "payex": {"creditcard": {"status": "enabled"}}}});
        let all = super::super::generate::settlements(3, "T11200003", &account);
        assert!(!all.is_empty());
        for s in &all {
            let csv: Vec<String> = lines(s, &s.attachments[0]).collect();
            assert_eq!(csv.len() as u32, s.tx_count + 1);
            let (mut capture, mut refund, mut fee, mut net) = (0i64, 0i64, 0i64, 0i64);
            for line in &csv[1..] {
                let cols: Vec<&str> = line.trim_end().split(';').collect();
                assert_eq!(cols.len(), 10, "{line}");
                let amount: i64 = cols[5].parse().unwrap();
                match cols[2] {
                    "capture" => capture += amount,
                    "refund" => refund += amount,
                    other => panic!("{other}"),
                }
                fee += cols[6].parse::<i64>().unwrap();
                net += cols[7].parse::<i64>().unwrap();
            }
            assert_eq!((capture, refund, fee, net), (s.capture, s.refund, s.fee, s.amount()));
            let source: String = lines(s, &s.attachments[1]).collect();
            if s.provider == "payex" {
                assert!(source.starts_with("<?xml") && source.ends_with("</SettlementReport>\n"));
                assert_eq!(source.matches("<Transaction>").count() as u32, s.tx_count);
            } else {
                assert!(source.starts_with("Bokföringsdag;"));
            }
        }
    }
}
