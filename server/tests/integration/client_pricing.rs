//! The client's price packages against the emulator: the collection paged to the end, create,
//! update, an account's package and assigning packages.

use crate::support;
use crate::support::ids;

use std::collections::HashSet;

use app::dintero::price_packages::{
    Amount, CreationState, Dimension, NewPricePackage, Price, PricePackage, PricePackageAssignment,
    PricePackageEnvelope, PricePackagePage, PricePackageQuery, PricePackageRef, PricePackageType, PricePackageUpdate,
    PriceType, Product,
};
use app::dintero::DinteroError;
use app::secret::Secret;
use serde_json::json;

const MANAGER: &str = "manager@partner.example";

fn example(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../../shared/api/examples/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("example")
}

fn swish(flat: i64, unit: &str) -> Product {
    Product {
        namespace: Some("checkout".into()),
        product_id: "checkout.capture.swish".into(),
        prices: vec![Price {
            kind: Some(PriceType::Blend),
            amounts: vec![Amount {
                flat_amount: Some(flat),
                unit_amount: Some(unit.into()),
                name: Some("default".into()),
                description: Some("Swish fast avgift".into()),
                ..Default::default()
            }],
            dimensions: vec![Dimension {
                name: "currency".into(),
                values: vec!["SEK".into()],
            }],
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn new_package(id: &str) -> NewPricePackage {
    NewPricePackage {
        price_package_id: id.into(),
        name: "Nordlys Swish Kampanj".into(),
        description: "Kampanjpaket för Swish".into(),
        products: vec![swish(150, "0")],
        pricing_conditions: Some("Gäller till 31 mars 2027.".into()),
        metadata: Some(serde_json::from_value(json!({"tier": "kampanj"})).unwrap()),
    }
}

fn error_paths(error: &DinteroError) -> Vec<String> {
    match error {
        DinteroError::Api(failure) => failure
            .errors
            .iter()
            .filter_map(|e| e["path"].as_str().map(str::to_owned))
            .collect(),
        other => panic!("expected an API error, got {other:?}"),
    }
}

async fn all_packages(h: &support::Harness, person: &Secret) -> Vec<PricePackage> {
    let query = PricePackageQuery {
        limit: Some(100),
        ..Default::default()
    };
    let page = h.client.price_packages(person, &query).await.unwrap();
    assert!(page.starting_after.is_none(), "everything fits in 100");
    page.price_packages
}

#[tokio::test]
async fn the_collection_pages_to_the_end_without_gaps() {
    let h = support::start().await;
    let person = h.person(MANAGER).await;
    let everything = all_packages(&h, &person).await;
    assert!(everything.len() >= 10, "{}", everything.len());
    let mut seen = Vec::new();
    let mut cursor = None;
    let mut pages = 0;
    loop {
        let query = PricePackageQuery {
            limit: Some(3),
            starting_after: cursor.clone(),
            ..Default::default()
        };
        let page = h.client.price_packages(&person, &query).await.unwrap();
        pages += 1;
        assert!(page.price_packages.len() <= 3);
        seen.extend(page.price_packages.into_iter().map(|p| p.price_package_id));
        match page.starting_after {
            Some(next) => cursor = Some(next),
            None => break,
        }
        assert!(pages < 20, "the cursor must end");
    }
    assert_eq!(pages, everything.len().div_ceil(3));
    let unique: HashSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "no duplicates");
    let expected: Vec<String> = everything.iter().map(|p| p.price_package_id.clone()).collect();
    assert_eq!(seen, expected, "no gaps, same order");
    for id in [
        "NORDLYS_START",
        "NORDLYS_STANDARD",
        "NORDLYS_PLUS",
        "NORDLYS_SE_STANDARD",
    ] {
        assert!(seen.iter().any(|s| s == id), "{id}");
    }
}

#[tokio::test]
async fn filters_by_type_and_id() {
    let h = support::start().await;
    let person = h.person(MANAGER).await;
    let account = PricePackageQuery {
        types: vec![PricePackageType::Account],
        limit: Some(100),
        ..Default::default()
    };
    let custom = h.client.price_packages(&person, &account).await.unwrap().price_packages;
    assert!(!custom.is_empty());
    assert!(custom.iter().all(|p| p.kind == Some(PricePackageType::Account)));
    assert!(custom.iter().all(|p| p.source_price_package_id.is_some()));

    let one = PricePackageQuery {
        price_package_id: Some("NORDLYS_STANDARD".into()),
        ..Default::default()
    };
    let one = h.client.price_packages(&person, &one).await.unwrap();
    assert_eq!(one.price_packages.len(), 1);
    let standard = &one.price_packages[0];
    assert_eq!(standard.kind, Some(PricePackageType::Default));
    let card = standard
        .products
        .iter()
        .find(|p| p.product_id == "checkout.capture.card")
        .expect("card prices");
    let amount = &card.prices[0].amounts[0];
    assert_eq!(amount.flat_amount, Some(100));
    assert_eq!(amount.unit_amount.as_deref(), Some("0.0149"));
    assert!(card.prices[0]
        .dimensions
        .iter()
        .any(|d| d.name == "card.issuer_country"));
    assert!(standard
        .pricing_conditions
        .as_deref()
        .is_some_and(|c| c.contains("NOK")));

    let bad = PricePackageQuery {
        limit: Some(0),
        ..Default::default()
    };
    let error = h.client.price_packages(&person, &bad).await.unwrap_err();
    assert_eq!(error.status(), Some(400));
    assert_eq!(error_paths(&error), ["/limit"]);
    let bad = PricePackageQuery {
        starting_after: Some("not-a-cursor".into()),
        ..Default::default()
    };
    assert_eq!(
        h.client.price_packages(&person, &bad).await.unwrap_err().status(),
        Some(400)
    );
}

#[tokio::test]
async fn create_then_update() {
    let h = support::start().await;
    let admin = h.admin().await;
    let created = h
        .client
        .create_price_package(&admin, &new_package("NORDLYS_SWISH_2027"))
        .await
        .unwrap();
    assert_eq!(created.price_package_id, "NORDLYS_SWISH_2027");
    assert_eq!(created.creation_state, Some(CreationState::Pristine));
    assert_eq!(created.products[0].prices[0].amounts[0].flat_amount, Some(150));
    assert!(created.id.is_some() && created.created_at.is_some());

    let query = PricePackageQuery {
        price_package_id: Some("NORDLYS_SWISH_2027".into()),
        ..Default::default()
    };
    let listed = h.client.price_packages(&admin, &query).await.unwrap().price_packages;
    assert_eq!(listed, std::slice::from_ref(&created));

    let again = h
        .client
        .create_price_package(&admin, &new_package("NORDLYS_SWISH_2027"))
        .await
        .unwrap_err();
    assert_eq!(error_paths(&again), ["/price_package_id"]);
    let mut broken = new_package("NORDLYS_BROKEN");
    broken.products = vec![swish(150, "1,5 %")];
    let error = h.client.create_price_package(&admin, &broken).await.unwrap_err();
    assert_eq!(error_paths(&error), ["/products/0/prices/0/amounts/0/unit_amount"]);

    let update = PricePackageUpdate {
        name: "Nordlys Swish Kampanj 2027".into(),
        description: created.description.clone().unwrap_or_default(),
        products: vec![swish(99, "0.001")],
        pricing_conditions: Some("Gäller till 30 juni 2027.".into()),
        metadata: None,
    };
    let updated = h
        .client
        .update_price_package(&admin, &ids::opaque("NORDLYS_SWISH_2027"), &update)
        .await
        .unwrap();
    assert_eq!(updated.name.as_deref(), Some("Nordlys Swish Kampanj 2027"));
    assert_eq!(updated.products[0].prices[0].amounts[0].flat_amount, Some(99));
    assert_eq!(
        updated.products[0].prices[0].amounts[0].unit_amount.as_deref(),
        Some("0.001")
    );
    assert_eq!(updated.creation_state, Some(CreationState::Modified));
    let listed = h.client.price_packages(&admin, &query).await.unwrap().price_packages;
    assert_eq!(listed[0].name, updated.name, "the change persists");

    let missing = h
        .client
        .update_price_package(&admin, &ids::opaque("NO_SUCH_PACKAGE"), &update)
        .await
        .unwrap_err();
    assert_eq!(missing.status(), Some(404));

    let manager = h.person(MANAGER).await;
    let forbidden = h
        .client
        .create_price_package(&manager, &new_package("NORDLYS_X"))
        .await
        .unwrap_err();
    assert_eq!(forbidden.status(), Some(403));
    let forbidden = h
        .client
        .update_price_package(&manager, &ids::opaque("NORDLYS_SWISH_2027"), &update)
        .await
        .unwrap_err();
    assert_eq!(forbidden.status(), Some(403));
}

#[tokio::test]
async fn an_account_shows_its_package_and_assigning_changes_it() {
    let h = support::start().await;
    let admin = h.admin().await;
    let manager = h.person(MANAGER).await;
    // T11200001 is Norwegian and uses NORDLYS_STANDARD (accounts seeding).
    let package = h
        .client
        .account_price_package(&manager, &ids::account("T11200001"))
        .await
        .unwrap();
    assert_eq!(package.price_package_id, "NORDLYS_STANDARD");
    assert!(!package.products.is_empty());

    let assignment = PricePackageAssignment {
        price_packages: vec![
            PricePackageRef {
                price_package_id: "NORDLYS_PLUS".into(),
            },
            PricePackageRef {
                price_package_id: "NORDLYS_START".into(),
            },
        ],
        default_price_package: None,
    };
    let record = h
        .client
        .assign_price_packages(&admin, &ids::account("T11200001"), &assignment, false)
        .await
        .unwrap();
    assert_eq!(record.price_packages, assignment.price_packages);
    assert!(record.id.is_some());
    let now = h
        .client
        .account_price_package(&manager, &ids::account("T11200001"))
        .await
        .unwrap();
    assert_eq!(now.price_package_id, "NORDLYS_PLUS");

    let with_default = PricePackageAssignment {
        default_price_package: Some(PricePackageRef {
            price_package_id: "NORDLYS_START".into(),
        }),
        ..assignment.clone()
    };
    let record = h
        .client
        .assign_price_packages(&admin, &ids::account("T11200001"), &with_default, false)
        .await
        .unwrap();
    assert_eq!(record.default_price_package, with_default.default_price_package);
    let now = h
        .client
        .account_price_package(&manager, &ids::account("T11200001"))
        .await
        .unwrap();
    assert_eq!(now.price_package_id, "NORDLYS_START");

    let error = h
        .client
        .assign_price_packages(&admin, &ids::account("T11200001"), &with_default, true)
        .await
        .unwrap_err();
    assert_eq!(error_paths(&error), ["/default_price_package"]);
    let removed = h
        .client
        .assign_price_packages(&admin, &ids::account("T11200001"), &assignment, true)
        .await
        .unwrap();
    assert_eq!(removed.default_price_package, None);

    let unknown = PricePackageAssignment {
        price_packages: vec![PricePackageRef {
            price_package_id: "NO_SUCH".into(),
        }],
        default_price_package: None,
    };
    let error = h
        .client
        .assign_price_packages(&admin, &ids::account("T11200001"), &unknown, false)
        .await
        .unwrap_err();
    assert_eq!(error_paths(&error), ["/price_packages/0/price_package_id"]);
    let error = h
        .client
        .assign_price_packages(&admin, &ids::account("T11299999"), &assignment, false)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(404));
    let error = h
        .client
        .assign_price_packages(&manager, &ids::account("T11200001"), &assignment, false)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(403));
}

#[tokio::test]
async fn error_classes() {
    let h = support::start().await;
    let bad = Secret::new("bad");
    let error = h
        .client
        .price_packages(&bad, &PricePackageQuery::default())
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(401));
    let error = h
        .client
        .account_price_package(&bad, &ids::account("T11200001"))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(401));

    // Finance reads accounts, onboarding too; neither may create.
    let onboarding = h.person("onboarding@partner.example").await;
    let error = h
        .client
        .create_price_package(&onboarding, &new_package("NORDLYS_Y"))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(403));

    let person = h.person(MANAGER).await;
    let path = "/v1/accounts/T11200000/management/price-packages";
    h.clear_requests().await;
    h.fault(path, json!({"type": "status", "status": 500}), 1).await;
    let page = h
        .client
        .price_packages(&person, &PricePackageQuery::default())
        .await
        .unwrap();
    assert_eq!(page.price_packages.len(), 10, "Dintero's default limit");
    assert!(page.starting_after.is_some());
    let statuses: Vec<u16> = h
        .requests()
        .await
        .into_iter()
        .filter(|(_, p, _)| p == path)
        .map(|r| r.2)
        .collect();
    assert_eq!(statuses, [500, 200]);

    h.clear_requests().await;
    h.fault(path, json!({"type": "rate_limit", "retry_after": 1}), 1).await;
    assert!(h
        .client
        .price_packages(&person, &PricePackageQuery::default())
        .await
        .is_ok());
    let statuses: Vec<u16> = h
        .requests()
        .await
        .into_iter()
        .filter(|(_, p, _)| p == path)
        .map(|r| r.2)
        .collect();
    assert_eq!(statuses, [429, 200]);

    let admin = h.admin().await;
    h.clear_requests().await;
    h.control(
        "faults",
        json!({"path": path, "method": "POST", "kind": {"type": "status", "status": 503}, "count": 1}),
    )
    .await;
    let error = h
        .client
        .create_price_package(&admin, &new_package("NORDLYS_Z"))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(503));
    let posts = h
        .requests()
        .await
        .into_iter()
        .filter(|(m, p, _)| m == "POST" && p == path)
        .count();
    assert_eq!(posts, 1, "a write is never retried");
}

