//! The client's connection status events, account events (comments), connection GETs and the
//! control-plane connection step against the emulator; decoding of the example bodies.

use crate::support;
use crate::support::ids;

use app::dintero::accounts::*;
use app::dintero::connections::PayexProductType;
use app::dintero::ErrorEnvelope;
use app::secret::Secret;
use serde_json::{json, Map, Value};

fn example(name: &str) -> String {
    let path = format!("{}/../../shared/api/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The first merchant (by id) whose `connection` has `status`.
async fn first_with(
    h: &support::Harness,
    person: &Secret,
    connection: ConnectionName,
    status: ConnectionStatus,
) -> Account {
    let query = AccountsQuery {
        connection: vec![connection],
        connection_status: vec![status],
        limit: Some(1),
        ..Default::default()
    };
    let page = h.client.list_accounts(person, &query).await.unwrap();
    page.items.into_iter().next().expect("a seeded merchant")
}

#[tokio::test]
async fn a_connection_event_changes_status_and_timeline() {
    let h = support::start().await;
    let person = h.person("manager@partner.example").await;
    let account = first_with(&h, &person, ConnectionName::Vipps, ConnectionStatus::Pending).await;
    let aid = account.account_id.clone();
    let before = account.connection(&ConnectionName::Vipps).unwrap().events().len();
    let mut metadata = Map::new();
    metadata.insert("signature_link".into(), json!("https://sig.example.com/K34K244"));
    let body = NewConnectionEvent {
        status: ConnectionStatus::Enabled,
        event: "connection_enabled".into(),
        description: Some("Vipps er aktivert".into()),
        metadata: Some(metadata),
    };
    let event = h
        .client
        .add_connection_event(&person, &ids::account(&aid), &ConnectionName::Vipps, &body)
        .await
        .unwrap();
    assert!(event.id.is_some() && event.created_at.is_some() && event.created_by.is_some());
    assert_eq!(
        (event.status.clone(), event.event.as_str()),
        (ConnectionStatus::Enabled, "connection_enabled")
    );
    let after = h.client.get_account(&person, &ids::account(&aid)).await.unwrap();
    let vipps = after.connection(&ConnectionName::Vipps).unwrap();
    assert_eq!(vipps.status, Some(ConnectionStatus::Enabled));
    assert_eq!(vipps.events().len(), before + 1);
    assert_eq!(vipps.events().last(), Some(&event));
    let query = AccountsQuery {
        payment_option: vec![PaymentOptionType::Vipps],
        limit: Some(100),
        ..Default::default()
    };
    let listed = h.client.list_accounts(&person, &query).await.unwrap();
    assert!(
        listed.items.iter().any(|a| a.account_id == aid),
        "now counts as an enabled payment option"
    );
}

#[tokio::test]
async fn an_event_on_a_missing_payex_connection_creates_it() {
    let h = support::start().await;
    let person = h.person("admin@partner.example").await;
    let everything = h
        .client
        .list_accounts(
            &person,
            &AccountsQuery {
                limit: Some(100),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let without = everything
        .items
        .iter()
        .find(|a| a.connection(&ConnectionName::Payex).is_none())
        .unwrap();
    let body = NewConnectionEvent {
        status: ConnectionStatus::Pending,
        event: "signature_required".into(),
        description: None,
        metadata: None,
    };
    let aid = &without.account_id;
    h.client
        .add_connection_event(&person, &ids::account(aid), &ConnectionName::PayexCreditcard, &body)
        .await
        .unwrap();
    let after = h.client.get_account(&person, &ids::account(aid)).await.unwrap();
    let payex = after
        .connection(&ConnectionName::Payex)
        .expect("created under payex.creditcard");
    assert_eq!(payex.status, Some(ConnectionStatus::Pending));
    assert_eq!(payex.events().len(), 1);
    let direct = h
        .client
        .payex_connection(&person, &ids::account(aid), &PayexProductType::Creditcard)
        .await
        .unwrap();
    assert_eq!(&direct, payex);
}

#[tokio::test]
async fn bad_connection_events_are_400_and_reads_may_not_write() {
    let h = support::start().await;
    let person = h.person("manager@partner.example").await;
    let metadata: Map<String, Value> = (0..41).map(|i| (format!("k{i}"), json!(i))).collect();
    let body = NewConnectionEvent {
        status: ConnectionStatus::Other("paused".into()),
        event: "x".into(),
        description: None,
        metadata: Some(metadata),
    };
    let error = h
        .client
        .add_connection_event(&person, &ids::account("T11200001"), &ConnectionName::Vipps, &body)
        .await
        .unwrap_err();
    let app::dintero::DinteroError::Api(failure) = error else {
        panic!()
    };
    assert_eq!(failure.status, 400);
    let paths: Vec<&str> = failure.errors.iter().filter_map(|e| e["path"].as_str()).collect();
    assert_eq!(paths, ["/status", "/metadata"]);
    let ok = NewConnectionEvent {
        status: ConnectionStatus::Pending,
        event: "x".into(),
        description: None,
        metadata: None,
    };
    let unknown = ConnectionName::Other("paypal".into());
    let error = h
        .client
        .add_connection_event(&person, &ids::account("T11200001"), &unknown, &ok)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(400));
    let error = h
        .client
        .add_connection_event(&person, &ids::account("T11299999"), &ConnectionName::Vipps, &ok)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(404));
    let finance = h.person("finance@partner.example").await;
    let error = h
        .client
        .add_connection_event(&finance, &ids::account("T11200001"), &ConnectionName::Vipps, &ok)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(403));
}

#[tokio::test]
async fn a_comment_appears_first_and_events_page_newest_first() {
    let h = support::start().await;
    let person = h.person("manager@partner.example").await;
    // T11200004 is seeded with comments and a statistics event.
    let aid = "T11200004";
    let everything = |limit| AccountEventsQuery {
        limit: Some(limit),
        ..Default::default()
    };
    let before = h
        .client
        .list_account_events(&person, &ids::account(aid), &everything(100))
        .await
        .unwrap()
        .items;
    assert!(before.iter().any(|e| e.event_type == AccountEventType::Statistics));
    let added = h
        .client
        .add_account_comment(
            &person,
            &ids::account(aid),
            &NewComment::private("Møte avtalt på torsdag – ønsker Swish også."),
        )
        .await
        .unwrap();
    assert!(added.id.is_some() && added.created_by.is_some());
    assert_eq!(added.visibility, Some(Visibility::Private));
    // Page one at a time: all seen once, newest first.
    let mut query = everything(1);
    let mut seen = Vec::new();
    loop {
        let page = h
            .client
            .list_account_events(&person, &ids::account(aid), &query)
            .await
            .unwrap();
        seen.extend(page.items);
        match page.next {
            Some(next) => query.starting_after = Some(next),
            None => break,
        }
    }
    assert_eq!(seen.len(), before.len() + 1);
    assert_eq!(seen[0].id, added.id);
    assert_eq!(seen[0].body, added.body);
    assert_eq!(&seen[1..], &before[..]);
    let times: Vec<&str> = seen.iter().filter_map(|e| e.created_at.as_deref()).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "{times:?}");
    let comments = AccountEventsQuery {
        types: vec![AccountEventType::Comment],
        limit: Some(100),
        ..Default::default()
    };
    let only = h
        .client
        .list_account_events(&person, &ids::account(aid), &comments)
        .await
        .unwrap()
        .items;
    assert!(!only.is_empty() && only.iter().all(|e| e.event_type == AccountEventType::Comment));
    assert_eq!(
        only.len(),
        seen.iter()
            .filter(|e| e.event_type == AccountEventType::Comment)
            .count()
    );
}

