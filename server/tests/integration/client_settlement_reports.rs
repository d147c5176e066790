//! The client's settlement report configurations and insight report metadata against the
//! emulator, and the decoding of the reference's example bodies for them.

use crate::support;
use crate::support::ids;

use std::collections::HashSet;

use app::dintero::reports::{ReportFilterKind, ReportMetadataPage};
use app::dintero::settlements::{
    ConfigurationFilter, ConfigurationFilterKind, DestinationType, NewReportConfiguration, ReportConfigurationPage,
    ReportConfigurationUpdate, ReportDestination, ReportFileType,
};
use app::dintero::DinteroError;
use serde_json::json;

const AID: &str = "T11200003";

fn example(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../../shared/api/examples/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("example")
}

fn new_config(n: usize) -> NewReportConfiguration {
    NewReportConfiguration {
        id: None,
        filetypes: vec![ReportFileType::Csv, ReportFileType::Pdf],
        destinations: vec![
            ReportDestination {
                id: None,
                destination_type: DestinationType::AccountEmail,
                destination_value: None,
            },
            ReportDestination {
                id: None,
                destination_type: DestinationType::Email,
                destination_value: Some(format!("regnskap{n}@merchant.example")),
            },
        ],
        providers: vec!["vipps".into()],
        filters: Some(vec![ConfigurationFilter {
            filter: ConfigurationFilterKind::PayoutDestinationId,
            value: "PD001".into(),
        }]),
        send_every: None,
    }
}

#[tokio::test]
async fn report_configurations_are_created_read_updated_listed_and_deleted() {
    let h = support::start().await;
    let admin = h.admin().await;
    let before = h
        .client
        .report_configurations(&admin, &ids::account(AID), Some(1000), None)
        .await
        .unwrap();
    let mut created = Vec::new();
    for n in 0..3 {
        let c = h
            .client
            .create_report_configuration(&admin, &ids::account(AID), &new_config(n))
            .await
            .unwrap();
        assert_eq!(c.account_id.as_deref(), Some(AID));
        assert_eq!(c.filetypes, [ReportFileType::Csv, ReportFileType::Pdf]);
        assert_eq!(
            c.destinations[1].destination_value,
            Some(format!("regnskap{n}@merchant.example"))
        );
        assert!(c.destinations.iter().all(|d| d.id.is_some()));
        assert_eq!(c.filters[0].value, "PD001");
        created.push(c);
    }
    let got = h
        .client
        .report_configuration(&admin, &ids::account(AID), &ids::resource(&created[1].id))
        .await
        .unwrap();
    assert_eq!(got, created[1]);

    let update = ReportConfigurationUpdate {
        filetypes: vec![ReportFileType::Xml],
        destinations: vec![],
        providers: vec![],
        filters: None,
        send_every: Some(86_400_000),
    };
    let updated = h
        .client
        .update_report_configuration(&admin, &ids::account(AID), &ids::resource(&created[1].id), &update)
        .await
        .unwrap();
    assert_eq!(updated.filetypes, [ReportFileType::Xml]);
    assert!(updated.destinations.is_empty() && updated.filters.is_empty());
    assert_eq!(updated.created_at, created[1].created_at);
    let again = h
        .client
        .report_configuration(&admin, &ids::account(AID), &ids::resource(&created[1].id))
        .await
        .unwrap();
    assert_eq!(again, updated, "the change persists");

    // Paged by two to the end: everything seen once, the created ones included.
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let ReportConfigurationPage { items, starting_after } = h
            .client
            .report_configurations(&admin, &ids::account(AID), Some(2), after.as_deref())
            .await
            .unwrap();
        assert!(items.len() <= 2);
        seen.extend(items.into_iter().map(|c| c.id));
        match starting_after {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    assert_eq!(seen.len(), before.items.len() + 3);
    assert_eq!(seen.iter().collect::<HashSet<_>>().len(), seen.len());
    assert!(created.iter().all(|c| seen.contains(&c.id)));

    let deleted = h
        .client
        .delete_report_configuration(&admin, &ids::account(AID), &ids::resource(&created[0].id))
        .await
        .unwrap();
    assert_eq!(deleted.id, created[0].id);
    let error = h
        .client
        .report_configuration(&admin, &ids::account(AID), &ids::resource(&created[0].id))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(404));
    let error = h
        .client
        .delete_report_configuration(&admin, &ids::account(AID), &ids::resource(&created[0].id))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(404));
    let after_delete = h
        .client
        .report_configurations(&admin, &ids::account(AID), None, None)
        .await
        .unwrap();
    assert_eq!(after_delete.items.len(), before.items.len() + 2);
}

