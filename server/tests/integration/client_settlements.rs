//! The client's settlement calls against the emulator: filters, paging, attachment downloads
//! (small, 50 MiB, and broken off half-way), and the error classes.

use crate::support;
use crate::support::ids;

use std::collections::{BTreeMap, HashSet};

use app::dintero::settlements::{PaymentStatus, SettlementItem, SettlementPage, SettlementQuery};
use app::dintero::DinteroError;
use app::secret::Secret;
use futures_util::StreamExt;
use serde_json::json;

const FINANCE: &str = "finance@partner.example";

/// Every settlement of `aid`, in one call (limit 1000).
async fn everything(h: &support::Harness, person: &Secret, aid: &str) -> Vec<SettlementItem> {
    let page = h
        .client
        .settlements(
            person,
            &ids::account(aid),
            &SettlementQuery {
                limit: Some(1000),
                ..Default::default()
            },
        )
        .await
        .expect("settlements");
    assert!(page.last_evaluated_key.is_none(), "all fit in one page");
    page.items
}

/// The first merchant with 20 or more settlements from at least two providers, some by seller.
async fn busy_merchant(h: &support::Harness, person: &Secret) -> (String, Vec<SettlementItem>) {
    for n in 1..=60 {
        let aid = format!("T112{n:05}");
        let all = everything(h, person, &aid).await;
        let providers: HashSet<_> = all.iter().filter_map(|s| s.provider.clone()).collect();
        if all.len() > 20 && providers.len() >= 2 && all.iter().any(|s| s.payout_destination_id.is_some()) {
            return (aid, all);
        }
    }
    panic!("no merchant with two providers and seller settlements");
}

fn ids(items: &[SettlementItem]) -> Vec<String> {
    items.iter().map(|s| s.id.clone()).collect()
}

#[tokio::test]
async fn filters_select_exactly_what_the_full_list_holds() {
    let h = support::start().await;
    let person = h.person(FINANCE).await;
    let (aid, all) = busy_merchant(&h, &person).await;
    assert!(all.len() > 20, "{}", all.len());
    // The whole list: newest settled_at first, consistent amounts, both statuses somewhere.
    assert!(all.windows(2).all(|w| w[0].settled_at >= w[1].settled_at));
    for s in &all {
        let a = &s.amounts[0];
        assert_eq!(a.amount, a.capture - a.refund - a.fee, "{}", s.id);
        assert_eq!(s.attachments.len(), 2);
    }

    let provider = all[0].provider.clone().expect("provider");
    let from = all[all.len() * 3 / 4].settled_at.clone().expect("settled_at");
    let to = all[all.len() / 4].settled_at.clone().expect("settled_at");
    let expected: Vec<SettlementItem> = all
        .iter()
        .filter(|s| s.provider.as_deref() == Some(&provider))
        .filter(|s| s.settled_at.as_ref().is_some_and(|t| *t >= from && *t <= to))
        .cloned()
        .collect();
    assert!(!expected.is_empty());
    let query = SettlementQuery {
        limit: Some(1000),
        payment_provider: vec![provider.clone()],
        settled_from: Some(from.clone()),
        settled_to: Some(to.clone()),
        ..Default::default()
    };
    let page = h
        .client
        .settlements(&person, &ids::account(&aid), &query)
        .await
        .unwrap();
    assert_eq!(ids(&page.items), ids(&expected));

    // Two providers (sent repeated) and a date-only range (whole days).
    let providers: Vec<String> = all
        .iter()
        .filter_map(|s| s.provider.clone())
        .collect::<HashSet<_>>()
        .into_iter()
        .take(2)
        .collect();
    let (day_from, day_to) = (from[..10].to_owned(), to[..10].to_owned());
    let expected: Vec<String> = all
        .iter()
        .filter(|s| providers.contains(s.provider.as_ref().unwrap()))
        .filter(|s| {
            let day = &s.settled_at.as_ref().unwrap()[..10];
            day >= day_from.as_str() && day <= day_to.as_str()
        })
        .map(|s| s.id.clone())
        .collect();
    let query = SettlementQuery {
        limit: Some(1000),
        payment_provider: providers,
        settled_from: Some(day_from),
        settled_to: Some(day_to),
        ..Default::default()
    };
    assert_eq!(
        ids(&h
            .client
            .settlements(&person, &ids::account(&aid), &query)
            .await
            .unwrap()
            .items),
        expected
    );

    // By seller, by id substring, by created_at.
    let seller = all.iter().find_map(|s| s.payout_destination_id.clone()).unwrap();
    let by_seller = SettlementQuery {
        limit: Some(1000),
        payout_destination_id: Some(seller.clone()),
        ..Default::default()
    };
    let expected: Vec<String> = all
        .iter()
        .filter(|s| s.payout_destination_id.as_ref() == Some(&seller))
        .map(|s| s.id.clone())
        .collect();
    assert_eq!(
        ids(&h
            .client
            .settlements(&person, &ids::account(&aid), &by_seller)
            .await
            .unwrap()
            .items),
        expected
    );
    let needle = all[3].id[9..18].to_owned();
    let search = SettlementQuery {
        search: Some(needle.clone()),
        ..Default::default()
    };
    let found = h
        .client
        .settlements(&person, &ids::account(&aid), &search)
        .await
        .unwrap()
        .items;
    assert_eq!(ids(&found), ids(&all[3..4]), "{needle}");
    let created_from = all[5].created_at.clone().unwrap();
    let by_created = SettlementQuery {
        limit: Some(1000),
        created_from: Some(created_from.clone()),
        ..Default::default()
    };
    let mut expected: Vec<&SettlementItem> = all
        .iter()
        .filter(|s| s.created_at.as_ref().unwrap() >= &created_from)
        .collect();
    expected.sort_by(|a, b| (&b.created_at, &b.id).cmp(&(&a.created_at, &a.id)));
    let got = h
        .client
        .settlements(&person, &ids::account(&aid), &by_created)
        .await
        .unwrap()
        .items;
    assert_eq!(ids(&got), expected.iter().map(|s| s.id.clone()).collect::<Vec<_>>());
}