#[tokio::test]
async fn a_bad_comment_is_400() {
    let h = support::start().await;
    let person = h.person("manager@partner.example").await;
    let mut comment = NewComment::private("  ");
    comment.visibility = Visibility::Other("public".into());
    let error = h
        .client
        .add_account_comment(&person, &ids::account("T11200001"), &comment)
        .await
        .unwrap_err();
    let app::dintero::DinteroError::Api(failure) = error else {
        panic!()
    };
    let paths: Vec<&str> = failure.errors.iter().filter_map(|e| e["path"].as_str()).collect();
    assert_eq!((failure.status, paths), (400, vec!["/body", "/visibility"]));
    let error = h
        .client
        .add_account_comment(&person, &ids::account("T11299999"), &NewComment::private("Hei"))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(404));
}

#[tokio::test]
async fn connection_gets_answer_the_accounts_connections() {
    let h = support::start().await;
    let person = h.person("finance@partner.example").await;
    // Every fifth merchant has a common application; Norwegian ones never have Swish.
    let t5 = h.client.get_account(&person, &ids::account("T11200005")).await.unwrap();
    let common = h
        .client
        .common_connection(&person, &ids::account("T11200005"))
        .await
        .unwrap();
    assert_eq!(Some(&common), t5.connection(&ConnectionName::Common));
    assert!(common.signup.is_some());
    assert_eq!(
        h.client
            .swish_connection(&person, &ids::account("T11200005"))
            .await
            .unwrap_err()
            .status(),
        Some(404)
    );
    let checks = [
        ConnectionName::Vipps,
        ConnectionName::Bambora,
        ConnectionName::Collector,
        ConnectionName::Instabank,
        ConnectionName::Klarna,
        ConnectionName::Swish,
    ];
    for name in checks {
        let account = first_with(&h, &person, name.clone(), ConnectionStatus::Enabled).await;
        let aid = &account.account_id;
        let got = match name {
            ConnectionName::Vipps => h.client.vipps_connection(&person, &ids::account(aid)).await,
            ConnectionName::Bambora => h.client.bambora_connection(&person, &ids::account(aid)).await,
            ConnectionName::Collector => h.client.collector_connection(&person, &ids::account(aid)).await,
            ConnectionName::Instabank => h.client.instabank_connection(&person, &ids::account(aid)).await,
            ConnectionName::Klarna => h.client.klarna_connection(&person, &ids::account(aid)).await,
            _ => h.client.swish_connection(&person, &ids::account(aid)).await,
        }
        .unwrap();
        assert_eq!(Some(&got), account.connection(&name), "{name}");
        assert!(got
            .configuration
            .is_some_and(|c| c.payment_options.is_some_and(|o| !o.is_empty())));
    }
    let error = h
        .client
        .vipps_psp_connection(&person, &ids::account("T11200001"))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(404), "nobody is seeded with vipps-psp");
    let error = h
        .client
        .vipps_connection(&Secret::new("bad"), &ids::account("T11200001"))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(401));
}