#[tokio::test]
async fn report_configuration_validation_and_permissions() {
    let h = support::start().await;
    let admin = h.admin().await;
    let mut bad = new_config(0);
    bad.filetypes = vec![];
    bad.destinations[1].destination_value = Some("not an address".into());
    bad.destinations.push(ReportDestination {
        id: None,
        destination_type: DestinationType::Other("fax".into()),
        destination_value: None,
    });
    let error = h
        .client
        .create_report_configuration(&admin, &ids::account(AID), &bad)
        .await
        .unwrap_err();
    let DinteroError::Api(failure) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(failure.status, 400);
    let paths: Vec<&str> = failure.errors.iter().filter_map(|e| e["path"].as_str()).collect();
    assert_eq!(
        paths,
        [
            "/filetypes",
            "/destinations/1/destination_value",
            "/destinations/2/destination_type"
        ]
    );

    let mut bad = new_config(0);
    bad.filetypes.push(ReportFileType::Other("docx".into()));
    let error = h
        .client
        .create_report_configuration(&admin, &ids::account(AID), &bad)
        .await
        .unwrap_err();
    let DinteroError::Api(failure) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(failure.errors[0]["path"], "/filetypes/2");

    // finance may read (read:settlements) but not create or change.
    let finance = h.person("finance@partner.example").await;
    h.client
        .report_configurations(&finance, &ids::account(AID), None, None)
        .await
        .unwrap();
    let error = h
        .client
        .create_report_configuration(&finance, &ids::account(AID), &new_config(0))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(403));
    let some = h
        .client
        .report_configurations(&admin, &ids::account("T11200001"), None, None)
        .await
        .unwrap();
    let id = &some.items[0].id;
    let error = h
        .client
        .update_report_configuration(
            &finance,
            &ids::account("T11200001"),
            &ids::resource(id),
            &ReportConfigurationUpdate::default(),
        )
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(403));
    // 404 on update of an unknown id; 400 for a bad limit.
    let update = ReportConfigurationUpdate {
        filetypes: vec![ReportFileType::Json],
        ..Default::default()
    };
    let error = h
        .client
        .update_report_configuration(
            &admin,
            &ids::account(AID),
            &ids::resource("5f6a7b8c-9d0e-4f1a-8b2c-000000000000"),
            &update,
        )
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(404));
    let error = h
        .client
        .report_configurations(&admin, &ids::account(AID), Some(0), None)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(400));
}

#[tokio::test]
async fn a_write_answered_5xx_is_sent_once() {
    let h = support::start().await;
    let admin = h.admin().await;
    h.client.merchant_token(&admin, &ids::account(AID)).await.unwrap();
    let path = format!("/v1/accounts/{AID}/settlements/reports/configuration");
    h.control(
        "faults",
        json!({"path": path, "method": "POST", "kind": {"type": "status", "status": 503}, "count": 1}),
    )
    .await;
    h.clear_requests().await;
    let error = h
        .client
        .create_report_configuration(&admin, &ids::account(AID), &new_config(0))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(503));
    let posts = h
        .requests()
        .await
        .into_iter()
        .filter(|(m, p, _)| m == "POST" && *p == path)
        .count();
    assert_eq!(posts, 1);
}