#[tokio::test]
async fn paging_with_limit_5_sees_every_settlement_once_in_order() {
    let h = support::start().await;
    let person = h.person(FINANCE).await;
    let (aid, all) = busy_merchant(&h, &person).await;
    for base in [
        SettlementQuery {
            limit: Some(5),
            ..Default::default()
        },
        SettlementQuery {
            limit: Some(5),
            created_from: Some("2020-01-01".into()),
            ..Default::default()
        },
    ] {
        let mut query = base.clone();
        let mut seen = Vec::new();
        let mut pages = 0;
        loop {
            let SettlementPage {
                items,
                last_evaluated_key,
            } = h
                .client
                .settlements(&person, &ids::account(&aid), &query)
                .await
                .unwrap();
            assert!(items.len() <= 5);
            pages += 1;
            seen.extend(ids(&items));
            match last_evaluated_key {
                Some(key) => {
                    assert_eq!(key.account_id.as_deref(), Some(aid.as_str()));
                    assert_eq!(key.created_at.is_some(), base.created_from.is_some());
                    query = base.after(&key);
                }
                None => break,
            }
        }
        assert_eq!(pages, all.len().div_ceil(5));
        let unique: HashSet<_> = seen.iter().collect();
        assert_eq!(unique.len(), seen.len(), "no duplicates");
        if base.created_from.is_none() {
            assert_eq!(seen, ids(&all), "no gaps, same order");
        } else {
            let mut sorted = ids(&all);
            sorted.sort();
            seen.sort();
            assert_eq!(seen, sorted);
        }
    }
}

