//! The client's merchant-account calls against the emulator: list filters and the item cursor,
//! create, get, update, delete, and the error classes.

use crate::support;
use crate::support::ids;

use std::collections::BTreeSet;

use app::dintero::accounts::*;
use app::dintero::DinteroError;
use app::secret::Secret;
use serde_json::json;

const LIST: &str = "/v1/accounts/T11200000/management/accounts";

/// Every account the query selects, page after page (checks each cursor moves forward).
async fn all(h: &support::Harness, person: &Secret, query: &AccountsQuery) -> Vec<Account> {
    let mut query = query.clone();
    let mut seen = Vec::new();
    loop {
        let page = h.client.list_accounts(person, &query).await.expect("page");
        seen.extend(page.items);
        match page.next {
            Some(next) => query.starting_after = Some(next),
            None => return seen,
        }
    }
}

fn ids(accounts: &[Account]) -> Vec<String> {
    accounts.iter().map(|a| a.account_id.clone()).collect()
}

#[tokio::test]
async fn pages_through_all_sixty_merchants_seven_at_a_time() {
    let h = support::start().await;
    let person = h.person("manager@partner.example").await;
    h.clear_requests().await;
    let query = AccountsQuery {
        limit: Some(7),
        ..Default::default()
    };
    let accounts = all(&h, &person, &query).await;
    let ids = ids(&accounts);
    assert_eq!(ids.len(), 60);
    let expected: Vec<String> = (1..=60).map(|n| format!("T112{n:05}")).collect();
    assert_eq!(ids, expected, "each merchant once, in account-id order");
    assert!(accounts.iter().all(|a| a.paging_token.is_some() && a.company.is_some()));
    let pages = h
        .requests()
        .await
        .into_iter()
        .filter(|(m, p, _)| m == "GET" && p == LIST)
        .count();
    assert_eq!(pages, 9, "8 full pages and a short one");
}