#[test]
fn the_examples_decode() {
    let page: PricePackagePage = serde_json::from_str(&example("price_packages_list.json")).unwrap();
    assert_eq!(
        page.starting_after.as_deref(),
        Some("1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e")
    );
    assert_eq!(page.price_packages.len(), 2);
    let first = &page.price_packages[0];
    assert_eq!(first.creation_state, Some(CreationState::Pristine));
    assert_eq!(
        first.products[0].prices[0].amounts[0].unit_amount.as_deref(),
        Some("0.0149")
    );
    assert_eq!(first.products[2].prices[0].amounts[0].flat_amount, Some(2900));
    assert_eq!(page.price_packages[1].pricing_conditions, None);

    let account: PricePackageEnvelope = serde_json::from_str(&example("price_package_get_account.json")).unwrap();
    let p = account.price_package;
    assert_eq!(p.kind, Some(PricePackageType::Account));
    assert_eq!(p.source_price_package_id.as_deref(), Some("NORDLYS_STANDARD_2024"));
    assert_eq!(p.creation_state, Some(CreationState::Modified));
    assert_eq!(
        p.metadata.as_ref().and_then(|m| m.get("note")),
        Some(&serde_json::Value::Null)
    );
    assert!(p.name.as_deref().is_some_and(|n| n.contains("Søltun")));
}

#[test]
fn unknown_fields_nulls_and_unknown_values_decode() {
    let page: PricePackagePage = serde_json::from_value(json!({
        "starting_after": null,
        "price_packages": [{
            "price_package_id": "X", "type": "partner", "creation_state": "archived", "name": null,
            "products": null, "metadata": null, "pricing_conditions": null, "brand_new": [1],
        }, {
            "price_package_id": "Y", "products": [{"product_id": "payout.transfer", "namespace": null,
                "prices": [{"type": null, "amounts": [{"flat_amount": null, "unit_amount": null}], "dimensions": null}]}]
        }],
        "total": 2
    }))
    .unwrap();
    assert_eq!(page.starting_after, None);
    let x = &page.price_packages[0];
    assert_eq!(x.kind, Some(PricePackageType::Other("partner".into())));
    assert_eq!(x.creation_state, Some(CreationState::Other("archived".into())));
    assert!(x.products.is_empty());
    let y = &page.price_packages[1];
    assert_eq!(y.products[0].prices[0].amounts[0].flat_amount, None);
    assert!(y.products[0].prices[0].dimensions.is_empty());
}