#[tokio::test]
async fn list_validation_names_the_parameter() {
    let h = support::start().await;
    let person = h.person(FINANCE).await;
    let cases = [
        (
            SettlementQuery {
                settled_from: Some("2026-01-01".into()),
                created_to: Some("2026-02-01".into()),
                ..Default::default()
            },
            "/item_created_at.lte",
        ),
        (
            SettlementQuery {
                starting_after_id: Some("x".into()),
                ..Default::default()
            },
            "/starting_after_date",
        ),
        (
            SettlementQuery {
                starting_after_date: Some("2026-01-01T00:00:00Z".into()),
                ..Default::default()
            },
            "/starting_after_id",
        ),
        (
            SettlementQuery {
                limit: Some(1001),
                ..Default::default()
            },
            "/limit",
        ),
        (
            SettlementQuery {
                settled_from: Some("last tuesday".into()),
                ..Default::default()
            },
            "/created_at.gte",
        ),
    ];
    for (query, path) in cases {
        let error = h
            .client
            .settlements(&person, &ids::account("T11200002"), &query)
            .await
            .unwrap_err();
        let DinteroError::Api(failure) = &error else {
            panic!("{error:?}")
        };
        assert_eq!(failure.status, 400);
        assert_eq!(failure.errors[0]["path"], path, "{failure:?}");
    }
}

async fn collect(stream: app::dintero::FileStream) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut chunks = Box::pin(stream.bytes());
    while let Some(chunk) = chunks.next().await {
        bytes.extend_from_slice(&chunk.expect("chunk"));
    }
    bytes
}

#[tokio::test]
async fn an_attachment_downloads_with_its_type_length_and_name() {
    let h = support::start().await;
    let person = h.person(FINANCE).await;
    let (aid, all) = busy_merchant(&h, &person).await;
    let s = all
        .iter()
        .find(|s| s.payment_status == Some(PaymentStatus::Paid))
        .unwrap();
    let provider = s.provider.clone().unwrap();
    let day = &s.settled_at.as_ref().unwrap()[..10];
    for attachment in &s.attachments {
        let file = h
            .client
            .settlement_attachment(
                &person,
                &ids::account(&aid),
                &ids::opaque(&s.id),
                &ids::opaque(&attachment.id),
            )
            .await
            .unwrap();
        assert_eq!(file.content_type, attachment.content_type);
        let kind = attachment.created_by.clone().unwrap();
        let ext = attachment.extension.clone().unwrap();
        assert_eq!(
            file.content_disposition.as_deref(),
            Some(format!("attachment; filename=\"{aid}_{provider}_{day}_{kind}.{ext}\"").as_str())
        );
        let length = file.content_length;
        let bytes = collect(file).await;
        assert_eq!(length, Some(bytes.len() as u64));
        let text = String::from_utf8(bytes).unwrap();
        if kind == "dintero" {
            // The normalised CSV sums to the settlement's amounts.
            let mut sums: BTreeMap<&str, i64> = BTreeMap::new();
            for line in text.lines().skip(1) {
                let cols: Vec<&str> = line.split(';').collect();
                *sums.entry(cols[2]).or_default() += cols[5].parse::<i64>().unwrap();
                *sums.entry("fee").or_default() += cols[6].parse::<i64>().unwrap();
                *sums.entry("net").or_default() += cols[7].parse::<i64>().unwrap();
            }
            let a = &s.amounts[0];
            assert_eq!(sums.get("capture").copied().unwrap_or(0), a.capture);
            assert_eq!(sums.get("refund").copied().unwrap_or(0), a.refund);
            assert_eq!(sums["fee"], a.fee);
            assert_eq!(sums["net"], a.amount);
        } else if provider == "payex" {
            assert!(text.starts_with("<?xml"), "{text}");
        } else {
            assert!(text.lines().count() > 1);
        }
    }
    for (sid, attachment) in [("nope", s.attachments[0].id.as_str()), (s.id.as_str(), "nope")] {
        let error = h
            .client
            .settlement_attachment(
                &person,
                &ids::account(&aid),
                &ids::opaque(sid),
                &ids::opaque(attachment),
            )
            .await
            .err()
            .expect("404");
        assert_eq!(error.status(), Some(404));
    }
}