#[tokio::test]
async fn report_metadata_pages_to_the_end_and_signed_urls_download() {
    let h = support::start().await;
    let finance = h.person("finance@partner.example").await;
    let aid = "T11200002";
    let mut reports = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let ReportMetadataPage {
            reports: page,
            starting_after,
        } = h
            .client
            .report_metadata(&finance, &ids::account(aid), Some(7), after.as_deref())
            .await
            .unwrap();
        assert!(page.len() <= 7);
        reports.extend(page);
        match starting_after {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    let all = h
        .client
        .report_metadata(&finance, &ids::account(aid), Some(100), None)
        .await
        .unwrap();
    assert!(all.starting_after.is_none());
    assert_eq!(reports, all.reports, "paging sees the same reports, in order");
    assert_eq!(
        reports.iter().map(|r| &r.id).collect::<HashSet<_>>().len(),
        reports.len()
    );
    assert!(reports.iter().any(|r| r
        .report_filters
        .iter()
        .any(|f| f.filter == ReportFilterKind::OperationPayoutDestination)));
    // A PDF and a CSV share each monthly run.
    let pdf = reports
        .iter()
        .find(|r| r.content_type.as_deref() == Some("application/pdf"))
        .unwrap();
    let twins: Vec<_> = reports
        .iter()
        .filter(|r| r.report_job_id == pdf.report_job_id)
        .collect();
    assert_eq!(twins.len(), 2);

    for report in twins {
        let url = report.signed_url.clone().unwrap();
        assert!(url.starts_with(&format!("{}/files/reports/", h.base)), "{url}");
        // Pre-signed: no bearer token.
        let response = h.http.get(&url).send().await.unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(
            response.headers()["content-type"].to_str().unwrap(),
            report.content_type.as_deref().unwrap()
        );
        let body = response.bytes().await.unwrap();
        if report.content_type.as_deref() == Some("application/pdf") {
            assert!(body.starts_with(b"%PDF-1.4"));
            assert!(body.ends_with(b"%%EOF\n"));
        } else {
            let text = String::from_utf8(body.to_vec()).unwrap();
            assert!(text.starts_with("date;transactions;captured;refunded;currency\n"));
            assert!(text.lines().count() >= 29);
        }
        let tampered = format!("{}0", url);
        assert_eq!(h.http.get(&tampered).send().await.unwrap().status(), 403);
    }

    let manager = h.person("manager@partner.example").await;
    let error = h
        .client
        .report_metadata(&manager, &ids::account(aid), None, None)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(403));
    let error = h
        .client
        .report_metadata(&finance, &ids::account(aid), Some(101), None)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(400));
}

#[test]
fn the_examples_decode() {
    let configs: ReportConfigurationPage =
        serde_json::from_str(&example("settlement_report_configurations_list.json")).unwrap();
    assert_eq!(configs.items.len(), 2);
    assert_eq!(
        configs.items[0].destinations[1].destination_type,
        DestinationType::Email
    );
    assert_eq!(configs.items[0].last_send_at, Some(1_741_672_931_000));
    assert_eq!(
        configs.items[1].filters[0].filter,
        ConfigurationFilterKind::PayoutDestinationId
    );
    assert_eq!(
        configs.starting_after.as_deref(),
        Some("6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d")
    );

    let reports: ReportMetadataPage = serde_json::from_str(&example("report_metadata_list.json")).unwrap();
    assert_eq!(reports.reports.len(), 3);
    assert_eq!(reports.reports[2].report_filters[1].filter, ReportFilterKind::StoreId);
    assert_eq!(
        reports.reports[0].custom_report_name.as_deref(),
        Some("Månedsrapport februar")
    );
}

#[test]
fn unknown_fields_nulls_and_unknown_enum_values_decode() {
    let body = json!({
        "items": [{
            "id": "c1",
            "filetypes": ["pdf", "parquet"],
            "destinations": [{"destination_type": "sftp", "destination_value": null, "id": null}],
            "providers": null,
            "filters": [{"filter": "store_id", "value": "s1"}],
            "send_every": null,
            "last_send_at": null,
            "account_id": null,
            "brand_new": {"x": 1}
        }],
        "starting_after": null,
        "total": 1
    });
    let page: ReportConfigurationPage = serde_json::from_value(body).unwrap();
    let c = &page.items[0];
    assert_eq!(c.filetypes[1], ReportFileType::Other("parquet".into()));
    assert_eq!(
        c.destinations[0].destination_type,
        DestinationType::Other("sftp".into())
    );
    assert!(c.providers.is_empty());
    assert_eq!(c.filters[0].filter, ConfigurationFilterKind::Other("store_id".into()));
    assert!(page.starting_after.is_none());

    let body = json!({
        "reports": [{
            "id": "r1",
            "report_job_id": null,
            "signed_url": null,
            "report_filters": [{"filter": "merchant_reference", "value": "x"}],
            "schedule": "quarterly",
            "new_field": true
        }],
        "starting_after": null
    });
    let page: ReportMetadataPage = serde_json::from_value(body).unwrap();
    assert_eq!(
        page.reports[0].report_filters[0].filter,
        ReportFilterKind::Other("merchant_reference".into())
    );
    assert_eq!(page.reports[0].schedule.as_deref(), Some("quarterly"));
    let page: ReportMetadataPage = serde_json::from_value(json!({"reports": null})).unwrap();
    assert!(page.reports.is_empty());
}