#[tokio::test]
async fn two_connections_and_a_status_select_exactly_what_the_full_list_implies() {
    let h = support::start().await;
    let person = h.person("manager@partner.example").await;
    let everything = all(
        &h,
        &person,
        &AccountsQuery {
            limit: Some(100),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(everything.len(), 60);
    let wanted = [ConnectionName::Vipps, ConnectionName::Payex];
    let expected: Vec<String> = everything
        .iter()
        .filter(|a| {
            let found: Vec<&Connection> = wanted.iter().filter_map(|c| a.connection(c)).collect();
            found.len() == 2 && found.iter().any(|c| c.status == Some(ConnectionStatus::Enabled))
        })
        .map(|a| a.account_id.clone())
        .collect();
    let query = AccountsQuery {
        connection: wanted.to_vec(),
        connection_status: vec![ConnectionStatus::Enabled],
        limit: Some(3),
        ..Default::default()
    };
    let got = ids(&all(&h, &person, &query).await);
    assert!(!expected.is_empty() && expected.len() < 30, "{expected:?}");
    assert_eq!(got, expected);
}

#[tokio::test]
async fn payment_option_manager_and_country_combine() {
    let h = support::start().await;
    let person = h.person("manager@partner.example").await;
    let everything = all(
        &h,
        &person,
        &AccountsQuery {
            limit: Some(100),
            ..Default::default()
        },
    )
    .await;
    let enabled = |a: &Account, option: &PaymentOptionType| {
        a.connection_list().iter().any(|(_, c)| {
            c.status == Some(ConnectionStatus::Enabled)
                && c.configuration
                    .iter()
                    .flat_map(|k| k.payment_options.iter().flatten())
                    .any(|o| &o.option_type == option)
        })
    };
    // The seeded demo manager looks after Swedish merchants only; Lars has Norwegian ones.
    let manager = "lars.holm@nordlys.example";
    let expected: Vec<String> = everything
        .iter()
        .filter(|a| enabled(a, &PaymentOptionType::Vipps))
        .filter(|a| a.account_manager.as_ref().and_then(|m| m.email.as_deref()) == Some(manager))
        .filter(|a| {
            a.company
                .as_ref()
                .and_then(|c| c.address.as_ref())
                .and_then(|x| x.country.as_deref())
                == Some("NO")
        })
        .map(|a| a.account_id.clone())
        .collect();
    let query = AccountsQuery {
        payment_option: vec![PaymentOptionType::Vipps],
        account_manager: vec![manager.into()],
        country: Some("NO".into()),
        limit: Some(100),
        ..Default::default()
    };
    assert!(!expected.is_empty());
    assert_eq!(ids(&all(&h, &person, &query).await), expected);
}

#[tokio::test]
async fn search_matches_the_account_id_and_the_company_name() {
    let h = support::start().await;
    let person = h.person("manager@partner.example").await;
    let by_id = all(
        &h,
        &person,
        &AccountsQuery {
            search: Some("T1120001".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        ids(&by_id),
        (10..=19).map(|n| format!("T112{n:05}")).collect::<Vec<_>>()
    );
    let seventh = h.client.get_account(&person, &ids::account("T11200007")).await.unwrap();
    let name = seventh.company.unwrap().display_name.unwrap().to_uppercase();
    let by_name = all(
        &h,
        &person,
        &AccountsQuery {
            search: Some(name.clone()),
            ..Default::default()
        },
    )
    .await;
    assert!(by_name.iter().any(|a| a.account_id == "T11200007"));
    assert!(by_name.iter().all(|a| a
        .company
        .as_ref()
        .and_then(|c| c.display_name.as_deref())
        .is_some_and(|d| d.to_uppercase().contains(&name))));
}

fn new_account(email: &str) -> NewAccount {
    let address = Address {
        address_line: Some("Sjøgata 4".into()),
        postal_code: Some("8006".into()),
        postal_place: Some("Bodø".into()),
        country: Some("NO".into()),
        ..Default::default()
    };
    NewAccount {
        fields: AccountFields {
            applicant: AccountApplicant {
                email: Some(email.into()),
                first_name: Some("Åse".into()),
                ..Default::default()
            },
            company: AccountCompany {
                business_name: Some("Kaffebar Bodø AS".into()),
                display_name: Some("Kaffebar Bodø".into()),
                address: Some(address.clone()),
                ..Default::default()
            },
            billing: AccountBilling {
                business_name: Some("Kaffebar Bodø AS".into()),
                address: Some(address),
                ..Default::default()
            },
            progression: Some(Progression::Applied),
            sale_channel: Some(SaleChannel::Referral),
            reseller_id: Some("DINTERO_ACCOUNT:99900042".into()),
            account_manager: Some(AccountManager {
                email: Some("manager@partner.example".into()),
                ..Default::default()
            }),
            price_package: Some("NORDLYS_START".into()),
            ..Default::default()
        },
        invite_users: Some(vec![InviteUser {
            email: "ase@kaffebar.example".into(),
            ..Default::default()
        }]),
        invitation_note: Some("Velkommen!".into()),
        actions: Some(vec![AccountAction::SendInvite]),
        ..Default::default()
    }
}

#[tokio::test]
async fn create_get_update_delete() {
    let h = support::start().await;
    let person = h.person("manager@partner.example").await;
    let created = h
        .client
        .create_account(&person, &new_account("ase@kaffebar.example"))
        .await
        .unwrap();
    assert_eq!(created.account_id, "T11200061");
    assert_eq!(created.extra["invitation_note"], "Velkommen!");
    assert_eq!(created.extra["actions"], json!(["send_invite"]));
    let read = h.client.get_account(&person, &ids::account("T11200061")).await.unwrap();
    assert_eq!(read, created);
    let listed = all(
        &h,
        &person,
        &AccountsQuery {
            search: Some("T11200061".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(ids(&listed), ["T11200061"]);

    let mut update = AccountUpdate::from(&read);
    update.fields.company.display_name = Some("Kaffebar Bodø Sentrum".into());
    update.fields.progression = Some(Progression::Live);
    update.fields.reseller_id = None;
    let updated = h
        .client
        .update_account(&person, &ids::account("T11200061"), &update)
        .await
        .unwrap();
    let reread = h.client.get_account(&person, &ids::account("T11200061")).await.unwrap();
    assert_eq!(updated, reread);
    assert_eq!(
        reread.company.unwrap().display_name.as_deref(),
        Some("Kaffebar Bodø Sentrum")
    );
    assert_eq!(reread.progression, Some(Progression::Live));
    assert_eq!(reread.reseller_id, None, "a full replace clears what is left out");

    let deleted = h
        .client
        .delete_account(&person, &ids::account("T11200061"))
        .await
        .unwrap();
    assert!(deleted.deleted_at.is_some() && deleted.deleted_by.is_some());
    assert_eq!(
        h.client
            .get_account(&person, &ids::account("T11200061"))
            .await
            .unwrap_err()
            .status(),
        Some(404)
    );
    assert_eq!(
        h.client
            .delete_account(&person, &ids::account("T11200061"))
            .await
            .unwrap_err()
            .status(),
        Some(404)
    );
    let after = all(
        &h,
        &person,
        &AccountsQuery {
            limit: Some(100),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(after.len(), 60);
    assert!(!ids(&after).contains(&"T11200061".to_owned()));
    let next = h
        .client
        .create_account(&person, &new_account("ola@kaffebar.example"))
        .await
        .unwrap();
    assert_eq!(next.account_id, "T11200062", "a deleted id is not reused");
}

#[tokio::test]
async fn an_invalid_body_is_a_400_naming_each_field() {
    let h = support::start().await;
    let person = h.person("manager@partner.example").await;
    let mut body = new_account("not-an-email");
    body.fields.company.address.as_mut().unwrap().postal_place = None;
    let error = h.client.create_account(&person, &body).await.unwrap_err();
    let DinteroError::Api(failure) = error else {
        panic!("{error:?}")
    };
    assert_eq!(
        (failure.status, failure.code.as_deref()),
        (400, Some("INVALID_REQUEST_PARAMETERS"))
    );
    let paths: BTreeSet<&str> = failure.errors.iter().filter_map(|e| e["path"].as_str()).collect();
    assert_eq!(
        paths,
        BTreeSet::from(["/applicant/email", "/company/address/postal_place"])
    );
    let empty = AccountUpdate::default();
    let error = h
        .client
        .update_account(&person, &ids::account("T11200001"), &empty)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(400));
}

#[tokio::test]
async fn error_classes() {
    let h = support::start().await;
    let manager = h.person("manager@partner.example").await;
    let list = AccountsQuery::default();
    let bad = h.client.list_accounts(&Secret::new("bad"), &list).await.unwrap_err();
    assert_eq!(bad.status(), Some(401));
    let finance = h.person("finance@partner.example").await;
    let error = h
        .client
        .create_account(&finance, &new_account("a@b.no"))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(403), "finance may read but not write");
    assert!(h.client.list_accounts(&finance, &list).await.is_ok());
    let mut update = AccountUpdate::from(
        &h.client
            .get_account(&manager, &ids::account("T11200002"))
            .await
            .unwrap(),
    );
    update.active = Some(!update.active.unwrap_or(false));
    let error = h
        .client
        .update_account(&manager, &ids::account("T11200002"), &update)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(403), "changing active needs mgmnt:admin");
    assert_eq!(
        h.client
            .get_account(&manager, &ids::account("T11299999"))
            .await
            .unwrap_err()
            .status(),
        Some(404)
    );
    assert!(
        app::validate::AccountId::parse("X1").is_err(),
        "a malformed id cannot reach the client, so it is never sent"
    );
    let too_many = AccountsQuery {
        limit: Some(101),
        ..Default::default()
    };
    assert_eq!(
        h.client.list_accounts(&manager, &too_many).await.unwrap_err().status(),
        Some(400)
    );
}

#[tokio::test]
async fn a_429_then_a_503_on_reads_are_retried() {
    let h = support::start().await;
    let person = h.person("manager@partner.example").await;
    h.clear_requests().await;
    h.fault(LIST, json!({"type": "rate_limit", "retry_after": 1}), 1).await;
    let page = h
        .client
        .list_accounts(&person, &AccountsQuery::default())
        .await
        .unwrap();
    assert_eq!(page.items.len(), 10);
    let statuses: Vec<u16> = h
        .requests()
        .await
        .into_iter()
        .filter(|(_, p, _)| p == LIST)
        .map(|r| r.2)
        .collect();
    assert_eq!(statuses, [429, 200]);

    let one = format!("{LIST}/T11200003");
    h.clear_requests().await;
    h.fault(&one, json!({"type": "status", "status": 503}), 1).await;
    assert_eq!(
        h.client
            .get_account(&person, &ids::account("T11200003"))
            .await
            .unwrap()
            .account_id,
        "T11200003"
    );
    let statuses: Vec<u16> = h
        .requests()
        .await
        .into_iter()
        .filter(|(_, p, _)| p == &one)
        .map(|r| r.2)
        .collect();
    assert_eq!(statuses, [503, 200]);
}

#[tokio::test]
async fn a_write_answered_503_is_not_retried() {
    let h = support::start().await;
    let person = h.person("manager@partner.example").await;
    h.clear_requests().await;
    h.fault(LIST, json!({"type": "status", "status": 503}), 1).await;
    let error = h
        .client
        .create_account(&person, &new_account("a@b.no"))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(503));
    let posts = h
        .requests()
        .await
        .into_iter()
        .filter(|(m, p, _)| m == "POST" && p == LIST)
        .count();
    assert_eq!(posts, 1);
    assert_eq!(
        h.client
            .get_account(&person, &ids::account("T11200061"))
            .await
            .unwrap_err()
            .status(),
        Some(404)
    );
}

#[tokio::test]
async fn a_read_slower_than_the_timeout_is_a_timeout() {
    let h = support::start().await;
    let person = h.person("manager@partner.example").await;
    h.fault(&format!("{LIST}/T11200004"), json!({"type": "latency", "ms": 6000}), 10)
        .await;
    let error = h
        .client
        .get_account(&person, &ids::account("T11200004"))
        .await
        .unwrap_err();
    assert!(matches!(error, DinteroError::Timeout), "{error:?}");
}