#[tokio::test]
async fn a_50_mib_attachment_streams_through_and_a_drop_half_way_is_an_error() {
    let h = support::start().await;
    let person = h.person(FINANCE).await;
    const SIZE: u64 = 50 * 1024 * 1024;
    let added = h
        .http
        .post(format!(
            "{}/__emulator/settlements/large?aid=T11200002&bytes={SIZE}",
            h.base
        ))
        .send()
        .await
        .unwrap()
        .json::<serde_json::Value>()
        .await
        .unwrap();
    assert_eq!(added["bytes"], SIZE);
    let (sid, aid_) = (
        added["settlement_id"].as_str().unwrap().to_owned(),
        added["attachment_id"].as_str().unwrap().to_owned(),
    );
    // It is listed with the merchant's settlements.
    let listed = h
        .client
        .settlements(
            &person,
            &ids::account("T11200002"),
            &SettlementQuery {
                search: Some(sid.clone()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(listed.items[0].attachments[0].id, aid_);

    let file = h
        .client
        .settlement_attachment(
            &person,
            &ids::account("T11200002"),
            &ids::opaque(&sid),
            &ids::opaque(&aid_),
        )
        .await
        .unwrap();
    assert_eq!(file.content_length, Some(SIZE));
    assert_eq!(file.content_type.as_deref(), Some("text/csv"));
    let (mut count, mut chunks) = (0u64, 0u32);
    let mut first_line = Vec::new();
    let mut stream = Box::pin(file.bytes());
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.expect("no error");
        if first_line.is_empty() {
            first_line = chunk[..64].to_vec();
        }
        count += chunk.len() as u64;
        chunks += 1;
    }
    assert_eq!(count, SIZE);
    assert!(chunks > 100, "came in pieces: {chunks}");
    assert!(first_line.starts_with(b"000000000000;T11200002;"), "{first_line:?}");

    h.fault(
        "/v1/accounts/*/settlements/*/attachments/*",
        json!({"type": "drop", "after_bytes": SIZE / 2}),
        1,
    )
    .await;
    let file = h
        .client
        .settlement_attachment(
            &person,
            &ids::account("T11200002"),
            &ids::opaque(&sid),
            &ids::opaque(&aid_),
        )
        .await
        .unwrap();
    let mut stream = Box::pin(file.bytes());
    let mut count = 0u64;
    let mut failed = None;
    while let Some(chunk) = stream.next().await {
        match chunk {
            Ok(c) => count += c.len() as u64,
            Err(e) => {
                failed = Some(e);
                break;
            }
        }
    }
    assert!(
        matches!(failed, Some(DinteroError::Transport(_))),
        "a broken download ends in an error, not a short success: {failed:?} after {count}"
    );
    assert!(count <= SIZE / 2, "{count}");
}

#[tokio::test]
async fn error_classes() {
    let h = support::start().await;
    let finance = h.person(FINANCE).await;
    let query = SettlementQuery::default();
    // 401: a bad token.
    let error = h
        .client
        .settlements(&Secret::new("bad"), &ids::account("T11200002"), &query)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(401));
    // 403: a person without a settlement scope.
    let manager = h.person("manager@partner.example").await;
    let error = h
        .client
        .settlements(&manager, &ids::account("T11200002"), &query)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(403));
    assert_eq!(error.code(), Some("forbidden"));

    let path = "/v1/accounts/T11200002/settlements";
    let first = h
        .client
        .settlements(&finance, &ids::account("T11200002"), &query)
        .await
        .unwrap();
    for kind in [
        json!({"type": "rate_limit", "retry_after": 1}),
        json!({"type": "status", "status": 503}),
    ] {
        h.clear_requests().await;
        h.fault(path, kind.clone(), 1).await;
        let page = h
            .client
            .settlements(&finance, &ids::account("T11200002"), &query)
            .await
            .expect("retried");
        assert_eq!(page, first);
        let tries: Vec<u16> = h
            .requests()
            .await
            .into_iter()
            .filter(|(m, p, _)| m == "GET" && p == path)
            .map(|(_, _, s)| s)
            .collect();
        assert_eq!(tries.len(), 2, "{kind}: {tries:?}");
        assert_eq!(tries[1], 200);
    }
    // Timeout: slower than the client's 5 s, for longer than its retry budget.
    h.fault(path, json!({"type": "latency", "ms": 6000}), 5).await;
    let error = h
        .client
        .settlements(&finance, &ids::account("T11200002"), &query)
        .await
        .unwrap_err();
    assert_eq!(error, DinteroError::Timeout);
}