#[tokio::test]
async fn the_control_plane_steps_a_connection_along_its_lifecycle() {
    let h = support::start().await;
    let person = h.person("manager@partner.example").await;
    let account = first_with(&h, &person, ConnectionName::Collector, ConnectionStatus::Declined).await;
    let aid = &account.account_id;
    let step = h
        .control(&format!("advance/connections/{aid}/collector"), Value::Null)
        .await;
    assert_eq!(
        (step["from"].as_str(), step["status"].as_str()),
        (Some("declined"), Some("pending"))
    );
    let step = h
        .control(&format!("advance/connections/{aid}/collector"), Value::Null)
        .await;
    assert_eq!(step["status"], "enabled");
    let collector = h
        .client
        .collector_connection(&person, &ids::account(aid))
        .await
        .unwrap();
    assert_eq!(collector.status, Some(ConnectionStatus::Enabled));
    let last_two: Vec<_> = collector
        .events()
        .iter()
        .rev()
        .take(2)
        .map(|e| e.status.clone())
        .collect();
    assert_eq!(last_two, [ConnectionStatus::Enabled, ConnectionStatus::Pending]);
    let step = h
        .control(&format!("advance/connections/{aid}/collector"), Value::Null)
        .await;
    assert_eq!(step["error"]["code"], "conflict", "enabled is the end of the table");
}

