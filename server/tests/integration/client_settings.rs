//! A merchant's own settings through the client: read, change, and the errors.

use crate::support;
use crate::support::ids;

use app::dintero::accounts::AccountCompany;
use app::dintero::settings::SettingsUpdate;
use app::secret::Secret;
use serde_json::json;

#[tokio::test]
async fn a_merchant_reads_its_own_settings_without_the_partner_private_fields() {
    let h = support::start().await;
    let manager = h.person("manager@partner.example").await;
    let partner_view = h
        .client
        .get_account(&manager, &ids::account("T11200002"))
        .await
        .unwrap();
    let own = h
        .client
        .merchant_settings(&manager, &ids::account("T11200002"))
        .await
        .unwrap();
    assert_eq!(own.account_id, "T11200002");
    assert_eq!(own.company, partner_view.company);
    assert!(partner_view.progression.is_some());
    assert!(
        own.progression.is_none() && own.account_manager.is_none(),
        "partner-private fields are left out"
    );
    assert_eq!(h.client.partner_settings().await.unwrap().account_id, "T11200000");
}

#[tokio::test]
async fn a_change_to_the_company_is_kept() {
    let h = support::start().await;
    let manager = h.person("manager@partner.example").await;
    let update = SettingsUpdate {
        company: Some(AccountCompany {
            website: Some("https://ny-side.example".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let changed = h
        .client
        .update_merchant_settings(&manager, &ids::account("T11200004"), &update)
        .await
        .unwrap();
    let company = changed.company.expect("company");
    assert_eq!(company.website.as_deref(), Some("https://ny-side.example"));
    assert!(company.business_name.is_some(), "the other fields stay");
    let again = h
        .client
        .merchant_settings(&manager, &ids::account("T11200004"))
        .await
        .unwrap();
    assert_eq!(
        again.company.and_then(|c| c.website).as_deref(),
        Some("https://ny-side.example")
    );
}

#[tokio::test]
async fn settings_errors_keep_their_status() {
    let h = support::start().await;
    let manager = h.person("manager@partner.example").await;
    let finance = h.person("finance@partner.example").await;
    // 404: no such merchant (the exchange already refuses it).
    assert_eq!(
        h.client
            .merchant_settings(&manager, &ids::account("T11299999"))
            .await
            .unwrap_err()
            .status(),
        Some(404)
    );
    // 401: a token Dintero does not know.
    assert_eq!(
        h.client
            .merchant_settings(&Secret::new("bad"), &ids::account("T11200002"))
            .await
            .unwrap_err()
            .status(),
        Some(401)
    );
    // 403: finance may read accounts but not change them.
    let error = h
        .client
        .update_merchant_settings(&finance, &ids::account("T11200002"), &SettingsUpdate::default())
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(403));
    // A write answered 503 is sent once.
    h.client
        .merchant_token(&manager, &ids::account("T11200002"))
        .await
        .unwrap();
    h.clear_requests().await;
    h.fault(
        "/v1/accounts/T11200002/management/settings",
        json!({"type": "status", "status": 503}),
        1,
    )
    .await;
    let error = h
        .client
        .update_merchant_settings(&manager, &ids::account("T11200002"), &SettingsUpdate::default())
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(503));
    let puts = h
        .requests()
        .await
        .into_iter()
        .filter(|(m, p, _)| m == "PUT" && p.ends_with("/settings"))
        .count();
    assert_eq!(puts, 1);
}