#[test]
fn the_examples_decode() {
    let events: Vec<AccountEvent> = serde_json::from_str(&example("account_events_list.json")).unwrap();
    assert_eq!(events.len(), 3);
    assert_eq!(events[0].visibility, Some(Visibility::Private));
    assert!(events[1].body.as_deref().unwrap().contains("Kontrakt signert ✍️"));
    assert_eq!(events[2].event_type, AccountEventType::Statistics);
    let stats = events[2].statistics.as_ref().unwrap();
    let products = stats.checkout.as_ref().unwrap().payment_product_types.as_ref().unwrap();
    assert_eq!(products[0]["count"], 1402);
    assert_eq!(events[2].paging_token.as_deref(), Some("pt_ev_0003"));

    let envelope: ErrorEnvelope = serde_json::from_str(&example("error_400_validation.json")).unwrap();
    assert_eq!(envelope.error.code.as_deref(), Some("INVALID_REQUEST_PARAMETERS"));
    assert_eq!(envelope.error.errors.unwrap()[1]["path"], "/applicant/email");
}

#[test]
fn an_account_with_unknown_fields_nulls_and_values_decodes() {
    let body = json!({
        "account_id": "T11200001",
        "progression": "paused",
        "sale_channel": "MARKETPLACE",
        "livemode": null,
        "reseller_id": null,
        "seitatech_onboarding": {"step": 2},
        "applicant": {"email": "ingrid@bakeri.example", "phone_number": null, "new_thing": true},
        "company": {"business_name": "Bakeri Grünerløkka AS", "display_name": null,
                    "address": {"address_line": "Markveien 3", "postal_place": "Oslo", "country": "NO", "geo": [59.9, 10.7]}},
        "services": {"checkout": {"status": "enabled", "progression": "waiting", "gateways": {"vipps": {"progression": "live"}}}},
        "connections": {
            "payex": {"creditcard": {"status": "suspended", "events": null,
                                     "configuration": {"payment_options": [{"type": "payex.mobilepay", "currencies": ["NOK"]}], "payee_id": "x"}}},
            "seitatech": {"status": "pending", "signups": [{"case_id": "c1"}]},
        },
        "approvals_payments_statuses": {"ACTIVE": 2},
        "paging_token": "pt.T11200001",
    });
    let account: Account = serde_json::from_value(body).unwrap();
    assert_eq!(account.progression, Some(Progression::Other("paused".into())));
    assert_eq!(account.sale_channel, Some(SaleChannel::Other("MARKETPLACE".into())));
    assert_eq!(account.livemode, None);
    assert_eq!(account.extra["seitatech_onboarding"]["step"], 2);
    assert_eq!(account.applicant.as_ref().unwrap().extra["new_thing"], true);
    let payex = account.connection(&ConnectionName::Payex).unwrap();
    assert_eq!(payex.status, Some(ConnectionStatus::Other("suspended".into())));
    assert!(payex.events().is_empty());
    let config = payex.configuration.as_ref().unwrap();
    assert_eq!(
        config.payment_options.as_ref().unwrap()[0].option_type,
        PaymentOptionType::Other("payex.mobilepay".into())
    );
    assert!(
        !format!("{config:?}").contains("\"x\""),
        "Debug shows configuration keys, not values"
    );
    assert_eq!(account.connection_list().len(), 2);
    let service = &account.services.as_ref().unwrap()["checkout"];
    assert_eq!(service.progression, Some(ServiceProgression::Other("waiting".into())));
    // What was read goes back on an update, unknown parts included.
    let update = serde_json::to_value(AccountUpdate::from(&account)).unwrap();
    assert_eq!(update["company"]["address"]["geo"][0], 59.9);
    assert_eq!(update["seitatech_onboarding"]["step"], 2);
}
